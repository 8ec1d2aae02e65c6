@testable import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// Long report bodies stay in the journal line that recorded them and are read back, checksum verified,
/// when shown: the desk must read exactly as if they had been decoded at start-up, a line changed on disk
/// since must say so instead of showing wrong text, and the snapshot must keep the same form.
final class StoredBodyTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!
    let op = Operator(name: "rina", role: .adminNasional)
    let stamp = "test build"

    /// Bodies long enough to be left in the journal, with escapes, a quote, non-ASCII text and emoji.
    func longBody(_ i: Int) -> String {
        "Laporan \(i): jalan \"berlubang\" di RT 03\n\tdekat sekolah — warga kesulitan melintas 😀 "
            + String(repeating: "mohon segera ditindaklanjuti ", count: 5) + "\u{1B}[2J\\ akhir"
    }

    func deskFolder() throws -> URL {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let s = try DeskStore(journal: journal, directory: try TestSupport.shippedReference(), deadlines: Deadlines(calendar: WorkingCalendar()))
        for i in 0..<30 {
            _ = try s.receive(Intake(externalID: "long-\(i)", channel: .web, receivedAt: now, title: "Jalan rusak \(i)", body: longBody(i)),
                              as: op, now: now)
        }
        _ = try s.receive(Intake(externalID: "short", channel: .sms, receivedAt: now, title: "Pendek", body: "lampu mati"), as: op, now: now)
        _ = try s.receive(Intake(externalID: "untitled", channel: .sms, receivedAt: now, body: longBody(99)), as: op, now: now)
        return folder
    }

    func reopened(_ folder: URL) throws -> DeskStore {
        let (journal, _) = try FileJournal.open(at: folder, mode: .readOnly)
        return try DeskStore(journal: journal, directory: try TestSupport.shippedReference(), deadlines: Deadlines(calendar: WorkingCalendar()))
    }

    func storage(_ r: Report) -> IntakeBody { r.intake.bodyStorage }

    /// Changes the first letter of `text` in the file at `path` to lower case (same length, checksum
    /// broken); returns the new bytes and where the letter is.
    @discardableResult
    func lowercaseFirstLetter(of text: String, in path: String) throws -> (bytes: [UInt8], at: Int) {
        var bytes = try TestSupport.bytes(path)
        let needle = Array(text.utf8)
        let at = try XCTUnwrap((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes[at] |= 0x20
        try TestSupport.write(bytes, to: path)
        return (bytes, at)
    }

    /// Where a stored body is (line and string), nil for a body kept in memory.
    func span(_ b: IntakeBody) -> [Int]? {
        guard case let .stored(t) = b else { return nil }
        return [Int(t.segment), t.lineOffset, Int(t.lineLength), Int(t.checksum), Int(t.start), Int(t.end)]
    }

    /// Where a string's bytes are: equal for two values sharing one copy.
    func address(_ s: String?) -> UnsafeRawPointer? {
        var s = s ?? ""
        return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    func isStored(_ b: IntakeBody) -> Bool {
        if case .stored = b { return true }
        return false
    }

    func testLongTitledBodiesStayInTheJournalAndReadBackExactly() throws {
        let folder = try deskFolder()
        let desk = try reopened(folder).desk
        XCTAssertEqual(desk.count, 32)
        for (i, r) in desk.all.prefix(30).enumerated() {
            XCTAssertTrue(isStored(storage(r)), "report \(i): a long body with a title is left in the journal")
            XCTAssertEqual(r.body, longBody(i), "report \(i): read back exactly, escapes resolved")
            guard case let .received(intake) = r.trail[0].event else { return XCTFail("trail starts with received") }
            XCTAssertEqual(intake.body, longBody(i), "the trail's received entry reads the same body")
        }
        XCTAssertEqual(desk.all[30].body, "lampu mati")
        XCTAssertFalse(isStored(storage(desk.all[30])), "a short body stays in memory")
        XCTAssertFalse(isStored(storage(desk.all[31])), "without a title the inbox derives one from the body: kept in memory")
        XCTAssertEqual(desk.all[31].title, Intake.derivedTitle(from: longBody(99)))
        // The same desk as an in-memory fold of the same events.
        let (journal, _) = try FileJournal.open(at: folder, mode: .readOnly)
        var events: [RecordedEvent] = []
        try journal.forEachEntry(after: 0) { events.append(try JournalMapping.recorded($0).get()) }
        let inMemory = Desk(events: events)
        XCTAssertFalse(inMemory.all.contains { isStored(storage($0)) })
        TestSupport.assertSameDesk(desk, inMemory)
    }

    /// Reports recorded after start-up, by this store or read from another writer's appends, leave their
    /// bodies in the journal exactly as a fresh start-up would: a long session no longer holds every body
    /// it saw arrive in memory.
    func testBodiesOfReportsRecordedAfterStartUpStayInTheJournalToo() throws {
        let folder = try TestSupport.temporaryFolder(self)
        func store() throws -> DeskStore {
            let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
            return try DeskStore(journal: journal, directory: try TestSupport.shippedReference(), deadlines: Deadlines(calendar: WorkingCalendar()))
        }
        let console = try store()
        let other = try store()
        let (ownID, _) = try console.receive(Intake(externalID: "own", channel: .web, receivedAt: now, title: "Sendiri", body: longBody(1)),
                                             as: op, now: now)
        // A batch folds its receipts from the bodies located as they were encoded, not decoded from the lines.
        let batch = (2..<6).map { Intake(externalID: "bulk-\($0)", channel: .web, receivedAt: now, title: "Massal \($0)", body: longBody($0)) }
            + [Intake(externalID: "bulk-untitled", channel: .web, receivedAt: now, body: longBody(8)),
               Intake(externalID: "bulk-blank", channel: .web, receivedAt: now, title: " \t", body: longBody(9)),
               Intake(externalID: "bulk-short", channel: .web, receivedAt: now, title: "Pendek", body: String(repeating: "é", count: 62))]
        _ = try console.receive(batch, as: op, now: now)
        _ = try other.receive(Intake(externalID: "other", channel: .sms, receivedAt: now, title: "Lain", body: longBody(6)), as: op, now: now)
        XCTAssertEqual(try console.poll().count, 1, "read by polling")
        _ = try other.receive(Intake(externalID: "later", channel: .sms, receivedAt: now, title: "Lagi", body: longBody(7)), as: op, now: now)
        _ = try other.receive(Intake(externalID: "short", channel: .sms, receivedAt: now, title: "Pendek", body: "lampu mati"), as: op, now: now)
        // Read while catching up under the lock before an append.
        try console.perform(.addNote("dicek"), on: ownID, as: op, now: now)
        let desk = console.desk
        XCTAssertEqual(desk.count, 11)
        XCTAssertEqual(desk.all.last?.body, "lampu mati")
        // Bodies 1 to 7, recorded by this store, in its batch, or by the other store.
        let stored = try ["own", "bulk-2", "bulk-3", "bulk-4", "bulk-5", "other", "later"].map { ext in
            try XCTUnwrap(desk.all.first { $0.intake.externalID == ext })
        }
        for r in stored {
            XCTAssertTrue(isStored(storage(r)), "\(r.id): a long body recorded after start-up is left in the journal")
            guard case let .received(intake) = r.trail[0].event else { return XCTFail("trail starts with received") }
            XCTAssertEqual(intake.body, r.body)
        }
        XCTAssertEqual(stored.map(\.body), (1...7).map(longBody))
        for ext in ["bulk-untitled", "bulk-blank", "bulk-short", "short"] {
            let r = try XCTUnwrap(desk.all.first { $0.intake.externalID == ext })
            XCTAssertFalse(isStored(storage(r)), "\(ext): without a title, or short, the body stays in memory")
        }
        // Exactly the desk a fresh start-up folds, and the same storage at the same spans.
        let fresh = try reopened(folder).desk
        TestSupport.assertSameDesk(desk, fresh)
        XCTAssertEqual(desk.all.map { span(storage($0)) }, fresh.all.map { span(storage($0)) })
        XCTAssertEqual(console.journal.health, .ok)
    }

    func testALineChangedOnDiskAfterStartUpIsReportedNotShown() throws {
        let folder = try deskFolder()
        let desk = try reopened(folder).desk
        let path = TestSupport.segmentPath(folder)
        // One letter of the third report's body changed: same length, checksum broken.
        let (bytes, at) = try lowercaseFirstLetter(of: "Laporan 2: jalan", in: path)
        let text = desk.all[2].body
        XCTAssertTrue(text.hasPrefix("⚠ isi laporan tidak terbaca / body unreadable: 000001.jsonl byte "), text)
        XCTAssertTrue(text.hasSuffix(" — jalankan / run `lapor-desk check`"), text)
        XCTAssertTrue(text.contains("checksum"), text)
        XCTAssertEqual(desk.all[1].body, longBody(1), "other lines still read")
        // Cut the segment short: the line is gone.
        try TestSupport.write(Array(bytes[0..<at]), to: path)
        XCTAssertTrue(desk.all[29].body.contains("no longer there"), desk.all[29].body)
        // The segment removed altogether (a reopened source cannot open it).
        try FileManager.default.removeItem(atPath: path)
        let fresh = JournalTextStore(dataFolder: folder)
        guard case let .stored(s) = storage(desk.all[5]) else { return XCTFail("stored") }
        let moved = StoredText(source: fresh, segment: s.segment, lineOffset: s.lineOffset, lineLength: s.lineLength,
                               checksum: s.checksum, start: s.start, end: s.end)
        XCTAssertTrue(moved.text.contains("000001.jsonl: cannot open"), moved.text)
    }

    /// Another valid line standing where the body's line was (a practice desk reset, a journal replaced
    /// by hand) is told apart by its checksum; a span that is not one JSON string is refused, not read.
    func testAnotherValidLineOrABadSpanIsNeverReadAsTheBody() throws {
        let folder = try deskFolder()
        let desk = try reopened(folder).desk
        guard case let .stored(s) = storage(desk.all[3]) else { return XCTFail("stored") }
        let path = TestSupport.segmentPath(folder)
        let bytes = try TestSupport.bytes(path)
        let starts = TestSupport.lineStarts(bytes)
        // The fourth line (report 3's) replaced by the fifth (report 4's): valid, checksummed, the same
        // length, its body at the same offsets.
        let line4 = Array(bytes[starts[3]..<(starts[4] - 1)])
        let line5 = Array(bytes[starts[4]..<(starts[5] - 1)])
        XCTAssertEqual(line4.count, line5.count)
        var swapped = bytes
        swapped.replaceSubrange(starts[3]..<(starts[4] - 1), with: line5)
        try TestSupport.write(swapped, to: path)
        let text = desk.all[3].body
        XCTAssertTrue(text.contains("another line stands there now"), text)
        XCTAssertFalse(text.contains("Laporan 4"), "the other report's body is never shown as this one's")
        try TestSupport.write(bytes, to: path)
        XCTAssertEqual(desk.all[3].body, longBody(3))
        // Spans that are not one whole JSON string: inside the string, over the key, past the quote.
        for (start, end) in [(s.start + 1, s.end), (s.start, s.end - 1), (s.start - 7, s.end), (s.start, s.end + 1)] {
            let bad = StoredText(source: s.source, segment: s.segment, lineOffset: s.lineOffset, lineLength: s.lineLength,
                                 checksum: s.checksum, start: start, end: end)
            guard case let .failure(problem) = bad.read() else { return XCTFail("span \(start)..<\(end) was read") }
            XCTAssertTrue(problem.reason.contains("not where it was"), problem.reason)
        }
    }

    func testExportRefusesABodyThatNoLongerReads() throws {
        let folder = try deskFolder()
        let desk = try reopened(folder).desk
        let path = TestSupport.segmentPath(folder)
        try lowercaseFirstLetter(of: "Laporan 7: jalan", in: path)
        guard case let .failure(problem) = desk.all[7].intake.readBody() else { return XCTFail("a damaged line read") }
        XCTAssertTrue(problem.reason.hasPrefix("000001.jsonl byte "), problem.reason)
        XCTAssertEqual(try desk.all[6].intake.readBody().get(), longBody(6))
    }

    /// Damage met when reading a body back turns the journal's health to damaged, as a scan finding it
    /// would (the console's title bar says so and changes are refused until `check --repair`).
    func testABodyThatNoLongerReadsMarksTheJournalDamaged() throws {
        let folder = try deskFolder()
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try DeskStore(journal: journal, directory: try TestSupport.shippedReference(),
                                  deadlines: Deadlines(calendar: WorkingCalendar()))
        XCTAssertEqual(journal.health, .ok)
        XCTAssertEqual(store.desk.all[4].body, longBody(4), "reading a good body changes nothing")
        XCTAssertEqual(journal.health, .ok)
        try lowercaseFirstLetter(of: "Laporan 4: jalan", in: TestSupport.segmentPath(folder))
        _ = store.desk.all[4].body
        guard case let .degraded(reasons) = journal.health else { return XCTFail("\(journal.health)") }
        XCTAssertTrue(reasons.contains { $0.hasPrefix("000001.jsonl byte ") && $0.contains("checksum mismatch") }, "\(reasons)")
    }

    func testSnapshotKeepsTheJournalSpanNotTheText() throws {
        let folder = try deskFolder()
        let s = try reopened(folder)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        try ProjectionSnapshot.write(s.desk, at: try XCTUnwrap(journal.resumePoint()), journal: journal, programStamp: stamp, rules: TestSupport.inboxRules)
        let file = try TestSupport.bytes(ProjectionSnapshot.path(dataFolder: folder))
        let marker = Array("mohon segera ditindaklanjuti".utf8)
        let copies = (0...(file.count - marker.count)).filter { file[$0] == marker[0] && Array(file[$0..<($0 + marker.count)]) == marker }
        XCTAssertEqual(copies.count, 5, "only the untitled report's body (kept in memory) is in the snapshot")
        guard case let .loaded(snapshot) = ProjectionSnapshot.load(dataFolder: folder, programStamp: stamp) else {
            return XCTFail("snapshot not loaded")
        }
        XCTAssertTrue(isStored(storage(snapshot.desk.all[0])))
        TestSupport.assertSameDesk(snapshot.desk, s.desk)
        // Without a journal to read from, such a snapshot is refused, never half-read.
        switch ProjectionSnapshot.decode(bytes: file, programStamp: stamp) {
        case .success: XCTFail("a snapshot with journal spans decoded without a journal")
        case let .failure(error): XCTAssertTrue(error.reason.contains("no journal"), error.description)
        }
    }

    func testEqualVocabularyValuesShareOneCopy() throws {
        var desk = Desk()
        let category = "Infrastruktur dan Perhubungan Daerah"
        for i in 0..<3 {
            // Each event decoded from its own payload bytes, as start-up decodes the journal.
            let intake = Intake(channel: .web, receivedAt: now, title: "t\(i)", body: "b", category: category,
                                location: Location(province: "Nusa Tenggara Timur", regency: "Kabupaten Timor Tengah Selatan"))
            let payload = EventCodec.encode(.received(intake))
            let event = try EventCodec.decode(type: "report.received", payload: payload)
            desk.apply(RecordedEvent(seq: UInt64(i + 1), id: "e\(i)", reportID: ReportID("26000\(i)1"), at: now,
                                     actor: Actor(op), event: event))
        }
        let unit = try EventCodec.decode(type: "report.assigned-to-unit", payload: Array(#"{"unit":"Bidang Jalan dan Jembatan"}"#.utf8))
        let again = try EventCodec.decode(type: "report.assigned-to-unit", payload: Array(#"{"unit":"Bidang Jalan dan Jembatan"}"#.utf8))
        guard case let .assignedToUnit(u1) = unit, case let .assignedToUnit(u2) = again else { return XCTFail("units") }
        XCTAssertEqual(address(u1), address(u2), "two decoded units share one copy")
        let reports = desk.all
        XCTAssertEqual(reports.map(\.category), Array(repeating: category, count: 3))
        XCTAssertEqual(address(reports[0].category), address(reports[2].category), "one shared copy of the category")
        XCTAssertEqual(address(reports[0].intake.location.regency), address(reports[1].intake.location.regency))
    }

    /// More distinct words than the decoding thread's span cache has slots (a desk's districts): a word the
    /// cache dropped is found again in the thread's vocabulary, never copied anew per event.
    func testWordsBeyondTheSpanCacheStillShareOneCopy() throws {
        func unit(_ k: Int) throws -> String {
            let payload = Array(#"{"unit":"Kecamatan Nomor \#(k) di Kabupaten"}"#.utf8)
            guard case let .assignedToUnit(u) = try EventCodec.decode(type: "report.assigned-to-unit", payload: payload) else {
                throw CocoaError(.coderInvalidValue)
            }
            return u
        }
        let first = try (0..<6_000).map(unit)
        let again = try (0..<6_000).map(unit)
        XCTAssertEqual(first, again)
        XCTAssertEqual(first.indices.filter { address(first[$0]) != address(again[$0]) }, [], "words copied again")
    }

    /// A bulk import folds its reports without sharing their words again: the intake decoder shares them as
    /// it reads the file, so the importing desk holds one copy of each as a start-up's would.
    func testAnImportedFileSharesItsWordsAsItIsRead() throws {
        let lines = (0..<3).map { i in
            #"{"channel":"web","title":"t\#(i)","body":"b","category":"Infrastruktur dan Perhubungan Daerah","agency":"dinas-pekerjaan-umum-kota","tags":["perlu-tindak-lanjut-segera"],"location":{"province":"Nusa Tenggara Timur","regency":"Kabupaten Timor Tengah Selatan","district":"Kecamatan Amanuban Selatan"}}"#
        }
        let batch = IntakeFile.decodeLines(bytes: Array(lines.joined(separator: "\n").utf8), fileName: "f.jsonl", importTime: now)
        XCTAssertEqual(batch.records.count, 3)
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: Deadlines(calendar: WorkingCalendar()))
        _ = try store.receive(batch.records.map(\.intake), as: op, now: now)
        let r = store.desk.all
        XCTAssertEqual(r.count, 3)
        for words in [r.map(\.category), r.map(\.intake.agency), r.map(\.intake.tags.first), r.map(\.intake.location.province),
                      r.map(\.intake.location.regency), r.map(\.intake.location.district)] {
            XCTAssertNotNil(words[0])
            XCTAssertEqual(Set(words.map(address)).count, 1, "one copy of \(words[0] ?? "")")
        }
        TestSupport.assertSameDesk(store.desk, try reopened(folder).desk)
    }
}
