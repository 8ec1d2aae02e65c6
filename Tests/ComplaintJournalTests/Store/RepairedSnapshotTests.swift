import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// A journal whose findings `check --repair` acknowledged still gets projection snapshots: the resume point
/// marks the lines the fold did not take in order, so a start from it skips and applies exactly what a cold
/// start does. Before, a repaired desk never got a snapshot again and every start read the whole journal.
extension ProjectionSnapshotTests {
    /// A generated desk whose sixth line is damaged and whose eleventh is written twice, repaired.
    func repairedFolder() throws -> (folder: URL, damagedLine: Int) {
        let folder = try generatedFolder(reports: 200)
        let path = TestSupport.segmentPath(folder)
        var bytes = try TestSupport.bytes(path)
        let starts = TestSupport.lineStarts(bytes)
        bytes.insert(contentsOf: bytes[starts[10]..<starts[11]], at: starts[11])
        bytes[starts[5] + 30] ^= 0x01
        try TestSupport.write(bytes, to: path)
        let (_, journal) = try store(folder)
        XCTAssertEqual(journal.report.damagedLines.map(\.line), [6])
        XCTAssertEqual(journal.report.duplicates.map(\.line), [12])
        XCTAssertNil(journal.resumePoint(), "not before an operator acknowledged the findings")
        _ = try journal.repair()
        XCTAssertNotNil(journal.resumePoint())
        return (folder, 6)
    }

    func testARepairedJournalGetsASnapshotThatSkipsWhatAColdStartSkips() throws {
        let (folder, _) = try repairedFolder()
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertEqual(snapshot.resume.marked.map(\.kind), [.setAside, .afterGap, .setAside], "the damaged line, the gap it left, the copy")
        XCTAssertEqual(snapshot.resume.marked.map(\.segment), [1, 1, 1])
        let (fromSnapshot, journal) = try store(folder, resume: snapshot)
        XCTAssertTrue(journal.resumedFromSnapshot)
        XCTAssertNil(journal.snapshotRejection)
        let (cold, coldJournal) = try store(folder)
        TestSupport.assertSameDesk(fromSnapshot.desk, cold.desk)
        XCTAssertEqual(try coldJournal.entries(after: 0).count, Int(cold.desk.lastSeq) - 1, "the damaged line and the copy are left out")
        // Lines before the point are re-read (verified again) without taking the set-aside ones for new damage.
        XCTAssertEqual(try journal.entries(after: 0).map(\.seq), try coldJournal.entries(after: 0).map(\.seq))
        var seqs: [UInt64] = []
        try journal.forEachTransformed(after: 0, typeNames: DomainEvent.typeNames, transform: { entry, _, _ in entry.seq }) {
            seqs.append($0)
        }
        XCTAssertEqual(seqs, try coldJournal.entries(after: 0).map(\.seq))
        XCTAssertEqual(journal.health, .ok)
        // A marked line that is no longer found at all (its offset now inside another line) rejects it too.
        var shifted = snapshot.resume
        shifted.marked[1].offset += 1 // the line after the gap, in order by itself
        XCTAssertEqual(FileJournal.changedBeforeResume(shifted, folder: try JournalFolder(dataFolder: folder)),
                       "000001.jsonl: a line an acknowledged finding was about moved or changed since the snapshot was taken")
        XCTAssertNil(FileJournal.changedBeforeResume(snapshot.resume, folder: try JournalFolder(dataFolder: folder)))
        // The snapshot a resumed writer takes next keeps the marks.
        XCTAssertEqual(journal.resumePoint()?.marked, snapshot.resume.marked)
        // The console's path: the region check after the first frame accepts the marked lines.
        let (_, console) = try store(folder, resume: snapshot, checkInBackground: true)
        XCTAssertTrue(console.resumedFromSnapshot)
        XCTAssertEqual(console.health, .ok)
        XCTAssertNoThrow(try console.append([TestSupport.entry(1)]))
    }

    func testASetAsideLineChangedAgainRejectsTheSnapshot() throws {
        let (folder, damagedLine) = try repairedFolder()
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        let path = TestSupport.segmentPath(folder)
        var bytes = try TestSupport.bytes(path)
        bytes[TestSupport.lineStarts(bytes)[damagedLine - 1] + 31] ^= 0x01
        try TestSupport.write(bytes, to: path)
        let (_, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertEqual(journal.snapshotRejection,
                       "000001.jsonl:6: a line an acknowledged finding was about moved or changed since the snapshot was taken")
        XCTAssertEqual(journal.report.damagedLines.filter { !$0.acknowledged }.map(\.line), [6], "new damage, not the acknowledged one")
    }

    /// A line moved later in the journal: the gap it left is acknowledged and the snapshot taken; when the line
    /// turns up after the snapshot's point, a start from the snapshot applies it late, as a cold start does
    /// (it knew nothing of the missing number and skipped it as a duplicate).
    func testALineThatTurnsUpAfterTheSnapshotIsAppliedLateAsColdStartsDo() throws {
        let folder = try generatedFolder(reports: 200)
        let path = TestSupport.segmentPath(folder)
        var bytes = try TestSupport.bytes(path)
        let starts = TestSupport.lineStarts(bytes)
        let moved = Array(bytes[starts[3]..<starts[4]])
        bytes.removeSubrange(starts[3]..<starts[4])
        try TestSupport.write(bytes, to: path)
        do {
            let (_, journal) = try store(folder)
            XCTAssertEqual(journal.report.gaps.count, 1)
            _ = try journal.repair()
        }
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertEqual(snapshot.resume.missing, [4...4])
        XCTAssertEqual(snapshot.resume.marked.map(\.kind), [.afterGap])
        let last = try XCTUnwrap(snapshot.resume.segments.last)
        let lastPath = TestSupport.segmentPath(folder, last.number)
        try TestSupport.write(try TestSupport.bytes(lastPath) + moved, to: lastPath)

        let (fromSnapshot, resumed) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertTrue(resumed.resumedFromSnapshot)
        let (cold, coldJournal) = try store(folder, mode: .readOnly)
        XCTAssertEqual(coldJournal.report.duplicates.map(\.appliedLate), [true])
        XCTAssertEqual(resumed.report.duplicates.map(\.appliedLate), [true])
        TestSupport.assertSameDesk(fromSnapshot.desk, cold.desk)
        XCTAssertEqual(cold.desk.count, 200)

        // Repaired again, the late line is marked: the next snapshot's region check accepts it out of order.
        do {
            let (_, journal) = try store(folder)
            _ = try journal.repair()
        }
        try writeSnapshot(folder)
        let again = try loaded(folder)
        XCTAssertEqual(again.resume.marked.map(\.kind), [.afterGap, .appliedLate])
        XCTAssertEqual(again.resume.missing, [])
        let (fromAgain, resumedAgain) = try store(folder, resume: again, mode: .readOnly)
        XCTAssertTrue(resumedAgain.resumedFromSnapshot, resumedAgain.snapshotRejection ?? "")
        TestSupport.assertSameDesk(fromAgain.desk, cold.desk)
    }

    /// QA: lines moved by hand, repaired and snapshotted, then put back in order (a restored backup): every
    /// line verifies and the numbers rise again, yet the snapshot's desk was folded from the moved lines. The
    /// marked lines are no longer where they were, so the snapshot is rejected and the journal read whole.
    func testMovedLinesPutBackAfterTheSnapshotRejectIt() throws {
        let folder = try generatedFolder(reports: 200)
        let path = TestSupport.segmentPath(folder)
        let original = try TestSupport.bytes(path)
        func swapped(_ bytes: [UInt8]) -> [UInt8] {
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            lines.swapAt(2, 5)
            return Array(lines.joined(separator: [0x0A]))
        }
        try TestSupport.write(swapped(original), to: path)
        do {
            let (_, journal) = try store(folder)
            XCTAssertFalse(journal.report.isClean)
            _ = try journal.repair()
        }
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertEqual(snapshot.resume.marked.map(\.kind), [.afterGap, .appliedLate, .appliedLate, .appliedLate])
        try TestSupport.write(original, to: path)
        let (fromSnapshot, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertEqual(journal.snapshotRejection,
                       "000001.jsonl:3: a line an acknowledged finding was about moved or changed since the snapshot was taken")
        let (cold, _) = try store(folder, mode: .readOnly)
        TestSupport.assertSameDesk(fromSnapshot.desk, cold.desk)
    }

    /// QA: with `quarantine/acknowledged.jsonl` removed after the snapshot (quarantine cleared, a backup from
    /// before the repair), a start from the snapshot still took the findings as acknowledged and wrote on,
    /// handing out a damaged line's tracking id again, while a cold start refused. The registry must be the one
    /// the snapshot saw.
    func testASnapshotNeedsTheAcknowledgementsItWasTakenWith() throws {
        let (folder, _) = try repairedFolder()
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertFalse(snapshot.resume.acknowledgements.isEmpty)
        let registry = folder.path + "/journal/quarantine/acknowledged.jsonl"
        let saved = try Data(contentsOf: URL(fileURLWithPath: registry))
        try FileManager.default.removeItem(atPath: registry)
        let (_, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertEqual(journal.snapshotRejection,
                       "the acknowledged findings (journal/quarantine/acknowledged.jsonl) changed since the snapshot was taken")
        XCTAssertTrue(journal.report.needsRepair, "the cold start finds the findings unacknowledged again")
        // Put back as it was, the snapshot is good again.
        try saved.write(to: URL(fileURLWithPath: registry))
        let (_, again) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertTrue(again.resumedFromSnapshot, again.snapshotRejection ?? "")
    }

    /// QA: a segment lost, repaired and snapshotted over, then put back: the snapshot was rightly ignored but
    /// the reason named the next segment as "missing". It names the one that appeared.
    func testASegmentPutBackIsNamedAsTheOneThatAppeared() throws {
        let folder = try generatedFolder(reports: 300)
        let second = TestSupport.segmentPath(folder, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: TestSupport.segmentPath(folder, 3)), "several segments")
        let aside = folder.path + "/segment-2.aside"
        try FileManager.default.moveItem(atPath: second, toPath: aside)
        do {
            let (_, journal) = try store(folder)
            _ = try journal.repair()
        }
        try writeSnapshot(folder)
        let snapshot = try loaded(folder)
        XCTAssertEqual(snapshot.resume.segments.prefix(2).map(\.number), [1, 3])
        try FileManager.default.moveItem(atPath: aside, toPath: second)
        let (_, journal) = try store(folder, resume: snapshot, mode: .readOnly)
        XCTAssertFalse(journal.resumedFromSnapshot)
        XCTAssertEqual(journal.snapshotRejection, "segment 000002.jsonl appeared since the snapshot was taken")
    }
}
