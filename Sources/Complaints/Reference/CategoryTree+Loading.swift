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
        issues.checkKeys(document, allowed: ["kategori"])
        let tables = issues.read { () throws(TOMLFieldError) in try document.tables("kategori") } ?? []
        if tables.isEmpty {
            issues.add(line: document.line, field: "kategori", reason: "no [[kategori]] entries")
        }
        var categories: [TopicCategory] = []
        var seenIDs: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        for table in tables {
            issues.checkKeys(table, allowed: ["id", "nama", "sub"])
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
            if let first = seenNames[ReferenceName.normalized(name)] {
                issues.add(table.fieldError("nama", "duplicate category name '\(name)' (first at line \(first))"))
                continue
            }
            seenIDs[id] = table.line
            seenNames[ReferenceName.normalized(name)] = table.line
            let line = table.line(of: "sub") ?? table.line
            var subcategories: [Subcategory] = []
            for (index, subName) in subNames.enumerated() {
                let subLine = table["sub"]?.arrayValue?.line(at: index) ?? line
                let field = "\(table.fieldPath("sub"))[\(index + 1)]"
                let subID = ReferenceName.slug(subName)
                if subID.isEmpty {
                    issues.add(line: subLine, field: field, reason: "sub-category name must contain letters or digits")
                } else if subcategories.contains(where: { $0.id == subID }) {
                    issues.add(line: subLine, field: field, reason: "duplicate sub-category '\(subName)' in '\(name)'")
                } else {
                    subcategories.append(Subcategory(id: subID, name: subName, line: subLine))
                }
            }
            categories.append(TopicCategory(id: id, name: name, subcategories: subcategories, line: table.line))
        }
        return CategoryTree(categories: categories)
    }
}
