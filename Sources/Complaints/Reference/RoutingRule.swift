/// How specific a rule is about place. Higher wins.
public enum RegionLevel: Int, Comparable, Sendable, Hashable {
    case national = 0
    case province = 1
    case regency = 2

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How specific a rule is about topic. Higher wins, after region.
public enum TopicLevel: Int, Comparable, Sendable, Hashable {
    case anyTopic = 0
    case category = 1
    case subcategory = 2

    public static func < (lhs: TopicLevel, rhs: TopicLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a routing rule matches on; absent fields match anything. Two rules with equal keys
/// would tie, so the loader refuses them.
public struct RoutingKey: Hashable, Sendable {
    public let categoryID: String?
    /// Sub-category id (slug); only with `categoryID`.
    public let subcategoryID: String?
    public let provinceCode: String?
    /// Regency/city code; when set, `provinceCode` is its province.
    public let regencyCode: String?

    public init(categoryID: String? = nil, subcategoryID: String? = nil, provinceCode: String? = nil, regencyCode: String? = nil) {
        self.categoryID = categoryID
        self.subcategoryID = subcategoryID
        self.provinceCode = provinceCode
        self.regencyCode = regencyCode
    }

    public var regionLevel: RegionLevel {
        regencyCode != nil ? .regency : provinceCode != nil ? .province : .national
    }

    public var topicLevel: TopicLevel {
        subcategoryID != nil ? .subcategory : categoryID != nil ? .category : .anyTopic
    }

    /// True if a report with these (resolved) facts falls under the rule.
    func matches(_ query: RoutingKey) -> Bool {
        func fits(_ ruleValue: String?, _ queryValue: String?) -> Bool { ruleValue == nil || ruleValue == queryValue }
        return fits(categoryID, query.categoryID) && fits(subcategoryID, query.subcategoryID)
            && fits(provinceCode, query.provinceCode) && fits(regencyCode, query.regencyCode)
    }
}

/// One routing rule: reports matching `key` go to `agencyID` (and `unitID` if set).
public struct RoutingRule: Hashable, Sendable {
    public let key: RoutingKey
    public let agencyID: String
    /// Full unit id (`pemkab-sleman/dinkes`), if the rule names one.
    public let unitID: String?
    public let note: String?
    /// The topic is the central government's business wherever the report comes from (`pusat = true`:
    /// immigration, corruption, elections, taxes…), so the rule wins over every regional rule.
    public let central: Bool
    /// Where the rule was written, so the officer and the administrator can find it.
    public let file: String
    public let line: Int

    public init(key: RoutingKey, agencyID: String, unitID: String? = nil, note: String? = nil, central: Bool = false,
                file: String = "rute.toml", line: Int) {
        self.key = key
        self.agencyID = agencyID
        self.unitID = unitID
        self.note = note
        self.central = central
        self.file = file
        self.line = line
    }

    /// `rute.toml:42`.
    public var source: String { "\(file):\(line)" }
}
