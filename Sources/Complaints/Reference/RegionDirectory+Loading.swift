import TinyTOML

extension RegionDirectory {
    /// Reads `wilayah.toml`:
    ///
    ///     [[provinsi]]
    ///     kode = "34"                      # two digits, unique
    ///     nama = "DI Yogyakarta"           # unique
    ///     alias = ["DIY"]                  # optional
    ///     kabkota = [                      # optional
    ///       { kode = "34.04", nama = "Kabupaten Sleman" },   # code starts with the province code;
    ///     ]                                                  # name starts with Kabupaten or Kota
    static func load(_ document: TOMLTable, issues: inout ReferenceIssues) -> RegionDirectory {
        issues.checkKeys(document, allowed: documentKeys)
        let tables = issues.read { () throws(TOMLFieldError) in try document.tables("provinsi") } ?? []
        if tables.isEmpty {
            issues.add(line: document.line, field: "provinsi", reason: "no [[provinsi]] entries")
        }
        var provinces: [Province] = []
        var seenCodes: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        for table in tables {
            issues.checkKeys(table, allowed: provinceKeys)
            let code = issues.read { () throws(TOMLFieldError) in try table.requiredString("kode") }
            let name = issues.read { () throws(TOMLFieldError) in try table.requiredString("nama") }
            let aliases = issues.read { () throws(TOMLFieldError) in try table.stringArray("alias") } ?? []
            let regencyTables = issues.read { () throws(TOMLFieldError) in try table.tables("kabkota") } ?? []
            guard let code, let name else { continue }
            guard code.count == 2, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
                issues.add(table.fieldError("kode", "province code must be two digits, found '\(code)'"))
                continue
            }
            if let first = seenCodes[code] {
                issues.add(table.fieldError("kode", "duplicate region code '\(code)' (first at line \(first))"))
                continue
            }
            let normalized = RegionDirectory.normalizedName(name)
            if let first = seenNames[normalized] {
                issues.add(table.fieldError("nama", "duplicate province '\(name)' (first at line \(first))"))
                continue
            }
            seenCodes[code] = table.line(of: "kode") ?? table.line
            seenNames[normalized] = table.line
            var regencies: [Regency] = []
            var regencyNames: [String: Int] = [:]
            for regencyTable in regencyTables {
                guard let regency = loadRegency(regencyTable, provinceCode: code, issues: &issues) else { continue }
                let key = regency.matchName
                if let first = seenCodes[regency.code] {
                    issues.add(regencyTable.fieldError("kode", "duplicate region code '\(regency.code)' (first at line \(first))"))
                } else if let first = regencyNames[key] {
                    issues.add(regencyTable.fieldError("nama", "duplicate regency/city '\(regency.name)' (first at line \(first))"))
                } else {
                    seenCodes[regency.code] = regency.line
                    regencyNames[key] = regency.line
                    regencies.append(regency)
                }
            }
            provinces.append(Province(code: code, name: name, aliases: aliases, regencies: regencies, line: table.line,
                                      matchName: normalized))
        }
        return RegionDirectory(provinces: provinces)
    }

    static func loadRegency(_ table: TOMLTable, provinceCode: String, issues: inout ReferenceIssues) -> Regency? {
        issues.checkKeys(table, allowed: regencyKeys)
        let code = issues.read { () throws(TOMLFieldError) in try table.requiredString("kode") }
        let name = issues.read { () throws(TOMLFieldError) in try table.requiredString("nama") }
        guard let code, let name else { return nil }
        guard isRegencyCode(code, of: provinceCode) else {
            issues.add(table.fieldError("kode", "regency/city code must look like '\(provinceCode).04', found '\(code)'"))
            return nil
        }
        let normalized = RegionDirectory.normalizedName(name)
        let kind: RegencyKind
        if normalized.hasPrefix("kabupaten ") {
            kind = .kabupaten
        } else if normalized.hasPrefix("kota ") {
            kind = .kota
        } else {
            issues.add(table.fieldError("nama", "name must start with 'Kabupaten' or 'Kota', found '\(name)'"))
            return nil
        }
        let line = table.line(of: "nama") ?? table.line
        return Regency(code: code, name: name, kind: kind, provinceCode: provinceCode, line: line, matchName: normalized)
    }

    /// `PP.RR`: the province's code, a dot and two ASCII digits. On bytes: the province's code is two ASCII
    /// digits by then (checked first), and against it a code holding any other byte is not a regency's.
    static func isRegencyCode(_ code: String, of provinceCode: String) -> Bool {
        let bytes = code.utf8
        let rest = bytes.dropFirst(provinceCode.utf8.count)
        return bytes.starts(with: provinceCode.utf8) && rest.count == 3 && rest.first == 0x2E
            && rest.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The keys each table may have, made once rather than for every table checked.
    static let documentKeys: Set<String> = ["provinsi"]
    static let provinceKeys: Set<String> = ["kode", "nama", "alias", "kabkota"]
    static let regencyKeys: Set<String> = ["kode", "nama"]
}
