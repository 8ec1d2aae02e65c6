import XCTest
import TextCanvas

final class CanvasTests: XCTestCase {
    func testPutWritesByDisplayWidthWithContinuationCells() {
        var canvas = Canvas(width: 8, height: 1)
        let end = canvas.put("a漢b", at: Point(x: 1, y: 0), role: "r")
        XCTAssertEqual(end, 5)
        XCTAssertEqual(canvas[1, 0].text, "a")
        XCTAssertEqual(canvas[2, 0].text, "漢")
        XCTAssertTrue(canvas[3, 0].isContinuation)
        XCTAssertEqual(canvas[4, 0].text, "b")
        XCTAssertEqual(canvas.textRows(), [" a漢b   "])
    }

    func testWideCharacterStraddlingClipEdgeBecomesSpace() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("XXXXXXXXXX", at: .zero, role: .plain)
        let end = canvas.put("ab漢", at: Point(x: 0, y: 0), role: "r", clipWidth: 3)
        XCTAssertEqual(end, 3)
        XCTAssertEqual(canvas.textRows(), ["ab XXXXXXX"])
        XCTAssertEqual(canvas[2, 0].role, "r")
    }

    func testWideCharacterStraddlingRightCanvasEdgeBecomesSpace() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("a😀😀", at: .zero, role: .plain)
        XCTAssertEqual(canvas.textRows(), ["a😀"])
        canvas.put("ab😀", at: .zero, role: .plain)
        XCTAssertEqual(canvas.textRows(), ["ab "])
    }

    func testWideCharacterHalfVisibleAtLeftEdgeBecomesSpace() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("漢ab", at: Point(x: -1, y: 0), role: .plain)
        XCTAssertEqual(canvas.textRows(), [" ab "])
    }

    func testOverwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("漢字", at: .zero, role: .plain)
        canvas.put("x", at: Point(x: 1, y: 0), role: .plain)  // right half of 漢
        XCTAssertEqual(canvas.textRows(), [" x字  "])
        canvas.put("y", at: Point(x: 2, y: 0), role: .plain)  // left half of 字
        XCTAssertEqual(canvas.textRows(), [" xy   "])
        XCTAssertFalse(canvas[3, 0].isContinuation)
    }

    func testWideOverWideShiftedByOne() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("漢字", at: .zero, role: .plain)
        canvas.put("😀", at: Point(x: 1, y: 0), role: .plain)
        XCTAssertEqual(canvas.textRows(), [" 😀   "])
    }

    func testControlBytesNeverReachACell() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("a\u{1B}[31mb\u{9B}", at: .zero, role: .plain)
        for x in 0..<canvas.width {
            for scalar in canvas[x, 0].text.unicodeScalars {
                XCTAssertFalse(scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
            }
        }
        XCTAssertTrue(canvas.textRows()[0].hasPrefix("a␛[31mb⟪U+009B⟫"))
    }

    func testPutOutsideCanvasIsIgnored() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("abc", at: Point(x: 0, y: 5), role: "r")
        canvas.put("abc", at: Point(x: 7, y: 0), role: "r")
        XCTAssertEqual(canvas.textRows(), ["   "])
        XCTAssertEqual(canvas.styleRuns(), [])
    }

    func testFillAndRestyle() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.fill(Rect(x: 1, y: 0, width: 10, height: 1), role: "bar", with: "=")
        XCTAssertEqual(canvas.textRows(), [" ===", "    "])
        canvas.restyle(Rect(x: 0, y: 1, width: 2, height: 1), role: "sel")
        XCTAssertEqual(canvas.styleRuns(), ["row 0: 1-3 bar", "row 1: 0-1 sel"])
    }

    func testBoxWithTitle() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, role: "frame", title: "Inbox")
        XCTAssertEqual(canvas.textRows(), ["┌ Inbox ───┐", "│          │", "└──────────┘"])
    }

    func testBoxTitleIsTruncated() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.box(canvas.bounds, role: "frame", title: "Very long title")
        XCTAssertEqual(canvas.textRows()[0], "┌ Very… ─┐")
    }

    func testSnapshotFormat() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("漢x", at: .zero, role: "inbox.selected")
        canvas.put("ok", at: Point(x: 4, y: 1), role: "badge.ok")
        canvas.cursor = Point(x: 0, y: 0)
        XCTAssertEqual(canvas.snapshot(), """
            canvas 6x2 cursor 0,0 hidden
            |漢x   |
            |    ok|
            styles:
            row 0: 0-2 inbox.selected
            row 1: 4-5 badge.ok

            """)
    }

    func testStyleRunsMergeAdjacentEqualRoles() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("ab", at: .zero, role: "x")
        canvas.put("cd", at: Point(x: 2, y: 0), role: "x")
        XCTAssertEqual(canvas.styleRuns(), ["row 0: 0-3 x"])
    }
}
