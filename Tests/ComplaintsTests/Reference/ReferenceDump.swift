@testable import Complaints

/// Every value a loaded `ReferenceData` holds, one fact per line in load order, including the names
/// lookups compare (`matchName`…): the golden tests compare it whole, so a faster loader that changed
/// any value, its order or a lookup's normalised form shows up as a line-level diff.
enum ReferenceDump {
    static func text(_ data: ReferenceData) -> String {
        var out: [String] = []
        for topic in data.categories.categories {
            out.append("kategori \(q(topic.id)) \(q(topic.name)) line=\(topic.line) match=\(q(topic.matchName))")
            for sub in topic.subcategories {
                out.append("  sub \(q(sub.id)) \(q(sub.name)) line=\(sub.line) match=\(q(sub.matchName))")
            }
        }
        for province in data.regions.provinces {
            out.append("provinsi \(q(province.code)) \(q(province.name)) line=\(province.line) "
                + "alias=\(province.aliases.map(q)) match=\(province.matchNames.map(q))")
            for regency in province.regencies {
                out.append("  kabkota \(q(regency.code)) \(q(regency.name)) \(regency.kind) prov=\(q(regency.provinceCode)) "
                    + "line=\(regency.line) match=\(q(regency.matchName)) bare=\(q(regency.bareMatchName))")
            }
        }
        for agency in data.agencies.agencies {
            let region = agency.region.map {
                "\(q($0.provinceCode)) \(q($0.provinceName)) \($0.regencyCode.map(q) ?? "-") \($0.regencyName.map(q) ?? "-")"
            } ?? "-"
            let indexed = data.agencies[agency.id].map { $0.line == agency.line } ?? false
            out.append("instansi \(q(agency.id)) \(q(agency.name)) \(agency.kind) line=\(agency.line) "
                + "region=\(region) indexed=\(indexed)")
            for unit in agency.units {
                out.append("  unit \(q(unit.id)) \(q(unit.localID)) \(q(unit.name)) line=\(unit.line)")
            }
        }
        for rule in data.routing.rules {
            let key = rule.key
            out.append("rute \(rule.source) kat=\(opt(key.categoryID)) sub=\(opt(key.subcategoryID)) "
                + "prov=\(opt(key.provinceCode)) kab=\(opt(key.regencyCode)) -> \(q(rule.agencyID)) unit=\(opt(rule.unitID)) "
                + "central=\(rule.central) note=\(opt(rule.note))")
        }
        let routingShares = data.routing.categories == data.categories && data.routing.regions == data.regions
            && data.routing.agencies == data.agencies
        out.append("routing uses the loaded directories: \(routingShares)")
        return out.joined(separator: "\n") + "\n"
    }

    /// Quoted with Swift's escapes, so control characters and trailing spaces stay visible.
    static func q(_ text: String) -> String { text.debugDescription }

    static func opt(_ text: String?) -> String { text.map(q) ?? "-" }

    /// FNV-1a over the dump, for the many mutated loads whose whole dump would bloat a golden file.
    static func hash(_ data: ReferenceData) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text(data).utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
