import Complaints
@testable import Console
import TextCanvas
import XCTest

/// The Laporan view: opened with 6, period presets, a custom range and scope, and the overdue list.
final class ReportsViewTests: XCTestCase {
    func testSixOpensThisMonthsFiguresAndEscCloses() throws {
        var s = try Fixture.state()
        XCTAssertEqual(s.press(.char("6")), [])
        XCTAssertEqual(s.overlay, .reports)
        let v = try XCTUnwrap(s.reportsView)
        XCTAssertEqual(v.period, .preset(.thisMonth))
        XCTAssertEqual(v.query.firstDay, LocalDate(year: 2026, month: 11, day: 1))
        XCTAssertEqual(v.report.received, v.report.receivedPerDay.reduce(0) { $0 + $1.count })
        XCTAssertGreaterThan(v.report.received, 0)
        s.press(.escape)
        XCTAssertNil(s.overlay)
        XCTAssertNil(s.reportsView)
    }

    func testPeriodPresetsCycle() throws {
        var s = try Fixture.state()
        s.press(.char("6"), .char("p"))
        XCTAssertEqual(s.reportsView?.period, .preset(.thisWeek))
        XCTAssertEqual(s.reportsView?.query.dayCount, 1, "Monday up to today (the fixture's Monday 30 November)")
        s.press(.char("p"))
        XCTAssertEqual(s.reportsView?.period, .preset(.lastMonth))
        XCTAssertEqual(s.reportsView?.query.firstDay, LocalDate(year: 2026, month: 10, day: 1))
        XCTAssertEqual(s.reportsView?.query.lastDay, LocalDate(year: 2026, month: 10, day: 31))
        s.press(.char("p"))
        XCTAssertEqual(s.reportsView?.period, .preset(.thisMonth))
    }

    func testCustomRangeAndScopeFormRefusesBadDatesAndKeepsTheForm() throws {
        var s = try Fixture.state()
        s.press(.char("6"), .char("f"))
        guard case let .form(f) = s.overlay else { return XCTFail("scope form expected") }
        XCTAssertEqual(f.purpose, .reportScope)
        // Clear "from" and type an impossible date.
        for _ in 0..<12 { s.press(.backspace) }
        s.type("2026-02-30")
        s.press(.ctrl("s"))
        guard case let .form(after) = s.overlay else { return XCTFail("a bad date keeps the form open") }
        XCTAssertNotNil(after.error)
        XCTAssertEqual(after.text("from"), "2026-02-30", "what was typed is kept")
        for _ in 0..<12 { s.press(.backspace) }
        s.type("2026-11-16")
        s.press(.ctrl("s"))
        XCTAssertEqual(s.overlay, .reports)
        XCTAssertEqual(s.reportsView?.period, .custom)
        XCTAssertEqual(s.reportsView?.query.firstDay, LocalDate(year: 2026, month: 11, day: 16))
        // Esc on the scope form goes back to the figures, not to the inbox.
        s.press(.char("f"), .escape)
        XCTAssertEqual(s.overlay, .reports)
    }

    func testEnterOnAnOverdueRowOpensThatReport() throws {
        var s = try Fixture.state()
        s.press(.char("6"))
        let first = try XCTUnwrap(s.reportsView?.report.mostOverdue.first?.id)
        s.press(.enter)
        XCTAssertNil(s.overlay)
        XCTAssertEqual(s.detail.reportID, first)
        XCTAssertEqual(s.focus, .detail)
    }

    func testGoldenScreens() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var s = try Fixture.state(size: size)
            s.press(.char("6"))
            assertGolden(ConsoleRenderer.render(s), "reports-\(size.width)x\(size.height)")
        }
        var en = try Fixture.state(language: .en)
        en.press(.char("6"), .char("j"), .char("j"))
        assertGolden(ConsoleRenderer.render(en), "reports-en-overdue-cursor-120x40")
    }
}
