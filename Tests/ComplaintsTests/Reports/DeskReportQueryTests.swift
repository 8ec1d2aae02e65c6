import XCTest
@testable import Complaints

/// Periods in local days, and the bar lengths of the per-day chart.
final class DeskReportQueryTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    func testDaysAreWholeLocalDays() {
        let q = DeskReportQuery.days(from: day(2026, 11, 1), through: day(2026, 11, 30), timeZone: .wita)
        XCTAssertEqual(q.from, ISOTime.parse("2026-11-01T00:00:00+08:00"))
        XCTAssertEqual(q.to, ISOTime.parse("2026-12-01T00:00:00+08:00"))
        XCTAssertEqual(q.dayCount, 30)
        XCTAssertEqual(q.firstDay, day(2026, 11, 1))
        XCTAssertEqual(q.lastDay, day(2026, 11, 30))
    }

    func testReversedRangeIsEmpty() {
        let q = DeskReportQuery.days(from: day(2026, 11, 5), through: day(2026, 11, 1))
        XCTAssertEqual(q.dayCount, 0)
        let r = DeskReport.compute(desk: WeekDesk.desk, query: q, deadlines: WeekDesk.deadlines, now: WeekDesk.now,
                                   viewer: nasional)
        XCTAssertEqual(r.received, 0)
        XCTAssertTrue(r.receivedPerDay.isEmpty)
    }

    func testMonthSoFarWeekAndWholeMonth() {
        // 29 November 2026, 03:30 UTC = 10:30 WIB.
        let now = ISOTime.parse("2026-11-29T10:30:00+07:00")!
        let m = DeskReportQuery.monthSoFar(now: now)
        XCTAssertEqual(m.firstDay, day(2026, 11, 1))
        XCTAssertEqual(m.lastDay, day(2026, 11, 29))
        // 31 December 23:30 UTC is already 1 January in WIB.
        let newYear = DeskReportQuery.monthSoFar(now: ISOTime.parse("2026-12-31T23:30:00+00:00")!)
        XCTAssertEqual(newYear.firstDay, day(2027, 1, 1))
        XCTAssertEqual(newYear.dayCount, 1)
        let dec = DeskReportQuery.month(containing: day(2026, 12, 15))
        XCTAssertEqual(dec.lastDay, day(2026, 12, 31))
        XCTAssertEqual(DeskReportQuery.month(containing: day(2028, 2, 3)).dayCount, 29)
        let week = DeskReportQuery.week(containing: day(2026, 11, 29)) // a Sunday
        XCTAssertEqual(week.firstDay, day(2026, 11, 23))
        XCTAssertEqual(week.lastDay, day(2026, 11, 29))
    }

    func testBarLengths() {
        XCTAssertEqual(DayCount(date: day(2026, 1, 1), count: 12).barLength(peak: 12, width: 40), 40)
        XCTAssertEqual(DayCount(date: day(2026, 1, 1), count: 6).barLength(peak: 12, width: 40), 20)
        XCTAssertEqual(DayCount(date: day(2026, 1, 1), count: 1).barLength(peak: 1000, width: 40), 1)
        XCTAssertEqual(DayCount(date: day(2026, 1, 1), count: 0).barLength(peak: 12, width: 40), 0)
        XCTAssertEqual(DayCount(date: day(2026, 1, 1), count: 5).barLength(peak: 0, width: 40), 0)
    }
}

/// The periods the console offers.
final class DeskReportPresetTests: XCTestCase {
    func testPresetsAroundNewYear() {
        // Friday 1 January 2027, 08:00 WIB.
        let now = ISOTime.parse("2027-01-01T08:00:00+07:00")!
        let week = DeskReportPreset.thisWeek.query(now: now, agency: "pemkab-sleman")
        XCTAssertEqual(week.firstDay.description, "2026-12-28")
        XCTAssertEqual(week.lastDay.description, "2027-01-01", "up to today, like this month: no days still to come (QA)")
        XCTAssertEqual(week.agency, "pemkab-sleman")
        let month = DeskReportPreset.thisMonth.query(now: now)
        XCTAssertEqual(month.dayCount, 1)
        let last = DeskReportPreset.lastMonth.query(now: now, region: "Sleman")
        XCTAssertEqual(last.firstDay.description, "2026-12-01")
        XCTAssertEqual(last.lastDay.description, "2026-12-31")
        XCTAssertEqual(last.region, "Sleman")
        XCTAssertEqual(DeskReportPreset.lastMonth.label.en, "Last month")
    }
}
