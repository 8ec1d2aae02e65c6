import Foundation
import XCTest
@testable import ComplaintJournal
import Complaints
#if canImport(Glibc)
import Glibc
#endif

/// The crash model (SQLite crash tests / RocksDB fault-injection style): each scenario runs the
/// real `FileJournal` over `CrashRecordingCalls`, and at every sync point every crash state the
/// model can produce is reopened with the real recovery and checked by `CrashStateChecker`.
final class CrashModelTests: XCTestCase {
    private func options(segment: Int, batch: Int = 4 << 20) -> FileJournal.Options {
        FileJournal.Options(
            segmentSizeLimit: segment, lockTimeout: 5, batchWriteBytes: batch,
            now: { Date(timeIntervalSince1970: 1_780_000_000) })
    }

    private func report(_ scenario: String, _ model: CrashRecordingCalls, _ checker: CrashStateChecker) {
        print("crash model: \(scenario): \(model.syncPoints) sync points, \(checker.statesChecked) crash states checked "
            + "(\(checker.recoveryStatesChecked) of them inside an interrupted recovery)")
        XCTAssertGreaterThan(checker.statesChecked, model.syncPoints, "the model produced too few states")
    }

    /// The model's view must equal the real folder: nothing changed the journal behind the protocol.
    private func assertModelMatchesDisk(_ model: CrashRecordingCalls, _ folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        var real: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.hasSuffix("LOCK")
            else { continue }
            real[relative] = try TestSupport.bytes(path)
        }
        XCTAssertEqual(model.currentFiles(), real, "a change bypassed SystemCalls", file: file, line: line)
    }

    func testEveryCrashStateDuringAppendsAndSegmentRolls() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let model = try CrashRecordingCalls(root: folder)
        let entries = (1...8).map { TestSupport.entry($0) }
        let checker = try CrashStateChecker(self, expectedIDs: entries.map(\.eventID), options: options(segment: 800))
        checker.crashDuringRecovery = true
        model.onSyncPoint = { checker.checkAll($0, at: "append, sync point \($0.syncPoints)") }
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: checker.options, calls: model)
        for (index, entry) in entries.enumerated() {
            _ = try journal.append { _ in [entry] }
            checker.acknowledged = index + 1
            checker.checkAll(model, at: "after append \(index + 1)")
        }
        XCTAssertGreaterThanOrEqual(try JournalFolder(dataFolder: folder).segmentNumbers().count, 3, "segments rolled")
        try assertModelMatchesDisk(model, folder)
        report("append + segment roll", model, checker)
    }

    func testEveryCrashStateDuringBatchImports() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let model = try CrashRecordingCalls(root: folder)
        let first = (1...6).map { TestSupport.entry($0) }
        let second = (7...18).map { TestSupport.entry($0) }
        let checker = try CrashStateChecker(
            self, expectedIDs: (first + second).map(\.eventID), options: options(segment: 2_000, batch: 700))
        checker.crashDuringRecovery = true
        model.onSyncPoint = { checker.checkAll($0, at: "import, sync point \($0.syncPoints)") }
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: checker.options, calls: model)
        _ = try journal.appendBatch(first)
        checker.acknowledged = first.count
        checker.checkAll(model, at: "after first import")
        _ = try journal.appendBatch(second)
        checker.acknowledged = first.count + second.count
        checker.checkAll(model, at: "after second import")
        XCTAssertGreaterThanOrEqual(try JournalFolder(dataFolder: folder).segmentNumbers().count, 3, "segments rolled")
        try assertModelMatchesDisk(model, folder)
        report("batch import", model, checker)
    }

    func testEveryCrashStateDuringTornTailRecovery() throws {
        let folder = try TestSupport.temporaryFolder(self)
        try TestSupport.makeJournal(folder, count: 5)
        // A sixth line cut short by a crashed writer, already on disk before the model starts.
        let line = try EnvelopeEncoder.encodeAll([TestSupport.entry(6)], firstSeq: 6)[0].bytes
        let torn = Array(line.prefix(line.count / 2))
        let segment = TestSupport.segmentPath(folder)
        try TestSupport.write(try TestSupport.bytes(segment) + torn, to: segment)

        let model = try CrashRecordingCalls(root: folder)
        let ids = ([1, 2, 3, 4, 5, 7, 8]).map { "event-\($0)" }
        let checker = try CrashStateChecker(self, expectedIDs: ids, options: options(segment: 64 << 20))
        checker.acknowledged = 5
        checker.quarantineIsValid = { name, bytes in name.hasSuffix(".torn") && bytes == torn }
        checker.requiredTails = [torn]
        model.onSyncPoint = { checker.checkAll($0, at: "recovery, sync point \($0.syncPoints)") }
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer, options: checker.options, calls: model)
        XCTAssertEqual(report.tornTails.count, 1)
        for number in [7, 8] {
            _ = try journal.append { _ in [TestSupport.entry(number)] }
            checker.acknowledged += 1
        }
        checker.checkAll(model, at: "after recovery and two appends")
        try assertModelMatchesDisk(model, folder)
        self.report("torn-tail recovery", model, checker)
    }

    func testEveryCrashStateDuringRepair() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let original = try TestSupport.makeJournal(folder, count: 6)
        let starts = TestSupport.lineStarts(original)
        var damaged = original
        damaged[starts[2] + 40] ^= 0x20  // line 3: checksum no longer matches
        let damagedLine = Array(damaged[starts[2]..<starts[3]])
        try TestSupport.write(damaged, to: TestSupport.segmentPath(folder))

        let model = try CrashRecordingCalls(root: folder)
        let ids = ([1, 2, 4, 5, 6, 7]).map { "event-\($0)" }
        let checker = try CrashStateChecker(self, expectedIDs: ids, options: options(segment: 64 << 20))
        checker.damageExpected = true
        checker.acknowledged = 5
        checker.quarantineIsValid = { name, bytes in name.hasSuffix(".damaged") && bytes == damagedLine }
        checker.crashDuringRecovery = true
        model.onSyncPoint = { checker.checkAll($0, at: "repair, sync point \($0.syncPoints)") }
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: checker.options, calls: model)
        let findings = try journal.repair()
        XCTAssertEqual(findings.damagedLines.count, 1)
        XCTAssertEqual(journal.health, .ok)
        _ = try journal.append { _ in [TestSupport.entry(7)] }
        checker.acknowledged = 6
        checker.checkAll(model, at: "after repair and one append")
        try assertModelMatchesDisk(model, folder)
        report("repair", model, checker)

        // Whatever the crash, a repair run afterwards brings the journal back to health.
        let again = try FileJournal.open(at: folder, mode: .writer, options: checker.options).0
        XCTAssertEqual(again.health, .ok)
    }

    /// The model itself: a file written to a temporary name, fsynced and renamed over the old one
    /// (how a snapshot is written) is old or new after a crash, never torn; without the fsync a
    /// crash may leave it torn, which is what the model must be able to show.
    func testModelShowsRenameUndoneAndUnsyncedContentTorn() throws {
        let folder = try TestSupport.temporaryFolder(self)
        try TestSupport.write(Array("old".utf8), to: folder.appendingPathComponent("snapshot").path)
        let model = try CrashRecordingCalls(root: folder)
        var synced: [Set<[UInt8]>] = []
        let temporary = folder.appendingPathComponent("snapshot.tmp").path
        let target = folder.appendingPathComponent("snapshot").path
        for fsyncFirst in [true, false] {
            var seen = Set<[UInt8]>()
            let (fd, _) = model.openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            _ = Array("new content".utf8).withUnsafeBytes { model.write(fd, $0) }
            if fsyncFirst { _ = model.fullSync(fd) }
            model.closeFile(fd)
            XCTAssertEqual(model.renameFile(temporary, target), 0)
            model.onSyncPoint = { model in
                for state in model.crashStates() { seen.insert(state.files["snapshot"] ?? []) }
            }
            _ = model.syncDirectory(folder.path)
            model.onSyncPoint = nil
            synced.append(seen)
        }
        XCTAssertEqual(synced[0], [Array("old".utf8), Array("new content".utf8)])
        XCTAssertTrue(synced[1].contains([]), "without fsync the data may be lost")
        XCTAssertTrue(synced[1].contains(Array("new c".utf8)), "or cut short")
        XCTAssertTrue(synced[1].contains([UInt8](repeating: 0, count: 11)), "or zero-filled")
    }

    /// `JournalFolder.replaceFile` (how a snapshot should be written): at every sync point of
    /// several replacements, every crash state holds the previous or the new content, never a mix.
    func testReplacedFileIsOldOrNewInEveryCrashState() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let path = folder.appendingPathComponent("snapshot.json").path
        let versions = (0...4).map { Array("{\"version\":\($0),\"padding\":\"\(String(repeating: "x", count: 200 * $0))\"}".utf8) }
        try TestSupport.write(versions[0], to: path)
        let model = try CrashRecordingCalls(root: folder)
        let journalFolder = JournalFolder(dataFolder: folder, calls: model)
        var states = 0
        var acceptable: Set<[UInt8]> = []
        var seen: Set<[UInt8]> = []
        model.onSyncPoint = { model in
            for state in model.crashStates() {
                states += 1
                let content = state.files["snapshot.json"] ?? []
                seen.insert(content)
                XCTAssertTrue(acceptable.contains(content), "snapshot torn or lost: \(state.label)")
            }
        }
        for number in 1...4 {
            acceptable = [versions[number - 1], versions[number]]
            try journalFolder.replaceFile(path, with: versions[number])
            acceptable = [versions[number]]
            model.onSyncPoint?(model)
        }
        XCTAssertEqual(try TestSupport.bytes(path), versions[4])
        XCTAssertEqual(seen, Set(versions), "both the old and the new content occur")
        print("crash model: replaceFile: \(model.syncPoints) sync points, \(states) crash states checked")
    }

    /// The projection snapshot through its real writer: after a power cut at any sync point the snapshot
    /// file is absent, the old snapshot or the new one; each decodes to exactly its desk or is refused,
    /// never a wrong desk, and no crash state leaves a file that a reader would take for a snapshot
    /// while it is not a whole one.
    func testSnapshotWriteLeavesOldOrNewSnapshotInEveryCrashState() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let actor = Actor(name: "rina", role: .adminNasional)
        func batch(_ n: Int) -> [NewEntry] {
            (0..<5).map { i in
                let event = DomainEvent.received(Intake(externalID: "e-\(n)-\(i)", channel: .sms, receivedAt: at,
                                                        body: String(repeating: "isi \(n) ", count: 40)))
                return JournalMapping.newEntry(event, report: ReportID(rawValue: String(2_600_000 + n * 10 + i)), actor: actor,
                                               at: at, offsetSeconds: 7 * 3600)
            }
        }
        var desk = Desk()
        func fold(_ entries: [JournalEntry]) {
            for e in entries { if case let .success(r) = JournalMapping.recorded(e) { desk.apply(r) } }
        }
        do {
            let (plain, _) = try FileJournal.open(at: folder, mode: .writer)
            for n in 1...2 { fold(try plain.appendBatch(batch(n))) }
        }
        // Everything from here goes through the crash model: a first snapshot, more events, a second one.
        let stamp = "crash model"
        let model = try CrashRecordingCalls(root: folder)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: FileJournal.Options(), calls: model)
        var desks: [UInt64: Desk] = [:]
        var states = 0
        var outcomes: Set<String> = []
        var acceptable: Set<String> = []
        model.onSyncPoint = { model in
            for state in model.crashStates() {
                states += 1
                let outcome: String
                if let bytes = state.files["cache/" + ProjectionSnapshot.fileName] {
                    switch ProjectionSnapshot.decode(bytes: bytes, programStamp: stamp) {
                    case let .success(loaded):
                        outcome = "desk at \(loaded.desk.lastSeq)"
                        XCTAssertEqual(loaded.desk.all, desks[loaded.desk.lastSeq]?.all, state.label)
                    case .failure:
                        outcome = "refused"
                    }
                } else {
                    outcome = "absent"
                }
                outcomes.insert(outcome)
                XCTAssertTrue(acceptable.contains(outcome), "\(outcome) after a crash: \(state.label)")
            }
        }
        let first = try XCTUnwrap(journal.resumePoint())
        desks[desk.lastSeq] = desk
        acceptable = ["absent", "desk at \(first.lastSeq)"]
        try ProjectionSnapshot.write(desk, at: first, journal: journal, programStamp: stamp, rules: TestSupport.inboxRules)
        acceptable = ["desk at \(first.lastSeq)"]
        model.onSyncPoint?(model)
        fold(try journal.appendBatch(batch(3)))
        let second = try XCTUnwrap(journal.resumePoint())
        XCTAssertGreaterThan(second.lastSeq, first.lastSeq)
        desks[desk.lastSeq] = desk
        // Replacing it: the old snapshot or the new one, never neither and never a mix.
        acceptable = ["desk at \(first.lastSeq)", "desk at \(second.lastSeq)"]
        try ProjectionSnapshot.write(desk, at: second, journal: journal, programStamp: stamp, rules: TestSupport.inboxRules)
        XCTAssertEqual(outcomes, ["absent", "desk at \(first.lastSeq)", "desk at \(second.lastSeq)"])
        print("crash model: projection snapshot: \(model.syncPoints) sync points, \(states) crash states checked")
    }
}
