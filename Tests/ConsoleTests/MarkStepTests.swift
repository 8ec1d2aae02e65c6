import Complaints
@testable import Console
import XCTest

/// Space marks a report for a bulk action wherever help lists it.
final class MarkStepTests: XCTestCase {
    /// QA: help for the detail pane listed Space ("tandai"), and it did nothing there.
    func testSpaceInTheDetailPaneMarksTheOpenReport() throws {
        var s = try Fixture.state()
        s.press(.enter)
        XCTAssertEqual(s.focus, .detail)
        let open = try XCTUnwrap(s.detail.reportID)
        s.press(.char(" "))
        XCTAssertEqual(s.inbox.marked, [open])
        XCTAssertEqual(s.detail.reportID, open, "the pane stays on the report")
        XCTAssertEqual(s.message?.text, "1 laporan ditandai.")
        s.press(.char(" "))
        XCTAssertEqual(s.inbox.marked, [], "a second Space takes the mark off")
        s.press(.char(" "), .escape)
        XCTAssertEqual(s.inbox.marked, [open], "the inbox shows it marked")
    }
}
