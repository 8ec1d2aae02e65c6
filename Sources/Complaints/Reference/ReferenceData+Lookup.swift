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
