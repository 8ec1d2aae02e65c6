import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// QA: a console that saved while another process was writing lost that process's events for good: the
/// journal caught up on them under the lock, the store folded them, but only the console's own events came
/// back, and later polls started after them. They now reach the console's desk before its own.
final class ConcurrentWriterConsoleTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("concurrent-console")
    }

    func testEventsCaughtUpDuringTheConsolesOwnSaveReachItsDesk() throws {
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(store: store)
        let service = StoreService(store: store)
        // Another officer's command line writes while the console is busy.
        let (otherJournal, _) = try FileJournal.open(at: folder, mode: .writer)
        let other = try DeskStore(journal: otherJournal, directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
        let (newID, _) = try other.receive(Intake(externalID: "SMS-LAIN-1", channel: .sms, receivedAt: Fixture.now,
                                                  title: "Dari konsol lain", body: "Masuk lewat SMS."), as: .system, now: Fixture.now)
        try other.perform(.addNote("catatan lain"), on: Fixture.ID.overdue, as: Fixture.national, now: Fixture.now)
        // The console saves a note: the journal catches up on both events first.
        let request = DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan sendiri"),
                                  expectedVersion: nil)
        let outcomes = service.perform([request], as: Fixture.national, now: Fixture.now)
        XCTAssertEqual(outcomes.first?.caughtUp.count, 2)
        ConsoleReducer.reduce(&state, .performed(outcomes))
        XCTAssertNotNil(state.desk[newID], "the other writer's new report is on the console's desk")
        XCTAssertEqual(state.desk.lastSeq, store.desk.lastSeq)
        XCTAssertEqual(state.desk.all, store.desk.all, "the console's desk is the store's")
        XCTAssertEqual(service.poll(), [], "nothing left to deliver twice")
        // A fresh start reads the same desk.
        let (fresh, _) = try FileJournal.open(at: folder, mode: .readOnly)
        let again = try DeskStore(journal: fresh, directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
        XCTAssertEqual(again.desk.lastSeq, state.desk.lastSeq)
        XCTAssertEqual(again.desk.all.count, state.desk.all.count)
    }
}

/// The warning that another officer just changed the open report survives the console's own save, which
/// used to overwrite it with "Tersimpan".
final class ChangedUnderneathDuringSaveTests: XCTestCase {
    func testTheSavedMessageKeepsTheWarningThatTheReportChangedUnderneath() throws {
        let folder = try temporaryFolder("changed-during-save")
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(store: store)
        state.press(.enter)
        XCTAssertEqual(state.detail.reportID, Fixture.ID.overdue)
        let (otherJournal, _) = try FileJournal.open(at: folder, mode: .writer)
        let other = try DeskStore(journal: otherJournal, directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
        try other.perform(.addNote("dicek dimas"), on: Fixture.ID.overdue, as: Operator(name: "dimas", role: .adminNasional),
                          now: Fixture.now)
        let outcomes = StoreService(store: store).perform(
            [DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan rina"), expectedVersion: nil)],
            as: Fixture.national, now: Fixture.now)
        ConsoleReducer.reduce(&state, .performed(outcomes))
        let text = state.message?.text ?? ""
        XCTAssertTrue(text.hasPrefix("Tersimpan: "), text)
        XCTAssertTrue(text.contains("baru saja diubah oleh dimas"), text)
        XCTAssertEqual(state.message?.kind, .info, "saved, with a warning: neither ✓ nor ✗")
        XCTAssertEqual(state.desk[Fixture.ID.overdue]?.trail.suffix(2).map(\.actor.name), ["dimas", "rina"])
    }
}

/// QA: a save that timed out on the journal's lock said "tidak tersimpan — journal locked by another
/// process, …" (English after the Indonesian lead). The officer's language, and what to do.
final class BusyJournalSaveTests: XCTestCase {
    func testASaveThatTimesOutOnTheLockSaysSoInTheOfficersLanguage() throws {
        let folder = try temporaryFolder("busy-save")
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: FileJournal.Options(lockTimeout: 0.2))
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(store: store)
        let fd = open(folder.appendingPathComponent("journal/LOCK").path, O_RDONLY)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let outcomes = StoreService(store: store).perform(
            [DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan"), expectedVersion: nil)],
            as: Fixture.national, now: Fixture.now)
        flock(fd, LOCK_UN)
        close(fd)
        guard case let .busy(_, waited)? = outcomes.first?.result else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(waited, 0.2)
        ConsoleReducer.reduce(&state, .performed(outcomes))
        let text = state.message?.text ?? ""
        XCTAssertTrue(text.hasPrefix("#2600001: tidak tersimpan — jurnal masih ditulis oleh "), text)
        XCTAssertTrue(text.hasSuffix("isian tetap ada, simpan lagi sebentar lagi."), text)
        XCTAssertFalse(text.contains("journal locked"), text)
    }
}

/// QA: a console save that set aside another process's torn last line said only "Tersimpan"; the title
/// said "Jurnal: OK". The officer is told where the torn line went.
final class TornTailDuringSaveTests: XCTestCase {
    func testASaveThatSetsATornLineAsideSaysWhere() throws {
        let folder = try temporaryFolder("torn-during-save")
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(store: store)
        let service = StoreService(store: store)
        // Another writer died mid-line.
        let segment = try FileHandle(forWritingTo: folder.appendingPathComponent("journal/000001.jsonl"))
        try segment.seekToEnd()
        try segment.write(contentsOf: Array(#"{"v":1,"seq":99,"id":"torn"#.utf8))
        try segment.close()
        let note = DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan"), expectedVersion: nil)
        let outcomes = service.perform([note, note], as: Fixture.national, now: Fixture.now)
        XCTAssertEqual(outcomes.count, 2)
        XCTAssertEqual(outcomes[0].setAside.count, 1, "\(outcomes[0].setAside)")
        let path = try XCTUnwrap(outcomes[0].setAside.first)
        XCTAssertTrue(path.hasPrefix("journal/quarantine/000001-") && path.hasSuffix(".torn"), path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path))
        XCTAssertEqual(outcomes[1].setAside, [], "said once")
        ConsoleReducer.reduce(&state, .performed(outcomes))
        XCTAssertEqual(state.message?.kind, .success, "saved; the torn line was another process's")
        XCTAssertTrue(state.message?.text.hasSuffix("Baris terpotong dari proses lain (yang berhenti di tengah menulis) disisihkan ke \(path).") == true,
                      state.message?.text ?? "")
        XCTAssertTrue(state.message?.text.hasPrefix("Tersimpan: ") == true, state.message?.text ?? "")
        // Nothing torn: nothing said.
        let plain = service.perform([note], as: Fixture.national, now: Fixture.now)
        XCTAssertEqual(plain.first?.setAside, [])
    }
}

/// QA: during an import the message said only the last batch's count ("5000 laporan baru masuk").
final class ArrivalMessageTests: XCTestCase {
    func testArrivalsInSeveralPollsAddUpWhileTheMessageIsShown() throws {
        var s = try Fixture.state()
        func arrive(_ n: Int) {
            let events = (0..<n).map { k -> RecordedEvent in
                let seq = s.desk.lastSeq + 1 + UInt64(k)
                return RecordedEvent(seq: seq, id: "e\(seq)", reportID: ReportID("27\(String(format: "%05d", Int(seq)))"), at: Fixture.now,
                                     actor: Actor(name: "sistem", role: .sistem),
                                     event: .received(Intake(externalID: "IMP-\(seq)", channel: .api, receivedAt: Fixture.now,
                                                             title: "Impor \(seq)", body: "Isi \(seq)")))
            }
            ConsoleReducer.reduce(&s, .journalEvents(events))
        }
        arrive(2)
        XCTAssertEqual(s.message?.text, "2 laporan baru masuk.")
        arrive(3)
        XCTAssertEqual(s.message?.text, "5 laporan baru masuk.")
        s.message = nil
        arrive(1)
        XCTAssertEqual(s.message?.text, "1 laporan baru masuk.", "a new count once the message was gone")
    }
}
