/// Numbers the working days (Mon–Fri minus holidays) consecutively and converts both ways in
/// O(log h), where h is the number of holidays falling on weekdays (about 20 a year).
///
/// Why: every deadline computation reduces to "how many working days lie before day d" and
/// "which day is working day number k"; both are answered here without walking the calendar.
/// Years without holiday data simply contribute no holidays, i.e. plain Mon–Fri.
struct WorkingDayIndex: Sendable, Hashable {
    /// Weekday ordinals of the holidays that fall on Mon–Fri, sorted, unique.
    private let holidayOrdinals: [Int]
    /// Day numbers of the same holidays, for O(1) membership tests.
    private let holidayDayNumbers: Set<Int>

    init(holidays: HolidayList) {
        let weekdayHolidays = holidays.holidays
            .map(\.date.dayNumber)
            .filter(WeekdayOrdinals.isWeekday)
        holidayDayNumbers = Set(weekdayHolidays)
        holidayOrdinals = Array(Set(weekdayHolidays.map(WeekdayOrdinals.weekdaysBefore))).sorted()
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
        // Least fixed point of j = #(holiday ordinals <= index + j): the working day sits j
        // weekdays later than it would without holidays. Iterating from 0 never overshoots, and
        // the least fixed point never lands on a holiday. Each round skips at least one holiday,
        // so the loop runs at most (holidays in the skipped stretch + 1) times.
        var skipped = 0
        while true {
            let ordinal = index + skipped
            let holidaysUpTo = countHolidays(below: ordinal + 1)
            if holidaysUpTo == skipped {
                return WeekdayOrdinals.dayNumber(ofWeekdayOrdinal: ordinal)
            }
            skipped = holidaysUpTo
        }
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
