/// The public tracking number of a report (LAPOR! uses 7-digit numbers). Kept as text so that ids from
/// other systems survive, but new ids are allocated as numbers by `ReportID.next(after:)`.
public struct ReportID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// Numeric ids sort numerically, others after them by text.
    public static func < (a: ReportID, b: ReportID) -> Bool {
        switch (Int(a.rawValue), Int(b.rawValue)) {
        case let (x?, y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a.rawValue < b.rawValue
        }
    }

    /// First id a new desk hands out: 7 digits like the public LAPOR! examples.
    public static let first = ReportID("2600001")

    /// The id after the highest numeric id in use. Decided under the journal lock, so two consoles never
    /// hand out the same number.
    public static func next(after highest: ReportID?) -> ReportID {
        guard let highest, let n = Int(highest.rawValue) else { return first }
        return ReportID(String(n + 1))
    }
}
