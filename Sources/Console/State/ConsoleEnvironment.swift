import Complaints
import Foundation

/// What the console knows about the desk besides its reports: who is at the keyboard, the desk's
/// reference data (as plain view models, so the console does not depend on how it is loaded) and
/// deadline maths. Fixed for a session except the language.
public struct ConsoleEnvironment: Sendable {
    public var deskName: String
    public var operatorOnDuty: Operator
    public var language: Language
    public var deadlines: Deadlines
    public var agencies: [AgencyChoice]
    public var categories: [CategoryChoice]
    /// Routing proposal for a report, with the rule that matched; nil when no rule applies.
    public var propose: @Sendable (Report) -> RoutingSuggestion?
    /// Practice data (demo/bimtek): the title bar says so in every frame.
    public var isPractice: Bool
    /// UTC offset of the desk's time zone, for showing times.
    public var utcOffsetSeconds: Int
    public var zoneName: String
    /// Files in a practice folder that a reset would delete though the desk did not make them (the reset
    /// prompt names them); a read of the folder when the prompt opens.
    public var filesAResetWouldDelete: @Sendable () -> [String] = { [] }
    /// The places a region filter names, folded (`InboxQuery.regionIncludes`): a province brings its regencies.
    public var regionIncludes: @Sendable (String) -> Set<String> = { _ in [] }

    public init(deskName: String, operatorOnDuty: Operator, language: Language = .id, deadlines: Deadlines,
                agencies: [AgencyChoice] = [], categories: [CategoryChoice] = [],
                propose: @escaping @Sendable (Report) -> RoutingSuggestion? = { _ in nil },
                isPractice: Bool = false, utcOffsetSeconds: Int = 7 * 3600, zoneName: String = "WIB") {
        self.deskName = deskName
        self.operatorOnDuty = operatorOnDuty
        self.language = language
        self.deadlines = deadlines
        self.agencies = agencies
        self.categories = categories
        self.propose = propose
        self.isPractice = isPractice
        self.utcOffsetSeconds = utcOffsetSeconds
        self.zoneName = zoneName
    }

    public func agencyName(_ id: String?) -> String {
        guard let id else { return "-" }
        return agencies.first { $0.id == id }?.name ?? id
    }

    public func unitName(_ id: String?, in agency: String?) -> String? {
        guard let id else { return nil }
        return agencies.first { $0.id == agency }?.units.first { $0.id == id }?.name ?? id
    }
}

/// An agency as the routing pane lists it.
public struct AgencyChoice: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    public var region: String
    public var units: [UnitChoice]

    public init(id: String, name: String, kind: String, region: String, units: [UnitChoice]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.region = region
        self.units = units
    }
}

public struct UnitChoice: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A topic with its sub-categories, for the classify form.
public struct CategoryChoice: Sendable, Hashable {
    public var name: String
    public var subcategories: [String]

    public init(name: String, subcategories: [String]) {
        self.name = name
        self.subcategories = subcategories
    }
}

/// The routing rule's proposal, worded for the officer.
public struct RoutingSuggestion: Sendable, Hashable {
    public var agencyID: String
    public var unitID: String?
    /// Where the rule lives, e.g. "rute.toml:42"; recorded on the disposition.
    public var ruleRef: String
    /// Why it matched, e.g. "Kesehatan × Kabupaten Sleman".
    public var reason: Localized
    public var alternatives: [String]
    /// The unit of the most specific matching rule naming each agency, the proposed one or not: an agency
    /// admin's unit form opens on it (a province's report that a regency rule won still has its unit).
    public var unitsByAgency: [String: String]

    public init(agencyID: String, unitID: String?, ruleRef: String, reason: Localized, alternatives: [String],
                unitsByAgency: [String: String] = [:]) {
        self.agencyID = agencyID
        self.unitID = unitID
        self.ruleRef = ruleRef
        self.reason = reason
        self.alternatives = alternatives
        self.unitsByAgency = unitsByAgency
        if let unitID, self.unitsByAgency[agencyID] == nil { self.unitsByAgency[agencyID] = unitID }
    }
}
