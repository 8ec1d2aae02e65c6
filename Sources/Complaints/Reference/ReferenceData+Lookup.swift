/// The desk's reference data answers `decide`'s questions about agencies, units and categories.
extension ReferenceData: DirectoryLookup {
    public func agencyExists(_ id: String) -> Bool { agencies[id] != nil }

    public func unitExists(_ unit: String, in agency: String) -> Bool {
        agencies[agency]?.unit(unit) != nil
    }

    public func canonicalUnit(_ unit: String, in agency: String) -> String? {
        agencies[agency]?.unit(unit)?.id
    }

    public func categoryExists(_ category: String, subcategory: String?) -> Bool {
        guard let topic = categories.category(named: category) else { return false }
        guard let subcategory else { return true }
        let wanted = RegionDirectory.normalizedName(subcategory)
        return topic.subcategories.contains { RegionDirectory.normalizedName($0.name) == wanted }
    }

    public func agencyName(_ id: String) -> String? { agencies[id]?.name }

    public func canonicalCategory(_ category: String, subcategory: String?) -> (category: String, subcategory: String?)? {
        guard let topic = categories.category(named: category) else { return nil }
        guard let subcategory else { return (topic.name, nil) }
        guard let sub = topic.subcategory(named: subcategory) else { return nil }
        return (topic.name, sub.name)
    }

    /// The routing proposal for a report's category and place.
    public func proposal(for report: Report) -> RoutingProposal? {
        routing.propose(category: report.category, subcategory: report.subcategory,
                        province: report.location.province, regency: report.location.regency)
    }
}

extension ReferenceData {
    /// The intake with its topic and place as the reference names them: a topic by its id or another
    /// spelling ("pupr", "kesehatan") becomes its name, a place written another accepted way ("Sleman",
    /// "Kab. Sleman", "DIY") becomes its name, and a regency given alone brings its province. Routing already
    /// read these spellings as the places they name; the desk stored them as typed, so filters and figures
    /// took one place for several (QA: `list --region "DI Yogyakarta"` found 1 of 5, `stats` showed four rows
    /// for Sleman, `--category pupr` missed a report recorded as "pupr"). Unknown values stay as given.
    public func canonicalized(_ intake: Intake) -> Intake {
        var i = intake
        if let c = i.category {
            if let known = canonicalCategory(c, subcategory: i.subcategory) {
                (i.category, i.subcategory) = (known.category, known.subcategory)
            } else if let topic = categories.category(named: c) {
                i.category = topic.name // its sub-topic unknown: kept as given (and warned about)
            }
        }
        var place = i.location
        let province = place.province.flatMap { regions.province(named: $0) }
        if let province { place.province = province.name }
        // Within the province when one is given; a province given but unknown leaves the regency as typed.
        if let text = place.regency, province != nil || place.province == nil,
           let regency = regions.regency(named: text, inProvince: province?.code) {
            place.regency = regency.name
            if place.province == nil { place.province = regions.province(code: regency.provinceCode)?.name }
        }
        if place != i.location { i.location = place }
        return i
    }
}
