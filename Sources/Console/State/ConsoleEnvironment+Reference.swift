import Complaints
import Foundation

extension ConsoleEnvironment {
    /// Takes the desk's reference data: the routing pane's agencies and units, the classify form's topics
    /// and the routing proposal. At start-up, and again when `referensi/` is edited under the console.
    public mutating func adopt(_ reference: ReferenceData) {
        agencies = reference.agencies.agencies.map { a in
            AgencyChoice(id: a.id, name: a.name, kind: a.kind.rawValue,
                         region: a.region.map { $0.regencyName ?? $0.provinceName } ?? "Nasional",
                         units: a.units.map { UnitChoice(id: $0.id, name: $0.name) })
        }
        categories = reference.categories.categories.map { CategoryChoice(name: $0.name, subcategories: $0.subcategories.map(\.name)) }
        propose = { report in
            guard let p = reference.proposal(for: report) else { return nil }
            var units: [String: String] = [:]
            for rule in p.matchedRules where units[rule.agencyID] == nil { if let unit = rule.unitID { units[rule.agencyID] = unit } }
            return RoutingSuggestion(agencyID: p.agencyID, unitID: p.unitID, ruleRef: p.rule.source,
                                     reason: Localized(p.reason.indonesian, en: p.reason.english), alternatives: p.alternatives,
                                     unitsByAgency: units)
        }
        let regions = reference.regions
        regionIncludes = { regions.foldedPlaces(named: $0) }
    }
}
