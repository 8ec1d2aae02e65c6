/// Day of the week, ISO numbering (Monday = 1 … Sunday = 7).
///
/// Why: working days are Monday–Friday, so the calendar needs a weekday it can compute from a
/// day number without asking Foundation's `Calendar`.
public enum Weekday: Int, Sendable, CaseIterable, Hashable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday: never working days at the desk.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
