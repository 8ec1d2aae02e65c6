/// A count that may describe a small group of people, as the figures show it: exact from five up (and
/// zero, which singles nobody out), "< 5" from one to four.
///
/// Why: desk figures go up to leadership and may be published; a group of one to four reports (one
/// woman reporter in a regency, say) can point at a person. The exact number is dropped when the value is
/// built, so no view or export can print it by mistake.
public enum SmallCount: Sendable, Hashable, CustomStringConvertible {
    case exact(Int)
    case fewerThanFive

    /// Counts from 1 up to `threshold - 1` are hidden.
    public static let threshold = 5

    /// Hides `n` when it is between 1 and 4.
    public init(_ n: Int) {
        self = (n > 0 && n < SmallCount.threshold) ? .fewerThanFive : .exact(n)
    }

    /// The exact number, or nil when hidden.
    public var exactValue: Int? {
        if case let .exact(n) = self { n } else { nil }
    }

    /// "12" or "< 5", for screens, text output and CSV cells.
    public var text: String {
        switch self {
        case let .exact(n): String(n)
        case .fewerThanFive: "< 5"
        }
    }

    public var description: String { text }

    /// A JSON number when exact, the string "< 5" when hidden.
    public var json: JSONValue {
        switch self {
        case let .exact(n): .int(n)
        case .fewerThanFive: .string("< 5")
        }
    }
}
