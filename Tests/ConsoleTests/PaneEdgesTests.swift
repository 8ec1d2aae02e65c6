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
        // The badge rounds up ("due within"): 2.1 working days read "3h lagi" (QA: the help said "3 days left").
        XCTAssertTrue(OverlayView.helpLines(s).contains { $0.text.contains("\"3h lagi\" = tenggat dalam 3 hari kerja (lebih dari 2)") })
        s.env.language = .en
        XCTAssertTrue(OverlayView.helpLines(s).contains { $0.text.contains("\"3d left\" = due within 3 working days (more than 2)") })
    }
}

/// The action menu at a size too small for all its actions says how many are above and below.
final class ActionMenuEdgeTests: XCTestCase {
    func testASmallMenuNamesTheActionsOutOfView() throws {
        var s = try Fixture.state(size: Size(width: 44, height: 12))
        s.press(.char("."))
        guard case let .menu(menu)? = s.overlay else { return XCTFail("no menu") }
        // On the menu's own bottom border: the detail pane's frame says "↓ n" of its text too.
        let box = OverlayView.boxRect(s, width: 52, height: menu.items.count + 2)
        func border() -> Substring {
            let row = Array(ConsoleRenderer.render(s).textRows()[box.maxY - 1])
            return Substring(String(row[box.x..<min(row.count, box.maxX)]))
        }
        XCTAssertTrue(border().contains("↓ ") && !border().contains("↑ "), String(border()))
        for _ in 0..<menu.items.count { s.press(.char("j")) }
        XCTAssertTrue(border().contains("↑ ") && !border().contains("↓ "), String(border()))
    }
}
