import Complaints
@testable import Console
import XCTest

/// The detail pane gives the instant behind the deadline badge.
final class DetailDeadlineTests: XCTestCase {
    /// QA: a postponed report said only "DITUNDA"; when the reporter's time ran out was found only by trying
    /// to archive it.
    func testAPostponedReportSaysWhenTheReportersTimeRunsOut() throws {
        let s = try Fixture.state()
        let postponed = try XCTUnwrap(s.desk[Fixture.ID.postponed])
        let due = try XCTUnwrap(s.env.deadlines.runningDue(of: postponed))
        let expected = "Batas jawaban pelapor: " + DeskTimeText.long(due, offset: s.env.utcOffsetSeconds, language: .id) + " WIB"
        XCTAssertTrue(DetailPane.lines(for: postponed, s).contains { $0.text == expected },
                      DetailPane.lines(for: postponed, s).map(\.text).joined(separator: "\n"))
        let followedUp = try XCTUnwrap(s.desk[Fixture.ID.followedUp])
        XCTAssertTrue(DetailPane.lines(for: followedUp, s).contains { $0.text.hasPrefix("Tutup otomatis: ") })
        let closed = try XCTUnwrap(s.desk[Fixture.ID.closed])
        XCTAssertFalse(DetailPane.lines(for: closed, s).contains { $0.text.hasPrefix("Tenggat: ") }, "nothing runs")
    }
}
