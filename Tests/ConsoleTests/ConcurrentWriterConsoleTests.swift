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
        var desk = try FileDeskConsole(self, "concurrent-console")
        let (folder, store) = (desk.folder, desk.store)
        let service = StoreService(store: store)
        // Another officer's command line writes while the console is busy.
        let other = try desk.otherWriter()
        let (newID, _) = try other.receive(Intake(externalID: "SMS-LAIN-1", channel: .sms, receivedAt: Fixture.now,
                                                  title: "Dari konsol lain", body: "Masuk lewat SMS."), as: .system, now: Fixture.now)
        try other.perform(.addNote("catatan lain"), on: Fixture.ID.overdue, as: Fixture.national, now: Fixture.now)
        // The console saves a note: the journal catches up on both events first.
        let request = DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan sendiri"),
                                  expectedVersion: nil)
        let outcomes = service.perform([request], as: Fixture.national, now: Fixture.now)
        XCTAssertEqual(outcomes.first?.caughtUp.count, 2)
        ConsoleReducer.reduce(&desk.state, .performed(outcomes))
        XCTAssertNotNil(desk.state.desk[newID], "the other writer's new report is on the console's desk")
        XCTAssertEqual(desk.state.desk.lastSeq, store.desk.lastSeq)
        XCTAssertEqual(desk.state.desk.all, store.desk.all, "the console's desk is the store's")
        XCTAssertEqual(service.poll(), [], "nothing left to deliver twice")
        // A fresh start reads the same desk.
        let (fresh, _) = try FileJournal.open(at: folder, mode: .readOnly)
        let again = try DeskStore(journal: fresh, directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
        XCTAssertEqual(again.desk.lastSeq, desk.state.desk.lastSeq)
        XCTAssertEqual(again.desk.all.count, desk.state.desk.all.count)
    }
}

/// The warning that another officer just changed the open report survives the console's own save, which
/// used to overwrite it with "Tersimpan".
final class ChangedUnderneathDuringSaveTests: XCTestCase {
    func testTheSavedMessageKeepsTheWarningThatTheReportChangedUnderneath() throws {
        var desk = try FileDeskConsole(self, "changed-during-save")
        let store = desk.store
        desk.state.press(.enter)
        XCTAssertEqual(desk.state.detail.reportID, Fixture.ID.overdue)
        let other = try desk.otherWriter()
        try other.perform(.addNote("dicek dimas"), on: Fixture.ID.overdue, as: Operator(name: "dimas", role: .adminNasional),
                          now: Fixture.now)
        let outcomes = StoreService(store: store).perform(
            [DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan rina"), expectedVersion: nil)],
            as: Fixture.national, now: Fixture.now)
        ConsoleReducer.reduce(&desk.state, .performed(outcomes))
        let text = desk.state.message?.text ?? ""
        XCTAssertTrue(text.hasPrefix("Tersimpan: "), text)
        XCTAssertTrue(text.contains("baru saja diubah oleh dimas"), text)
        XCTAssertEqual(desk.state.message?.kind, .info, "saved, with a warning: neither ✓ nor ✗")
        XCTAssertEqual(desk.state.desk[Fixture.ID.overdue]?.trail.suffix(2).map(\.actor.name), ["dimas", "rina"])
    }
}

/// QA: a save that timed out on the journal's lock said "tidak tersimpan — journal locked by another
/// process, …" (English after the Indonesian lead). The officer's language, and what to do.
final class BusyJournalSaveTests: XCTestCase {
    func testASaveThatTimesOutOnTheLockSaysSoInTheOfficersLanguage() throws {
        var desk = try FileDeskConsole(self, "busy-save", options: FileJournal.Options(lockTimeout: 0.2))
        let (folder, store) = (desk.folder, desk.store)
        let fd = open(folder.appendingPathComponent("journal/LOCK").path, O_RDONLY)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let outcomes = StoreService(store: store).perform(
            [DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("catatan"), expectedVersion: nil)],
            as: Fixture.national, now: Fixture.now)
        flock(fd, LOCK_UN)
        close(fd)
        guard case let .busy(_, waited)? = outcomes.first?.result else { return XCTFail("\(outcomes)") }
        XCTAssertEqual(waited, 0.2)
        ConsoleReducer.reduce(&desk.state, .performed(outcomes))
        let text = desk.state.message?.text ?? ""
        XCTAssertTrue(text.hasPrefix("#2600001: tidak tersimpan — jurnal masih ditulis oleh "), text)
        XCTAssertTrue(text.hasSuffix("isian tetap ada, simpan lagi sebentar lagi."), text)
        XCTAssertFalse(text.contains("journal locked"), text)
    }
}

/// QA: a console save that set aside another process's torn last line said only "Tersimpan"; the title
/// said "Jurnal: OK". The officer is told where the torn line went.
final class TornTailDuringSaveTests: XCTestCase {
    func testASaveThatSetsATornLineAsideSaysWhere() throws {
        var desk = try FileDeskConsole(self, "torn-during-save")
        let (folder, store) = (desk.folder, desk.store)
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
        ConsoleReducer.reduce(&desk.state, .performed(outcomes))
        XCTAssertEqual(desk.state.message?.kind, .success, "saved; the torn line was another process's")
        XCTAssertTrue(desk.state.message?.text.hasSuffix("Baris terpotong dari proses lain (yang berhenti di tengah menulis) disisihkan ke \(path).") == true,
                      desk.state.message?.text ?? "")
        XCTAssertTrue(desk.state.message?.text.hasPrefix("Tersimpan: ") == true, desk.state.message?.text ?? "")
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
        // A save's confirmation (or an error) is not replaced by arrivals (QA: a bulk action's ✓ never showed).
        s.message = msg(.success, "Tersimpan: Tag — 40 laporan.")
        arrive(4)
        XCTAssertEqual(s.message, msg(.success, "Tersimpan: Tag — 40 laporan."))
    }
}

/// A console on a file journal in a new folder (the tests above), and another officer's store on it.
struct FileDeskConsole {
    let folder: URL
    let store: DeskStore
    var state: ConsoleState

    init(_ testCase: XCTestCase, _ name: String, options: FileJournal.Options = FileJournal.Options()) throws {
        folder = try testCase.temporaryFolder(name)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        store = try Fixture.makeStore(journal: journal)
        state = try Fixture.state(store: store)
    }

    /// Another process writing to the same journal (a second console, the command line).
    func otherWriter() throws -> DeskStore {
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        return try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
    }
}
