import Foundation
import XCTest
@testable import ComplaintJournal

/// What `check --repair` acknowledges is exactly the lines an operator looked at: another line put in an
/// acknowledged place is new damage, the registry survives hand edits, and an acknowledgement made in
/// another process is taken by a journal already open.
final class AcknowledgementTests: XCTestCase {
    /// A fresh data folder with an empty journal folder.
    private func journalFolder() throws -> URL {
        let folder = try TestSupport.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal/quarantine"), withIntermediateDirectories: true)
        return folder
    }

    /// Writes the first segment: `TestSupport.entry(number)` with sequence number `seq`, for each pair in order.
    private func write(_ lines: [(number: Int, seq: Int)], to folder: URL) throws {
        var bytes: [UInt8] = []
        for (n, seq) in lines { bytes += try EnvelopeEncoder.encode(TestSupport.entry(n), seq: UInt64(seq)) }
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))
    }

    /// An acknowledged duplicate names its line by checksum too: a different line put in its place later
    /// (same number, other bytes) is new damage, not the finding an operator looked at. A registry written
    /// before keys had checksums still acknowledges its findings.
    func testAnotherLineInAnAcknowledgedPlaceIsANewFinding() throws {
        let folder = try journalFolder()
        func write(duplicate number: Int) throws { try self.write([(1, 1), (2, 2), (number, 2), (4, 3)], to: folder) }
        try write(duplicate: 3)
        let (writer, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(found.duplicates.map(\.acknowledged), [false])
        _ = try writer.repair()
        let (_, acknowledged) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(acknowledged.duplicates.map(\.acknowledged), [true])

        try write(duplicate: 9)
        let (_, swapped) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(swapped.duplicates.map(\.line), [3])
        XCTAssertEqual(swapped.duplicates.map(\.acknowledged), [false], "another line in the acknowledged place")
        XCTAssertFalse(swapped.isClean)

        // The registry's older form (no checksum) still acknowledges it.
        let registry = folder.appendingPathComponent("journal/quarantine/acknowledged.jsonl")
        try Data(#"{"key":"duplicate 000001.jsonl 3 2","at":"2026-11-01T09:00:00+07:00","finding":"older"}"#.utf8 + [0x0A])
            .write(to: registry)
        let (_, legacy) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(legacy.duplicates.map(\.acknowledged), [true])
    }

    /// QA: a line rewritten inside an acknowledged run of moved lines (not its first) went unnoticed by a
    /// cold start, while a start from the snapshot found it. The run's key covers every line of it.
    func testALineRewrittenInsideAnAcknowledgedRunIsANewFinding() throws {
        let folder = try journalFolder()
        func write(middle: Int) throws {
            // Lines 20...22 moved before 10...19: those after them (10...19) are one run applied late.
            let order = Array(1...9) + [20, 21, 22] + Array(10...19) + [23]
            try self.write(order.map { (number: $0 == 15 ? middle : $0, seq: $0) }, to: folder)
        }
        try write(middle: 15)
        let (writer, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(found.duplicates.filter(\.appliedLate).count, 1, "one finding for the run: \(found.descriptions)")
        _ = try writer.repair()
        let (_, acknowledged) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(acknowledged.unacknowledgedDescriptions.isEmpty, "\(acknowledged.descriptions)")

        try write(middle: 99)
        let (_, rewritten) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertFalse(rewritten.unacknowledgedDescriptions.isEmpty, "another line inside the run: \(rewritten.descriptions)")
        try write(middle: 15)
        let (_, back) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(back.unacknowledgedDescriptions.isEmpty, "the run as acknowledged: \(back.descriptions)")
    }

    /// QA: a registry whose last line had lost its newline got the new acknowledgement glued onto it, so
    /// `check --repair` said "acknowledged" and the next open found the finding again.
    func testAnAcknowledgementAfterARegistryLineWithoutItsNewlineIsKept() throws {
        let folder = try journalFolder()
        try write([(1, 1), (2, 2), (3, 2), (4, 3)], to: folder)
        let registry = folder.appendingPathComponent("journal/quarantine/acknowledged.jsonl")
        try Data(#"{"key":"gap 000009.jsonl 1 5","at":"2026-11-01T09:00:00+07:00","finding":"a hand edit"}"#.utf8).write(to: registry)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try writer.repair()
        let (_, again) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(again.duplicates.map(\.acknowledged), [true])
        let lines = try String(contentsOf: registry, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "the older line kept whole, the new one on its own line")
    }

    /// QA: a console stayed read-only ("JURNAL RUSAK") after `check --repair` was run in another shell.
    /// An open journal takes acknowledgements made elsewhere on its next poll.
    func testAnAcknowledgementMadeElsewhereIsTakenByAnOpenJournal() throws {
        let folder = try journalFolder()
        try write([(1, 1), (2, 2), (3, 2), (4, 3)], to: folder)
        let (console, _) = try FileJournal.open(at: folder, mode: .writer)
        guard case .degraded = console.health else { return XCTFail("\(console.health)") }
        let (elsewhere, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try elsewhere.repair()
        _ = try console.poll()
        XCTAssertEqual(console.health, .ok)
        XCTAssertNoThrow(try console.append([TestSupport.entry(5)]))
    }
}
