import Complaints
import Foundation
import XCTest
@testable import ComplaintJournal

/// Torn tails, damaged lines, sequence problems, acknowledgement: nothing is silently dropped.
final class RecoveryTests: XCTestCase {
    func testTruncationAtEveryByteOfTheLastTwoLinesRecoversTheCompletePrefix() throws {
        let scratch = try TestSupport.temporaryFolder(self)
        let original = try TestSupport.makeJournal(scratch.appendingPathComponent("source"), count: 5)
        let starts = TestSupport.lineStarts(original)
        XCTAssertEqual(starts.count, 6)
        let folder = scratch.appendingPathComponent("desk")
        for cut in starts[3]..<original.count {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
            try TestSupport.write(Array(original[0..<cut]), to: TestSupport.segmentPath(folder))
            let goodLength = starts.last { $0 <= cut } ?? 0
            let goodLines = starts.firstIndex(of: goodLength) ?? 0

            let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
            let entries = try journal.allEntries()
            XCTAssertEqual(entries.map(\.seq), (0..<goodLines).map { UInt64($0 + 1) }, "cut at \(cut)")
            XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), Array(original[0..<goodLength]), "cut at \(cut)")
            XCTAssertTrue(report.damagedLines.isEmpty, "cut at \(cut)")
            let quarantined = TestSupport.quarantineFiles(folder).filter { $0.hasSuffix(".torn") }
            if cut == goodLength {
                XCTAssertTrue(report.isClean, "cut at \(cut)")
                XCTAssertEqual(quarantined, [])
            } else {
                XCTAssertEqual(report.tornTails.count, 1, "cut at \(cut)")
                XCTAssertEqual(report.tornTails.first?.byteOffset, goodLength)
                XCTAssertEqual(report.tornTails.first?.line, goodLines + 1)
                XCTAssertEqual(report.tornTails.first?.byteCount, cut - goodLength)
                XCTAssertEqual(quarantined.count, 1, "cut at \(cut)")
                XCTAssertTrue(quarantined.first?.hasPrefix("000001-\(goodLength)-") ?? false)
                let saved = try TestSupport.bytes(folder.appendingPathComponent("journal/quarantine/" + (quarantined.first ?? "")).path)
                XCTAssertEqual(saved, Array(original[goodLength..<cut]), "cut at \(cut)")
            }
            XCTAssertEqual(journal.health, .ok)
            if cut % 37 == 0 {
                let next = try journal.append { _ in [TestSupport.entry(99)] }
                XCTAssertEqual(next.map(\.seq), [UInt64(goodLines + 1)])
                let (reopened, again) = try FileJournal.open(at: folder, mode: .readOnly)
                XCTAssertTrue(again.isClean)
                XCTAssertEqual(try reopened.allEntries().count, goodLines + 1)
            }
        }
    }

    func testEverySingleBitFlipInAMiddleLineIsCaughtAndNeverApplied() throws {
        let scratch = try TestSupport.temporaryFolder(self)
        let original = try TestSupport.makeJournal(scratch.appendingPathComponent("source"), count: 5)
        let (source, _) = try FileJournal.open(at: scratch.appendingPathComponent("source"), mode: .readOnly)
        let originals = try source.allEntries()
        let starts = TestSupport.lineStarts(original)
        let folder = scratch.appendingPathComponent("desk")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
        var variants = 0
        for index in starts[2]..<starts[3] {
            for bit in 0..<8 {
                var damaged = original
                damaged[index] ^= UInt8(1 << bit)
                try TestSupport.write(damaged, to: TestSupport.segmentPath(folder))
                let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
                let entries = try journal.allEntries()
                let context = "byte \(index) bit \(bit)"
                var expected = originals.filter { $0.seq != 3 }
                if index == starts[3] - 1 { expected = originals.filter { $0.seq != 3 && $0.seq != 4 } }
                // Positions shift when a flip creates or removes a newline; compare the content.
                func unplaced(_ list: [JournalEntry]) -> [JournalEntry] {
                    list.map { var entry = $0; entry.position = JournalPosition(segment: 0, line: 0); return entry }
                }
                XCTAssertEqual(entries.map(\.seq), expected.map(\.seq), context)
                XCTAssertTrue(unplaced(entries) == unplaced(expected), context)
                XCTAssertFalse(report.damagedLines.isEmpty, context)
                XCTAssertEqual(report.damagedLines.first?.line, 3, context)
                XCTAssertEqual(report.damagedLines.first?.file, "000001.jsonl", context)
                XCTAssertTrue(report.tornTails.isEmpty, context)
                variants += 1
            }
        }
        XCTAssertEqual(variants, (starts[3] - starts[2]) * 8)
    }

    /// A flipped bit in the last line never passes and nothing is cut by a reader. A line still whole (its
    /// newline at the end, and still reading as an envelope: `"seq":` and `"type":"` in it) is damage, as
    /// before a good line, so its event is not silently cut off and its number and tracking id not given
    /// again (QA: a flip in the braces or the checksum's name was taken for a torn write). Only a flip in
    /// those two markers leaves a line garbage could be, which is a torn write.
    func testEverySingleBitFlipInTheLastLineIsDamageOrATornTail() throws {
        let scratch = try TestSupport.temporaryFolder(self)
        let original = try TestSupport.makeJournal(scratch.appendingPathComponent("source"), count: 3)
        let starts = TestSupport.lineStarts(original)
        let folder = scratch.appendingPathComponent("desk")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
        var (damagedCount, tornCount) = (0, 0)
        for index in starts[2]..<(original.count - 1) {
            for bit in 0..<8 {
                var damaged = original
                damaged[index] ^= UInt8(1 << bit)
                try TestSupport.write(damaged, to: TestSupport.segmentPath(folder))
                let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
                XCTAssertEqual(try journal.allEntries().map(\.seq), [1, 2], "byte \(index) bit \(bit)")
                // Still one whole line: one newline, at the end, and both markers of an envelope.
                let line = Array(damaged[starts[2]..<(damaged.count - 1)])
                func has(_ marker: String) -> Bool {
                    let m = Array(marker.utf8)
                    return (0...(line.count - m.count)).contains { line[$0..<($0 + m.count)].elementsEqual(m) }
                }
                if line.contains(0x0A) {
                    // Split in two by a flip to a newline: which part reads as what is not the point here.
                    XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), damaged, "read-only changes nothing")
                    continue
                }
                let whole = has(#""seq":"#) && has(#""type":""#)
                if whole { damagedCount += 1 } else { tornCount += 1 }
                if !whole {
                    XCTAssertEqual(report.tornTails.count, 1, "byte \(index) bit \(bit)")
                    XCTAssertEqual(report.tornTails.first?.quarantineFile, nil)
                } else {
                    XCTAssertEqual(report.damagedLines.map(\.line), [3], "byte \(index) bit \(bit)")
                    XCTAssertEqual(report.tornTails.count, 0, "byte \(index) bit \(bit)")
                    XCTAssertNotEqual(journal.health, .ok, "writers wait for a repair")
                }
                XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), damaged, "read-only changes nothing")
            }
        }
        XCTAssertGreaterThan(damagedCount, 1_000)
        XCTAssertEqual(tornCount, 14 * 8, "every bit of the two markers' 14 bytes, and nothing else")
    }

    func testDamagedMiddleLineIsSkippedReportedQuarantinedAndNeverTruncated() throws {
        let folder = try TestSupport.temporaryFolder(self)
        var bytes = try TestSupport.makeJournal(folder, count: 6)
        let starts = TestSupport.lineStarts(bytes)
        bytes[starts[2] + 20] = UInt8(ascii: "#")
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(try journal.allEntries().map(\.seq), [1, 2, 4, 5, 6])
        XCTAssertEqual(report.damagedLines.count, 1)
        let damage = try XCTUnwrap(report.damagedLines.first)
        XCTAssertEqual(damage.line, 3)
        XCTAssertEqual(damage.byteOffset, starts[2])
        XCTAssertTrue(damage.reason.contains("checksum mismatch"), damage.reason)
        XCTAssertFalse(damage.acknowledged)
        XCTAssertTrue(report.descriptions.contains { $0.hasPrefix("000001.jsonl:3: damaged line skipped") }, "\(report.descriptions)")
        // The damaged line held seq 3: the number missing after it is its own, not a second finding (QA: one
        // damaged line counted and repaired twice).
        XCTAssertEqual(report.gaps, [], "the damaged line's own number is no gap")
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), bytes, "never truncated")
        XCTAssertEqual(TestSupport.quarantineFiles(folder), ["000001-\(starts[2]).damaged"])
        let saved = try TestSupport.bytes(folder.appendingPathComponent("journal/quarantine/000001-\(starts[2]).damaged").path)
        XCTAssertEqual(saved, Array(bytes[starts[2]..<starts[3]]))
        guard case let .degraded(reasons) = journal.health else { return XCTFail("expected degraded, got \(journal.health)") }
        XCTAssertEqual(reasons.count, 1)
        XCTAssertFalse(report.isClean)

        // Reopening is idempotent: the same single quarantine copy.
        _ = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(TestSupport.quarantineFiles(folder), ["000001-\(starts[2]).damaged"])

        // Appending continues the sequence after the highest good line.
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(7)] }.map(\.seq), [7])

        // Repair acknowledges; later opens classify the damage as known and the journal is OK.
        let repaired = try journal.repair()
        XCTAssertTrue(repaired.damagedLines.allSatisfy(\.acknowledged))
        XCTAssertTrue(repaired.gaps.allSatisfy(\.acknowledged))
        XCTAssertEqual(journal.health, .ok)
        XCTAssertTrue(TestSupport.quarantineFiles(folder).contains("acknowledged.jsonl"))
        let (reopened, later) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(later.damagedLines.map(\.acknowledged), [true])
        XCTAssertEqual(later.gaps, [])
        XCTAssertTrue(later.isClean)
        XCTAssertEqual(reopened.health, .ok)
        XCTAssertEqual(try reopened.allEntries().map(\.seq), [1, 2, 4, 5, 6, 7])
        XCTAssertTrue(later.descriptions.contains { $0.hasSuffix("(acknowledged)") })

        // A second repair adds nothing new.
        let registry = try TestSupport.bytes(folder.appendingPathComponent("journal/quarantine/acknowledged.jsonl").path)
        _ = try reopened.repair()
        XCTAssertEqual(try TestSupport.bytes(folder.appendingPathComponent("journal/quarantine/acknowledged.jsonl").path), registry)
    }

    /// A gap wider than the damaged lines before it is still a finding: numbers are missing beyond theirs.
    func testAGapWiderThanTheDamagedLinesBeforeItIsStillReported() throws {
        let folder = try TestSupport.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for seq in [1, 2, 3, 5, 6] { bytes += try EnvelopeEncoder.encode(TestSupport.entry(seq), seq: UInt64(seq)) }
        let starts = TestSupport.lineStarts(bytes)
        bytes[starts[2] + 20] = UInt8(ascii: "#") // seq 3 damaged, and seq 4 never written
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))
        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(try journal.allEntries().map(\.seq), [1, 2, 5, 6])
        XCTAssertEqual(report.damagedLines.map(\.line), [3])
        XCTAssertEqual(report.gaps.map(\.expected), [3], "two numbers are missing after the one damaged line")
        XCTAssertEqual(report.gaps.map(\.found), [5])
    }

    /// QA: two lines swapped far apart (hand-edited) made every good line between them a "duplicate" of the
    /// early line's number; a repair then set them all aside. Only the two moved lines are out of place now,
    /// and no event is lost, in the verifying and the folding scan alike.
    func testTwoSwappedLinesLoseNothingBetweenThem() throws {
        let folder = try TestSupport.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
        var order = Array(1...40)
        order.swapAt(9, 29) // seq 30 sits where 10 belongs, and 10 where 30 belongs
        var bytes: [UInt8] = []
        for seq in order { bytes += try EnvelopeEncoder.encode(TestSupport.entry(seq), seq: UInt64(seq)) }
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))
        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(Set(try journal.allEntries().map(\.seq)), Set((1...40).map(UInt64.init)), "every event read")
        XCTAssertEqual(report.descriptions, [
            "000001.jsonl:10: sequence gap: expected seq 10, found 30",
            "000001.jsonl:11: sequence number 11 out of place (lines moved); applied late, with the lines that follow it in order",
            "000001.jsonl:30: sequence number 10 out of place (lines moved); applied late, with the lines that follow it in order",
        ])
        XCTAssertFalse(report.isClean, "still a finding for check --repair")
        XCTAssertEqual(journal.lastSequence, 40)
    }

    func testSequenceGapsAndDuplicatesAreReportedWithFileAndLine() throws {
        let folder = try TestSupport.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("journal"), withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for (number, seq) in [(1, 1), (2, 2), (3, 4), (4, 4), (5, 3), (6, 5)] {
            bytes += try EnvelopeEncoder.encode(TestSupport.entry(number), seq: UInt64(seq))
        }
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))
        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
        var afterGap = try EnvelopeEncoder.encode(TestSupport.entry(3), seq: 4)
        if afterGap.last == 0x0A { afterGap.removeLast() }
        XCTAssertEqual(report.gaps, [SequenceGap(file: "000001.jsonl", line: 3, expected: 3, found: 4, acknowledged: false,
                                                 lineChecksum: CRC32C.checksum(afterGap))])
        XCTAssertEqual(report.duplicates.map(\.line), [4, 5])
        XCTAssertEqual(report.duplicates.map(\.seq), [4, 3])
        XCTAssertTrue(report.descriptions.contains("000001.jsonl:4: duplicate sequence number 4 skipped"), "\(report.descriptions)")
        // Seq 3 came after the gap had jumped over it: out of place, not a copy, so it is applied late.
        XCTAssertTrue(report.descriptions.contains("000001.jsonl:5: sequence number 3 out of place (lines moved); applied late, with the lines that follow it in order"),
                      "\(report.descriptions)")
        XCTAssertEqual(try journal.allEntries().map(\.eventID), ["event-1", "event-2", "event-3", "event-5", "event-6"])
        XCTAssertEqual(journal.lastSequence, 5)
        XCTAssertEqual(journal.health, .readOnly(reason: Localized("jurnal dibuka baca saja", en: "journal opened read-only")))
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(9)] }) { error in
            guard case JournalError.readOnly = error else { return XCTFail("unexpected \(error)") }
        }
    }

    func testReadOnlyOpenAndVerifyChangeNothing() throws {
        let folder = try TestSupport.temporaryFolder(self)
        var bytes = try TestSupport.makeJournal(folder, count: 4)
        let starts = TestSupport.lineStarts(bytes)
        bytes[starts[1] + 30] ^= 0x01
        bytes += Array("{\"v\":1,\"seq\":5,\"id\":\"tor".utf8)
        try TestSupport.write(bytes, to: TestSupport.segmentPath(folder))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("journal/quarantine"))

        let (readOnly, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(report.damagedLines.map(\.line), [2])
        XCTAssertEqual(report.tornTails.map(\.line), [5])
        XCTAssertEqual(report.tornTails.first?.quarantineFile, nil)
        XCTAssertEqual(try readOnly.verify(), report)
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal/quarantine").path))
        XCTAssertThrowsError(try readOnly.repair())

        let (writer, recovered) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(recovered.tornTails.count, 1)
        XCTAssertNotNil(recovered.tornTails.first?.quarantineFile)
        let verified = try writer.verify()
        XCTAssertEqual(verified.tornTails, [], "the tail is gone after the writer's recovery")
        XCTAssertEqual(verified.damagedLines.map(\.line), [2])
    }

    func testPollIgnoresALineStillBeingWrittenAndReportsLaterDamageOnce() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer)
        let (follower, _) = try FileJournal.open(at: folder, mode: .readOnly)
        _ = try writer.append { _ in [TestSupport.entry(1)] }
        XCTAssertEqual(try follower.poll().map(\.seq), [1])

        let line = try EnvelopeEncoder.encode(TestSupport.entry(2), seq: 2)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: TestSupport.segmentPath(folder)))
        handle.seekToEndOfFile()
        handle.write(Data(line[0..<50]))
        XCTAssertEqual(try follower.poll(), [], "half a line is left for the next poll")
        XCTAssertTrue(follower.report.isClean, "and is not damage")
        handle.write(Data(line[50...]))
        XCTAssertEqual(try follower.poll().map(\.seq), [2])

        var broken = try EnvelopeEncoder.encode(TestSupport.entry(3), seq: 3)
        broken[10] = UInt8(ascii: "X")
        handle.write(Data(broken))
        XCTAssertEqual(try follower.poll(), [], "a bad last line may still be a torn write: wait")
        XCTAssertTrue(follower.report.damagedLines.isEmpty)
        handle.write(Data(try EnvelopeEncoder.encode(TestSupport.entry(4), seq: 3)))
        try handle.close()
        XCTAssertEqual(try follower.poll().map(\.eventID), ["event-4"])
        XCTAssertEqual(follower.report.damagedLines.map(\.line), [3])
        XCTAssertEqual(try follower.poll(), [])
        XCTAssertEqual(follower.report.damagedLines.count, 1, "reported once")
    }

    func testWriterTruncatesATornTailLeftByACrashedWriterBeforeAppending() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try writer.append { _ in [TestSupport.entry(1)] }
        let clean = try TestSupport.bytes(TestSupport.segmentPath(folder))
        let partial = Array(try EnvelopeEncoder.encode(TestSupport.entry(2), seq: 2).prefix(70))
        try TestSupport.write(clean + partial, to: TestSupport.segmentPath(folder))
        let stored = try writer.append { _ in [TestSupport.entry(3)] }
        XCTAssertEqual(stored.map(\.seq), [2])
        XCTAssertEqual(writer.report.tornTails.map(\.byteOffset), [clean.count])
        let (reader, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try reader.allEntries().map(\.eventID), ["event-1", "event-3"])
        XCTAssertEqual(TestSupport.quarantineFiles(folder).filter { $0.hasSuffix(".torn") }.count, 1)
    }

    func testAMissingSegmentIsReportedAndTheSegmentsAfterItAreStillRead() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 700))
        _ = try writer.appendBatch((1...6).map { TestSupport.entry($0) })
        let segments = try JournalFolder(dataFolder: folder).segmentNumbers()
        XCTAssertGreaterThanOrEqual(segments.count, 3)
        let lost = try FileJournal.open(at: folder, mode: .readOnly).0.allEntries().filter { $0.position.segment == 2 }.map(\.seq)
        XCTAssertFalse(lost.isEmpty)
        try FileManager.default.removeItem(atPath: TestSupport.segmentPath(folder, 2))
        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(report.damagedLines.map(\.file), ["000002.jsonl"])
        XCTAssertTrue(report.descriptions.contains(
            "000002.jsonl: damaged segment: segment missing: its events are lost (the segments after it are read)"), "\(report.descriptions)")
        XCTAssertEqual(report.gaps.count, 1, "the lost sequence numbers are a gap: \(report.descriptions)")
        XCTAssertEqual(try journal.allEntries().map(\.seq), Array(1...6).filter { !lost.contains(UInt64($0)) }.map(UInt64.init),
                       "every event after the lost file is read")
        XCTAssertFalse(report.isClean)
    }

    /// QA: a missing first segment was reported only as a sequence gap, with `check --repair` as the fix.
    func testAMissingFirstSegmentIsReportedAsMissing() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 700))
        _ = try writer.appendBatch((1...6).map { TestSupport.entry($0) })
        try FileManager.default.removeItem(atPath: TestSupport.segmentPath(folder, 1))
        let (_, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(report.damagedLines.map(\.file), ["000001.jsonl"])
        XCTAssertTrue(report.descriptions.contains { $0.contains("000001.jsonl") && $0.contains("segment missing") }, "\(report.descriptions)")
    }

    /// After `check --repair` acknowledges a lost segment, a writer appends after the last segment with
    /// the next sequence number: never into an earlier segment, never a sequence number used again.
    func testAfterRepairingAMissingSegmentWritesContinueAfterTheLastOne() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let options = FileJournal.Options(segmentSizeLimit: 700)
        let (first, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        _ = try first.appendBatch((1...6).map { TestSupport.entry($0) })
        let last = try XCTUnwrap(try JournalFolder(dataFolder: folder).segmentNumbers().last)
        try FileManager.default.removeItem(atPath: TestSupport.segmentPath(folder, 2))
        let (writer, found) = try FileJournal.open(at: folder, mode: .writer, options: options)
        XCTAssertFalse(found.isClean)
        let repaired = try writer.repair()
        XCTAssertTrue(repaired.damagedLines.allSatisfy(\.acknowledged) && repaired.gaps.allSatisfy(\.acknowledged), "\(repaired.descriptions)")
        let stored = try writer.append { _ in [TestSupport.entry(7)] }
        XCTAssertEqual(stored.map(\.seq), [7])
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(stored.first).position.segment, last)
        let (reader, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(report.duplicates.count, 0, "\(report.descriptions)")
        let seqs = try reader.allEntries().map(\.seq)
        XCTAssertEqual(seqs, seqs.sorted())
        XCTAssertEqual(Set(seqs).count, seqs.count, "no sequence number twice")
        XCTAssertEqual(seqs.last, 7)
    }

    func testAppendRefusesWhenSomeoneWroteWithoutTheLock() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        var sneaky = false
        XCTAssertThrowsError(try journal.append { _ in
            // Simulates a rogue process appending between catch-up and write.
            if !sneaky {
                sneaky = true
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: TestSupport.segmentPath(folder)))
                handle.seekToEndOfFile()
                handle.write(Data(try EnvelopeEncoder.encode(TestSupport.entry(2), seq: 2)))
                try handle.close()
            }
            return [TestSupport.entry(3)]
        }) { error in
            guard case JournalError.invalidLine = error else { return XCTFail("unexpected \(error)") }
        }
        XCTAssertEqual(try journal.append { caughtUp in
            XCTAssertEqual(caughtUp.map(\.eventID), ["event-2"])
            return [TestSupport.entry(3)]
        }.map(\.seq), [3])
    }

    /// QA: a console open while another process appended a whole line that fails its checksum wrote on and
    /// gave its next event the damaged line's sequence number. The writer now stops as an open would, hands
    /// over the good lines it read, and writes again only after `check --repair`.
    func testDamageAppendedByAnotherProcessStopsThisWriterUntilRepair() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        let (other, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try other.append { _ in [TestSupport.entry(2)] }
        var damaged = try EnvelopeEncoder.encode(TestSupport.entry(3), seq: 3)
        damaged[40] ^= 0x01 // after the envelope's start: a whole line whose checksum fails
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: TestSupport.segmentPath(folder)))
        handle.seekToEndOfFile()
        handle.write(Data(damaged))
        try handle.close()
        for _ in 0..<2 {
            XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(4)] }) { error in
                guard case let JournalError.readOnly(reason) = error else { return XCTFail("unexpected \(error)") }
                XCTAssertTrue(reason.contains("checksum"), reason)
            }
        }
        XCTAssertEqual(try journal.poll().map(\.eventID), ["event-2"], "the good line read is still handed over")
        let lines = try TestSupport.bytes(TestSupport.segmentPath(folder)).split(separator: 0x0A)
        XCTAssertEqual(lines.count, 3, "nothing written after the damaged line")
        XCTAssertNotEqual(journal.health, .ok)
    }

    /// QA: a whole last line whose checksum matched but which this build cannot read (a newer envelope
    /// version, a bad field) was cut off as a torn write and its sequence number given to the next event.
    func testAWholeLastLineThisBuildCannotReadIsDamageNotATornWrite() throws {
        for (from, to) in [("{\"v\":1,", "{\"v\":2,"), ("\"data\":{", "\"data\":[{")] {
            let folder = try TestSupport.temporaryFolder(self)
            let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
            _ = try journal.append { _ in [TestSupport.entry(1)] }
            var text = String(decoding: try EnvelopeEncoder.encode(TestSupport.entry(2), seq: 2).dropLast(17), as: UTF8.self)
            text = text.replacingOccurrences(of: from, with: to)
            if to.hasSuffix("[{") { text = String(text.dropLast()) + "}]" + "}" }
            var line = Array(text.utf8)
            line += Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(line)) + Array("\"}\n".utf8)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: TestSupport.segmentPath(folder)))
            handle.seekToEndOfFile()
            handle.write(Data(line))
            try handle.close()
            let before = try TestSupport.bytes(TestSupport.segmentPath(folder))
            let (_, report) = try FileJournal.open(at: folder, mode: .writer)
            XCTAssertEqual(report.tornTails, [], to)
            XCTAssertEqual(report.damagedLines.map(\.line), [2], to)
            XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), before, "\(to): the line stays in place")
        }
    }

    func testDamageAtTheEndOfAnEarlierSegmentIsSkippedNotTruncated() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let options = FileJournal.Options(segmentSizeLimit: 1000)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        _ = try writer.appendBatch((1...8).map { TestSupport.entry($0) })
        var first = try TestSupport.bytes(TestSupport.segmentPath(folder, 1))
        let starts = TestSupport.lineStarts(first)
        let lastLine = starts.count - 2
        first[starts[lastLine] + 5] ^= 0x20
        try TestSupport.write(first, to: TestSupport.segmentPath(folder, 1))

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer, options: options)
        XCTAssertEqual(report.damagedLines.map(\.file), ["000001.jsonl"])
        XCTAssertEqual(report.damagedLines.map(\.line), [lastLine + 1])
        XCTAssertEqual(report.tornTails, [])
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder, 1)), first, "not truncated")
        XCTAssertEqual(try journal.allEntries().count, 7)
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(9)] }.map(\.seq), [9])
    }

    func testATornFirstLineOfANewSegmentIsRemovedAndTheSegmentReused() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let options = FileJournal.Options(segmentSizeLimit: 1000)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        _ = try writer.appendBatch((1...2).map { TestSupport.entry($0) })
        let partial = Array(try EnvelopeEncoder.encode(TestSupport.entry(3), seq: 3).prefix(40))
        try TestSupport.write(partial, to: TestSupport.segmentPath(folder, 2))

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer, options: options)
        XCTAssertEqual(report.tornTails.map(\.file), ["000002.jsonl"])
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder, 2)), [])
        let stored = try journal.append { _ in [TestSupport.entry(4), TestSupport.entry(5)] }
        XCTAssertEqual(stored.map(\.seq), [3, 4])
        XCTAssertEqual(stored.map(\.position.segment), [2, 2])
        let (reader, again) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        XCTAssertTrue(again.isClean)
        XCTAssertEqual(try reader.allEntries().map(\.eventID), ["event-1", "event-2", "event-4", "event-5"])
    }
}
