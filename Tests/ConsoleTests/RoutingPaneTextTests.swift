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

    /// QA: "… aturan rute.toml:180. (rute.toml:180)": the rule was named twice.
    func testTheRuleIsNamedOnce() throws {
        var s = try Fixture.state(size: Size(width: 160, height: 40))
        s.env.propose = { _ in
            RoutingSuggestion(agencyID: "pemkab-sleman", unitID: nil, ruleRef: "rute.toml:180",
                              reason: Localized("Laporan topik Kesehatan di Kabupaten Sleman diteruskan ke X: aturan rute.toml:180.", en: "x"),
                              alternatives: [])
        }
        s.press(.char("d"))
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertFalse(screen.contains("(rute.toml:180)"), screen)
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

/// QA: with no rule's proposal, `d Enter` disposed to the first agency of the directory without a word.
final class NoProposalDisposeTests: XCTestCase {
    func testEnterWithoutAProposalOrAPickRefusesAndSaysHowToPick() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.env.propose = { _ in nil }
        s.press(.char("d"))
        XCTAssertEqual(s.focus, .routing)
        XCTAssertEqual(s.press(.enter), [], "nothing is disposed")
        XCTAssertTrue(s.message?.text.contains("pilih instansi") ?? false, s.message?.text ?? "")
        // Moving to an agency (or typing its name) is a choice: Enter disposes to it.
        s.press(.down)
        let effects = s.press(.enter)
        guard case let .perform(requests)? = effects.first, case let .dispose(agency, _, _, _)? = requests.first?.command else {
            return XCTFail("a dispose request expected: \(effects)")
        }
        XCTAssertEqual(agency, Fixture.agencies[1].id)
    }

    func testTypingANameIsAChoiceToo() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.env.propose = { _ in nil }
        s.press(.char("d"))
        s.type("kemenkes")
        guard case let .perform(requests)? = s.press(.enter).first, case let .dispose(agency, _, _, _)? = requests.first?.command else {
            return XCTFail("a dispose request expected")
        }
        XCTAssertEqual(agency, "kemenkes")
    }
}
