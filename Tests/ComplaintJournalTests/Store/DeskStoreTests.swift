import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The store decides under the journal lock after catching up, so two desks never contradict each other.
final class DeskStoreTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T10:00:00+07:00")!
    let nasional = Operator(name: "rina", role: .adminNasional)
    let deadlines = Deadlines(calendar: WorkingCalendar())

    func intake(_ ext: String?, channel: Channel = .sms) -> Intake {
        Intake(externalID: ext, channel: channel, receivedAt: now, body: "Jalan rusak \(ext ?? "")",
               location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman"))
    }

    func testReceiveAllocatesSequentialIDsAndDedupesExternalIDs() throws {
        let store = try DeskStore(journal: InMemoryJournal(), directory: PermissiveDirectory(), deadlines: deadlines)
        let a = try store.receive(intake("sms-1"), as: .system, now: now)
        let b = try store.receive(intake("sms-2"), as: .system, now: now)
        let again = try store.receive(intake("sms-1"), as: .system, now: now)
        XCTAssertEqual(a.id, "2600001")
        XCTAssertEqual(b.id, "2600002")
        XCTAssertEqual(again.id, "2600001")
        XCTAssertFalse(again.isNew)
        // The same external id on another channel is another report.
        XCTAssertTrue(try store.receive(intake("sms-1", channel: .web), as: .system, now: now).isNew)
        XCTAssertEqual(try store.journal.allEntries().count, 3)
    }

    /// A report whose line was damaged and set aside by `check --repair` is gone from the desk, but its
    /// tracking id was given to a reporter: new ids are numbered after it, now and after every later start.
    func testATrackingIDOfALineSetAsideIsNeverHandedOutAgain() throws {
        let folder = try TestSupport.temporaryFolder(self)
        func store() throws -> DeskStore {
            let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
            return try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines)
        }
        let first = try store()
        for i in 1...3 { _ = try first.receive(intake("sms-\(i)"), as: .system, now: now) }
        try first.perform(.addNote("dicek"), on: "2600001", as: nasional, now: now)
        // Damage the newest report's line (a good line follows it, so it is damage, not a torn tail).
        let path = TestSupport.segmentPath(folder)
        var bytes = try TestSupport.bytes(path)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let third = lines[0].count + lines[1].count + 2
        bytes[third + lines[2].count - 30] ^= 0x01
        try TestSupport.write(bytes, to: path)
        let (writer, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(found.damagedLines.map(\.reportIDs), [["2600003"]])
        _ = try writer.repair()
        let repaired = try store()
        XCTAssertNil(repaired.desk["2600003"], "the damaged report is set aside")
        XCTAssertEqual(try repaired.receive(intake("sms-4"), as: .system, now: now).id, "2600004")
        // After a later start the scan sees the line as acknowledged damage; the registry keeps the id too.
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(journal.reportIDsSetAside.filter { $0 == "2600003" }.count, 2, "from the scan and from the registry")
        XCTAssertEqual(try store().receive(intake("sms-5"), as: .system, now: now).id, "2600005")
    }

    func testTwoStoresOnOneJournalNeverHandOutTheSameID() throws {
        let j1 = InMemoryJournal()
        let j2 = j1.makePeer()
        let s1 = try DeskStore(journal: j1, directory: PermissiveDirectory(), deadlines: deadlines)
        let s2 = try DeskStore(journal: j2, directory: PermissiveDirectory(), deadlines: deadlines)
        let a = try s1.receive(intake("a"), as: .system, now: now)
        let b = try s2.receive(intake("b"), as: .system, now: now)
        XCTAssertNotEqual(a.id, b.id)
        XCTAssertEqual(s2.desk.count, 2, "the second store caught up under the lock")
        try s1.poll()
        XCTAssertEqual(s1.desk.count, 2)
    }

    func testStaleCommandFromAnotherConsoleIsRefusedAndWritesNothing() throws {
        let j1 = InMemoryJournal()
        let s1 = try DeskStore(journal: j1, directory: PermissiveDirectory(), deadlines: deadlines)
        let s2 = try DeskStore(journal: j1.makePeer(), directory: PermissiveDirectory(), deadlines: deadlines)
        let id = try s1.receive(intake("x"), as: .system, now: now).id
        try s2.poll()
        let seen = try XCTUnwrap(s2.desk[id]).version
        try s1.perform(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), on: id, as: nasional, now: now)
        let before = try j1.allEntries().count
        XCTAssertThrowsError(try s2.perform(.postpone(question: "?"), on: id, as: nasional, expectedVersion: seen, now: now)) { error in
            guard case let .refused(r)? = error as? DeskStore.Failure else { return XCTFail("expected a refusal, got \(error)") }
            XCTAssertEqual(r.code, .stale)
        }
        XCTAssertEqual(try j1.allEntries().count, before)
    }

    func testSweepAutoClosesOnceAcrossTwoConsoles() throws {
        let j1 = InMemoryJournal()
        let s1 = try DeskStore(journal: j1, directory: PermissiveDirectory(), deadlines: deadlines)
        let s2 = try DeskStore(journal: j1.makePeer(), directory: PermissiveDirectory(), deadlines: deadlines)
        let id = try s1.receive(intake("x"), as: .system, now: now).id
        try s1.perform(.dispose(agency: "a", unit: "a/u", rule: nil, note: nil), on: id, as: nasional, now: now)
        try s1.perform(.postFollowUp(text: "Selesai diperbaiki", attachments: []), on: id,
                       as: Operator(name: "sari", role: .penghubung, agency: "a", unit: "a/u"), now: now)
        let later = now.addingTimeInterval(30 * 86400)
        try s2.poll()
        XCTAssertEqual(try s1.sweep(now: now).count, 0, "not due yet")
        XCTAssertEqual(try s1.sweep(now: later).map(\.event), [.autoClosed])
        XCTAssertEqual(try s2.sweep(now: later).count, 0, "the peer caught up under the lock and found nothing due")
        XCTAssertEqual(s2.desk[id]?.status, .selesai)
    }

    func testUndecodableEventsAreReportedNotFatal() throws {
        let j = InMemoryJournal()
        _ = try j.append([NewEntry(eventID: "e1", reportID: "1", at: now, utcOffsetSeconds: 25200,
                                   actor: JournalActor(name: "x", role: "admin-nasional"), type: "report.exploded",
                                   payload: Array("{}".utf8))])
        let store = try DeskStore(journal: j, directory: PermissiveDirectory(), deadlines: deadlines)
        XCTAssertEqual(store.problems.count, 1)
        XCTAssertTrue(store.problems[0].description.contains("unknown event type"), store.problems[0].description)
        XCTAssertEqual(store.desk.count, 0)
    }

    func testFileJournalRoundTripRebuildsTheSameDesk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (journal, _) = try FileJournal.open(at: dir, mode: .writer)
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines)
        let id = try store.receive(intake("f"), as: .system, now: now).id
        try store.perform(.addNote("catatan \"kutip\" \n baris 😀"), on: id, as: nasional, now: now)
        let (again, _) = try FileJournal.open(at: dir, mode: .readOnly)
        let reopened = try DeskStore(journal: again, directory: PermissiveDirectory(), deadlines: deadlines)
        XCTAssertEqual(reopened.desk[id], store.desk[id])
    }
}
