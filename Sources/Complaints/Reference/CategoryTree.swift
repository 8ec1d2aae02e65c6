/// A sub-category of a topic, e.g. "Infrastruktur Jalan" under "Pekerjaan Umum dan Penataan Ruang".
public struct Subcategory: Hashable, Sendable, Identifiable {
    /// Slug of the name, unique within its category (`infrastruktur-jalan`).
    public let id: String
    public let name: String
    /// Line in `kategori.toml`.
    public let line: Int
    /// `name` as lookups compare it, made once (see `TopicCategory.matchName`).
    let matchName: String

    public init(id: String, name: String, line: Int) {
        self.init(id: id, name: name, line: line, matchName: ReferenceName.normalized(name))
    }

    /// For a loader that has normalised `name` already.
    init(id: String, name: String, line: Int, matchName: String) {
        self.id = id
        self.name = name
        self.line = line
        self.matchName = matchName
    }
}

/// A top-level complaint topic of the SP4N-LAPOR! topic tree.
public struct TopicCategory: Equatable, Sendable, Identifiable {
    /// Short stable id routing rules may use (`kesehatan`, `pupr`). Events record the `name` (see
    /// README, Known limitations: renaming a topic leaves reports classified under the old name outside it).
    public let id: String
    /// Official Indonesian topic name (`Pekerjaan Umum dan Penataan Ruang`).
    public let name: String
    public let subcategories: [Subcategory]
    /// Line in `kategori.toml`.
    public let line: Int

    /// `name` as lookups compare it, made once: an import looks up every line's topic, and normalising
    /// every topic's name again per line was most of its time (as with regions).
    let matchName: String

    public init(id: String, name: String, subcategories: [Subcategory], line: Int) {
        self.init(id: id, name: name, subcategories: subcategories, line: line, matchName: ReferenceName.normalized(name))
    }

    /// For a loader that has normalised `name` already.
    init(id: String, name: String, subcategories: [Subcategory], line: Int, matchName: String) {
        self.id = id
        self.name = name
        self.subcategories = subcategories
        self.line = line
        self.matchName = matchName
    }

    /// Finds a sub-category by id or name, ignoring case and spacing.
    public func subcategory(named text: String) -> Subcategory? {
        let wanted = ReferenceName.normalized(text)
        return subcategories.first { $0.id == wanted || $0.matchName == wanted }
    }
}

/// The topic tree the desk classifies reports with (about 30 topics, each with sub-categories).
/// Loaded from `kategori.toml` so a desk can maintain it without a new release.
public struct CategoryTree: Equatable, Sendable {
    public let categories: [TopicCategory]

    public init(categories: [TopicCategory]) {
        self.categories = categories
    }

    /// Finds a topic by id or name, ignoring case and spacing.
    public func category(named text: String) -> TopicCategory? {
        let wanted = ReferenceName.normalized(text)
        return categories.first { $0.id == wanted || $0.matchName == wanted }
    }
}
