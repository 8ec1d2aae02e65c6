import TinyTOML

extension CategoryTree {
    /// Reads `kategori.toml`:
    ///
    ///     [[kategori]]
    ///     id = "kesehatan"          # slug, unique
    ///     nama = "Kesehatan"        # unique (case-insensitive)
    ///     sub = ["Pelayanan Puskesmas", "Pelayanan Rumah Sakit"]   # names, unique within the topic
    ///
    /// Broken entries are reported in `issues` and left out.
    static func load(_ document: TOMLTable, issues: inout ReferenceIssues) -> CategoryTree {
        issues.checkKeys(document, allowed: documentKeys)
        let tables = issues.read { () throws(TOMLFieldError) in try document.tables("kategori") } ?? []
        if tables.isEmpty {
            issues.add(line: document.line, field: "kategori", reason: "no [[kategori]] entries")
        }
        var categories: [TopicCategory] = []
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        for table in tables {
            issues.checkKeys(table, allowed: categoryKeys)
            let id = issues.read { () throws(TOMLFieldError) in try table.requiredString("id") }
            let name = issues.read { () throws(TOMLFieldError) in try table.requiredString("nama") }
            let subNames = issues.read { () throws(TOMLFieldError) in try table.stringArray("sub") } ?? []
            guard let id, let name else { continue }
            guard ReferenceName.isSlug(id) else {
                issues.add(table.fieldError("id", "'\(id)' is not a valid id (use lowercase letters, digits and dashes)"))
                continue
            }
            if let first = seenIDs[id] {
                issues.add(table.fieldError("id", "duplicate category id '\(id)' (first at line \(first))"))
                continue
            }
            let matchName = ReferenceName.normalized(name)
            if let first = seenNames[matchName] {
                issues.add(table.fieldError("nama", "duplicate category name '\(name)' (first at line \(first))"))
                continue
            }
            seenIDs[id] = table.line
            seenNames[matchName] = table.line
            let line = table.line(of: "sub") ?? table.line
            let subArray = table["sub"]?.arrayValue
            var subcategories: [Subcategory] = []
            for (index, subName) in subNames.enumerated() {
                let subLine = subArray?.line(at: index) ?? line
                let subID = ReferenceName.slug(subName)
                if subID.isEmpty {
                    issues.add(line: subLine, field: subField(table, index), reason: "sub-category name must contain letters or digits")
                } else if subcategories.contains(where: { $0.id == subID }) {
                    issues.add(line: subLine, field: subField(table, index), reason: "duplicate sub-category '\(subName)' in '\(name)'")
                } else {
                    subcategories.append(Subcategory(id: subID, name: subName, line: subLine,
                                                     matchName: ReferenceName.normalized(subName)))
                }
            }
            categories.append(TopicCategory(id: id, name: name, subcategories: subcategories, line: table.line,
                                            matchName: matchName))
        }
        return CategoryTree(categories: categories)
    }

    /// The keys each table may have, made once rather than for every table checked.
    static let documentKeys: Set<String> = ["kategori"]
    static let categoryKeys: Set<String> = ["id", "nama", "sub"]

    /// `kategori[3].sub[2]`, built only for an error.
    static func subField(_ table: TOMLTable, _ index: Int) -> String {
        "\(table.fieldPath("sub"))[\(index + 1)]"
    }
}
