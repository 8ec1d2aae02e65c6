import Complaints
@testable import Console
import TextCanvas
import XCTest

/// What the routing pane says when nothing can be disposed: the reason for this report and role.
final class RoutingPaneTextTests: XCTestCase {
    /// QA: a postponed report was said to be "already disposed or closed".
    func testAPostponedReportSaysItWaitsForTheReporter() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("2"))
        XCTAssertEqual(s.inbox.selectedID, Fixture.ID.postponed)
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("ditunda menunggu"), screen)
        XCTAssertFalse(screen.contains("sudah didisposisikan atau ditutup"), screen)
    }

    /// QA: an agency admin was told to use u and b on a report where both are refused.
    func testAnAgencyAdminIsOfferedOnlyWhatStillApplies() throws {
        var s = try Fixture.state(Fixture.agencyAdmin, size: Size(width: 120, height: 40))
        let followed = Fixture.ID.followedUp
        ConsoleReducer.open(&s, followed)
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertFalse(screen.contains("Teruskan ke unit kerja dengan u"), screen)
        XCTAssertTrue(screen.contains("Tidak ada disposisi"), screen)
    }
}
