import Console
import Foundation
import TextCanvas
import XCTest

/// The golden comparison itself must be able to fail, and must say where.
final class GoldenHelperTests: XCTestCase {
    func testEqualSnapshotsHaveNoDifference() {
        XCTAssertNil(GoldenScreen.difference(expected: "a\nb\n", actual: "a\nb\n"))
    }

    func testDifferenceNamesTheFirstDifferingLines() throws {
        let diff = try XCTUnwrap(GoldenScreen.difference(expected: "canvas\n|abc|\n|def|\n", actual: "canvas\n|abc|\n|dXf|\n"))
        XCTAssertEqual(diff, "line 3:\n  expected: |def|\n  actual:   |dXf|")
    }

    func testDifferenceIsCappedAndCountsTheRest() throws {
        let expected = (1...20).map { "row \($0)" }.joined(separator: "\n")
        let actual = (1...20).map { "ROW \($0)" }.joined(separator: "\n")
        let diff = try XCTUnwrap(GoldenScreen.difference(expected: expected, actual: actual, maxLines: 2))
        XCTAssertTrue(diff.hasPrefix("line 1:\n  expected: row 1\n  actual:   ROW 1\nline 2:"), diff)
        XCTAssertTrue(diff.hasSuffix("… and 18 more differing lines"), diff)
    }

    func testMissingLinesAreShown() throws {
        let diff = try XCTUnwrap(GoldenScreen.difference(expected: "a", actual: "a\nb"))
        XCTAssertEqual(diff, "line 2:\n  expected: <missing>\n  actual:   b")
    }

    func testARenderedScreenDiffersWhenTheStateDoes() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        let before = ConsoleRenderer.render(s).snapshot()
        s.press(.char("j"))
        let after = ConsoleRenderer.render(s).snapshot()
        XCTAssertNotNil(GoldenScreen.difference(expected: before, actual: after), "moving the cursor changes the snapshot")
    }

    func testTheHardwareCursorFollowsTheSelectedRow() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        XCTAssertEqual(ConsoleRenderer.render(s).cursor, Point(x: 1, y: 4))
        s.press(.char("j"), .char("j"))
        XCTAssertEqual(ConsoleRenderer.render(s).cursor, Point(x: 1, y: 6))
    }
}
