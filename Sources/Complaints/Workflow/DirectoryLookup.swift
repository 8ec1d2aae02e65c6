/// What `decide` needs to know about the desk's reference data, without depending on how it is loaded.
public protocol DirectoryLookup: Sendable {
    func agencyExists(_ id: String) -> Bool
    func unitExists(_ unit: String, in agency: String) -> Bool
    /// See the extension: the full id of a unit given by its full or local id.
    func canonicalUnit(_ unit: String, in agency: String) -> String?
    /// `subcategory == nil` asks about the topic alone.
    func categoryExists(_ category: String, subcategory: String?) -> Bool
    func agencyName(_ id: String) -> String?
    /// The topic tree's own spelling of a category (and sub-category) given by id or any spelling, so
    /// "pendidikan" and "Pendidikan dan Kebudayaan" are one category in every count; nil when unknown.
    func canonicalCategory(_ category: String, subcategory: String?) -> (category: String, subcategory: String?)?
}

extension DirectoryLookup {
    /// The directory's full id (`agency/unit`) of a unit of `agency` given by its full or its local id, or
    /// nil when the agency has no such unit. Events always record the full id: a bare "dinkes" left a report
    /// with a unit no liaison officer matched (QA).
    public func canonicalUnit(_ unit: String, in agency: String) -> String? {
        unitExists(unit, in: agency) ? unit : nil
    }

    /// Without a topic tree, names stay as given.
    public func canonicalCategory(_ category: String, subcategory: String?) -> (category: String, subcategory: String?)? {
        (category, subcategory)
    }
}

/// A directory that accepts everything: for tests of rules that do not involve reference data.
public struct PermissiveDirectory: DirectoryLookup {
    public init() {}
    public func agencyExists(_ id: String) -> Bool { true }
    public func unitExists(_ unit: String, in agency: String) -> Bool { true }
    public func categoryExists(_ category: String, subcategory: String?) -> Bool { true }
    public func agencyName(_ id: String) -> String? { nil }
}
