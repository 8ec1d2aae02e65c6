import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The bulk import path: ids drawn in one go, envelopes encoded on every core, the written events
/// folded without decoding their payloads again. Each shortcut must give exactly what the plain path
/// (and a later read of the journal) gives.
final class BulkReceiveTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000.123_456)
    let deadlines = Deadlines(calendar: WorkingCalendar())

    func testEventIDsAreLowerCaseRandomVersion4UUIDs() {
        let ids = EventIDs.random(count: 2_000)
        XCTAssertEqual(Set(ids).count, 2_000)
        for id in ids {
            let u = Array(id.utf8)
            XCTAssertEqual(u.count, 36, id)
            XCTAssertEqual([u[8], u[13], u[18], u[23]], Array("----".utf8), id)
            XCTAssertEqual(u[14], UInt8(ascii: "4"), "version 4: \(id)")
            XCTAssertTrue("89ab".utf8.contains(u[19]), "RFC 4122 variant: \(id)")
            XCTAssertTrue(id.utf8.allSatisfy { "0123456789abcdef-".utf8.contains($0) }, id)
            XCTAssertEqual(UUID(uuidString: id)?.uuidString.lowercased(), id)
        }
        XCTAssertEqual(EventIDs.random(count: 0), [])
    }

    func testEnvelopeShortcutWritesWhatTheEscapingLoopWrites() {
        var rng = SeededGenerator(seed: 11)
        let pool: [Unicode.Scalar] = [0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7E, 0x7F, 0x80, 0x9F,
                                      0xE9, 0x2000, 0x2028, 0x2029, 0x202E, 0x20AC, 0xFEFF, 0x1F600].compactMap(Unicode.Scalar.init)
        var strings = TestSupport.hostileStrings + ["plain", "2600001", "report.received", "\u{E2}", "\u{2028}\u{2028}"]
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 24) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            strings.append(String(s))
        }
        for s in strings {
            var shortcut: [UInt8] = []
            JSONStringEscaping.appendQuoted(s, to: &shortcut)
            var loop: [UInt8] = []
            JSONStringEscaping.appendEscaped(s, to: &loop)
            XCTAssertEqual(shortcut, loop, s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testALargeBatchEncodesExactlyAsOneEntryAtATime() throws {
        // Enough entries for several workers; times shared and not shared, hostile text everywhere.
        let entries = (1...2_500).map { n -> NewEntry in
            var e = TestSupport.entry(n, payload: " {\"n\":\(n)}\t")
            e.at = n % 7 == 0 ? now.addingTimeInterval(Double(n) / 1000) : now
            e.utcOffsetSeconds = n % 11 == 0 ? -5 * 3600 : 7 * 3600
            let h = TestSupport.hostileStrings[n % TestSupport.hostileStrings.count]
            e.reportID = "r-\(h)"
            e.actor = JournalActor(name: "siti \(h)", role: "admin-nasional", agency: n % 2 == 0 ? h : nil, unit: nil, osUser: h)
            return e
        }
        let lines = try EnvelopeEncoder.encodeAll(entries, firstSeq: 41)
        XCTAssertEqual(lines.count, entries.count)
        for (k, entry) in entries.enumerated() {
            let one = try EnvelopeEncoder.encode(entry, seq: 41 + UInt64(k))
            XCTAssertEqual(lines[k].bytes, one, "entry \(k + 1)")
            let read = try one.withUnsafeBufferPointer { try EnvelopeDecoder.decode(UnsafeBufferPointer(rebasing: $0.dropLast()),
                                                                                    position: JournalPosition(segment: 0, line: 0)) }
            XCTAssertEqual(lines[k].entry, read, "entry \(k + 1) is what a later read sees")
        }
    }

    func testTheFirstBadEntryOfALargeBatchIsTheOneReported() {
        // Bad entries in both halves (both workers' ranges): the earlier one is reported whichever worker
        // finishes first.
        var entries = (1...2_500).map { TestSupport.entry($0) }
        entries[2_099].eventID = ""
        entries[1_699].payload = Array("{\"a\":}".utf8)
        entries[1_249].eventID = ""
        entries[1_199].payload = Array("{\"a\":}".utf8)
        XCTAssertThrowsError(try EnvelopeEncoder.encodeAll(entries, firstSeq: 1)) { error in
            guard case let .invalidEntry(field, _)? = error as? JournalError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "entry 1200: data")
        }
    }

    func testTheProjectionAfterABulkReceiveIsTheOneAFreshReadBuilds() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines, osUser: "root")
        let hostile = TestSupport.hostileStrings
        let intakes = (0..<1_500).map { n -> Intake in
            let h = hostile[n % hostile.count]
            return Intake(externalID: n % 5 == 0 ? nil : "ext-\(n % 1_400)", channel: n % 1_400 % 3 == 0 ? .sms : .web,
                          receivedAt: n % 2 == 0 ? now : Date(timeIntervalSince1970: 1_700_000_000 + Double(n) * 0.37),
                          title: n % 4 == 0 ? nil : h, body: "isi \(n) \(h)", location: Location(regency: h),
                          reporter: Reporter(name: h, groups: [.lansia]), attachments: [Attachment(name: "f\(h)", ref: nil)],
                          tags: [h], extra: n % 6 == 0 ? ["x.\(h)": "[\"\(n)\"]"] : [:])
        }
        store.reserveCapacity(forMoreReports: intakes.count)
        let first = try store.receive(Array(intakes[..<700]), as: .system, now: now)
        let second = try store.receive(Array(intakes[700...]), as: Operator(name: "rina \u{2028}", role: .adminNasional), now: now)
        let results = (first + second).map { try? $0.get() }
        let repeated = (1_400..<1_500).filter { $0 % 5 != 0 }.count
        XCTAssertEqual(results.filter { $0?.isNew == false }.count, repeated, "ext ids repeat after 1,400: recorded once")
        XCTAssertEqual(results.filter { $0?.isNew == true }.count, 1_500 - repeated)
        XCTAssertEqual(store.desk.count, 1_500 - repeated)
        XCTAssertEqual(store.problems, [])

        let (reader, _) = try FileJournal.open(at: folder, mode: .readOnly)
        let fresh = try DeskStore(journal: reader, directory: PermissiveDirectory(), deadlines: deadlines, osUser: "root")
        XCTAssertEqual(fresh.problems, [])
        TestSupport.assertSameDesk(store.desk, fresh.desk)
    }

    /// A line the desk's rules refuse does not hold its external id: its corrected copy later in the same
    /// batch is recorded. It was taken for a duplicate of the number the next report got, and lost.
    func testARefusedLinesCorrectedCopyIsRecordedNotTakenForADuplicate() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines, osUser: "root")
        let batch = [Intake(externalID: "x", channel: .sms, receivedAt: now.addingTimeInterval(3 * 86_400), body: "jam salah"),
                     Intake(externalID: "y", channel: .sms, receivedAt: now, body: "lain"),
                     Intake(externalID: "x", channel: .sms, receivedAt: now, body: "jam dibetulkan"),
                     Intake(externalID: "x", channel: .sms, receivedAt: now, body: "kiriman ulang")]
        let results = try store.receive(batch, as: .system, now: now)
        guard case .failure(.refused) = results[0] else { return XCTFail("a receipt three days ahead is refused: \(results[0])") }
        let y = try results[1].get(), x = try results[2].get(), again = try results[3].get()
        XCTAssertTrue(y.isNew && x.isNew)
        XCTAssertNotEqual(x.id, y.id)
        XCTAssertEqual(store.desk[x.id]?.body, "jam dibetulkan")
        XCTAssertEqual(store.desk[y.id]?.body, "lain")
        XCTAssertEqual(again.id, x.id, "a later copy of a recorded line is its duplicate")
        XCTAssertFalse(again.isNew)
        XCTAssertEqual(store.desk.count, 2)
    }

    func testWrittenEventsReadBackAsTheirPayloadsDecode() throws {
        let entry = JournalEntry(version: 1, seq: 9, eventID: "e", reportID: "2600001", at: now, atText: "", utcOffsetSeconds: 0,
                                 actor: JournalActor(name: "rina", role: "admin-nasional"), type: "report.received", payload: [],
                                 position: JournalPosition(segment: 1, line: 9))
        for seconds in [0, 1_700_000_000.5, -1.25, 86_399.999_9, 253_000_000_000.75] {
            let intake = Intake(channel: .sms, receivedAt: Date(timeIntervalSince1970: seconds), body: "b")
            var written = entry
            written.payload = EventCodec.encode(.received(intake), offsetSeconds: 7 * 3600)
            let shortcut = try JournalMapping.recorded(written, written: .received(intake)).get()
            let decoded = try JournalMapping.recorded(written).get()
            XCTAssertEqual(shortcut, decoded, "\(seconds)")
        }
        // A time the format cannot hold is decoded, and so reported exactly as a later read reports it.
        var far = entry
        let farIntake = Intake(channel: .sms, receivedAt: Date(timeIntervalSince1970: 400_000_000_000), body: "b")
        far.payload = EventCodec.encode(.received(farIntake), offsetSeconds: 7 * 3600)
        XCTAssertEqual(String(describing: JournalMapping.recorded(far, written: .received(farIntake))),
                       String(describing: JournalMapping.recorded(far)))
        // Another type than the entry's is decoded from the payload too.
        var note = entry
        note.type = "report.note-added"
        note.payload = EventCodec.encode(.noteAdded(text: "n"))
        XCTAssertEqual(try JournalMapping.recorded(note, written: .autoClosed).get().event, .noteAdded(text: "n"))
    }
}
