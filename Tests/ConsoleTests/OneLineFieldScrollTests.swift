import Complaints
@testable import Console
import TextCanvas
import XCTest

/// One-line fields longer than their box (form fields, the routing filter) keep where they are scrolled to
/// between keys: moving the caret left moves it on screen instead of dragging the text along with it.
final class OneLineFieldScrollTests: XCTestCase {
    private let long = "Kabupaten Kepulauan Seribu dan sekitarnya, termasuk pulau-pulau kecil di utara Jakarta"

    func testAFormFieldKeepsItsScrollWhileTheCaretMovesLeft() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("6"), .char("f"), .tab, .tab, .tab)
        XCTAssertEqual(s.form?.fields[s.form?.focus ?? 0].id, "region")
        _ = s.type(long)
        let end = try XCTUnwrap(ConsoleRenderer.render(s).cursor)
        let shownAtEnd = ConsoleRenderer.render(s).textRows()[end.y]
        s.press(.left, .left, .left)
        let moved = try XCTUnwrap(ConsoleRenderer.render(s).cursor)
        XCTAssertEqual(moved.x, end.x - 3, "the caret moves, the text stays")
        XCTAssertEqual(ConsoleRenderer.render(s).textRows()[end.y], shownAtEnd)
        // Back at the start, the text scrolls so its first letters show.
        s.press(.home)
        let rows = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(rows[end.y].contains("Kabupaten Kep"), rows[end.y])
    }

    func testTheRoutingFilterKeepsItsScrollWhileTheCaretMovesLeft() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("d"))
        XCTAssertEqual(s.focus, .routing)
        s.press(.paste(long))
        let end = try XCTUnwrap(ConsoleRenderer.render(s).cursor)
        let shownAtEnd = ConsoleRenderer.render(s).textRows()[end.y]
        s.press(.ctrl("a"))
        let start = try XCTUnwrap(ConsoleRenderer.render(s).cursor)
        XCTAssertTrue(ConsoleRenderer.render(s).textRows()[start.y].contains("Cari: Kabupaten"), "the start shows again")
        XCTAssertNotEqual(ConsoleRenderer.render(s).textRows()[start.y], shownAtEnd)
        s.press(.ctrl("e"))
        XCTAssertEqual(ConsoleRenderer.render(s).textRows()[end.y], shownAtEnd)
    }
}
