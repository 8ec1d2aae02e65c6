import Complaints
import Foundation

extension Open311 {
    /// What GeoReport v2 carries only as words or codes, matched against the desk's reference data once the
    /// desk is open (decoding has none): the responsible agency, the place at the end of the one-line address,
    /// and the topic behind a `service_code`. QA: an Open311 round trip left every report unrouted, placeless
    /// (`list --region` found none) and, with only a code, without a topic.
    ///
    /// - `agency_responsible` an agency of the directory: the report goes to that agency's queue, as an
    ///   intake's `agency` does; another id stays with the report (in its extra fields) and is warned about.
    /// - `address` ending in a province (and a regency of it) or in a regency named once: those become the
    ///   report's place, and the rest its address detail ("Depok, Kabupaten Sleman, DI Yogyakarta", what our
    ///   export writes, reads back as it was). An address that names no known place stays detail, whole.
    /// - `service_code` without `service_name`: the topic with that id in kategori.toml, or whose code our export
    ///   writes (`ReportExport.slug` of its name); another code stays with the report and is warned about.
    public static func resolve(_ batch: inout IntakeBatch, fileName: String, reference: ReferenceData) {
        for k in batch.records.indices {
            var intake = batch.records[k].intake
            let line = batch.records[k].line
            var extra = intake.extra
            if intake.agency == nil, let id = extra["agency_responsible"].flatMap(jsonString) {
                if reference.agencies[id] != nil {
                    intake.agency = id
                    extra["agency_responsible"] = nil
                } else {
                    batch.warnings.append(IntakeProblem(
                        file: fileName, line: line, field: "agency_responsible",
                        message: "'\(QuotedValue.shown(id))' is not in the agency directory (instansi.toml); kept with the report, which is not routed"))
                }
            }
            if intake.category == nil, let code = extra["service_code"].flatMap(jsonString) {
                // QA: a topic's own id ("pupr", "bansos") was passed over without a word.
                if let topic = reference.categories.category(named: code)
                    ?? reference.categories.categories.first(where: { ReportExport.slug($0.name) == code.lowercased() }) {
                    intake.category = topic.name
                    extra["service_code"] = nil
                } else {
                    batch.warnings.append(IntakeProblem(
                        file: fileName, line: line, field: "service_code",
                        message: "'\(QuotedValue.shown(code))' is no topic id in kategori.toml; kept with the report, which has no topic"))
                }
            }
            let l = intake.location
            if l.province == nil, l.regency == nil, l.district == nil, let address = l.detail {
                intake.location = placed(address, regions: reference.regions)
            }
            intake.extra = extra
            batch.records[k].intake = intake
        }
    }

    /// The place at the end of a one-line address, and what comes before it as the detail.
    static func placed(_ address: String, regions: RegionDirectory) -> Location {
        var parts = address.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Names only: a house number ("12") must not be read as a province's code.
        func named(_ part: String) -> Bool { part.contains { $0.isLetter } }
        var location = Location()
        if let last = parts.last, named(last), let province = regions.province(named: last) {
            location.province = province.name
            parts.removeLast()
            if let next = parts.last, named(next), let regency = regions.regency(named: next, inProvince: province.name) {
                location.regency = regency.name
                parts.removeLast()
            }
        } else if let last = parts.last, named(last), let regency = regions.regency(named: last) {
            location.regency = regency.name
            location.province = regions.province(code: regency.provinceCode)?.name
            parts.removeLast()
        } else {
            return Location(detail: address)
        }
        location.detail = parts.isEmpty ? nil : parts.joined(separator: ", ")
        return location
    }

    /// The text of a JSON string kept verbatim in an intake's extra fields.
    private static func jsonString(_ text: String) -> String? {
        guard case let .string(s)? = try? JSONValue.parse(Array(text.utf8)) else { return nil }
        return s
    }
}
