import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// A report sent back as *bukan wewenang* goes back to the national desk for re-disposition (domain.md,
/// Routing): it waits in "Baru", not in "Di instansi", and disposing it from there is a *pelimpahan* that
/// names the agency that refused it and the new one.
final class ReturnedReportStepTests: XCTestCase {
    func testAReturnedReportWaitsInTheNewQueueNotAtAgencies() throws {
        var s = try Fixture.state()
        let report = try XCTUnwrap(s.desk[Fixture.ID.returned])
        XCTAssertEqual(report.returned?.agency, "pemkab-sleman", "fixture: sent back by Sleman")
        XCTAssertEqual(report.status, .terdisposisi, "the status stays; only the return marks it")
        XCTAssertNil(report.agency)

        XCTAssertEqual(s.inbox.view, .baru)
        XCTAssertEqual(s.inbox.rows, [Fixture.ID.overdue, Fixture.ID.secret, Fixture.ID.returned, Fixture.ID.wide, Fixture.ID.hostile],
                       "listed with the new reports, by its re-disposition deadline")
        XCTAssertEqual(s.inbox.viewCounts[.baru], 5)
        XCTAssertEqual(s.inbox.viewCounts[.instansi], 3)
        let rows = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(rows.contains { $0.contains("2600012 Kembali   JATUH TEMPO") }, rows.joined(separator: "\n"))

        step(&s, key: .char("3")) {
            $0.inbox.view = .instansi
            $0.inbox.rows = [Fixture.ID.withUnit, Fixture.ID.disposed, Fixture.ID.followedUp]
            // The title counts the rows under it: not the returned report, which waits in tab 1.
            $0.inbox.breakdown = Inbox.Breakdown(statuses: [.terdisposisi: 1, .diproses: 1, .ditindaklanjuti: 1])
        }
        XCTAssertFalse(s.inbox.rows.contains(Fixture.ID.returned), "not at an agency any more")
        s.press(.char("5"))
        XCTAssertTrue(s.inbox.rows.contains(Fixture.ID.returned), "still in the all view")
    }

    func testTheAgencyThatSentItBackNoLongerSeesIt() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        for view in ["1", "2", "3", "4", "5"] {
            s.press(.char(Character(view)))
            XCTAssertFalse(s.inbox.rows.contains(Fixture.ID.returned), "view \(view)")
        }
        XCTAssertEqual(s.inbox.viewCounts[.instansi], 3)
    }

    func testDisposingItFromTheNewQueueRecordsAPelimpahanNamingBothAgencies() throws {
        var b = try Bench()
        b.state.press(.char("j"), .char("j"))
        XCTAssertEqual(b.state.inbox.selectedID, Fixture.ID.returned)
        let version = try XCTUnwrap(b.state.desk[Fixture.ID.returned]?.version)
        step(&b.state, key: .char("d")) {
            $0.focus = .routing
            $0.routing.isOpen = true
            $0.detail.reportID = Fixture.ID.returned
            $0.detail.openedVersion = version
        }
        let screen = ConsoleRenderer.render(b.state).textRows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Dikembalikan: Jalan tol"), "the routing pane says why it came back:\n\(screen)")
        XCTAssertTrue(screen.contains("Cari:"), "the national desk can re-dispose it: the candidate list is offered")

        b.state.type("diy")
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state).map(\.agencyID), ["pemprov-diy"])
        let request = DeskRequest(reportID: Fixture.ID.returned,
                                  command: .dispose(agency: "pemprov-diy", unit: nil, rule: nil, note: nil),
                                  expectedVersion: version)
        let effects = b.state.press(.enter)
        XCTAssertEqual(effects, [.perform([request])])
        b.run(effects)

        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: #2600012 dilimpahkan ke Pemerintah Daerah DI Yogyakarta."), "a pelimpahan is called one")
        XCTAssertEqual(b.state.focus, .inbox)
        XCTAssertEqual(b.state.inbox.rows, [Fixture.ID.overdue, Fixture.ID.secret, Fixture.ID.wide, Fixture.ID.hostile],
                       "re-disposed: it leaves the new queue")
        XCTAssertEqual(b.state.inbox.viewCounts[.baru], 4)
        XCTAssertEqual(b.state.inbox.viewCounts[.instansi], 4, "and is at an agency again")

        let pelimpahan = Disposition(agency: "pemprov-diy", unit: nil, kind: .pelimpahan, fromAgency: "pemkab-sleman",
                                     rule: nil, note: nil)
        let report = try XCTUnwrap(b.state.desk[Fixture.ID.returned])
        XCTAssertNil(report.returned)
        XCTAssertEqual(report.status, .terdisposisi)
        XCTAssertEqual(report.agency, "pemprov-diy")
        XCTAssertEqual(report.dispositions.map(\.kind), [.disposisi, .pelimpahan])
        XCTAssertEqual(report.dispositions.last, pelimpahan)

        let entry = try XCTUnwrap(b.journal.allEntries().last)
        XCTAssertEqual(entry.type, "report.disposed")
        XCTAssertEqual(entry.reportID, Fixture.ID.returned.rawValue)
        XCTAssertEqual(entry.actor.name, "rina")
        XCTAssertEqual(try EventCodec.decode(type: entry.type, payload: entry.payload), .disposed(pelimpahan),
                       "the journal records where it came from and where it went")

        b.state.press(.char("3"))
        XCTAssertTrue(b.state.inbox.rows.contains(Fixture.ID.returned))
    }

    /// QA: once the proposed agency sent a report back, the pane listed the whole directory in its order and
    /// dropped the other agencies the rules matched, which are what a re-disposal picks from.
    func testTheRulesOtherAgenciesStayListedAfterAReturn() throws {
        var s = try Fixture.state()
        s.env.propose = { _ in
            RoutingSuggestion(agencyID: "pemkab-sleman", unitID: nil, ruleRef: "rute.toml:9", reason: Localized("uji", en: "test"),
                              alternatives: ["pemprov-diy", "kemenkes"])
        }
        ConsoleReducer.open(&s, Fixture.ID.returned)
        let candidates = ConsoleReducer.routingCandidates(s)
        XCTAssertEqual(candidates.prefix(2).map(\.agencyID), ["pemprov-diy", "kemenkes"])
        XCTAssertEqual(candidates.prefix(2).map(\.origin), [.alternative, .alternative])
        XCTAssertFalse(candidates.contains { $0.origin == .proposal }, "the agency that sent it back is not proposed")
        XCTAssertTrue(candidates.contains { $0.agencyID == "pemkab-sleman" && $0.origin == .directory }, "still in the directory")
        s.focus = .routing
        let rows = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        XCTAssertTrue(rows.contains("☆ Pemerintah Daerah DI Yog"), rows)
    }
}
