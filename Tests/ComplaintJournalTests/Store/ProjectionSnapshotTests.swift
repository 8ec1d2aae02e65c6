import SeededRandom
import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The projection snapshot is a cache: start-up from it must give exactly the desk a full fold gives,
/// and any snapshot that no longer matches (journal changed, bytes damaged, another build or format)
/// must be ignored with a reason, the journal folded as usual, nothing lost.
final class ProjectionSnapshotTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!
    let stamp = "test build"

    var options: FileJournal.Options {
        var o = FileJournal.Options()
        o.segmentSizeLimit = 400_000 // several segments
        return o
    }

    /// A generated journal of `reports` reports in several segments.
    func generatedFolder(reports: Int = 300, seed: UInt64 = 7) throws -> URL {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        let generator = DeskGenerator(reports: reports, seed: seed, now: now, reference: try TestSupport.shippedReference())
        try generator.generate(batchSize: 200) {
            _ = try journal.appendBatch($0)
        }
        return folder
    }

    func store(_ folder: URL, resume: ProjectionSnapshot? = nil, mode: FileJournal.Mode = .writer,
               checkInBackground: Bool = false) throws -> (DeskStore, FileJournal) {
        var options = self.options
        options.checkSnapshotRegionInBackground = checkInBackground
        let (journal, _) = try FileJournal.open(at: folder, mode: mode, options: options, resume: resume?.resume)
        let restoring = journal.resumedFromSnapshot ? resume?.desk : nil
        let s = try DeskStore(journal: journal, directory: try TestSupport.shippedReference(), deadlines: Deadlines(calendar: WorkingCalendar()),
                              restoring: restoring)
        return (s, journal)
    }

    /// Writes the snapshot of the journal in `folder` as it stands.
    func writeSnapshot(_ folder: URL) throws {
        let (s, journal) = try store(folder)
        let point = try XCTUnwrap(journal.resumePoint())
        try ProjectionSnapshot.write(s.desk, at: point, journal: journal, programStamp: stamp, rules: TestSupport.inboxRules)
    }

    func load(_ folder: URL, stamp: String? = nil) -> ProjectionSnapshot.LoadResult {
        ProjectionSnapshot.load(dataFolder: folder, programStamp: stamp ?? self.stamp)
    }

    func loaded(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> ProjectionSnapshot {
        switch load(folder) {
        case let .loaded(s): return s
        case .missing: XCTFail("no snapshot", file: file, line: line)
        case let .unusable(why): XCTFail("unusable: \(why)", file: file, line: line)
        }
        throw XCTSkip("no snapshot")
    }

    func appendMore(_ folder: URL, reports: Int) throws {
        let (s, _) = try store(folder)
        let op = Operator(name: "rina", role: .adminNasional)
        for i in 0..<reports {
            let (id, _) = try s.receive(Intake(externalID: "more-\(i)", channel: .sms, receivedAt: now, body: "tambahan \(i)"), as: op, now: now)
            try s.perform(.addNote("catatan \(i)"), on: id, as: op, now: now)
        }
    }

    func testStartFromSnapshotEqualsTheFullFoldAndFoldsOnlyLaterEvents() throws {
        let folder = try generatedFolder()
        try writeSnapshot(folder)
        try appendMore(folder, reports: 40)
        let snapshot = try loaded(folder)
        let (fromSnapshot, journal) = try store(folder, resume: snapshot)
        XCTAssertTrue(journal.resumedFromSnapshot)
        XCTAssertNil(journal.snapshotRejection)
        XCTAssertEqual(fromSnapshot.desk.lastSeq - snapshot.resume.lastSeq, 80, "only the 80 later events were folded")
        let (full, _) = try store(folder)
        TestSupport.assertSameDesk(fromSnapshot.desk, full.desk)
        // Later work on top of the snapshot desk lands as on the full fold.
        let op = Operator(name: "rina", role: .adminNasional)
        let id = try XCTUnwrap(fromSnapshot.desk.order.first)
        try fromSnapshot.perform(.addNote("sesudah"), on: id, as: op, now: now)
        let (again, _) = try store(folder)
        TestSupport.assertSameDesk(fromSnapshot.desk, again.desk)
        // The whole journal is still readable through the resumed instance, in order, none skipped.
        XCTAssertEqual(try journal.entries(after: 0).map(\.seq), Array(1...journal.lastSequence))
    }

    /// A snapshot written by a process after its own writes (the console's background snapshot after the
    /// officer's first actions) holds the digest of every line, those it wrote too: the next start takes it.
    func testASnapshotWrittenAfterThisProcesssOwnWritesIsTakenByTheNextStart() throws {
        let folder = try generatedFolder(reports: 120)
        let op = Operator(name: "rina", role: .adminNasional)
        for resumed in [false, true] {
            let (s, journal) = try store(folder, resume: resumed ? try loaded(folder) : nil)
            XCTAssertEqual(journal.resumedFromSnapshot, resumed)
            let id = try XCTUnwrap(s.desk.order.first)
            for k in 0..<3 { try s.perform(.addNote("sendiri \(k)"), on: id, as: op, now: now) }
            let point = try XCTUnwrap(journal.resumePoint())
            try ProjectionSnapshot.write(s.desk, at: point, journal: journal, programStamp: stamp, rules: TestSupport.inboxRules)
            let snapshot = try loaded(folder)
            let (next, checked) = try store(folder, resume: snapshot, mode: .readOnly)
            XCTAssertTrue(checked.resumedFromSnapshot, "resumed: \(resumed)")
            XCTAssertNil(checked.snapshotRejection, "resumed: \(resumed)")
            XCTAssertNil(checked.snapshotNoLongerMatches(snapshot.resume), "what `check` asks; resumed: \(resumed)")
            TestSupport.assertSameDesk(next.desk, s.desk)
        }
    }

    func testSnapshotFileIsPrivateAndLeavesNoTemporaryFile() throws {
        let folder = try generatedFolder(reports: 60)
        try writeSnapshot(folder)
        let cache = folder.path + "/cache"
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), [ProjectionSnapshot.fileName])
        let mode = try FileManager.default.attributesOfItem(atPath: cache + "/" + ProjectionSnapshot.fileName)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testJournalRewrittenBeforeTheResumePointRejectsTheSnapshot() throws {
        let folder = try generatedFolder()
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        // The last line the snapshot saw is replaced by a different (valid-looking) line of the same length.
        let last = try XCTUnwrap(snapshot.resume.segments.last)
        let path = folder.path + "/journal/" + SegmentName.fileName(last.number)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[last.end - 3] = bytes[last.end - 3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (s, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertNotNil(journal.snapshotRejection)
        // The full scan finds the damaged line itself.
        XCTAssertFalse(journal.report.tornTails.isEmpty && journal.report.damagedLines.isEmpty)
        XCTAssertEqual(s.desk.lastSeq, snapshot.resume.lastSeq - 1)
    }

    func testTruncatedOrSwappedSegmentsRejectTheSnapshot() throws {
        let folder = try generatedFolder()
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertGreaterThanOrEqual(snapshot.resume.segments.count, 2)
        let first = folder.path + "/journal/" + SegmentName.fileName(snapshot.resume.segments[0].number)
        let original = try Data(contentsOf: URL(fileURLWithPath: first))
        // A sealed segment grew (someone appended to it by hand).
        try (original + Data("{}\n".utf8)).write(to: URL(fileURLWithPath: first))
        var (_, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertTrue(journal.snapshotRejection?.contains("bytes") ?? false, journal.snapshotRejection ?? "")
        // The journal is replaced by a shorter one.
        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: first))
        (_, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        // Another journal altogether (a restored backup of a different desk).
        try FileManager.default.removeItem(atPath: folder.path + "/journal")
        let other = try generatedFolder(reports: 300, seed: 99)
        try FileManager.default.copyItem(atPath: other.path + "/journal", toPath: folder.path + "/journal")
        let (s, j) = try store(folder, resume: snapshot)
        XCTAssertFalse(j.resumedFromSnapshot)
        let (otherFull, _) = try store(other)
        TestSupport.assertSameDesk(s.desk, otherFull.desk)
    }

    func testDamagedSnapshotBytesAreIgnoredWithAReason() throws {
        let folder = try generatedFolder(reports: 120)
        try writeSnapshot(folder)
        let path = ProjectionSnapshot.path(dataFolder: folder)
        let good = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SeededGenerator(seed: 0x5A)
        var positions = [0, 5, good.count - 1, good.count - 10, good.count - 30, good.count / 2, good.count / 3]
        positions += (0..<25).map { _ in Int.random(in: 0..<good.count, using: &generator) }
        for i in positions {
            var bad = good
            bad[i] ^= 0x20
            try Data(bad).write(to: URL(fileURLWithPath: path))
            guard case let .unusable(why) = load(folder) else { return XCTFail("flip at byte \(i) not detected") }
            XCTAssertFalse(why.isEmpty)
        }
        for cut in [0, 7, 100, good.count / 2, good.count - 1] {
            try Data(good.prefix(cut)).write(to: URL(fileURLWithPath: path))
            guard case .unusable = load(folder) else { return XCTFail("cut at \(cut) not detected") }
        }
        try Data(good).write(to: URL(fileURLWithPath: path))
        _ = try loaded(folder)
        guard case let .unusable(why) = load(folder, stamp: "another build") else { return XCTFail("other build accepted") }
        XCTAssertTrue(why.contains("another build"), why)
        try FileManager.default.removeItem(atPath: path)
        guard case .missing = load(folder) else { return XCTFail("deleted snapshot not missing") }
        // QA: writers refuse folders others can write to, but took a snapshot from such a cache folder, where
        // another user could have put one of their own making.
        try Data(good).write(to: URL(fileURLWithPath: path))
        let cache = (path as NSString).deletingLastPathComponent
        XCTAssertEqual(chmod(cache, 0o757), 0)
        guard case let .unusable(open) = load(folder) else { return XCTFail("a snapshot others could write was used") }
        XCTAssertTrue(open.contains("other users can write"), open)
        XCTAssertEqual(chmod(cache, 0o700), 0)
        _ = try loaded(folder)
        try FileManager.default.removeItem(atPath: path)
        // QA: a named pipe in its place held every command (and the console) at start-up, waiting for a writer.
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        guard case let .unusable(reason) = load(folder) else { return XCTFail("a named pipe taken for a snapshot") }
        XCTAssertTrue(reason.contains("not a regular file"), reason)
        let (journal, _) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertGreaterThan(try journal.allEntries().count, 0, "the desk opens from its journal")
    }

    func testNoSnapshotPointWhileTheJournalHasFindings() throws {
        let folder = try generatedFolder(reports: 60)
        let segment = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/journal")
            .filter { $0.hasSuffix(".jsonl") }.sorted()[0]
        let path = folder.path + "/journal/" + segment
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let newline = try XCTUnwrap(bytes.firstIndex(of: 0x0A))
        bytes[newline / 2] ^= 0x01 // damage the first line
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, journal) = try store(folder, mode: .readOnly)
        XCTAssertFalse(journal.report.damagedLines.isEmpty)
        XCTAssertNil(journal.resumePoint(), "a snapshot would hide the finding from later start-ups")
    }

    /// A generated desk with a snapshot written, the snapshot, and the path of the first segment it covers.
    func snapshotAndItsFirstSegment() throws -> (URL, ProjectionSnapshot, String) {
        let folder = try generatedFolder(reports: 120)
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        return (folder, snapshot, folder.path + "/journal/" + SegmentName.fileName(snapshot.resume.segments[0].number))
    }

    /// QA: two lines swapped inside a segment the snapshot covers keep their checksums, so the start from the
    /// snapshot went on (and writers wrote) while a cold start found them. The check reads the order too.
    func testSwappedLinesBeforeTheResumePointAreFound() throws {
        let (folder, snapshot, path) = try snapshotAndItsFirstSegment()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        lines.swapAt(2, 3)
        try Data(Array(lines.joined(separator: [0x0A]))).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))).count, bytes.count, "same length, same checksums")
        let (_, checked) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(checked.resumedFromSnapshot)
        XCTAssertEqual(checked.snapshotRejection?.hasPrefix("000001.jsonl:4: sequence number"), true, checked.snapshotRejection ?? "nil")
        let (_, console) = try store(folder, resume: snapshot, mode: .writer, checkInBackground: true)
        guard case .degraded = console.health else { return XCTFail("\(console.health)") }
        XCTAssertThrowsError(try console.append([TestSupport.entry(1)]), "nothing is written after it")
    }

    /// QA: a line rewritten under the snapshot with a checksum made for its new bytes (same number, same
    /// length) verified and rose like the others, so the snapshot stayed in use and showed what the journal
    /// no longer says, while `check` found nothing. Each segment's digest of its lines' checksums finds it.
    func testALineRewrittenWithAChecksumOfItsOwnRejectsTheSnapshot() throws {
        let (folder, snapshot, path) = try snapshotAndItsFirstSegment()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var line = lines[1]
        let prefixEnd = line.count - EnvelopeDecoder.trailerLength
        let data = try XCTUnwrap((0..<prefixEnd).first { Array(line[$0..<min($0 + 7, prefixEnd)]) == Array("\"data\":".utf8) })
        let letter = try XCTUnwrap(((data + 7)..<prefixEnd).first { line[$0] == UInt8(ascii: "a") })
        line[letter] = UInt8(ascii: "o")
        line.replaceSubrange((prefixEnd + 6)..<(prefixEnd + 14), with: CRC32C.hexDigits(CRC32C.checksum(Array(line[0..<prefixEnd]))))
        lines[1] = line
        try Data(Array(lines.joined(separator: [0x0A]))).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))).count, bytes.count, "same length, a checksum that verifies")

        let (cold, checked) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(checked.resumedFromSnapshot)
        XCTAssertEqual(checked.snapshotRejection, "000001.jsonl: " + FileJournal.lineRewritten)
        XCTAssertTrue(checked.report.isClean, "a whole, verified line: not damage, only not the line the snapshot folded: \(checked.report.descriptions)")
        let (reference, _) = try store(folder)
        TestSupport.assertSameDesk(cold.desk, reference.desk)
        XCTAssertEqual(checked.snapshotNoLongerMatches(snapshot.resume),
                       "000001.jsonl: " + FileJournal.lineRewritten, "what `check` asks")
    }

    /// Lines before the resume point were verified by another process: re-reading them verifies again.
    func testLinesBeforeTheResumePointAreVerifiedWhenReRead() throws {
        let (folder, snapshot, path) = try snapshotAndItsFirstSegment()
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let newline = try XCTUnwrap(bytes.firstIndex(of: 0x0A))
        bytes[newline / 2] = bytes[newline / 2] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // QA: a line changed since the snapshot went unnoticed from it (lengths and last lines match), so writers
        // wrote on and a new snapshot carried it forward. A start checks every line's checksum: by default
        // before it uses the snapshot (the journal is then read whole, and the damage found as a cold start
        // finds it)...
        let (cold, checked) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(checked.resumedFromSnapshot)
        XCTAssertEqual(checked.snapshotRejection, "000001.jsonl:1: the line no longer matches its checksum (damaged since the snapshot was taken)")
        XCTAssertEqual(checked.report.damagedLines.map(\.line), [1])
        XCTAssertEqual(cold.desk.count, snapshot.desk.count - 1, "the first line was the first report")
        // ...or, for the console, on another core after its first frame: the snapshot is used, and the health
        // turns damaged once the check is done, naming the line; no snapshot is written over it.
        let (_, console) = try store(folder, resume: snapshot, mode: .writer, checkInBackground: true)
        XCTAssertTrue(console.resumedFromSnapshot)
        XCTAssertEqual(console.healthSoFar, .ok, "the first frame does not wait")
        guard case let .degraded(found) = console.health else { return XCTFail("\(console.health)") }
        XCTAssertEqual(found, ["000001.jsonl:1: the line no longer matches its checksum (damaged since the snapshot was taken); run `lapor-desk check`"])
        XCTAssertNil(console.resumePoint())
        XCTAssertThrowsError(try console.append([TestSupport.entry(1)]), "nothing is written after it") { error in
            XCTAssertTrue("\(error)".contains("000001.jsonl:1: the line no longer matches its checksum"), "\(error)")
        }
        // A line before the point that fails when re-read (found by the background check or not) is never handed out.
        let (_, writer) = try store(folder, resume: snapshot, mode: .writer, checkInBackground: true)
        writer.startSnapshotRegionCheck()
        XCTAssertEqual(try writer.entries(after: 0).first?.seq, 2, "the changed first line fails its checksum when re-read")
        guard case let .degraded(reasons) = writer.health else { return XCTFail("\(writer.health)") }
        XCTAssertTrue(reasons.contains { $0.hasPrefix("000001.jsonl:1: ") }, "\(reasons)")
        // The same through the decoding cores (the fold's path).
        let (_, parallel) = try store(folder, resume: snapshot, mode: .writer, checkInBackground: true)
        var seqs: [UInt64] = []
        try parallel.forEachTransformed(after: 0, typeNames: DomainEvent.typeNames, transform: { entry, _, _ in entry.seq }) {
            seqs.append($0)
        }
        XCTAssertEqual(seqs.first, 2)
        XCTAssertEqual(seqs.count, Int(parallel.lastSequence) - 1, "every other line is handed out, in order")
        guard case let .degraded(again) = parallel.health else { return XCTFail("\(parallel.health)") }
        XCTAssertTrue(again.contains { $0.hasPrefix("000001.jsonl:1: ") }, "\(again)")
        // `check --repair` sets the line aside, clears the finding, and deletes the snapshot, which still
        // holds that line's event.
        XCTAssertTrue(FileManager.default.fileExists(atPath: ProjectionSnapshot.path(dataFolder: folder)))
        _ = try parallel.repair()
        XCTAssertEqual(parallel.health, .ok)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ProjectionSnapshot.path(dataFolder: folder)))
    }

    /// A console quit mid-write leaves `.tmp-PID-N`; the next writer removes it unless that process lives.
    func testAbandonedTemporaryFilesAreRemovedLiveOnesKept() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = cache.appendingPathComponent(".tmp-\(finished.processIdentifier)-1").path
        let live = cache.appendingPathComponent(".tmp-\(getpid())-2").path
        let other = cache.appendingPathComponent("notes.txt").path
        for p in [dead, live, other] { XCTAssertTrue(FileManager.default.createFile(atPath: p, contents: Data("x".utf8))) }
        ProjectionSnapshot.removeAbandonedTemporaries(dataFolder: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead), "the dead writer's temporary file is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "a live writer's file is left alone")
        XCTAssertTrue(FileManager.default.fileExists(atPath: other), "other files are not touched")
    }

    /// Several consoles wanting the same snapshot at once write one between them (round 19): with the cache
    /// folder's lock held elsewhere, or a snapshot there within `slack` events of this desk, the write is
    /// skipped and says why.
    func testASharedWriteIsSkippedWhileAnotherWritesOrWhenOneIsFreshEnough() throws {
        let folder = try generatedFolder(reports: 100)
        let (s, journal) = try store(folder)
        let point = try XCTUnwrap(journal.resumePoint())
        func shared(slack: UInt64) throws -> ProjectionSnapshot.SharedWrite {
            try ProjectionSnapshot.writeUnlessAnotherIsFresh(s.desk, at: point, journal: journal, programStamp: stamp,
                                                             rules: TestSupport.inboxRules, slack: slack)
        }
        XCTAssertEqual(try shared(slack: 10), .written, "no cache folder yet: nothing to share")
        XCTAssertEqual(try shared(slack: 10), .freshEnough(coveredSeq: point.lastSeq))
        XCTAssertEqual(try shared(slack: 0), .written, "no slack: only a newer snapshot would do")
        // Another writer holds the folder's lock (its own open file, as another process has).
        let other = open(journal.folder.cachePath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(other) }
        XCTAssertEqual(flock(other, LOCK_EX | LOCK_NB), 0)
        XCTAssertEqual(try shared(slack: 0), .anotherIsWriting)
        flock(other, LOCK_UN)
        XCTAssertEqual(try shared(slack: 0), .written)
        XCTAssertEqual(try loaded(folder).resume.lastSeq, point.lastSeq)
    }
}
