import Foundation

/// One shared copy of each value drawn from a small vocabulary (categories, regions, units, tags). Every
/// decoded event carries its own copy of such strings, and a 200,000-report desk held 600,000 of them
/// (about 50 MB) for a few hundred distinct values. Short strings are stored inline by Swift: skipped.
struct Vocabulary: Sendable {
    private var words: Set<String> = []
    /// Beyond this many distinct values a field is not a vocabulary (hostile or free text): kept as is.
    static let limit = 65_536

    /// Longer values are free text, not vocabulary: never kept.
    static let longest = 96

    /// Whether `s` is worth sharing: Swift keeps strings of up to 15 bytes inline, and longer than
    /// `longest` is free text.
    static func isWord(_ s: String) -> Bool { isWordLength(s.utf8.count) }
    static func isWordLength(_ count: Int) -> Bool { (shortestShared...longest).contains(count) }
    /// Strings shorter than this are kept inline by Swift: one copy each costs nothing to share.
    static let shortestShared = 16

    mutating func intern(_ s: String) -> String {
        guard Vocabulary.isWord(s) else { return s }
        if let known = words.firstIndex(of: s) { return words[known] }
        if words.count < Vocabulary.limit { words.insert(s) }
        return s
    }

    mutating func intern(_ s: String?) -> String? { s.map { intern($0) } }

    mutating func intern(_ list: [String]) -> [String] { list.isEmpty ? list : list.map { intern($0) } }

    /// The vocabulary fields of an intake; free text (body, title, address detail, names) is left alone.
    mutating func intern(_ intake: inout Intake) {
        intake.category = intern(intake.category)
        intake.subcategory = intern(intake.subcategory)
        intake.agency = intern(intake.agency)
        intake.tags = intern(intake.tags)
        var l = intake.location
        l.province = intern(l.province)
        l.regency = intern(l.regency)
        l.district = intern(l.district)
        intake.location = l
    }

    /// The same event with its vocabulary strings shared.
    mutating func intern(_ event: DomainEvent) -> DomainEvent {
        switch event {
        case var .received(intake):
            intern(&intake)
            return .received(intake)
        case var .disposed(d):
            d.agency = intern(d.agency)
            d.unit = intern(d.unit)
            d.fromAgency = intern(d.fromAgency)
            d.rule = intern(d.rule)
            return .disposed(d)
        case let .assignedToUnit(unit):
            return .assignedToUnit(unit: intern(unit))
        case let .classified(classification, category, subcategory):
            return .classified(classification: classification, category: intern(category), subcategory: intern(subcategory))
        case let .tagged(add, remove):
            return .tagged(add: intern(add), remove: intern(remove))
        default:
            return event
        }
    }
}

/// The process-wide `Vocabulary`: events decided in this process, and decoded words the decoding threads'
/// own vocabularies do not take (escaped or long ones: `PayloadTape.Value.sharedWord`). A cache with no
/// meaning: a value is equal to what it replaces, so dropping it changes nothing.
public final class SharedVocabulary: @unchecked Sendable {
    public static let shared = SharedVocabulary()
    private let lock = NSLock()
    private var words = Vocabulary()

    public func intern(_ s: String) -> String {
        guard Vocabulary.isWord(s) else { return s } // checked before taking the lock
        lock.lock()
        defer { lock.unlock() }
        return words.intern(s)
    }

    /// An event decided in this process (an officer's action, an imported intake), shared the same way.
    public func intern(_ event: DomainEvent) -> DomainEvent {
        lock.lock()
        defer { lock.unlock() }
        return words.intern(event)
    }
}
