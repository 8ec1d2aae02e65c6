import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Another console changes the report this one is working on: the officer reloads the same report, and
/// an open form keeps its panes on its own report.
final class ChangedElsewhereStepTests: XCTestCase {
    /// QA: the advice "Esc then Enter" went back through the inbox, and when the other officer's change had
    /// taken the report out of the view, Enter opened whichever row was highlighted there. Enter on the
    /// open report reloads it; from the routing pane Esc comes back to it first.
    func testEnterReloadsTheChangedReportEvenWhenItLeftTheView() throws {
        var b = try Bench()
        b.state.press(.enter, .char("d"))
        XCTAssertEqual(b.state.focus, .routing)
        let peer = try b.peerStore()
        let foreign = try peer.perform(.dispose(agency: "kemenkes", unit: nil, rule: nil, note: nil), on: Fixture.ID.overdue,
                                       as: Fixture.otherOfficer, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(foreign)))
        XCTAssertTrue(b.state.detail.changedUnderneath)
        XCTAssertNotEqual(b.state.inbox.selectedID, Fixture.ID.overdue, "the change took the report out of the inbox's view")
        XCTAssertTrue(DetailPane.lines(for: try XCTUnwrap(b.state.desk[Fixture.ID.overdue]), b.state)
            .contains { $0.text.hasSuffix("Tekan Esc lalu Enter untuk memuat ulang.") })
        b.state.press(.escape)
        XCTAssertEqual(b.state.focus, .detail)
        XCTAssertTrue(DetailPane.lines(for: try XCTUnwrap(b.state.desk[Fixture.ID.overdue]), b.state)
            .contains { $0.text.hasSuffix("Tekan Enter untuk memuat ulang.") }, "the advice follows the focus")
        b.state.press(.enter)
        XCTAssertEqual(b.state.detail.reportID, Fixture.ID.overdue, "the same report, not the highlighted row")
        XCTAssertEqual(b.state.detail.openedVersion, b.state.desk[Fixture.ID.overdue]?.version)
        XCTAssertFalse(b.state.detail.changedUnderneath)
        XCTAssertEqual(b.state.message, msg(.info, "Laporan #2600001 dimuat ulang: yang tampil kini versi terbaru."))
    }

    /// QA (second round): the warning that another officer changed a report stayed on the message line over
    /// the next report opened. Opening another report takes it off; reloading the same one replaces it.
    func testTheChangeWarningLeavesWithItsReport() throws {
        var b = try Bench()
        b.state.press(.enter)
        b.state.detail.scroll = 5 // reading further down: the pane's warning must still be seen (QA)
        let peer = try b.peerStore()
        let foreign = try peer.perform(.tag(add: ["kesehatan"], remove: []), on: Fixture.ID.overdue, as: Fixture.otherOfficer, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(foreign)))
        XCTAssertEqual(b.state.message?.kind, .error)
        XCTAssertEqual(b.state.detail.scroll, 0, "back to the top, where the pane says what happened")
        b.state.press(.escape, .char("j"), .enter)
        XCTAssertNotEqual(b.state.detail.reportID, Fixture.ID.overdue)
        XCTAssertNil(b.state.message, "the warning named another report")
    }

    /// QA (third round): moving on with j/k left the warning on the message line while the detail pane
    /// followed other reports. It stays while the pane still shows the changed report, and goes with it.
    func testTheChangeWarningLeavesWhenTheInboxMovesOn() throws {
        var b = try Bench()
        b.state.press(.enter)
        let peer = try b.peerStore()
        let foreign = try peer.perform(.tag(add: ["kesehatan"], remove: []), on: Fixture.ID.overdue, as: Fixture.otherOfficer, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(foreign)))
        let warning = try XCTUnwrap(b.state.message)
        b.state.press(.escape)
        XCTAssertEqual(b.state.focus, .inbox)
        XCTAssertEqual(b.state.currentReportID, Fixture.ID.overdue)
        XCTAssertEqual(b.state.message, warning, "still over the report it names")
        b.state.press(.char("j"))
        XCTAssertNotEqual(b.state.currentReportID, Fixture.ID.overdue)
        XCTAssertNil(b.state.message, "the detail pane moved on to another report")
        XCTAssertNil(b.state.detail.changeWarning)
    }

    /// QA: a yes/no box (anonim, rahasia) said nothing when another officer changed its report; only
    /// pressing y revealed it, as a refusal.
    func testAYesNoBoxSaysItsReportChanged() throws {
        var b = try Bench()
        b.state.press(.char("A"))
        guard case let .confirm(c)? = b.state.overlay else { return XCTFail("a yes/no box") }
        let id = try XCTUnwrap(c.requests.first?.reportID)
        let foreign = try b.peerStore().perform(.setPriority(.tinggi), on: id, as: Fixture.otherOfficer, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(foreign)))
        XCTAssertEqual(b.state.message, msg(.error, "Laporan #\(id) baru saja diubah oleh dewi (prioritas diubah). Periksa sebelum bertindak."))
        XCTAssertNotNil(b.state.overlay, "the box stays for the officer to decide")
    }

    /// QA: a form opened from the inbox stayed on its report, but the panes behind it showed the row that
    /// took the report's place when another console's change took it out of the view.
    func testThePanesBehindAFormStayOnItsReport() throws {
        var b = try Bench()
        XCTAssertEqual(b.state.inbox.selectedID, Fixture.ID.overdue)
        b.state.press(.char("a"))
        XCTAssertEqual(b.state.form?.targets, [Fixture.ID.overdue])
        let peer = try b.peerStore()
        let foreign = try peer.perform(.dispose(agency: "kemenkes", unit: nil, rule: nil, note: nil), on: Fixture.ID.overdue,
                                       as: Fixture.otherOfficer, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(foreign)))
        XCTAssertNotEqual(b.state.inbox.selectedID, Fixture.ID.overdue, "the change took the report out of the view")
        XCTAssertEqual(b.state.currentReportID, Fixture.ID.overdue, "the detail pane shows the form's report")
        b.state.press(.escape, .escape)
        XCTAssertNil(b.state.form)
        XCTAssertEqual(b.state.currentReportID, b.state.inbox.selectedID, "closed, the panes follow the inbox again")
    }
}
