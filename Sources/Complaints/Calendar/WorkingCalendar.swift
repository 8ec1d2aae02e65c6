import Foundation

/// Working time of one desk: Monday–Friday in the desk's time zone, minus the listed national
/// holidays and cuti bersama.
///
/// Working time is a measure: every instant that falls on a working day (local time) counts,
/// whole 24-hour days; weekends and holidays count nothing. A deadline of n working days is the
/// instant at which n × 86 400 working seconds have elapsed. Years without a holiday list count
/// as plain Mon–Fri; `coveredYears` tells the UI which years have a list.
///
/// Why: every SLA clock of the desk (verification, agency response, reporter silence) is counted
/// in working days, for up to 200 000 reports at start-up. All operations are pure, read no
/// clock, and cost O(log h) (h = holidays on weekdays), never a walk over the days in between.
public struct WorkingCalendar: Sendable, Equatable {
    /// The holidays this calendar skips.
    public let holidays: HolidayList
    /// The zone whose local days are counted.
    public let timeZone: DeskTimeZone
    private let index: WorkingDayIndex
    private let offset: Double

    private static let day = CalendarArithmetic.secondsPerDay

    /// A calendar over `holidays` (merge yearly files with `HolidayList.merging`) in `timeZone`.
    public init(holidays: HolidayList = .empty, timeZone: DeskTimeZone = .default) {
        self.holidays = holidays
        self.timeZone = timeZone
        self.index = WorkingDayIndex(holidays: holidays)
        self.offset = Double(timeZone.secondsFromUTC)
    }

    // MARK: Coverage

    /// Years that have a holiday list. Other years are counted as plain Mon–Fri.
    public var coveredYears: Set<Int> { holidays.coveredYears }

    /// The years in `first.year…last.year` with no holiday list, ascending, so the UI can warn
    /// "no holiday list for 2028" when a deadline reaches into such a year.
    public func uncoveredYears(from first: LocalDate, through last: LocalDate) -> [Int] {
        guard first.year <= last.year else { return [] }
        return (first.year...last.year).filter { !coveredYears.contains($0) }
    }

    // MARK: Days

    /// Whether `date` is Monday–Friday and not a listed holiday or cuti bersama.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        index.isWorkingDay(date.dayNumber)
    }

    /// The local calendar day containing `instant` in this desk's zone.
    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(dayNumber: dayNumber(of: instant))
    }

    /// The instant local midnight begins `date` in this desk's zone.
    public func startOfDay(_ date: LocalDate) -> Date {
        midnight(ofDay: date.dayNumber)
    }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        LocalDate(dayNumber: index.dayNumber(ofWorkingDay: index.workingDaysBefore(date.dayNumber + 1)))
    }

    /// Number of working days in the half-open range `[from, until)`; 0 if `until <= from`.
    public func workingDayCount(from: LocalDate, until: LocalDate) -> Int {
        max(0, index.workingDaysBefore(until.dayNumber) - index.workingDaysBefore(from.dayNumber))
    }

    // MARK: Measuring

    /// Working seconds elapsed between two instants; 0 if `to <= from`.
    public func workingSeconds(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        let a = position(of: from)
        let b = position(of: to)
        return max(0, Double(b.days - a.days) * Self.day + (b.seconds - a.seconds))
    }

    /// Working days elapsed between two instants, fractional (= working seconds / 86 400).
    public func workingDays(from: Date, to: Date) -> Double {
        workingSeconds(from: from, to: to) / Self.day
    }

    /// Completed working days between two instants (fraction dropped); 0 if `to <= from`.
    public func wholeWorkingDays(from: Date, to: Date) -> Int {
        CalendarArithmetic.clampedFloor(workingDays(from: from, to: to))
    }

    // MARK: Deadlines

    /// The instant at which `workingDays` × 86 400 working seconds have elapsed since `start`.
    /// Starting on a weekend or holiday, counting begins at the next working day's midnight.
    /// Negative counts go backwards (see `subtracting(workingDays:from:)`); 0 returns `start`.
    public func adding(workingDays: Int, to start: Date) -> Date {
        adding(workingSeconds: Double(workingDays) * Self.day, to: start)
    }

    /// The latest instant from which `workingDays` working days elapse until `end`.
    public func subtracting(workingDays: Int, from end: Date) -> Date {
        subtracting(workingSeconds: Double(workingDays) * Self.day, from: end)
    }

    /// The earliest instant at which `workingSeconds` working seconds have elapsed since `start`.
    /// Why: paused clocks accumulate elapsed working seconds over several running intervals and
    /// then ask when the remaining amount runs out. Negative amounts go backwards; 0 or NaN
    /// returns `start`.
    public func adding(workingSeconds amount: TimeInterval, to start: Date) -> Date {
        guard amount > 0 else {
            return amount < 0 ? subtracting(workingSeconds: -amount, from: start) : start
        }
        let here = position(of: start)
        let (days, seconds) = split(here.seconds + amount)
        let target = here.days + days
        // Less than a second past a day's end is that end: events carry milliseconds, and a pause taken at
        // 08:30:00.684 and ended at 08:30:00.826 put a Friday deadline 0.142 s past Friday 24:00, so on
        // Monday 00:00 (QA), where the same report without the pause was due Saturday 00:00.
        if seconds >= 1 {
            return Date(timeIntervalSince1970: midnight(ofWorkingDay: target) + seconds)
        }
        // Exactly on a day boundary: the earliest such instant is the end of the previous
        // working day (a Friday deadline ends at Friday 24:00, not Monday 00:00).
        return Date(timeIntervalSince1970: midnight(ofWorkingDay: target - 1) + Self.day)
    }

    /// The latest instant from which `workingSeconds` working seconds elapse until `end`.
    /// Negative amounts go forwards; 0 or NaN returns `end`.
    public func subtracting(workingSeconds amount: TimeInterval, from end: Date) -> Date {
        guard amount > 0 else {
            return amount < 0 ? adding(workingSeconds: -amount, to: end) : end
        }
        let here = position(of: end)
        let (days, seconds) = split(here.seconds - amount)
        // On a day boundary the latest such instant is the start of that working day
        // (Thursday 00:00 minus 3 working days is Monday 00:00, not the Saturday before).
        return Date(timeIntervalSince1970: midnight(ofWorkingDay: here.days + days) + seconds)
    }

    /// Local midnight of the first working day that begins after `instant`.
    /// Why: "the clock starts on the next working day" and day-granular displays.
    public func nextWorkingDayStart(after instant: Date) -> Date {
        let following = index.workingDaysBefore(dayNumber(of: instant) + 1)
        return Date(timeIntervalSince1970: midnight(ofWorkingDay: following))
    }

    /// Whether `due` is still ahead of `now` by at most one working day (86 400 working
    /// seconds): the *jatuh tempo* flag. A deadline already passed (`due <= now`) is overdue
    /// (*terlambat*), not jatuh tempo, and gives `false`.
    public func isWithinOneWorkingDay(of due: Date, now: Date) -> Bool {
        due > now && workingSeconds(from: now, to: due) <= Self.day
    }

    // MARK: Internals

    /// Position of an instant on the working-time axis: whole working days before its local day,
    /// plus the seconds into that day if the day is a working day.
    private func position(of instant: Date) -> (days: Int, seconds: Double) {
        let local = instant.timeIntervalSince1970 + offset
        let day = CalendarArithmetic.clampedFloor(local / Self.day)
        let before = index.workingDaysBefore(day)
        guard index.isWorkingDay(day) else { return (before, 0) }
        let seconds = min(max(local - Double(day) * Self.day, 0), Self.day)
        return (before, seconds.isFinite ? seconds : 0)
    }

    /// Splits a (possibly negative) number of seconds into whole days and a remainder in
    /// [0, 86 400), robust against rounding at the boundary.
    private func split(_ seconds: Double) -> (days: Int, seconds: Double) {
        var days = CalendarArithmetic.clampedFloor(seconds / Self.day)
        var rest = seconds - Double(days) * Self.day
        if rest < 0 { days -= 1; rest += Self.day }
        if rest >= Self.day { days += 1; rest -= Self.day }
        return (days, rest.isFinite ? max(rest, 0) : 0)
    }

    private func dayNumber(of instant: Date) -> Int {
        CalendarArithmetic.clampedFloor((instant.timeIntervalSince1970 + offset) / Self.day)
    }

    private func midnight(ofDay dayNumber: Int) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber) * Self.day - offset)
    }

    /// Seconds since 1970 at which working day number `workingDay` begins.
    private func midnight(ofWorkingDay workingDay: Int) -> Double {
        Double(index.dayNumber(ofWorkingDay: workingDay)) * Self.day - offset
    }
}
