/// Whether a non-working day is a national holiday or a collective-leave day.
///
/// Why: both stop the deadline clock, but the UI labels them differently and the decree lists
/// them separately, so the distinction is kept in the data.
public enum HolidayKind: String, Sendable, CaseIterable, Hashable, Codable {
    /// Hari libur nasional.
    case libur = "libur"
    /// Cuti bersama (collective leave decreed together with the holidays).
    case cutiBersama = "cuti-bersama"
}

/// One listed non-working day, remembering where it was read so duplicates can be reported
/// with file and line.
public struct Holiday: Sendable, Hashable {
    public let date: LocalDate
    public let kind: HolidayKind
    public let name: String
    /// Source file name as given to the parser (empty for lists built in code).
    public let file: String
    /// 1-based line in `file` (0 for lists built in code).
    public let line: Int

    public init(date: LocalDate, kind: HolidayKind, name: String, file: String = "", line: Int = 0) {
        self.date = date
        self.kind = kind
        self.name = name
        self.file = file
        self.line = line
    }
}
