import TinyTOML

extension AgencyDirectory {
    /// Reads `instansi.toml`:
    ///
    ///     [unit_standar]                   # named standard unit sets; {wilayah} in a name is
    ///     kabkota = [                      # replaced by the agency's region name
    ///       { id = "dinkes", nama = "Dinas Kesehatan {wilayah}" },
    ///     ]
    ///
    ///     [[instansi]]
    ///     id = "pemkab-sleman"             # slug, unique
    ///     nama = "Pemerintah Kabupaten Sleman"
    ///     jenis = "kabupaten"              # kementerian | lembaga | provinsi | kabupaten | kota | bumn | perguruan-tinggi
    ///     provinsi = "DI Yogyakarta"       # required for provinsi/kabupaten/kota
    ///     kabkota = "Kabupaten Sleman"     # required for kabupaten/kota
    ///     unit_standar = "kabkota"         # optional: include a standard set
    ///     nama_wilayah = "..."             # optional: text for {wilayah}
    ///     unit = [ { id = "rsud", nama = "RSUD Sleman" } ]   # optional extra units
    ///
    /// `regions` is nil when `wilayah.toml` itself failed to load; region names are then not checked.
    static func load(_ document: TOMLTable, regions: RegionDirectory?, mentions: ReferenceMentions,
                     issues: inout ReferenceIssues) -> AgencyDirectory {
        issues.checkKeys(document, allowed: documentKeys)
        let standardSets = loadStandardSets(document, issues: &issues)
        let tables = issues.read { () throws(TOMLFieldError) in try document.tables("instansi") } ?? []
        if tables.isEmpty {
            issues.add(line: document.line, field: "instansi", reason: "no [[instansi]] entries")
        }
        var agencies: [Agency] = []
        var seen: [String: Int] = [:]
        for table in tables {
            guard let agency = loadAgency(table, standardSets: standardSets, regions: regions, mentions: mentions, issues: &issues) else {
                continue
            }
            if let first = seen[agency.id] {
                issues.add(table.fieldError("id", "duplicate agency id '\(agency.id)' (first at line \(first))"))
                continue
            }
            seen[agency.id] = agency.line
            agencies.append(agency)
        }
        return AgencyDirectory(agencies: agencies)
    }

    struct UnitTemplate {
        let id: String
        let name: String
    }

    /// A unit of a standard set, its name ready to be filled with each agency's region.
    struct StandardUnit {
        let id: String
        let name: UnitNameTemplate
    }

    static func loadStandardSets(_ document: TOMLTable, issues: inout ReferenceIssues) -> [String: [StandardUnit]] {
        guard let sets = issues.read({ () throws(TOMLFieldError) in try document.optionalTable("unit_standar") }) ?? nil else {
            return [:]
        }
        var result: [String: [StandardUnit]] = [:]
        for setName in sets.keys {
            let tables = issues.read { () throws(TOMLFieldError) in try sets.tables(setName) } ?? []
            var templates: [StandardUnit] = []
            for table in tables {
                if let unit = loadUnit(table, existing: templates.lazy.map(\.id), issues: &issues) {
                    templates.append(StandardUnit(id: unit.id, name: UnitNameTemplate(unit.name)))
                }
            }
            result[setName] = templates
        }
        return result
    }

    static func loadUnit(_ table: TOMLTable, existing: some Sequence<String>,
                         issues: inout ReferenceIssues) -> UnitTemplate? {
        issues.checkKeys(table, allowed: unitKeys)
        let id = issues.read { () throws(TOMLFieldError) in try table.requiredString("id") }
        let name = issues.read { () throws(TOMLFieldError) in try table.requiredString("nama") }
        guard let id, let name else { return nil }
        guard ReferenceName.isSlug(id) else {
            issues.add(table.fieldError("id", "'\(id)' is not a valid unit id (use lowercase letters, digits and dashes)"))
            return nil
        }
        guard !existing.contains(id) else {
            issues.add(table.fieldError("id", "duplicate unit id '\(id)'"))
            return nil
        }
        return UnitTemplate(id: id, name: name)
    }

    /// The keys each table may have, made once rather than for every table checked.
    static let documentKeys: Set<String> = ["unit_standar", "instansi"]
    static let unitKeys: Set<String> = ["id", "nama"]
    static let agencyKeys: Set<String> = ["id", "nama", "jenis", "provinsi", "kabkota", "unit_standar", "nama_wilayah", "unit"]

    static func loadAgency(_ table: TOMLTable, standardSets: [String: [StandardUnit]], regions: RegionDirectory?,
                           mentions: ReferenceMentions, issues: inout ReferenceIssues) -> Agency? {
        issues.checkKeys(table, allowed: agencyKeys)
        let id = issues.read { () throws(TOMLFieldError) in try table.requiredString("id") }
        let name = issues.read { () throws(TOMLFieldError) in try table.requiredString("nama") }
        let kindText = issues.read { () throws(TOMLFieldError) in try table.requiredString("jenis") }
        let provinceText = issues.read { () throws(TOMLFieldError) in try table.optionalString("provinsi") } ?? nil
        let regencyText = issues.read { () throws(TOMLFieldError) in try table.optionalString("kabkota") } ?? nil
        let setName = issues.read { () throws(TOMLFieldError) in try table.optionalString("unit_standar") } ?? nil
        let regionLabel = issues.read { () throws(TOMLFieldError) in try table.optionalString("nama_wilayah") } ?? nil
        let unitTables = issues.read { () throws(TOMLFieldError) in try table.tables("unit") } ?? []
        guard let id, let name, let kindText else { return nil }
        guard ReferenceName.isSlug(id) else {
            issues.add(table.fieldError("id", "'\(id)' is not a valid agency id (use lowercase letters, digits and dashes)"))
            return nil
        }
        guard let kind = AgencyKind(rawValue: kindText) else {
            let known = AgencyKind.allCases.map(\.rawValue)
            var reason = "unknown agency kind '\(kindText)' (expected one of \(known.joined(separator: ", ")))"
            if let guess = closestSpelling(to: kindText, among: known) { reason = "unknown agency kind '\(kindText)' (did you mean '\(guess)'?)" }
            issues.add(table.fieldError("jenis", reason))
            return nil
        }
        let region = resolveRegion(table, kind: kind, province: provinceText, regency: regencyText,
                                   regions: regions, mentions: mentions, issues: &issues)
        var units: [WorkUnit] = []
        if let setName {
            if let templates = standardSets[setName] {
                let label = regionLabel ?? region.map { $0.regencyName ?? "Provinsi \($0.provinceName)" } ?? name
                for template in templates {
                    units.append(WorkUnit(id: Concatenation.concatenated(id, "/", template.id), localID: template.id,
                                          name: template.name.filled(with: label), line: table.line))
                }
            } else {
                issues.add(table.fieldError("unit_standar", "unknown standard unit set '\(setName)'"))
            }
        }
        for unitTable in unitTables {
            guard let template = loadUnit(unitTable, existing: units.lazy.map(\.localID), issues: &issues) else { continue }
            units.append(WorkUnit(id: Concatenation.concatenated(id, "/", template.id), localID: template.id, name: template.name,
                                  line: unitTable.line(of: "id") ?? unitTable.line))
        }
        return Agency(id: id, name: name, kind: kind, region: region, units: units, line: table.line)
    }

    static func resolveRegion(_ table: TOMLTable, kind: AgencyKind, province: String?, regency: String?,
                              regions: RegionDirectory?, mentions: ReferenceMentions,
                              issues: inout ReferenceIssues) -> AgencyRegion? {
        let needsProvince = [.province, .regency, .city].contains(kind)
        let needsRegency = kind == .regency || kind == .city
        if needsProvince, province == nil {
            issues.add(table.fieldError("provinsi", "missing required field (an agency of kind '\(kind.rawValue)' needs it)"))
        }
        if needsRegency, regency == nil {
            issues.add(table.fieldError("kabkota", "missing required field (an agency of kind '\(kind.rawValue)' needs it)"))
        }
        if kind == .province, regency != nil {
            issues.add(table.fieldError("kabkota", "a province agency cannot name a regency/city"))
        }
        guard let province, let regions else { return nil }
        guard let foundProvince = regions.province(named: province) else {
            if mentions.mentionsProvince(province) { return nil }
            issues.add(table.fieldError("provinsi", regions.unknownProvinceReason(province)))
            return nil
        }
        guard let regency else {
            return AgencyRegion(provinceCode: foundProvince.code, provinceName: foundProvince.name)
        }
        guard let foundRegency = regions.regency(named: regency, inProvince: foundProvince.code) else {
            if mentions.mentionsRegency(regency) { return nil }
            issues.add(table.fieldError("kabkota", regions.unknownRegencyReason(regency, in: foundProvince)))
            return nil
        }
        if (kind == .regency && foundRegency.kind != .kabupaten) || (kind == .city && foundRegency.kind != .kota) {
            issues.add(table.fieldError("jenis", "kind '\(kind.rawValue)' does not match '\(foundRegency.name)'"))
        }
        return AgencyRegion(provinceCode: foundProvince.code, provinceName: foundProvince.name,
                            regencyCode: foundRegency.code, regencyName: foundRegency.name)
    }
}
