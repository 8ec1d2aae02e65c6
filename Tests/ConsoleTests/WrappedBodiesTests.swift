import Complaints
@testable import Console
import XCTest

/// QA: a 5 MB report body was read back and wrapped on every frame, so every key took a second while
/// that report was selected. The wrapped text is kept per body, version and width.
final class WrappedBodiesTests: XCTestCase {
    func testABodyIsWrappedOncePerVersionAndWidth() throws {
        let cache = WrappedBodies()
        var report = try XCTUnwrap(try Fixture.makeStore().desk[Fixture.ID.overdue])
        var wraps = 0
        func draw(_ r: Report, width: Int) -> [StyledLine] {
            cache.lines(of: r, width: width) {
                wraps += 1
                return DetailPane.wrap(DetailPane.bodyLines(r, .id), width: width)
            }
        }
        let first = draw(report, width: 40)
        XCTAssertEqual(draw(report, width: 40), first)
        XCTAssertEqual(wraps, 1, "drawn again: not wrapped again")
        _ = draw(report, width: 60)
        XCTAssertEqual(wraps, 2, "another width")
        XCTAssertEqual(draw(report, width: 40), first)
        XCTAssertEqual(wraps, 2, "the first width is still kept")
        // Same report number and version, another text (a reset practice desk reuses numbers).
        report.intake.body = "Teks lain sama sekali."
        XCTAssertEqual(draw(report, width: 40).map(\.text), ["Teks lain sama sekali."])
        XCTAssertEqual(wraps, 3)
    }

    /// QA: a 5,000-character title put the report's fields 135 lines down the pane.
    func testAVeryLongTitleTakesAFewLinesAtMost() throws {
        let s = try Fixture.state()
        var report = try XCTUnwrap(s.desk[Fixture.ID.overdue])
        report.title = String(repeating: "Judul sangat panjang ", count: 250)
        let lines = DetailPane.wrap(DetailPane.lines(for: report, s), width: 50)
        let received = try XCTUnwrap(lines.firstIndex { $0.text.hasPrefix("Diterima:") })
        XCTAssertLessThanOrEqual(received, 12, lines.prefix(14).map(\.text).joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.text.hasSuffix("…") && $0.role == Roles.detailHeading })
    }

    func testTheDetailPaneShowsTheSameLinesAsBefore() throws {
        let s = try Fixture.state()
        let report = try XCTUnwrap(s.desk[Fixture.ID.overdue])
        XCTAssertEqual(DetailPane.wrappedLines(for: report, s, width: 50), DetailPane.wrap(DetailPane.lines(for: report, s), width: 50))
    }
}
