import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Time passing, journal health, and bulk disposition.
final class ClockAndHealthStepTests: XCTestCase {
    func testTicksMoveDeadlinesAndKeepTheCursor() throws {
        var s = try Fixture.state()
        s.press(.char("j"), .char("j"), .char("j"))
        XCTAssertEqual(s.inbox.selectedID, Fixture.ID.wide)
        XCTAssertEqual(s.inbox.viewCounts[.terlambat], 2)
        let tuesday = Fixture.at(2026, 12, 1, 10, 0)
        ConsoleReducer.reduce(&s, .tick(tuesday))
        XCTAssertEqual(s.now, tuesday)
        XCTAssertEqual(s.inbox.selectedID, Fixture.ID.wide, "the cursor stays on the same report")
        XCTAssertEqual(s.inbox.viewCounts[.terlambat], 4, "the due-soon report and the returned one are now late")
        let rows = ConsoleRenderer.render(s).textRows()
        func row(_ id: ReportID) -> String { rows.first { $0.contains("│  \(id) ") } ?? "" }
        // Overdue days round down: 20 hours late is under one working day ("<1h", QA: it read as a day), 2 days
        // and 1 hour is 2.
        XCTAssertTrue(row(Fixture.ID.secret).contains("Baru      TERLAMBAT <1h"), rows.joined(separator: "\n"))
        XCTAssertTrue(row(Fixture.ID.overdue).contains("Baru      TERLAMBAT 2h"), rows.joined(separator: "\n"))
        XCTAssertTrue(row(Fixture.ID.returned).contains("Kembali   TERLAMBAT <1h"), rows.joined(separator: "\n"))
    }

    func testReadOnlyJournalRefusesActionsAndSaysSo() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        step(&s, .health(.readOnly(Localized("terkunci oleh konsol lain", en: "locked by another console"))))
        step(&s, key: .char("a")) {
            $0.message = msg(.error, "Jurnal dalam mode baca saja; perubahan tidak dapat disimpan: terkunci oleh konsol lain")
        }
        step(&s, key: .char("d")) {
            $0.message = msg(.error, "Jurnal dalam mode baca saja; perubahan tidak dapat disimpan: terkunci oleh konsol lain")
        }
        assertGolden(ConsoleRenderer.render(s), "read-only-journal-80x24")
        ConsoleReducer.reduce(&s, .health(.degraded("baris 17 rusak")))
        // QA: only "JURNAL RUSAK" was shown; the message line now says what to do, and so does an action.
        XCTAssertEqual(s.message?.text, "Jurnal perlu diperbaiki, perubahan tidak disimpan: jalankan `lapor-desk check --repair` "
                       + "(buka ulang konsol bila pesan ini tetap ada). baris 17 rusak")
        assertGolden(ConsoleRenderer.render(s), "degraded-journal-80x24")
        s.message = nil
        s.press(.char("a"))
        XCTAssertTrue(s.message?.text.contains("check --repair") ?? false, s.message?.text ?? "")
        // Repaired from another shell: the error no longer stands on the message line.
        ConsoleReducer.reduce(&s, .health(.ok))
        XCTAssertEqual(s.message, msg(.success, "Jurnal sudah diperbaiki (check --repair): perubahan dapat disimpan lagi."))
    }

    func testMarkedRowsAreDisposedTogetherToTheChosenAgency() throws {
        var b = try Bench()
        b.state.press(.char(" "), .char(" "), .char("k"))
        XCTAssertEqual(b.state.inbox.marked, [Fixture.ID.overdue, Fixture.ID.secret])
        b.state.press(.char("d"))
        XCTAssertEqual(b.state.focus, .routing)
        let v1 = b.state.desk[Fixture.ID.overdue]?.version
        let v2 = b.state.desk[Fixture.ID.secret]?.version
        let effects = b.state.press(.enter)
        // The rules send both to Sleman (the first by its health rule, the second by the regency's catch-all):
        // that agency is proposed, and each disposition records the rule that matched it.
        XCTAssertEqual(effects, [.perform([
            DeskRequest(reportID: Fixture.ID.overdue, command: .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:42", note: nil),
                        expectedVersion: v1),
            DeskRequest(reportID: Fixture.ID.secret, command: .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:7", note: nil),
                        expectedVersion: v2),
        ])], "one request per marked report")
        b.run(effects)
        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: 2 laporan didisposisikan ke Pemerintah Kabupaten Sleman."))
        XCTAssertEqual(b.state.inbox.rows, [Fixture.ID.returned, Fixture.ID.wide, Fixture.ID.hostile])
        XCTAssertEqual(b.state.inbox.marked, [])
    }

    func testPartialRefusalKeepsOnlyTheFailedTargets() throws {
        var b = try Bench()
        b.state.press(.char(" "), .char(" "))
        // Another console archives the second report first.
        let peer = try b.peerStore()
        try peer.perform(.archive(reason: .formatSalah, note: nil, duplicateOf: nil), on: Fixture.ID.secret, as: Fixture.otherOfficer,
                         now: Fixture.now)
        // Archive both (a note would not be refused: it adds to a report whatever happened to it).
        b.state.press(.char("a"), .right)
        XCTAssertEqual(b.state.form?.targets.count, 2)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.status, .diarsipkan)
        XCTAssertEqual(b.state.form?.targets, [Fixture.ID.secret], "only the refused report is left in the form")
        XCTAssertTrue(b.state.message?.text.hasPrefix("1 tersimpan; #2600002: ") ?? false, b.state.message?.text ?? "")
        XCTAssertEqual(b.state.inbox.marked, [Fixture.ID.secret])
    }
}
