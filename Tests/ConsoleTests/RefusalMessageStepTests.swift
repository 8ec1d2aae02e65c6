import Complaints
@testable import Console
import Foundation
import XCTest

/// A refusal names one report; once the panes show another, it must not read as being about that one.
final class RefusalMessageStepTests: XCTestCase {
    /// QA: "#2600009: 'Arsipkan' tidak dapat…" stayed on the message line while the cursor moved on, over
    /// a report that could be archived.
    func testARefusalLeavesTheLineWhenTheCursorMovesToAnotherReport() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("2600009")
        s.press(.enter)
        s.press(.char("a"))
        XCTAssertEqual(s.message?.about, Fixture.ID.closed)
        XCTAssertEqual(s.message?.kind, .error)
        s.press(.escape, .char("k"))
        XCTAssertNotEqual(s.currentReportID, Fixture.ID.closed)
        XCTAssertNil(s.message, "the refusal named the report the cursor left")
    }

    /// While the panes still show the refused report (the detail pane opened on it), the refusal stays.
    func testARefusalStaysWhileItsReportIsShown() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("2600009")
        s.press(.enter)
        s.press(.enter, .char("a"))
        let refusal = try XCTUnwrap(s.message)
        s.press(.char("j")) // scrolls the open report's text
        XCTAssertEqual(s.currentReportID, Fixture.ID.closed)
        XCTAssertEqual(s.message, refusal)
    }

    /// A refusal about several marked reports names no single one: moving does not take it off.
    func testARefusalAboutMarkedReportsStays() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("2600009")
        s.press(.enter, .escape, .char(" "), .char("k"), .char(" "), .char("a"))
        XCTAssertEqual(s.inbox.marked.count, 2)
        let refusal = try XCTUnwrap(s.message)
        XCTAssertEqual(refusal.kind, .error)
        XCTAssertNil(refusal.about)
        s.press(.char("k"))
        XCTAssertEqual(s.message, refusal)
    }
}
