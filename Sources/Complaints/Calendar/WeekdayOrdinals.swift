/// Closed-form counting of Monday–Friday days, on day numbers (days since 1970-01-01).
///
/// Why: counting weekdays between two dates must not loop day by day; a weekday "ordinal"
/// numbers the Mon–Fri days consecutively, so holidays can be handled as a short sorted list of
/// ordinals on top of this arithmetic.
enum WeekdayOrdinals {
    /// Monday 1969-12-29 is day -3; shifting by 3 puts Mondays on multiples of 7.
    private static let mondayShift = 3

    /// Number of Mon–Fri days strictly before day `dayNumber`, counted from Monday 1969-12-29
    /// (negative for earlier days). Equals the ordinal of `dayNumber` when it is a weekday.
    static func weekdaysBefore(_ dayNumber: Int) -> Int {
        let shifted = dayNumber + mondayShift
        let weeks = CalendarArithmetic.floorDiv(shifted, 7)
        let dayInWeek = CalendarArithmetic.floorMod(shifted, 7)
        return 5 * weeks + min(dayInWeek, 5)
    }

    /// The day number of the weekday with the given ordinal (inverse of `weekdaysBefore` on
    /// weekdays).
    static func dayNumber(ofWeekdayOrdinal ordinal: Int) -> Int {
        let weeks = CalendarArithmetic.floorDiv(ordinal, 5)
        let dayInWeek = CalendarArithmetic.floorMod(ordinal, 5)
        return 7 * weeks + dayInWeek - mondayShift
    }

    /// Whether the day is Monday–Friday.
    static func isWeekday(_ dayNumber: Int) -> Bool {
        CalendarArithmetic.floorMod(dayNumber + mondayShift, 7) < 5
    }
}
