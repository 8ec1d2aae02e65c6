import Complaints
@testable import Console
import TextCanvas
import XCTest

/// While the inbox has the focus, the detail pane and every action follow the highlighted row (QA: actions
/// landed on a report opened earlier, not on the row the officer saw highlighted).
final class FollowInboxCursorTests: XCTestCase {
    /// `j j l h j`: into the detail pane and back, then down a row.
    func testBackInTheInboxTheDetailAndActionsFollowTheCursor() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("j"), .char("j"), .char("l"))
        XCTAssertEqual(s.focus, .detail)
        let opened = try XCTUnwrap(s.detail.reportID)
        s.press(.char("h"), .char("j"))
        let highlighted = try XCTUnwrap(s.inbox.selectedID)
        XCTAssertNotEqual(highlighted, opened)
        XCTAssertEqual(s.currentReportID, highlighted)
        let rows = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(rows[2].contains("#\(highlighted.rawValue)"), "the detail pane shows the highlighted row: \(rows[2])")
        s.press(.char("t"))
        XCTAssertEqual(s.form?.targets, [highlighted])
    }

    /// A search typed while a report is open: the list narrows to another report, and archive acts on it.
    func testASearchFromAnOpenReportLeavesActionsOnTheListedRow() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.enter)
        let opened = try XCTUnwrap(s.detail.reportID)
        s.press(.char("/"))
        s.type("sawah")
        s.press(.enter)
        XCTAssertEqual(s.inbox.rows.count, 1)
        let listed = try XCTUnwrap(s.inbox.rows.first)
        XCTAssertNotEqual(listed, opened)
        // The search leaves the focus in the inbox (its hints are shown): actions follow the listed row.
        XCTAssertEqual(s.focus, .inbox)
        XCTAssertEqual(s.currentReportID, listed)
        s.press(.char("a"))
        XCTAssertEqual(s.form?.targets, [listed], "archive targets the only listed row")
    }

    /// Marks kept in another view are counted apart from the ones the actions act on.
    func testMarksInOtherViewsAreCountedApart() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("2"), .char(" "))
        XCTAssertEqual(s.inbox.marked.count, 1)
        s.press(.char("1"), .char(" "), .char(" "))
        let top = ConsoleRenderer.render(s).textRows()[1]
        XCTAssertTrue(top.contains("2 ditandai (+1 di tampilan lain)"), top)
        // Clearing them replaces the "N ditandai" message, which would be wrong now (QA).
        s.press(.char("M"))
        XCTAssertEqual(s.message?.text, "Tanda dilepas.")
        XCTAssertTrue(s.inbox.marked.isEmpty)
    }
}

/// QA: after a follow-up the row moved to the end of the list and the cursor followed it, so the next keys
/// acted on the report just answered (and typed text ran as commands).
final class CursorAfterOwnActionTests: XCTestCase {
    func testTheCursorStaysWhereItWasWhenTheRowActedOnMoves() throws {
        var b = try Bench(Fixture.agencyAdmin)
        let id = Fixture.ID.withUnit
        let index = try XCTUnwrap(b.state.inbox.rows.firstIndex(of: id))
        XCTAssertLessThan(index, b.state.inbox.rows.count - 1, "a row under it")
        let next = b.state.inbox.rows[index + 1]
        b.state.inbox.cursor = index
        b.state.press(.char("s"))
        XCTAssertEqual(b.state.form?.targets, [id])
        b.state.type("Saluran sudah dibersihkan.")
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.desk[id]?.status, .ditindaklanjuti)
        XCTAssertNotEqual(b.state.inbox.rows.firstIndex(of: id), index, "the follow-up moved the row")
        XCTAssertEqual(b.state.inbox.cursor, index)
        XCTAssertEqual(b.state.inbox.selectedID, next, "the cursor is on the next report")
    }

    /// QA (high): a save that caught up on a bulk import put the cursor back on its old row number, now an
    /// unrelated report 5,000 rows down, and the next disposal sent that one. Reports another process adds
    /// meanwhile do not move the cursor off the report acted on, nor off the next one when it moved.
    func testReportsAddedElsewhereMeanwhileDoNotShiftTheCursor() throws {
        var b = try Bench()
        b.state.press(.char("j"), .char("j"))
        let acted = try XCTUnwrap(b.state.inbox.selectedID)
        b.state.press(.char("c"))
        b.state.type("Sudah ditelepon.")
        try receiveOverdueReports(b, count: 30)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.message?.kind, .success, b.state.message?.text ?? "")
        XCTAssertEqual(b.state.inbox.rows.count, 30 + 5, "the other process's reports are listed")
        XCTAssertEqual(b.state.inbox.selectedID, acted, "a note does not move the row: the cursor stays on it")

        var a = try Bench(Fixture.agencyAdmin)
        let id = Fixture.ID.withUnit
        let index = try XCTUnwrap(a.state.inbox.rows.firstIndex(of: id))
        let next = a.state.inbox.rows[index + 1]
        a.state.inbox.cursor = index
        a.state.press(.char("s"))
        a.state.type("Saluran sudah dibersihkan.")
        try receiveOverdueReports(a, count: 30, agency: "pemkab-sleman")
        a.run(a.state.press(.ctrl("s")))
        XCTAssertGreaterThan(a.state.inbox.rows.count, 30, "the other process's reports are listed")
        XCTAssertEqual(a.state.inbox.selectedID, next, "the follow-up moved the row: on to the report that followed it")
    }

    /// The same when another console takes the selected report out of the view while reports arrive.
    func testTheSelectedRowLeavingWhileReportsArriveGoesToTheNextReport() throws {
        var b = try Bench()
        b.state.press(.char("j"))
        let selected = try XCTUnwrap(b.state.inbox.selectedID)
        let next = try XCTUnwrap(b.state.inbox.rows.firstIndex(of: selected).map { b.state.inbox.rows[$0 + 1] })
        try receiveOverdueReports(b, count: 30)
        try b.peerStore().perform(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), on: selected, as: Fixture.otherOfficer, now: Fixture.now)
        ConsoleReducer.reduce(&b.state, .journalEvents(try b.store.poll()))
        XCTAssertFalse(b.state.inbox.rows.contains(selected))
        XCTAssertEqual(b.state.inbox.selectedID, next, "on to the report that followed it, not a row number")
    }

    private func receiveOverdueReports(_ b: Bench, count: Int, agency: String? = nil) throws {
        let peer = try b.peerStore()
        for i in 0..<count {
            // Received days ago: overdue, so they sort above every report already listed.
            var intake = Intake(channel: .web, receivedAt: Fixture.now.addingTimeInterval(-20 * 86_400),
                                title: "Laporan impor \(i)", body: "Isi.")
            intake.agency = agency
            _ = try peer.receive(intake, as: .system, now: Fixture.now)
        }
    }
}
