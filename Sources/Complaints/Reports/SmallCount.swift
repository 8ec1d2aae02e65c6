/// A count that may describe a small group of people, as the figures show it: exact from five up (and
/// zero, which singles nobody out), "< 5" from one to four, and "≥ 5" when a larger count is withheld so
/// that a "< 5" beside it cannot be worked out by subtraction (see `ComplementarySuppression`).
///
/// Why: desk figures go up to leadership and may be published; a group of one to four reports (one
/// woman reporter in a regency, say) can point at a person. The exact number is dropped when the value is
/// built, so no view or export can print it by mistake.
public enum SmallCount: Sendable, Hashable, CustomStringConvertible {
    case exact(Int)
    case fewerThanFive
    /// Five or more, withheld because a total and the other shown parts would otherwise give away a
    /// hidden "< 5" (QA: "laporan 21 · selesai < 5 · terbuka 17 · diarsipkan 0" gave selesai = 4).
    /// Printed "≥ 5", which is true, rather than "< 5", which would not be.
    case withheld
    /// Not shown in any form: a breakdown of too few reports (a period with one to four, or a line that
    /// still gives a "< 5" away once every part that may be hidden is) would point at a person whatever
    /// its cells say (QA: "Diterima: 1" beside "Kabupaten Bantul < 5" and "Lansia < 5"). Printed "*".
    case concealed

    /// Counts from 1 up to `threshold - 1` are hidden.
    public static let threshold = 5

    /// Hides `n` when it is between 1 and 4. (Withholding needs the other cells of the line: see
    /// `ComplementarySuppression`.)
    public init(_ n: Int) {
        self = (n > 0 && n < SmallCount.threshold) ? .fewerThanFive : .exact(n)
    }

    /// The exact number, or nil when hidden.
    public var exactValue: Int? {
        if case let .exact(n) = self { n } else { nil }
    }

    /// Whether the number is not shown.
    public var isHidden: Bool { exactValue == nil }

    /// "12", "< 5" or "≥ 5", for screens, text output and CSV cells.
    public var text: String {
        switch self {
        case let .exact(n): String(n)
        case .fewerThanFive: "< 5"
        case .withheld: "≥ 5"
        case .concealed: "*"
        }
    }

    public var description: String { text }

    /// A JSON number when exact, the string "< 5" or "≥ 5" when hidden (the same text as everywhere).
    public var json: JSONValue {
        switch self {
        case let .exact(n): .int(n)
        case .fewerThanFive, .withheld, .concealed: .string(text)
        }
    }
}
