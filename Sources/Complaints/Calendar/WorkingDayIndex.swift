/// Numbers the working days (Mon–Fri minus holidays) consecutively and converts both ways with
/// one binary search, O(log h), where h is the number of holidays on weekdays (about 20 a year).
///
/// Why: every deadline computation reduces to "how many working days lie before day d" and
/// "which day is working day number k"; both are answered here without walking the calendar.
/// Years without holiday data simply contribute no holidays, i.e. plain Mon–Fri.
struct WorkingDayIndex: Sendable, Hashable {
    /// Weekday ordinals of the holidays that fall on Mon–Fri, sorted, unique.
    private let holidayOrdinals: [Int]
    /// The same holidays as one bit per day from `firstHoliday`, for membership tests without hashing (a
    /// set's hash was a tenth of computing the deadlines of 200,000 reports at a cold start). A few hundred
    /// bytes for a decade of holidays; at most 456 KB for holidays ten thousand years apart.
    private let holidayBits: [UInt64]
    private let firstHoliday: Int
    /// For holiday i (in `holidayOrdinals` order): working days before it, `ordinal - i`.
    private let workingDaysBeforeHoliday: [Int]

    init(holidays: HolidayList) {
        let weekdayHolidays = holidays.holidays
            .map(\.date.dayNumber)
            .filter(WeekdayOrdinals.isWeekday)
        let first = weekdayHolidays.min() ?? 0
        var bits = [UInt64](repeating: 0, count: ((weekdayHolidays.max() ?? first) - first) / 64 + 1)
        for day in weekdayHolidays { bits[(day - first) >> 6] |= 1 << UInt64((day - first) & 63) }
        holidayBits = bits
        firstHoliday = first
        let ordinals = Array(Set(weekdayHolidays.map(WeekdayOrdinals.weekdaysBefore))).sorted()
        holidayOrdinals = ordinals
        workingDaysBeforeHoliday = ordinals.enumerated().map { $0.element - $0.offset }
    }

    func isWorkingDay(_ dayNumber: Int) -> Bool {
        WeekdayOrdinals.isWeekday(dayNumber) && !isHoliday(dayNumber)
    }

    private func isHoliday(_ dayNumber: Int) -> Bool {
        let offset = dayNumber - firstHoliday
        guard offset >= 0, offset >> 6 < holidayBits.count else { return false }
        return holidayBits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
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
