import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// A cold start folds the desk in the open's own scan (`StartupFold`): one pass that verifies and decodes
/// each line. It must find exactly what the verifying scan finds and fold exactly the desk that the
/// verify-then-decode path folds, whatever the journal holds.
final class StartupFoldTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!

    /// A journal over several segments with every kind of finding: a damaged line, a duplicate sequence
    /// number, a gap, a line that verifies but is not an event the desk knows, and a torn last line.
    func makeAwkwardJournal() throws -> (URL, FileJournal.Options, ReferenceData) {
        let (folder, options, reference) = try TestSupport.generatedJournal(self, reports: 500, seed: 5, segmentSize: 400_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/journal")
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        // The first segment: one line damaged in the middle.
        let first = URL(fileURLWithPath: folder.path + "/journal/" + names[0])
        var bytes = try Array(Data(contentsOf: first))
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let victim = starts[starts.count / 2] + 30
        bytes[victim] = bytes[victim] == UInt8(ascii: "q") ? UInt8(ascii: "r") : UInt8(ascii: "q")
        try Data(bytes).write(to: first)
        // The last segment: a duplicate of an early sequence number, a gap, a type nobody knows, a torn line.
        let last = URL(fileURLWithPath: folder.path + "/journal/" + names[names.count - 1])
        let handle = try FileHandle(forWritingTo: last)
        try handle.seekToEnd()
        let (probe, _) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        let next = probe.lastSequence + 1
        for (entry, seq) in [(TestSupport.entry(1), UInt64(3)),
                             (TestSupport.entry(2, report: "2600001", type: "report.unheard-of"), next + 1),
                             (TestSupport.entry(3, report: "2600002", payload: "{\"text\":\"catatan\"}", type: "report.note-added"), next + 2)] {
            var line = try EnvelopeEncoder.encode(entry, seq: seq)
            if line.last != 0x0A { line.append(0x0A) }
            try handle.write(contentsOf: line)
        }
        try handle.write(contentsOf: Array("{\"v\":1,\"seq\":".utf8))
        try handle.close()
        return (folder, options, reference)
    }

    func testTheFoldingScanFindsAndFoldsWhatVerifyingThenDecodingDoes() throws {
        let (folder, options, reference) = try makeAwkwardJournal()
        let deadlines = Deadlines(calendar: WorkingCalendar())

        let (verified, verifiedReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        XCTAssertFalse(verified.foldedAtOpen)
        let decoded = try DeskStore(journal: verified, directory: reference, deadlines: deadlines)

        let fold = StartupFold(journalBytes: { 0 })
        let (folding, foldingReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options, fold: fold)
        XCTAssertTrue(folding.foldedAtOpen)
        let folded = try DeskStore(journal: folding, directory: reference, deadlines: deadlines, folded: fold)

        // The findings: one of each, and the same in both.
        XCTAssertEqual(foldingReport.damagedLines.count, 1, "\(foldingReport.damagedLines)")
        XCTAssertEqual(foldingReport.duplicates.count, 1)
        XCTAssertEqual(foldingReport.gaps.count, 1, "the one made on purpose (the damaged line's own number is no gap)")
        XCTAssertEqual(foldingReport.tornTails.count, 1)
        XCTAssertEqual(foldingReport.damagedLines, verifiedReport.damagedLines)
        XCTAssertEqual(foldingReport.duplicates, verifiedReport.duplicates)
        XCTAssertEqual(foldingReport.gaps, verifiedReport.gaps)
        XCTAssertEqual(foldingReport.tornTails, verifiedReport.tornTails)
        XCTAssertEqual(folding.lastSequence, verified.lastSequence)

        // The desk and the lines it could not understand.
        TestSupport.assertSameDesk(folded.desk, decoded.desk)
        XCTAssertGreaterThan(folded.desk.count, 490)
        XCTAssertEqual(folded.problems, decoded.problems)
        XCTAssertEqual(folded.problems.map(\.seq), [verified.lastSequence - 1], "the unknown type, reported once")
        // The note on 2600002 after the gap was folded (an event after every kind of finding).
        XCTAssertEqual(folded.desk[ReportID("2600002")]?.trail.last?.event, .noteAdded(text: "catatan"))
        // Long bodies left in the journal read back (through the folding journal's own store).
        XCTAssertEqual(folded.desk.all.map(\.intake.body), decoded.desk.all.map(\.intake.body))
        XCTAssertTrue(folded.desk.all.contains { $0.intake.body.utf8.count > 300 })
    }

    /// Under the lock the next segment is mapped and its first chunks decoded while the one before is still
    /// being folded (`SegmentPrefetch`): its lines must be read exactly as any segment's, damage at the right
    /// line and offset (in the first chunk and a later one), every event folded once and in order.
    func testSegmentsBegunAheadAreReadAsAnyOther() throws {
        let (folder, options, reference) = try TestSupport.generatedJournal(self, reports: 3_200, seed: 9, segmentSize: 2_600_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/journal")
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        // Segment 2: a line in its first chunk and one past it (line 4,501 starts beyond the first chunk's
        // slices, checked below); segment 3: its very first line.
        func damage(_ name: String, lines: [Int]) throws {
            let url = URL(fileURLWithPath: folder.path + "/journal/" + name)
            var bytes = try Array(Data(contentsOf: url))
            let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            XCTAssertGreaterThan(starts.count, lines.max() ?? 0)
            if lines.contains(4_500) {
                XCTAssertGreaterThan(starts[4_500], LineSlices.perChunk * LineSlices.defaultBytes, "line 4,501 is past the first chunk")
            }
            for line in lines {
                let victim = starts[line] + 30
                bytes[victim] = bytes[victim] == UInt8(ascii: "q") ? UInt8(ascii: "r") : UInt8(ascii: "q")
            }
            try Data(bytes).write(to: url)
        }
        try damage(names[1], lines: [10, 4_500])
        try damage(names[2], lines: [0])
        let (verified, verifiedReport, decoded, folding, foldingReport, folded) = try openBothWays(folder, options, reference)
        XCTAssertEqual(folding.scanner.segmentsPrefetched, names.count - 1, "every segment after the first begun ahead")
        XCTAssertEqual(verified.scanner.segmentsPrefetched, 0, "a scan that folds nothing has nothing to begin")

        XCTAssertEqual(foldingReport.damagedLines.map(\.line), [11, 4_501, 1])
        XCTAssertEqual(foldingReport.damagedLines.map(\.file), [names[1], names[1], names[2]])
        XCTAssertEqual(foldingReport.damagedLines, verifiedReport.damagedLines)
        XCTAssertEqual(foldingReport.gaps, verifiedReport.gaps)
        XCTAssertEqual(folding.lastSequence, verified.lastSequence)
        TestSupport.assertSameDesk(folded.desk, decoded.desk)
        XCTAssertEqual(folded.problems, decoded.problems)
        XCTAssertGreaterThan(folded.desk.count, 3_100)
    }

    /// A folder without a lock file (copied or restored without it) is read with no `flock` held: a writer
    /// may appear and truncate a torn tail mid-scan, so nothing is begun ahead or mapped beyond the sealed
    /// segments, and the desk is the same.
    func testWithoutALockFileNothingIsBegunAhead() throws {
        let (folder, options, reference) = try makeAwkwardJournal()
        try FileManager.default.removeItem(atPath: folder.path + "/journal/LOCK")
        let (_, _, decoded, folding, _, folded) = try openBothWays(folder, options, reference)
        XCTAssertEqual(folding.scanner.segmentsPrefetched, 0)
        XCTAssertFalse(folding.scanner.activeSegmentIsLocked)
        TestSupport.assertSameDesk(folded.desk, decoded.desk)
    }

    /// The folder opened read-only twice: verified then decoded by the store, and folded in the open's own
    /// scan (which must say it folded).
    private func openBothWays(_ folder: URL, _ options: FileJournal.Options, _ reference: ReferenceData) throws
        -> (verified: FileJournal, verifiedReport: RecoveryReport, decoded: DeskStore,
            folding: FileJournal, foldingReport: RecoveryReport, folded: DeskStore)
    {
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let (verified, verifiedReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        let decoded = try DeskStore(journal: verified, directory: reference, deadlines: deadlines)
        let fold = StartupFold(journalBytes: { 0 })
        let (folding, foldingReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options, fold: fold)
        XCTAssertTrue(folding.foldedAtOpen)
        let folded = try DeskStore(journal: folding, directory: reference, deadlines: deadlines, folded: fold)
        return (verified, verifiedReport, decoded, folding, foldingReport, folded)
    }

    /// The folding scan checks a payload once, by decoding it, where the verifying scan runs the journal's
    /// payload check. Lines whose checksum is right but whose payload breaks the journal's rules (written by
    /// some other tool) must be judged the same way by both: damage, or a line the desk cannot understand.
    func testPayloadsTheJournalRefusesAreDamageInTheFoldingScanToo() throws {
        let (folder, options, reference) = try TestSupport.generatedJournal(self, reports: 40, seed: 6, segmentSize: 10_000_000)
        let hostile: [(payload: [UInt8], damage: Bool)] = [
            (Array("{\"text\":\"a\"\r}".utf8), true), // CR as whitespace: the decoder's grammar allows it
            (Array("{\"text\":\"caf".utf8) + [0xC3] + Array("\"}".utf8), true), // invalid UTF-8
            (Array("{\"text\":01}".utf8), true),
            (Array(("{\"text\":\"x\",\"deep\":" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}").utf8), true),
            (Array("{\"text\":\"\\udc00\"}".utf8), false), // a lone surrogate: the payload check allows it, decoding does not
            (Array("{\"text\":\"catatan\"} ".utf8), false),
        ]
        let segment = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/journal")
            .filter { $0.hasSuffix(".jsonl") }.sorted().last!
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path + "/journal/" + segment))
        try handle.seekToEnd()
        let (probe, _) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        for (k, item) in hostile.enumerated() {
            let entry = TestSupport.entry(k, report: "2600002", payload: "{\"text\":\"PLACEHOLDER\"}", type: "report.note-added")
            var line = Array(try EnvelopeEncoder.encode(entry, seq: probe.lastSequence + 1 + UInt64(k)).prefix { $0 != 0x0A })
            let placeholder = Array("{\"text\":\"PLACEHOLDER\"}".utf8)
            let at = (0...(line.count - placeholder.count)).first { Array(line[$0..<($0 + placeholder.count)]) == placeholder }!
            line.replaceSubrange(at..<(at + placeholder.count), with: item.payload)
            line.removeLast(16)
            line += Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(line)) + Array("\"}\n".utf8)
            try handle.write(contentsOf: line)
        }
        try handle.close()

        let (verified, verifiedReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        let decoded = try DeskStore(journal: verified, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()))
        let fold = StartupFold(journalBytes: { 0 })
        let (folding, foldingReport) = try FileJournal.open(at: folder, mode: .readOnly, options: options, fold: fold)
        let folded = try DeskStore(journal: folding, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()), folded: fold)

        XCTAssertEqual(foldingReport.damagedLines.count, hostile.filter(\.damage).count, "\(foldingReport.damagedLines)")
        XCTAssertEqual(foldingReport.damagedLines, verifiedReport.damagedLines, "the same lines, with the same reasons")
        XCTAssertTrue(foldingReport.damagedLines.contains { $0.reason.contains("raw line break") }, "\(foldingReport.damagedLines)")
        XCTAssertEqual(folded.problems, decoded.problems)
        XCTAssertEqual(folded.problems.count, 1, "the lone surrogate: verified, but not an event the desk can read")
        XCTAssertEqual(folded.desk[ReportID("2600002")]?.trail.last?.event, .noteAdded(text: "catatan"))
        TestSupport.assertSameDesk(folded.desk, decoded.desk)
    }

    func testAFoldUsedByASecondOpenStartsAfresh() throws {
        let (folder, options, _) = try makeAwkwardJournal()
        let fold = StartupFold(journalBytes: { 0 })
        _ = try FileJournal.open(at: folder, mode: .readOnly, options: options, fold: fold)
        let once = fold.desk
        // As when a writer's open fails and is retried read-only with the same fold.
        _ = try FileJournal.open(at: folder, mode: .readOnly, options: options, fold: fold)
        TestSupport.assertSameDesk(fold.desk, once)
        XCTAssertEqual(fold.problems.count, 1)
    }

    func testAWriterRecoversTheSameWayWhenFolding() throws {
        let (folder, options, reference) = try makeAwkwardJournal()
        let fold = StartupFold(journalBytes: { 0 })
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer, options: options, fold: fold)
        // The writer quarantined the damaged line and the torn tail, and can append after them.
        XCTAssertNotNil(report.damagedLines.first?.quarantineFile)
        XCTAssertNotNil(report.tornTails.first?.quarantineFile)
        let store = try DeskStore(journal: journal, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()), folded: fold)
        let before = store.desk.count
        _ = try journal.append([TestSupport.entry(9, report: "2600003", payload: "{\"text\":\"lagi\"}", type: "report.note-added")])
        let (again, _) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        let reread = try DeskStore(journal: again, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()))
        XCTAssertEqual(reread.desk.count, before)
        XCTAssertEqual(reread.desk[ReportID("2600003")]?.trail.last?.event, .noteAdded(text: "lagi"))
    }
}
