/// The console's languages: Bahasa Indonesia by default, English on request.
public enum Language: String, CaseIterable, Codable, Sendable {
    case id, en
}

/// A piece of user-facing text in both languages, so the domain can explain itself (refusals, labels)
/// without knowing which language the console is showing.
public struct Localized: Sendable, Hashable, Codable, CustomStringConvertible {
    public var id: String
    public var en: String

    public init(_ id: String, en: String) {
        self.id = id
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .id ? id : en
    }

    /// Indonesian first: it is the desk's working language.
    public var description: String { id }
}
