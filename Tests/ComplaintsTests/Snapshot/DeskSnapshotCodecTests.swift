import XCTest
@testable import Complaints

/// The projection snapshot must read back as exactly the desk the fold built (every field of every report,
/// every trail entry of every event type, hostile text included), and damaged bytes must throw, never
/// crash or read out of bounds.
final class DeskSnapshotCodecTests: XCTestCase {
    static let at = Date(timeIntervalSince1970: 1_775_440_800.123_456)
    var at: Date { Self.at }

    func deskWithEveryEvent() -> Desk { Self.deskWithEveryEvent() }

    /// A desk where every event type has been folded into some report, plus reports in every status.
    static func deskWithEveryEvent() -> Desk {
        let at = Self.at
        var desk = Desk()
        var seq: UInt64 = 0
        let actors = [Actor(name: "rina", role: .adminNasional, osUser: "rina"),
                      Actor(name: "budi \u{1B}[2J", role: .adminInstansi, agency: "kemenkes", unit: "kemenkes/ditjen", osUser: nil),
                      Actor(.system)]
        func record(_ id: ReportID, _ e: DomainEvent, actor: Int = 0) {
            seq += 1
            desk.apply(RecordedEvent(seq: seq, id: "ev-\(seq)", reportID: id, at: at.addingTimeInterval(Double(seq) * 61.5),
                                     actor: actors[actor % actors.count], event: e))
        }
        for (i, e) in PayloadTapeTests.events.enumerated() {
            let id = ReportID(rawValue: String(2_600_001 + i))
            if case .received = e {
                record(id, e)
            } else {
                record(id, .received(Intake(externalID: "x-\(i)", channel: Channel.allCases[i % Channel.allCases.count],
                                            receivedAt: at, title: i % 3 == 0 ? nil : "Judul \(i)", body: PayloadTapeTests.hostileText)))
                record(id, e, actor: i)
                record(id, .noteAdded(text: "catatan \(i)"), actor: i + 1)
            }
        }
        // An event for an unknown report and a second `received`: anomalies must survive too.
        record("9999999", .noteAdded(text: "x"))
        record("2600001", .received(Intake(channel: .sms, receivedAt: at, body: "again")))
        return desk
    }

    // Typed-throws closures handed to `withUnsafeBytes` crash this compiler (Swift 6.3.1 IRGen):
    // the helpers below go through `Result` instead.
    func actors(_ bytes: [UInt8]) throws -> SnapshotActors {
        try bytes.withUnsafeBytes { b -> Result<SnapshotActors, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.decodeActors(b)) } catch { return .failure(error) }
        }.get()
    }

    func reports(_ bytes: [UInt8], actors: SnapshotActors) throws -> [Report] {
        try bytes.withUnsafeBytes { b -> Result<[Report], SnapshotFormatError> in
            var out: [Report] = []
            do throws(SnapshotFormatError) {
                try DeskSnapshotCodec.forEachReport(in: b, actors: actors, textSource: nil) { out.append($0) }
                return .success(out)
            } catch { return .failure(error) }
        }.get()
    }

    func roundTrip(_ desk: Desk, reportsPerChunk: Int = 3) throws -> Desk {
        let sections = DeskSnapshotCodec.encode(desk, rules: InboxRowRules(deadlines: Deadlines(calendar: WorkingCalendar()), key: "test"), reportsPerChunk: reportsPerChunk)
        let actors = try actors(sections.actors)
        var all: [Report] = []
        for chunk in sections.chunks { all += try reports(chunk, actors: actors) }
        XCTAssertEqual(sections.reportCounts.reduce(0, +), desk.count)
        return try sections.desk.withUnsafeBytes { b -> Result<Desk, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.desk(reports: all, deskSection: b)) } catch { return .failure(error) }
        }.get()
    }

    func assertSameDesk(_ a: Desk, _ b: Desk, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        XCTAssertEqual(a.lastSeq, b.lastSeq, file: file, line: line)
        XCTAssertEqual(a.anomalies, b.anomalies, file: file, line: line)
        XCTAssertEqual(a.byExternalID, b.byExternalID, file: file, line: line)
        XCTAssertEqual(a.nextReportID, b.nextReportID, file: file, line: line)
        for (x, y) in zip(a.all, b.all) {
            XCTAssertEqual(x, y, "report \(x.id)", file: file, line: line)
        }
    }

    func testEveryEventTypeAndHostileTextReadBackAsFolded() throws {
        let desk = deskWithEveryEvent()
        XCTAssertEqual(Set(desk.all.flatMap { $0.trail.map(\.event.type) }).count, 21, "every event type is in some trail")
        XCTAssertEqual(desk.anomalies.count, 2)
        let back = try roundTrip(desk)
        assertSameDesk(back, desk)
        // Folding on from the snapshot equals folding on from the original.
        var a = desk, b = back
        let e = RecordedEvent(seq: desk.lastSeq + 1, id: "n", reportID: "2600003", at: at, actor: Actor(.system), event: .autoClosed)
        a.apply(e)
        b.apply(e)
        assertSameDesk(a, b)
    }

    func testChunkSizesDoNotChangeTheResult() throws {
        let desk = deskWithEveryEvent()
        for size in [1, 2, 7, 1000] {
            assertSameDesk(try roundTrip(desk, reportsPerChunk: size), desk)
        }
        assertSameDesk(try roundTrip(Desk()), Desk())
    }

    func testDamagedChunksThrowAndNeverCrash() throws {
        let desk = deskWithEveryEvent()
        let sections = DeskSnapshotCodec.encode(desk, rules: InboxRowRules(deadlines: Deadlines(calendar: WorkingCalendar()), key: "test"), reportsPerChunk: 1000)
        let actors = try actors(sections.actors)
        let chunk = sections.chunks[0]
        func decodes(_ bytes: [UInt8]) -> Bool { (try? reports(bytes, actors: actors)) != nil }
        XCTAssertTrue(decodes(chunk))
        // Every truncation is refused (the reader never runs past the end).
        for cut in stride(from: 0, to: chunk.count, by: max(1, chunk.count / 300)) {
            XCTAssertFalse(decodes(Array(chunk[0..<cut])), "cut at \(cut)")
        }
        XCTAssertFalse(decodes(chunk + [0]), "trailing bytes are refused")
        // Flipped bytes: refused or decoded, never a crash (the file-level checksum catches the rest).
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<400 {
            var bad = chunk
            let i = Int.random(in: 0..<bad.count, using: &generator)
            bad[i] ^= UInt8.random(in: 1...255, using: &generator)
            _ = decodes(bad)
        }
        // An actor index past the table is refused, and so is any index into an empty table.
        XCTAssertNil(try? reports(chunk, actors: actors.prefix(1)))
        XCTAssertNil(try? reports(chunk, actors: actors.prefix(0)))
    }
}

extension DeskSnapshotCodecTests {
    /// Optional strings are stored as length + 1: one that ends exactly at the end of its buffer must
    /// still read back (the bound on its length is one more than the bytes left).
    func testOptionalStringAtTheVeryEndReadsBack() throws {
        for value in [nil, "", "generator", String(repeating: "é", count: 300)] as [String?] {
            var w = SnapshotWriter()
            w.optionalString(value)
            let back = w.bytes.withUnsafeBytes { b -> String?? in
                var r = SnapshotReader(b)
                return try? r.optionalString()
            }
            XCTAssertEqual(back, .some(value))
        }
    }
}
