/// Category × region → agency rules, and the proposal the console shows an officer.
///
/// Precedence, most specific wins:
/// 0. A rule marked `pusat` (the topic is the central government's business, e.g. immigration or
///    corruption) wins over every rule without it: a regional government cannot act on it.
/// 1. REGION first: a rule for the report's regency/city beats one for its province, which beats
///    a national rule (no region).
/// 2. then TOPIC: a rule for the report's sub-category beats one for its category, which beats a
///    rule for any topic.
/// So a catch-all rule for Kabupaten Sleman wins over a national Kesehatan rule: the local
/// government is the first door, and the ministry is offered as an alternative. Two rules with
/// the same key would tie and are refused when the file is loaded.
public struct RoutingRules: Equatable, Sendable {
    public let rules: [RoutingRule]
    let categories: CategoryTree
    let regions: RegionDirectory
    let agencies: AgencyDirectory

    /// Rules must already be valid against the directories (as `ReferenceData.load` ensures).
    public init(rules: [RoutingRule], categories: CategoryTree, regions: RegionDirectory, agencies: AgencyDirectory) {
        self.rules = rules
        self.categories = categories
        self.regions = regions
        self.agencies = agencies
    }

    /// Resolves free-text facts of a report into a key. Names are matched forgivingly (ids,
    /// case, "Kab." variants); an unknown or missing fact counts as absent. A regency implies its
    /// province (and wins if the two disagree); a sub-category counts only with its category.
    public func resolve(category: String?, subcategory: String?, province: String?, regency: String?) -> RoutingKey {
        let topic = category.flatMap { categories.category(named: $0) }
        let sub = topic.flatMap { found in subcategory.flatMap { found.subcategory(named: $0) } }
        let foundProvince = province.flatMap { regions.province(named: $0) }
        let foundRegency = regency.flatMap { regions.regency(named: $0, inProvince: foundProvince?.code) }
            ?? regency.flatMap { regions.regency(named: $0) }
        return RoutingKey(categoryID: topic?.id, subcategoryID: sub?.id,
                          provinceCode: foundRegency?.provinceCode ?? foundProvince?.code,
                          regencyCode: foundRegency?.code)
    }

    /// Every rule that applies to `key`, most specific first (see the type's precedence).
    public func matchingRules(for key: RoutingKey) -> [RoutingRule] {
        rules.filter { $0.key.matches(key) }.sorted { lhs, rhs in
            if lhs.central != rhs.central { return lhs.central }
            if lhs.key.regionLevel != rhs.key.regionLevel { return lhs.key.regionLevel > rhs.key.regionLevel }
            if lhs.key.topicLevel != rhs.key.topicLevel { return lhs.key.topicLevel > rhs.key.topicLevel }
            return lhs.line < rhs.line
        }
    }

    /// Proposes where a report should go, with the rule that decided it and the other agencies
    /// an officer might pick instead; nil when no rule applies.
    public func propose(category: String?, subcategory: String?, province: String?, regency: String?) -> RoutingProposal? {
        propose(for: resolve(category: category, subcategory: subcategory, province: province, regency: regency))
    }

    /// `propose` for an already resolved key.
    public func propose(for key: RoutingKey) -> RoutingProposal? {
        let matched = matchingRules(for: key)
        guard let best = matched.first else { return nil }
        var alternatives: [String] = []
        for rule in matched.dropFirst() where rule.agencyID != best.agencyID && !alternatives.contains(rule.agencyID) {
            alternatives.append(rule.agencyID)
        }
        return RoutingProposal(agencyID: best.agencyID, unitID: best.unitID, rule: best,
                               reason: reason(for: best, query: key), alternatives: alternatives, matchedRules: matched)
    }

    func reason(for rule: RoutingRule, query: RoutingKey) -> RoutingReason {
        let topic = rule.key.categoryID.flatMap { id in categories.categories.first { $0.id == id } }
        let sub = rule.key.subcategoryID.flatMap { id in topic?.subcategories.first { $0.id == id } }
        let agency = agencies[rule.agencyID]
        return RoutingReason(
            regionLevel: rule.key.regionLevel, topicLevel: rule.key.topicLevel,
            categoryName: topic?.name, subcategoryName: sub?.name,
            provinceName: rule.key.provinceCode.flatMap { regions.province(code: $0)?.name },
            regencyName: rule.key.regencyCode.flatMap { regions.regency(code: $0)?.name },
            central: rule.central, agencyName: agency?.name ?? rule.agencyID,
            unitName: rule.unitID.flatMap { agencies.unit(id: $0)?.name },
            note: rule.note, source: rule.source)
    }

    public static func == (lhs: RoutingRules, rhs: RoutingRules) -> Bool { lhs.rules == rhs.rules }
}
