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

    /// QA: `L` did nothing in the Laporan view, which is in the officer's language like the rest.
    func testLSwitchesTheLanguageInTheReportsView() throws {
        var s = try Fixture.state()
        s.size = Size(width: 120, height: 40)
        s.press(.char("6"), .char("L"))
        XCTAssertEqual(s.env.language, .en)
        XCTAssertEqual(s.overlay, .reports, "still in the view")
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Language: English"), screen)
        s.press(.char("L"))
        XCTAssertEqual(s.env.language, .id)
    }

    /// QA: the figures stayed as opened while other processes recorded reports. Arrivals mark them out of
    /// date; the next tick computes them again.
    func testArrivalsElsewhereReachTheFiguresOnTheNextTick() throws {
        var b = try Bench()
        b.state.press(.char("6"))
        let before = try XCTUnwrap(b.state.reportsView?.report.received)
        _ = try b.peerStore().receive(Intake(channel: .web, receivedAt: Fixture.now, title: "Laporan baru", body: "Isi."),
                                      as: .system, now: Fixture.now)
        ConsoleReducer.reduce(&b.state, .journalEvents(try b.store.poll()))
        XCTAssertEqual(b.state.reportsView?.outdated, true)
        ConsoleReducer.reduce(&b.state, .tick(Fixture.now.addingTimeInterval(1)))
        XCTAssertEqual(b.state.reportsView?.report.received, before + 1)
        XCTAssertEqual(b.state.reportsView?.outdated, false)
        XCTAssertEqual(b.state.overlay, .reports, "still on the view")
    }

    /// QA: on the 1st of a month the view said no report was overdue while the late tab held 16 (the period's
    /// figures know only the period's reports). It says how the desk stands now, and where the late ones are.
    func testANewMonthStillShowsTheDesksOverdueReports() throws {
        var s = try Fixture.state(size: Size(width: 130, height: 60))
        ConsoleReducer.reduce(&s, .tick(Fixture.at(2026, 12, 1, 10, 0)))
        let late = try XCTUnwrap(s.inbox.viewCounts[.terlambat])
        XCTAssertGreaterThan(late, 0)
        s.press(.char("6"))
        XCTAssertEqual(s.reportsView?.report.received, 0)
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Saat ini, semua tanggal: \(s.desk.count) laporan · terlambat \(late) ·"), screen)
        XCTAssertTrue(screen.contains("(tidak ada di antara laporan periode ini; \(late) terlambat di semua tanggal: tab 4 Terlambat)"), screen)
    }

    /// QA: with the overdue list scrolled into view by PgDn, the first j only "brought the row into view"
    /// (it already was), so Enter then opened the report above the one meant.
    func testAFirstMoveWithTheListInViewMovesTheMarker() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("6"))
        XCTAssertGreaterThanOrEqual(s.reportsView?.report.mostOverdue.count ?? 0, 2)
        XCTAssertFalse(ReportsView.selectedRowVisible(s), "the list starts below the first page")
        var pages = 0
        while !ReportsView.selectedRowVisible(s), pages < 10 {
            s.press(.pageDown)
            pages += 1
        }
        XCTAssertTrue(ReportsView.selectedRowVisible(s))
        s.press(.char("j"))
        XCTAssertEqual(s.reportsView?.cursor, 1)
        // Scrolled away again, the first move only brings the marked row back.
        s.press(.home)
        s.press(.char("j"))
        XCTAssertEqual(s.reportsView?.cursor, 1)
        XCTAssertTrue(ReportsView.selectedRowVisible(s))
    }

    /// QA: an agency admin's Laporan view said "seluruh meja" (whole desk) over figures of its own agency.
    func testAnAgencysViewDoesNotCallItsScopeTheWholeDesk() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.press(.char("6"))
        let title = ConsoleRenderer.render(s).textRows()[1]
        XCTAssertTrue(title.contains("semua yang dapat Anda lihat"), title)
        XCTAssertFalse(title.contains("seluruh meja"), title)
        var n = try Fixture.state(Fixture.national)
        n.press(.char("6"))
        XCTAssertTrue(ConsoleRenderer.render(n).textRows()[1].contains("seluruh meja"))
    }

    /// On a lesson desk (and with the presenter strip) the key-hint row under the view is still shown, and
    /// the `f` dialog is drawn over the Laporan view, not over the inbox behind it.
    func testHintsShowAndTheScopeDialogSitsOverTheViewOnALessonDesk() throws {
        var s = try Fixture.state(size: Size(width: 100, height: 30), language: .en)
        s.env.isPractice = true
        s.presenter = true
        s.lesson = LessonSession(title: Localized("Dasar", en: "Basics"), cursor: LessonCursor(progress: LessonProgress(
            lesson: Lesson(steps: [LessonStep(instruction: Localized("Catat", en: "Note"),
                                              expect: EventPattern(verb: .note, reportExternalID: "WEB-1001"),
                                              praise: Localized("Bagus", en: "Good"))]), baselineSeq: s.desk.lastSeq)))
        s.press(.char("6"))
        var rows = ConsoleRenderer.render(s).textRows()
        let hints = s.layout.hints.y
        XCTAssertTrue(rows[hints].contains("p period  f range & scope"), rows.joined(separator: "\n"))
        XCTAssertTrue(rows[hints + 2].contains("LESSON"), "the strips stay under the view: \(rows[hints + 2])")
        s.press(.char("f"))
        XCTAssertEqual(s.form?.purpose, .reportScope)
        rows = ConsoleRenderer.render(s).textRows()
        let screen = rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Report period & scope"), screen)
        XCTAssertTrue(rows[1].contains("Reports — "), "the view's title stays behind the dialog: \(rows[1])")
        XCTAssertFalse(screen.contains("Inbox"), screen)
        s.press(.escape)
        XCTAssertEqual(s.overlay, .reports)
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
    /// QA: the view scrolled only with PgDn/PgUp/Space/g/Home while help listed more, and PgDn ran on past the
    /// end, so PgUp then seemed to do nothing. G/End reach the last line, C-d/C-u page, and paging stays
    /// within the figures.
    func testScrollKeysReachTheEndAndStayWithinTheFigures() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("6"))
        let first = ConsoleRenderer.render(s).textRows()
        let last = ReportsView.scrollRange(s).last
        XCTAssertGreaterThan(last, 0, "the figures are longer than an 80x24 screen")
        s.press(.char("G"))
        XCTAssertEqual(s.reportsView?.scroll, last)
        let end = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(end.contains { $0.contains("Penyandang disabilitas") || $0.contains("Lainnya") }, end.joined(separator: "\n"))
        for _ in 0..<5 { s.press(.pageDown) }
        XCTAssertEqual(s.reportsView?.scroll, last, "PgDn stops at the end")
        s.press(.ctrl("u"))
        XCTAssertLessThan(s.reportsView?.scroll ?? last, last, "one page back up from the end")
        XCTAssertNotEqual(ConsoleRenderer.render(s).textRows(), end)
        s.press(.home)
        XCTAssertEqual(ConsoleRenderer.render(s).textRows(), first)
        s.press(.end)
        XCTAssertEqual(ConsoleRenderer.render(s).textRows(), end)
        s.press(.char("g"), .ctrl("d"))
        XCTAssertEqual(s.reportsView?.scroll, ReportsView.scrollRange(s).page)
        s.press(.char("q"))
        XCTAssertNil(s.overlay, "q closes the view, as its help says")
    }

    /// Help over the view lists exactly the keys the view answers (one table for both).
    func testHelpOverTheViewNamesTheKeysItAnswers() throws {
        var s = try Fixture.state(language: .en)
        s.press(.char("6"), .char("?"))
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        for names in ["G End", "PgDn Space C-d", "PgUp C-u", "Esc q 6"] {
            XCTAssertTrue(screen.contains(names), "\(names) in: \(screen)")
        }
        XCTAssertTrue(screen.contains("close Reports, back to the inbox"), screen)
    }
}
