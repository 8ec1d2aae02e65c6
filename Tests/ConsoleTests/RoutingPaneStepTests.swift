import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// The routing pane's search and Enter: letters filter the directory, and a disposal to an agency the rules
/// did not match is asked first.
final class RoutingPaneStepTests: XCTestCase {
    func testTypingInTheRoutingPaneFiltersTheDirectory() throws {
        var b = try Bench()
        b.state.press(.char("d"))
        b.state.type("sos")
        XCTAssertEqual(b.state.routing.filter.text, "sos")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state).map(\.agencyID), ["kemensos"],
                       "typed letters search names, ids and regions; the proposal steps aside")
        b.state.press(.backspace, .backspace, .backspace)
        b.state.type("yogya")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state).map(\.agencyID), ["pemprov-diy", "pemkot-yogyakarta"])
        step(&b.state, key: .down) { $0.routing.cursor = 1 }
        step(&b.state, key: .down)  // last candidate
        b.state.type("zzz")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state), [])
        XCTAssertEqual(b.state.routing.cursor, 0)
        step(&b.state, key: .enter) { $0.message = msg(.error, "Tidak ada instansi yang cocok.") }
        b.state.press(.backspace, .backspace, .backspace, .down)
        // Not an agency the rules matched (they propose one): asked first (QA: a stray letter, then Enter,
        // disposed to the first match). Enter or y confirms.
        XCTAssertEqual(b.state.press(.enter), [])
        guard case let .confirm(asked)? = b.state.overlay else { return XCTFail("no confirmation") }
        XCTAssertEqual(asked.title, "Disposisikan #\(Fixture.ID.overdue) ke Pemerintah Kota Yogyakarta?")
        XCTAssertTrue(asked.lines.first?.hasPrefix("Aturan tidak mengusulkan instansi ini") ?? false, asked.lines.description)
        let effects = b.state.press(.enter)
        guard case let .perform(requests)? = effects.first else { return XCTFail("expected a request, got \(effects)") }
        XCTAssertEqual(requests.map(\.command), [.dispose(agency: "pemkot-yogyakarta", unit: nil, rule: nil, note: nil)],
                       "the second match for \"yogya\", chosen from the directory: no rule reference")
        XCTAssertEqual(requests.map(\.reportID), [Fixture.ID.overdue])
    }

    /// QA: a search typed before Esc stayed in the pane, hid the proposal on the next report and took the
    /// next letters after it.
    func testEveryDStartsWithTheProposalAndNoSearch() throws {
        var b = try Bench()
        b.state.press(.char("d"))
        let proposal = ConsoleReducer.routingCandidates(b.state)
        b.state.type("zzz")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state), [])
        b.state.press(.escape, .char("d"))
        XCTAssertEqual(b.state.routing.filter.text, "", "Esc and d again: the search is gone")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state), proposal)
        b.state.type("zzz")
        b.state.press(.escape, .escape, .char("j"), .char("d"))
        XCTAssertEqual(b.state.routing.filter.text, "")
        XCTAssertFalse(ConsoleReducer.routingCandidates(b.state).isEmpty, "the next report's candidates are listed")
        b.state.press(.escape, .escape, .char("k"), .char("d"))
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state), proposal, "the first report's proposal again")
    }

    /// QA: "Dibatalkan." from a cancelled confirmation stood on the message line under the next form.
    func testANewFormStartsWithAnEmptyMessageLine() throws {
        var b = try Bench()
        b.state.press(.char("d"))
        b.state.type("yogya")
        b.state.press(.down, .enter)
        guard case .confirm? = b.state.overlay else { return XCTFail("no confirmation") }
        b.state.press(.char("n"))
        XCTAssertEqual(b.state.message, msg(.info, "Dibatalkan."))
        b.state.press(.escape, .char("c"))
        XCTAssertNotNil(b.state.form)
        XCTAssertNil(b.state.message)
    }
}
