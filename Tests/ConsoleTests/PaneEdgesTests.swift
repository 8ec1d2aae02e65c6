import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// The ends of what the panes show: the detail pane scrolls to its report's real end, and help explains
/// what the badges count.
final class PaneEdgesTests: XCTestCase {
    /// QA: the detail pane stopped at 100,000 lines (the end of a 5 MB report out of reach), and one k after
    /// G moved nothing on a short report. G goes to the last page, k moves at once.
    func testTheDetailPaneScrollsToItsRealEnd() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.enter)
        let last = try XCTUnwrap(DetailPane.maxScroll(s))
        XCTAssertGreaterThan(last, 1, "the report is taller than the pane")
        s.press(.char("G"))
        XCTAssertEqual(s.detail.scroll, last)
        XCTAssertTrue(ConsoleRenderer.render(s).textRows().contains { $0.contains("■") }, "the end is shown")
        s.press(.char("k"))
        XCTAssertEqual(s.detail.scroll, last - 1)
        s.press(.char("j"), .char("j"))
        XCTAssertEqual(s.detail.scroll, last, "never past the end")
    }

    func testHelpSaysTheBadgesCountWorkingDays() throws {
        var s = try Fixture.state()
        XCTAssertTrue(OverlayView.helpLines(s).contains { $0.text.contains("\"TERLAMBAT <1h\" = terlambat kurang dari sehari kerja") })
        s.env.language = .en
        XCTAssertTrue(OverlayView.helpLines(s).contains { $0.text.contains("\"3d left\" = 3 working days left") })
    }
}
