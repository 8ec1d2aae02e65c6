/// Numbers the working days (Mon–Fri minus holidays) consecutively and converts both ways with
/// one binary search, O(log h), where h is the number of holidays on weekdays (about 20 a year).
///
/// Why: every deadline computation reduces to "how many working days lie before day d" and
/// "which day is working day number k"; both are answered here without walking the calendar.
/// Years without holiday data simply contribute no holidays, i.e. plain Mon–Fri.
struct WorkingDayIndex: Sendable, Hashable {
    /// Weekday ordinals of the holidays that fall on Mon–Fri, sorted, unique.
    private let holidayOrdinals: [Int]
    /// Day numbers of the same holidays, for O(1) membership tests.
    private let holidayDayNumbers: Set<Int>
    /// For holiday i (in `holidayOrdinals` order): working days before it, `ordinal - i`.
    private let workingDaysBeforeHoliday: [Int]

    init(holidays: HolidayList) {
        let weekdayHolidays = holidays.holidays
            .map(\.date.dayNumber)
            .filter(WeekdayOrdinals.isWeekday)
        holidayDayNumbers = Set(weekdayHolidays)
        let ordinals = Array(Set(weekdayHolidays.map(WeekdayOrdinals.weekdaysBefore))).sorted()
        holidayOrdinals = ordinals
        workingDaysBeforeHoliday = ordinals.enumerated().map { $0.element - $0.offset }
    }

    func isWorkingDay(_ dayNumber: Int) -> Bool {
        WeekdayOrdinals.isWeekday(dayNumber) && !holidayDayNumbers.contains(dayNumber)
    }

    /// Number of working days strictly before `dayNumber` (relative to a fixed origin, so only
    /// differences are meaningful). For a working day this is its working-day number.
    func workingDaysBefore(_ dayNumber: Int) -> Int {
        let ordinal = WeekdayOrdinals.weekdaysBefore(dayNumber)
        return ordinal - countHolidays(below: ordinal)
    }

    /// The day number of working day number `index` (inverse of `workingDaysBefore`).
    func dayNumber(ofWorkingDay index: Int) -> Int {
        // Holiday i has exactly i holidays before it, so `ordinal - i` working days precede it.
        // That quantity never decreases with i, so the holidays lying before working day
        // `index` are found by one binary search; the working day sits that many weekdays later.
        var low = 0
        var high = workingDaysBeforeHoliday.count
        while low < high {
            let mid = (low + high) / 2
            if workingDaysBeforeHoliday[mid] <= index { low = mid + 1 } else { high = mid }
        }
        return WeekdayOrdinals.dayNumber(ofWeekdayOrdinal: index + low)
    }

    /// Number of holiday ordinals strictly below `ordinal` (binary search).
    private func countHolidays(below ordinal: Int) -> Int {
        var low = 0
        var high = holidayOrdinals.count
        while low < high {
            let mid = (low + high) / 2
            if holidayOrdinals[mid] < ordinal { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
