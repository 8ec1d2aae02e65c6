import Complaints
import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Faults of the data folder: each gives a clear message, writing falls back to read-only instead
/// of failing the whole open, and nothing already written is touched.
final class FaultTests: XCTestCase {
    /// A journal with `count` entries; returns its folder and every file's bytes.
    private func journal(count: Int = 5, segment: Int = 64 << 20) throws -> (URL, [String: [UInt8]]) {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: segment))
        for number in 1...count { _ = try journal.append { _ in [TestSupport.entry(number)] } }
        return (folder, try snapshot(folder))
    }

    private func snapshot(_ folder: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try TestSupport.bytes(path)
            }
        }
        return files
    }

    private func assertReadOnlyFallback(
        _ folder: URL, calls: any SystemCalls, reasonContains needles: [String], count: Int = 5,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (journal, _) = try FileJournal.openWritingIfPossible(at: folder, options: .init(lockTimeout: 0.3), calls: calls)
        XCTAssertEqual(journal.mode, .readOnly, file: file, line: line)
        guard case let .readOnly(reason) = journal.health else {
            return XCTFail("health \(journal.health)", file: file, line: line)
        }
        for needle in needles { XCTAssertTrue(reason.en.contains(needle), "\(reason.en) lacks \(needle)", file: file, line: line) }
        XCTAssertNotEqual(reason.id, reason.en, "said in Indonesian too", file: file, line: line)
        XCTAssertEqual(try journal.allEntries().count, count, "the desk is still readable", file: file, line: line)
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(99)] }, file: file, line: line)
    }

    func testReadOnlyMediaIsRefusedClearlyAndOpensReadOnly() throws {
        let (folder, before) = try journal()
        for code in [EROFS, EACCES] {
            let calls = RefusingCalls(code: code)
            XCTAssertThrowsError(try FileJournal.open(at: folder, mode: .writer, options: .init(), calls: calls)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("LOCK") && text.contains(code == EROFS ? "EROFS" : "EACCES"), text)
            }
            try assertReadOnlyFallback(folder, calls: calls, reasonContains: [code == EROFS ? "EROFS" : "EACCES", "LOCK"])
        }
        XCTAssertEqual(try snapshot(folder), before, "nothing written was touched")
    }

    func testMediaTurningReadOnlyMidRunRefusesTheWriteAndKeepsEverything() throws {
        let (folder, before) = try journal()
        let calls = FaultyCalls()
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(), calls: calls)
        calls.inject(.shortWriteThen(bytes: 0, errno: EROFS))
        XCTAssertThrowsError(try writer.append { _ in [TestSupport.entry(6)] }) { error in
            XCTAssertTrue("\(error)".contains("EROFS") && "\(error)".contains("nothing was written"), "\(error)")
        }
        calls.inject(.shortWriteThen(bytes: 37, errno: ENOSPC))
        XCTAssertThrowsError(try writer.append { _ in [TestSupport.entry(6)] }) { error in
            XCTAssertTrue("\(error)".contains("ENOSPC (No space left on device)"), "\(error)")
        }
        XCTAssertEqual(try snapshot(folder).filter { !$0.key.hasSuffix("LOCK") }, before.filter { !$0.key.hasSuffix("LOCK") })
        XCTAssertEqual(writer.health, .ok, "the failed lines were rolled back")
    }

    func testNetworkFileSystemIsNeverWritten() throws {
        let (folder, before) = try journal()
        for (magic, name) in [(UInt(0x6969), "NFS"), (0xFF53_4D42, "CIFS"), (0xFE53_4D42, "SMB2"), (0x517B, "SMB")] {
            let calls = RefusingCalls(refuseWrites: false, fileSystem: magic)
            XCTAssertThrowsError(try FileJournal.open(at: folder, mode: .writer, options: .init(), calls: calls)) { error in
                XCTAssertEqual("\(error)", "network file system (\(name)) at \(folder.path): its locking cannot keep "
                    + "two consoles apart, so LaporDesk does not write there; move the desk to a local disk")
            }
            try assertReadOnlyFallback(folder, calls: calls, reasonContains: ["network file system (\(name))"])
        }
        // A local file system (ext4's magic) is written as usual.
        let local = RefusingCalls(refuseWrites: false, fileSystem: 0xEF53)
        XCTAssertEqual(try FileJournal.open(at: folder, mode: .writer, options: .init(), calls: local).0.mode, .writer)
        XCTAssertEqual(try snapshot(folder), before)
    }

    func testRealFileSystemTypeIsReadAndLocalHere() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (type, code) = PosixSystemCalls().fileSystemType(folder.path)
        XCTAssertEqual(code, 0)
        XCTAssertNotEqual(type, 0)
        XCTAssertNil(DataFolderSafety.networkFileSystems[type], "the test folder is on a local disk")
    }

    func testFolderOthersCanWriteIsRefused() throws {
        let (folder, before) = try journal()
        for (target, relative) in [(folder, ""), (folder.appendingPathComponent("journal"), "/journal")] {
            XCTAssertEqual(chmod(target.path, 0o777), 0)
            XCTAssertThrowsError(try FileJournal.open(at: folder, mode: .writer)) { error in
                XCTAssertEqual("\(error)", "other users can write to \(folder.path)\(relative) (mode 777): LaporDesk does "
                    + "not write there; run `chmod o-w \(folder.path)\(relative)` (0700, or 0770 for a desk group)")
            }
            try assertReadOnlyFallback(folder, calls: PosixSystemCalls(), reasonContains: ["other users can write to"])
            XCTAssertEqual(chmod(target.path, 0o770), 0, "group-writable is how a desk group shares a desk")
            XCTAssertEqual(try FileJournal.open(at: folder, mode: .writer).0.mode, .writer)
            XCTAssertEqual(chmod(target.path, 0o700), 0)
        }
        XCTAssertEqual(try snapshot(folder), before)
    }

    func testLockHeldByAHungProcessTimesOutNamingIt() throws {
        let (folder, before) = try journal()
        let lockPath = folder.appendingPathComponent("journal/LOCK").path
        let scratch = try TestSupport.temporaryFolder(self)
        let child = try TortureChild.launch(try TortureChild.binary(), tag: "hold", arguments: ["hold", folder.path, "60"], scratch: scratch)
        let holder = child.process
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(5)
        while LockHolder.describe(lockPath: lockPath) == nil, Date() < deadline { usleep(10_000) }
        let holderText = "process \(holder.processIdentifier)"
        XCTAssertThrowsError(try FileJournal.open(at: folder, mode: .writer, options: .init(lockTimeout: 0.3))) { error in
            guard case let JournalError.lockedByAnotherProcess(path, waited, named) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, lockPath)
            XCTAssertEqual(waited, 0.3)
            XCTAssertEqual(named, "\(holderText) (JournalTorture)")
            XCTAssertEqual("\(error)", "journal locked by another process, \(holderText) (JournalTorture), for more than 0.3 s (\(lockPath))")
        }
        let started = Date()
        try assertReadOnlyFallback(folder, calls: PosixSystemCalls(), reasonContains: ["\(holderText) (JournalTorture)", "reopen to write"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "the fallback does not wait for the hung writer")
        // QA: the console showed nothing for its 5 s action timeout. Opening waits `openLockTimeout`, while
        // actions later still wait `lockTimeout`.
        var options = FileJournal.Options(lockTimeout: 30)
        options.openLockTimeout = 0.3
        let (journal, _) = try FileJournal.openWritingIfPossible(at: folder, options: options)
        XCTAssertEqual(journal.mode, .readOnly)
        XCTAssertEqual(journal.health, .readOnly(reason: Localized(
            "jurnal dikunci proses lain, proses \(holder.processIdentifier) (JournalTorture), lebih dari 0.3 detik (\(lockPath)); "
                + "buka ulang untuk menulis setelah kunci dilepas",
            en: "journal locked by another process, \(holderText) (JournalTorture), for more than 0.3 s (\(lockPath)); "
                + "reopen to write once it is free")))
        XCTAssertEqual(try snapshot(folder), before)
    }

    /// The console asks this before an action, which would then wait for the lock (it says so first).
    func testAWriterCanTellWhoHoldsTheLockWithoutWaiting() throws {
        let (folder, _) = try journal()
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertNil(journal.lockHeldElsewhere, "free")
        let lockPath = folder.appendingPathComponent("journal/LOCK").path
        let scratch = try TestSupport.temporaryFolder(self)
        let child = try TortureChild.launch(try TortureChild.binary(), tag: "hold", arguments: ["hold", folder.path, "60"], scratch: scratch)
        let holder = child.process
        let deadline = Date().addingTimeInterval(5)
        while LockHolder.describe(lockPath: lockPath) == nil, Date() < deadline { usleep(10_000) }
        let started = Date()
        XCTAssertEqual(journal.lockHeldElsewhere, "process \(holder.processIdentifier) (JournalTorture)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "asking does not wait")
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        XCTAssertNil(journal.lockHeldElsewhere)
        let (reader, _) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertNil(reader.lockHeldElsewhere, "a reader never waits for the writers' lock to act")
    }

    func testDeletedSegmentWhileOpenIsNotWrittenIntoTheVoid() throws {
        let (folder, _) = try journal(count: 6, segment: 1_000)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 1_000))
        _ = try writer.append { _ in [TestSupport.entry(7)] }  // opens the current segment for appending
        let numbers = try JournalFolder(dataFolder: folder).segmentNumbers()
        let current = try XCTUnwrap(numbers.last)
        let earlier = try numbers.dropLast().map { try TestSupport.bytes(TestSupport.segmentPath(folder, $0)) }
        XCTAssertEqual(unlink(TestSupport.segmentPath(folder, current)), 0)
        XCTAssertThrowsError(try writer.append { _ in [TestSupport.entry(8)] }) { error in
            XCTAssertEqual(error as? JournalError, .segmentReplaced(path: TestSupport.segmentPath(folder, current)))
            XCTAssertTrue("\(error)".contains("deleted, replaced or cut short") && "\(error)".contains("nothing was written"), "\(error)")
        }
        XCTAssertFalse(JournalFolder.exists(TestSupport.segmentPath(folder, current)), "not silently recreated")
        XCTAssertEqual(try numbers.dropLast().map { try TestSupport.bytes(TestSupport.segmentPath(folder, $0)) }, earlier)
    }

    func testReplacedSegmentWhileOpenIsRefused() throws {
        let (folder, _) = try journal(count: 3)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try writer.append { _ in [TestSupport.entry(4)] }
        let path = TestSupport.segmentPath(folder)
        let replacement = try TestSupport.bytes(path)
        try TestSupport.write(replacement, to: path + ".copy")
        XCTAssertEqual(rename(path + ".copy", path), 0)
        XCTAssertThrowsError(try writer.append { _ in [TestSupport.entry(5)] }) { error in
            XCTAssertEqual(error as? JournalError, .segmentReplaced(path: path))
        }
        // Remembered past the write's rollback: the console learns of it without looking again.
        XCTAssertEqual(writer.replacedSegment, path)
        XCTAssertEqual(try TestSupport.bytes(path), replacement, "the replacement was not written to")
        // A fresh open (after an operator checked the folder) works with what is there.
        let (fresh, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try fresh.append { _ in [TestSupport.entry(5)] }.map(\.seq), [5])
    }

    /// A reader (a console polling) notices a segment it read being put back as another file or deleted:
    /// the poll stops with `segmentReplaced`, the health says so and stays so, and nothing more is handed
    /// out or written. Appends by other writers and a roll to a new segment are ordinary and not noticed.
    func testPollNoticesAReplacedOrDeletedSegmentButNotAppendsOrNewSegments() throws {
        let (folder, _) = try journal(count: 3, segment: 400)
        let (reader, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 400))
        let (other, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 400))
        _ = try other.append { _ in (4...8).map { TestSupport.entry($0) } }
        XCTAssertGreaterThan(try JournalFolder(dataFolder: folder).segmentNumbers().count, 1, "the other writer rolled")
        XCTAssertEqual(try reader.poll().map(\.seq), [4, 5, 6, 7, 8])
        XCTAssertNil(reader.replacedSegment)
        XCTAssertEqual(reader.health, .ok)

        let path = TestSupport.segmentPath(folder, 1)
        let replacement = try TestSupport.bytes(path)
        try TestSupport.write(replacement, to: path + ".copy")
        XCTAssertEqual(rename(path + ".copy", path), 0)
        _ = try other.append { _ in [TestSupport.entry(9)] }
        XCTAssertThrowsError(try reader.poll()) { XCTAssertEqual($0 as? JournalError, .segmentReplaced(path: path)) }
        XCTAssertEqual(reader.replacedSegment, path)
        guard case let .degraded(reasons) = reader.health else { return XCTFail("\(reader.health)") }
        XCTAssertTrue(reasons.first?.contains("deleted, replaced or cut short") ?? false, "\(reasons)")
        XCTAssertThrowsError(try reader.poll(), "it stays noticed")
        XCTAssertThrowsError(try reader.append { _ in [TestSupport.entry(10)] })

        // An older copy written over a segment in place (the same file, cut shorter) is a replacement too.
        let (inPlaceFolder, _) = try journal(count: 3)
        let (inPlace, _) = try FileJournal.open(at: inPlaceFolder, mode: .writer)
        let segment = TestSupport.segmentPath(inPlaceFolder, 1)
        let olderBytes = Array(try TestSupport.bytes(segment).prefix { _ in true }.split(separator: 0x0A, omittingEmptySubsequences: false)
            .prefix(2).joined(separator: [0x0A])) + [0x0A]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(olderBytes))
        try handle.close()
        XCTAssertThrowsError(try inPlace.poll()) { XCTAssertEqual($0 as? JournalError, .segmentReplaced(path: segment)) }

        let (deleting, _) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertNil(deleting.replacedSegment)
        XCTAssertEqual(unlink(TestSupport.segmentPath(folder, 2)), 0)
        XCTAssertNil(deleting.replacedSegment, "remembered, not looked up: found by the next scan")
        XCTAssertThrowsError(try deleting.poll())
        XCTAssertEqual(deleting.replacedSegment, TestSupport.segmentPath(folder, 2))
    }

    func testFullDiskDuringRecoveryOpensReadOnlyAndLeavesTheTornTail() throws {
        let (folder, _) = try journal()
        let segment = TestSupport.segmentPath(folder)
        try TestSupport.write(try TestSupport.bytes(segment) + Array("{\"seq\":6,\"to".utf8), to: segment)
        let before = try snapshot(folder)
        let calls = FaultyCalls()
        calls.inject(.shortWriteThen(bytes: 0, errno: ENOSPC))
        let (journal, report) = try FileJournal.openWritingIfPossible(at: folder, options: .init(), calls: calls)
        XCTAssertEqual(journal.mode, .readOnly)
        guard case let .readOnly(reason) = journal.health else { return XCTFail("\(journal.health)") }
        XCTAssertTrue(reason.en.contains("ENOSPC") && reason.en.contains("quarantine"), reason.en)
        XCTAssertEqual(report.tornTails.count, 1, "the read-only open still reports the torn tail")
        XCTAssertEqual(try journal.allEntries().count, 5)
        XCTAssertEqual(try snapshot(folder).filter { !$0.key.contains(".tmp-") }, before, "the torn tail waits for a writer with space")
    }
}
