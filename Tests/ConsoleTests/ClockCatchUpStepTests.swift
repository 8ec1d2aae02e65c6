import Complaints
@testable import Console
import Foundation
import XCTest

/// The console's clock moves once a minute; an action recorded since must not read a day longer.
final class ClockCatchUpStepTests: XCTestCase {
    /// QA: right after a disposal the inbox said "6h lagi" where `lapor-desk list` said "5h lagi" (the
    /// console's clock was still at the start of the minute, before the event).
    func testAnActionRecordedAfterTheLastTickIsCountedFromItsOwnTime() throws {
        var b = try Bench()
        b.state.now = Fixture.now.addingTimeInterval(-40)
        b.state.press(.enter, .char("d"))
        b.run(b.state.press(.enter))
        let disposed = try XCTUnwrap(b.state.desk[Fixture.ID.overdue])
        XCTAssertEqual(disposed.status, .terdisposisi)
        XCTAssertEqual(b.state.now, Fixture.now, "caught up with the event")
        let deadlines = b.state.env.deadlines
        XCTAssertEqual(Badges.deadline(disposed, b.state).0,
                       b.state.text(deadlines.badge(deadlines.urgency(of: disposed, now: Fixture.now), now: Fixture.now)))
        XCTAssertEqual(Badges.deadline(disposed, b.state).0, "5h lagi")
    }
}
