import XCTest
import TextCanvas

final class GeometryTests: XCTestCase {
    func testInsetNeverNegative() {
        let rect = Rect(x: 0, y: 0, width: 3, height: 3).inset(by: 2)
        XCTAssertEqual(rect.width, 0)
        XCTAssertEqual(rect.height, 0)
        XCTAssertTrue(rect.isEmpty)
    }

    func testSplits() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 6)
        let (left, rest) = rect.splitLeft(3)
        XCTAssertEqual(left, Rect(x: 2, y: 1, width: 3, height: 6))
        XCTAssertEqual(rest, Rect(x: 5, y: 1, width: 7, height: 6))
        let (body, status) = rect.splitBottom(1)
        XCTAssertEqual(status, Rect(x: 2, y: 6, width: 10, height: 1))
        XCTAssertEqual(body.height, 5)
        XCTAssertEqual(rect.splitLeft(50).1.width, 0)
    }

    func testColumnsShareWidthExactly() {
        let parts = Rect(x: 0, y: 0, width: 121, height: 1).columns(weights: [1, 2, 1])
        XCTAssertEqual(parts.map(\.width).reduce(0, +), 121)
        XCTAssertEqual(parts.map(\.x), [0, parts[0].width, parts[0].width + parts[1].width])
        XCTAssertEqual(parts[1].width, 60)
    }

    func testIntersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        let b = Rect(x: 3, y: 3, width: 5, height: 5)
        XCTAssertEqual(a.intersection(b), Rect(x: 3, y: 3, width: 2, height: 2))
        XCTAssertTrue(a.contains(Point(x: 4, y: 4)))
        XCTAssertFalse(a.contains(Point(x: 5, y: 4)))
        XCTAssertTrue(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
    }

    func testScrollWindowFollowsCursor() {
        XCTAssertEqual(ScrollWindow(cursor: 0, count: 100, height: 10).top, 0)
        XCTAssertEqual(ScrollWindow(cursor: 15, count: 100, height: 10, previousTop: 0).top, 6)
        XCTAssertEqual(ScrollWindow(cursor: 7, count: 100, height: 10, previousTop: 6).top, 6)
        XCTAssertEqual(ScrollWindow(cursor: 3, count: 100, height: 10, previousTop: 6).top, 3)
        XCTAssertEqual(ScrollWindow(cursor: 99, count: 100, height: 10, previousTop: 0).top, 90)
        XCTAssertEqual(ScrollWindow(cursor: 5, count: 3, height: 10, previousTop: 4).top, 0)
        XCTAssertEqual(ScrollWindow(cursor: 50, count: 100, height: 10, previousTop: 95).top, 50)
    }

    func testScrollWindowMargin() {
        let window = ScrollWindow(cursor: 10, count: 100, height: 10, previousTop: 0, margin: 2)
        XCTAssertEqual(window.top, 3)
        XCTAssertEqual(window.row(of: 10), 7)
        XCTAssertNil(window.row(of: 2))
        XCTAssertEqual(window.visible, 3..<13)
    }
}
