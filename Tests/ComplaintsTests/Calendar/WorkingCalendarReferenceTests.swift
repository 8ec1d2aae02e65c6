import Foundation
import XCTest
@testable import Complaints

/// Compares the closed-form calendar with a naive day-by-day reference built on Foundation's
/// Gregorian calendar, on reproducible random inputs.
final class WorkingCalendarReferenceTests: XCTestCase {
    /// Walks the local days one by one. Slow, obviously right, and independent of the
    /// day-number arithmetic under test.
    private struct NaiveCalendar {
        let calendar: Calendar
        let holidays: Set<String>

        init(zone: DeskTimeZone, holidays: HolidayList) {
            calendar = CalendarFixtures.gregorian(zone)
            self.holidays = Set(holidays.holidays.map(\.date.description))
        }

        func isWorking(dayStarting start: Date) -> Bool {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: start)
            let key = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            let weekend = parts.weekday == 1 || parts.weekday == 7
            return !weekend && !holidays.contains(key)
        }

        func nextMidnight(after instant: Date) -> Date {
            calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: instant)) ?? instant
        }

        func workingSeconds(from: Date, to: Date) -> TimeInterval {
            var total = 0.0
            var cursor = from
            while cursor < to {
                let dayStart = calendar.startOfDay(for: cursor)
                let dayEnd = nextMidnight(after: cursor)
                if isWorking(dayStarting: dayStart) {
                    total += min(dayEnd, to).timeIntervalSince(cursor)
                }
                cursor = dayEnd
            }
            return total
        }

        func adding(seconds: TimeInterval, to start: Date) -> Date {
            var remaining = seconds
            var cursor = start
            while remaining > 0 {
                let dayEnd = nextMidnight(after: cursor)
                if isWorking(dayStarting: calendar.startOfDay(for: cursor)) {
                    let available = dayEnd.timeIntervalSince(cursor)
                    if remaining <= available { return cursor.addingTimeInterval(remaining) }
                    remaining -= available
                }
                cursor = dayEnd
            }
            return cursor
        }

        func subtracting(seconds: TimeInterval, from end: Date) -> Date {
            var remaining = seconds
            var cursor = end
            while remaining > 0 {
                var dayStart = calendar.startOfDay(for: cursor)
                if dayStart == cursor {
                    dayStart = calendar.date(byAdding: .day, value: -1, to: dayStart) ?? dayStart
                }
                if isWorking(dayStarting: dayStart) {
                    let available = cursor.timeIntervalSince(dayStart)
                    if remaining <= available { return cursor.addingTimeInterval(-remaining) }
                    remaining -= available
                }
                cursor = dayStart
            }
            return cursor
        }
    }

    /// A dense synthetic list (many adjacent holidays, some on weekends) on top of the real ones.
    private func syntheticHolidays() throws -> HolidayList {
        var generator = SeededGenerator(seed: 7)
        var lines: [String] = []
        var seen = Set<Int>()
        let first = CalendarFixtures.day("2028-01-01").dayNumber
        for _ in 0..<60 {
            let dayNumber = first + Int.random(in: 0..<366, using: &generator)
            if seen.insert(dayNumber).inserted {
                lines.append("\(LocalDate(dayNumber: dayNumber)) libur Synthetic")
            }
        }
        let synthetic = try HolidayList.parse(lines.joined(separator: "\n"), fileName: "libur-2028.txt")
        return try HolidayList.merging([try CalendarFixtures.shippedHolidays(), synthetic])
    }

    func testRandomizedAgainstNaiveReference() throws {
        let holidays = try syntheticHolidays()
        var generator = SeededGenerator(seed: 2026)
        let low = CalendarFixtures.at("2024-10-01 00:00").timeIntervalSince1970
        let high = CalendarFixtures.at("2029-03-01 00:00").timeIntervalSince1970
        for zone in DeskTimeZone.allCases {
            let calendar = WorkingCalendar(holidays: holidays, timeZone: zone)
            let naive = NaiveCalendar(zone: zone, holidays: holidays)
            for round in 0..<300 {
                // Whole seconds, and often exactly midnight, to exercise the boundaries.
                var seconds = Double(Int.random(in: Int(low)..<Int(high), using: &generator))
                if round % 4 == 0 {
                    let offset = Double(zone.secondsFromUTC)
                    seconds = ((seconds + offset) / 86_400).rounded(.down) * 86_400 - offset
                }
                let start = Date(timeIntervalSince1970: seconds)
                let days = Int.random(in: 0...40, using: &generator)
                let context = "\(zone) start \(start) days \(days)"

                let due = calendar.adding(workingDays: days, to: start)
                XCTAssertEqual(due, naive.adding(seconds: Double(days) * 86_400, to: start), context)
                let before = calendar.subtracting(workingDays: days, from: start)
                XCTAssertEqual(before, naive.subtracting(seconds: Double(days) * 86_400, from: start), context)

                let odd = Double(Int.random(in: 1...(15 * 86_400), using: &generator))
                XCTAssertEqual(calendar.adding(workingSeconds: odd, to: start),
                               naive.adding(seconds: odd, to: start), context)

                let end = Date(timeIntervalSince1970: seconds + Double(Int.random(in: -86_400...(70 * 86_400),
                                                                                  using: &generator)))
                XCTAssertEqual(calendar.workingSeconds(from: start, to: end),
                               naive.workingSeconds(from: start, to: end), context)
                XCTAssertEqual(calendar.isWorkingDay(calendar.localDate(of: start)),
                               naive.isWorking(dayStarting: naive.calendar.startOfDay(for: start)), context)
            }
        }
    }

    func testWorkingDayCountAgainstNaiveReference() throws {
        let holidays = try syntheticHolidays()
        let calendar = WorkingCalendar(holidays: holidays)
        var generator = SeededGenerator(seed: 99)
        let first = CalendarFixtures.day("2024-12-01").dayNumber
        for _ in 0..<200 {
            let from = LocalDate(dayNumber: first + Int.random(in: 0..<1600, using: &generator))
            let until = from.adding(days: Int.random(in: -5..<120, using: &generator))
            var expected = 0
            var cursor = from
            while cursor < until {
                if !cursor.weekday.isWeekend && holidays.holiday(on: cursor) == nil { expected += 1 }
                cursor = cursor.adding(days: 1)
            }
            XCTAssertEqual(calendar.workingDayCount(from: from, until: until), expected, "\(from)..<\(until)")
        }
    }
}
