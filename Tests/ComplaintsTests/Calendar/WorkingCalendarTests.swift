import Foundation
import XCTest
@testable import Complaints

final class WorkingCalendarTests: XCTestCase {
    private var calendar: WorkingCalendar!
    private let day: TimeInterval = 86_400

    override func setUpWithError() throws {
        calendar = try CalendarFixtures.shippedCalendar()
    }

    private func at(_ text: String, _ zone: DeskTimeZone = .wib, line: UInt = #line) -> Date {
        CalendarFixtures.at(text, zone, line: line)
    }

    func testWorkingDaysAreWeekdaysWithoutHolidays() {
        XCTAssertTrue(calendar.isWorkingDay(CalendarFixtures.day("2026-01-02")))   // Friday
        XCTAssertFalse(calendar.isWorkingDay(CalendarFixtures.day("2026-01-03")))  // Saturday
        XCTAssertFalse(calendar.isWorkingDay(CalendarFixtures.day("2026-01-04")))  // Sunday
        XCTAssertFalse(calendar.isWorkingDay(CalendarFixtures.day("2026-01-01")))  // libur
        XCTAssertFalse(calendar.isWorkingDay(CalendarFixtures.day("2026-03-23")))  // cuti bersama
        XCTAssertTrue(calendar.isWorkingDay(CalendarFixtures.day("2028-01-03")))   // no list: Mon–Fri
        XCTAssertTrue(WorkingCalendar().isWorkingDay(CalendarFixtures.day("2026-01-01")))
    }

    /// The holiday bits answer as a set of the holidays' day numbers would, on every day around the shipped
    /// lists (both edges of the bits included) and far from them.
    func testEveryDayAroundTheHolidaysIsCountedAsTheListSays() throws {
        let holidays = try CalendarFixtures.shippedHolidays()
        let index = WorkingDayIndex(holidays: holidays)
        let listed = Set(holidays.holidays.map(\.date.dayNumber))
        let days = listed.min()! - 400...listed.max()! + 400
        for day in Array(days) + [Int.min / 4, -1, 0, 1, Int.max / 4] {
            XCTAssertEqual(index.isWorkingDay(day), WeekdayOrdinals.isWeekday(day) && !listed.contains(day), "day \(day)")
        }
        XCTAssertGreaterThan(days.filter { !index.isWorkingDay($0) && WeekdayOrdinals.isWeekday($0) }.count, 40, "weekday holidays")
        let none = WorkingDayIndex(holidays: HolidayList(holidays: []))
        XCTAssertEqual(days.filter(none.isWorkingDay).count, days.filter(WeekdayOrdinals.isWeekday).count)
    }

    func testAcrossAWeekend() {
        XCTAssertEqual(calendar.adding(workingDays: 1, to: at("2026-01-09 10:00")), at("2026-01-12 10:00"))
        XCTAssertEqual(calendar.workingDays(from: at("2026-01-09 10:00"), to: at("2026-01-12 10:00")), 1)
    }

    func testStartOnSaturdayCountsFromMondayMidnight() {
        // Friday 16 January 2026 is Isra Mikraj, so three days end on Thursday midnight.
        XCTAssertEqual(calendar.adding(workingDays: 3, to: at("2026-01-10 15:00")), at("2026-01-15 00:00"))
        XCTAssertEqual(calendar.adding(workingDays: 3, to: at("2026-01-03 15:00")), at("2026-01-08 00:00"))
    }

    func testStartMidMorningKeepsTheTimeOfDay() {
        XCTAssertEqual(calendar.adding(workingDays: 3, to: at("2026-01-12 10:00")), at("2026-01-15 10:00"))
    }

    func testSkipsASingleHoliday() {
        XCTAssertEqual(calendar.adding(workingDays: 2, to: at("2026-01-14 09:00")), at("2026-01-19 09:00"))
    }

    func testLebaranBlock2026() {
        // 18 Mar cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri, 23–24 cuti: Tuesday 17 → Wednesday 25.
        let start = at("2026-03-17 10:00")
        XCTAssertEqual(calendar.adding(workingDays: 1, to: start), at("2026-03-25 10:00"))
        XCTAssertEqual(calendar.adding(workingDays: 3, to: start), at("2026-03-27 10:00"))
        XCTAssertEqual(calendar.workingSeconds(from: start, to: at("2026-03-25 00:00")), 14 * 3600)
        XCTAssertEqual(calendar.wholeWorkingDays(from: start, to: at("2026-03-25 09:59")), 0)
        XCTAssertEqual(calendar.wholeWorkingDays(from: start, to: at("2026-03-25 10:00")), 1)
    }

    func testYearBoundaries() {
        // 2025-12-31 (Wed) works, 2026-01-01 is a holiday, 2026-01-02 (Fri) works.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: at("2025-12-31 10:00")), at("2026-01-02 10:00"))
        XCTAssertEqual(calendar.adding(workingDays: 2, to: at("2025-12-31 10:00")), at("2026-01-05 10:00"))
        // 24–25 Dec 2026 off, 1 Jan 2027 off, 5 Jan 2027 Isra Mikraj.
        XCTAssertEqual(calendar.adding(workingDays: 5, to: at("2026-12-23 12:00")), at("2027-01-04 12:00"))
        XCTAssertEqual(calendar.adding(workingDays: 6, to: at("2026-12-23 12:00")), at("2027-01-06 12:00"))
        XCTAssertEqual(calendar.subtracting(workingDays: 6, from: at("2027-01-06 12:00")), at("2026-12-23 12:00"))
    }

    func testTimeZonesDecideWhichLocalDayAnInstantIs() throws {
        // Friday 23:30 WIB is Saturday 00:30 WITA and Saturday 01:30 WIT.
        let instant = at("2026-01-09 23:30", .wib)
        XCTAssertEqual(instant, at("2026-01-10 01:30", .wit))
        let wita = try CalendarFixtures.shippedCalendar(.wita)
        let wit = try CalendarFixtures.shippedCalendar(.wit)
        XCTAssertEqual(calendar.localDate(of: instant), CalendarFixtures.day("2026-01-09"))
        XCTAssertEqual(wita.localDate(of: instant), CalendarFixtures.day("2026-01-10"))
        XCTAssertEqual(wit.localDate(of: instant), CalendarFixtures.day("2026-01-10"))
        XCTAssertTrue(calendar.isWorkingDay(calendar.localDate(of: instant)))
        XCTAssertFalse(wit.isWorkingDay(wit.localDate(of: instant)))
        // WIB still has half an hour of Friday; WIT starts counting on Monday 00:00 WIT.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: instant), at("2026-01-12 23:30", .wib))
        XCTAssertEqual(wit.adding(workingDays: 1, to: instant), at("2026-01-13 00:00", .wit))
        XCTAssertEqual(wita.adding(workingDays: 1, to: instant), at("2026-01-13 00:00", .wita))
        XCTAssertEqual(calendar.workingSeconds(from: instant, to: at("2026-01-10 00:00", .wib)), 1800)
        XCTAssertEqual(wit.workingSeconds(from: instant, to: at("2026-01-12 00:00", .wit)), 0)
        XCTAssertEqual(wit.startOfDay(CalendarFixtures.day("2026-01-12")), at("2026-01-11 22:00", .wib))
    }

    func testAWholeWeekOfHolidaysIsSkipped() throws {
        let text = (7...11).map { "2030-01-\(String(format: "%02d", $0)) cuti-bersama Test week" }
            .joined(separator: "\n")
        let week = WorkingCalendar(holidays: try HolidayList.parse(text, fileName: "libur-2030.txt"))
        XCTAssertEqual(week.adding(workingDays: 1, to: at("2030-01-04 10:00")), at("2030-01-14 10:00"))
        XCTAssertEqual(week.subtracting(workingDays: 1, from: at("2030-01-14 10:00")), at("2030-01-04 10:00"))
        XCTAssertEqual(week.workingSeconds(from: at("2030-01-04 00:00"), to: at("2030-01-15 00:00")), 2 * day)
        XCTAssertEqual(week.nextWorkingDayStart(after: at("2030-01-04 12:00")), at("2030-01-14 00:00"))
    }

    func testStartOnAHoliday() {
        // Nyepi, Thursday 19 March 2026: counting starts Wednesday 25 March.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: at("2026-03-19 10:00")), at("2026-03-26 00:00"))
        XCTAssertEqual(calendar.workingSeconds(from: at("2026-03-19 10:00"), to: at("2026-03-25 06:00")), 6 * 3600)
    }

    func testZeroDaysAndEmptyIntervals() {
        for text in ["2026-01-10 15:00", "2026-01-12 10:00", "2026-03-21 08:00"] {
            let instant = at(text)
            XCTAssertEqual(calendar.adding(workingDays: 0, to: instant), instant)
            XCTAssertEqual(calendar.subtracting(workingDays: 0, from: instant), instant)
            XCTAssertEqual(calendar.adding(workingSeconds: 0, to: instant), instant)
            XCTAssertEqual(calendar.workingSeconds(from: instant, to: instant), 0)
        }
        XCTAssertEqual(calendar.workingSeconds(from: at("2026-01-12 10:00"), to: at("2026-01-10 10:00")), 0)
        XCTAssertEqual(calendar.wholeWorkingDays(from: at("2026-01-12 10:00"), to: at("2026-01-09 10:00")), 0)
        // A weekend alone holds no working time.
        XCTAssertEqual(calendar.workingSeconds(from: at("2026-01-10 00:00"), to: at("2026-01-12 00:00")), 0)
    }

    func testBackwards() {
        XCTAssertEqual(calendar.subtracting(workingDays: 3, from: at("2026-01-15 00:00")), at("2026-01-12 00:00"))
        XCTAssertEqual(calendar.adding(workingDays: -3, to: at("2026-01-15 00:00")), at("2026-01-12 00:00"))
        XCTAssertEqual(calendar.subtracting(workingDays: 1, from: at("2026-01-19 09:00")), at("2026-01-15 09:00"))
        XCTAssertEqual(calendar.subtracting(workingDays: 3, from: at("2026-01-10 12:00")), at("2026-01-06 00:00").addingTimeInterval(day))
        XCTAssertEqual(calendar.subtracting(workingSeconds: -3600, from: at("2026-01-12 10:00")), at("2026-01-12 11:00"))
        XCTAssertEqual(calendar.subtracting(workingDays: 1, from: at("2026-03-25 10:00")), at("2026-03-17 10:00"))
    }

    func testFridayDeadlineEndsAtFridayMidnightNotMonday() {
        XCTAssertEqual(calendar.adding(workingDays: 3, to: at("2026-01-07 00:00")), at("2026-01-10 00:00"))
        XCTAssertEqual(calendar.adding(workingSeconds: 3600, to: at("2026-01-09 23:00")), at("2026-01-10 00:00"))
        XCTAssertEqual(calendar.adding(workingSeconds: 3601, to: at("2026-01-09 23:00")), at("2026-01-12 00:00:01"))
    }

    func testRoundTrips() {
        for text in ["2026-01-10 15:00", "2026-01-12 10:00", "2026-03-19 10:00", "2025-12-31 23:59",
                     "2027-03-08 08:15", "2027-12-31 18:00", "2028-02-28 12:00"] {
            let start = at(text)
            for n in [1, 2, 3, 5, 10, 14, 60] {
                let due = calendar.adding(workingDays: n, to: start)
                XCTAssertEqual(calendar.workingSeconds(from: start, to: due), Double(n) * day, "\(text) + \(n)")
                let back = calendar.subtracting(workingDays: n, from: start)
                XCTAssertEqual(calendar.workingSeconds(from: back, to: start), Double(n) * day, "\(text) - \(n)")
            }
        }
    }

    func testPausedClockResumesWithTheRemainingSeconds() {
        // Ran Monday 10:00–Tuesday 16:00 (30 h), paused, resumed Thursday 09:00: 3 days due.
        let elapsed = calendar.workingSeconds(from: at("2026-01-12 10:00"), to: at("2026-01-13 16:00"))
        XCTAssertEqual(elapsed, 30 * 3600)
        let due = calendar.adding(workingSeconds: 3 * day - elapsed, to: at("2026-01-15 09:00"))
        // 42 h from Thursday 09:00: Thursday 15 h, Friday 16 Jan is a holiday, Monday 24 h, Tuesday 3 h.
        XCTAssertEqual(due, at("2026-01-20 03:00"))
    }

    func testNextWorkingDayStartAndNextWorkingDay() {
        XCTAssertEqual(calendar.nextWorkingDayStart(after: at("2026-03-17 10:00")), at("2026-03-25 00:00"))
        XCTAssertEqual(calendar.nextWorkingDayStart(after: at("2026-01-09 10:00")), at("2026-01-12 00:00"))
        XCTAssertEqual(calendar.nextWorkingDayStart(after: at("2026-01-12 00:00")), at("2026-01-13 00:00"))
        XCTAssertEqual(calendar.nextWorkingDayStart(after: at("2026-01-10 12:00")), at("2026-01-12 00:00"))
        XCTAssertEqual(calendar.nextWorkingDay(after: CalendarFixtures.day("2026-12-23")), CalendarFixtures.day("2026-12-28"))
    }

    func testJatuhTempoWithinOneWorkingDay() {
        let due = at("2026-01-12 10:00")  // Monday
        XCTAssertTrue(calendar.isWithinOneWorkingDay(of: due, now: at("2026-01-09 11:00")))   // 23 h
        XCTAssertTrue(calendar.isWithinOneWorkingDay(of: due, now: at("2026-01-09 10:00")))   // exactly 24 h
        XCTAssertFalse(calendar.isWithinOneWorkingDay(of: due, now: at("2026-01-09 09:59")))  // 24 h 1 min
        XCTAssertTrue(calendar.isWithinOneWorkingDay(of: due, now: at("2026-01-11 09:00")))   // Sunday
        XCTAssertFalse(calendar.isWithinOneWorkingDay(of: due, now: due))                     // due now: overdue
        XCTAssertFalse(calendar.isWithinOneWorkingDay(of: due, now: at("2026-01-12 12:00")))  // overdue
    }

    func testCoverageAndYearsWithoutData() {
        XCTAssertEqual(calendar.coveredYears, [2025, 2026, 2027])
        XCTAssertEqual(calendar.uncoveredYears(from: CalendarFixtures.day("2027-12-01"),
                                               through: CalendarFixtures.day("2029-01-05")), [2028, 2029])
        XCTAssertEqual(calendar.uncoveredYears(from: CalendarFixtures.day("2026-01-01"),
                                               through: CalendarFixtures.day("2027-06-01")), [])
        XCTAssertEqual(WorkingCalendar().coveredYears, [])
        // 2028 is plain Mon–Fri: 1 January 2028 is a Saturday and Monday 3 January counts.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: at("2027-12-31 12:00")), at("2028-01-03 12:00"))
        XCTAssertEqual(calendar.adding(workingDays: 5, to: at("2028-08-14 09:00")), at("2028-08-21 09:00"))
    }

    func testHostileInstantsAndCountsDoNotTrap() {
        let start = at("2026-01-12 10:00")
        XCTAssertGreaterThan(calendar.adding(workingDays: Int.max, to: start), start)
        XCTAssertLessThan(calendar.adding(workingDays: Int.min, to: start), start)
        XCTAssertEqual(calendar.adding(workingSeconds: .nan, to: start), start)
        _ = calendar.adding(workingSeconds: .infinity, to: start)
        _ = calendar.workingSeconds(from: Date(timeIntervalSince1970: -.infinity), to: Date.distantFuture)
        _ = calendar.localDate(of: Date(timeIntervalSince1970: .nan))
        _ = calendar.nextWorkingDayStart(after: Date(timeIntervalSince1970: 1e300))
        XCTAssertEqual(calendar.workingSeconds(from: Date(timeIntervalSince1970: .nan), to: start), 0)
    }

    func testDeadlineMathForTwoHundredThousandReportsIsFast() {
        var generator = SeededGenerator(seed: 42)
        let base = at("2025-01-01 00:00").timeIntervalSince1970
        let starts = (0..<200_000).map { _ in
            // Whole seconds, as the journal stores receipts (within a second of midnight a deadline is that midnight).
            Date(timeIntervalSince1970: base + Double.random(in: 0..<(3 * 365 * 86_400), using: &generator).rounded())
        }
        let clock = ContinuousClock()
        var checksum = 0.0
        let elapsed = clock.measure {
            for start in starts {
                let due = calendar.adding(workingDays: 10, to: start)
                checksum += calendar.workingSeconds(from: start, to: due)
            }
        }
        XCTAssertEqual(checksum, 200_000 * 10 * day)
        // Generous bound for a loaded 2-core CI machine in a debug build.
        XCTAssertLessThan(elapsed, .seconds(10), "\(elapsed)")
    }
}
