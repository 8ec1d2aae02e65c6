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
}
