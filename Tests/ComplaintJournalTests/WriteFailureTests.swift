import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// System calls that fail on demand: a short write followed by ENOSPC, a failing fdatasync, a
/// failing truncate. Everything else goes to the real calls.
final class FaultyCalls: SystemCalls, @unchecked Sendable {
    enum Fault {
        case none
        /// Write `bytes` bytes of the next write, then fail with `errno`.
        case shortWriteThen(bytes: Int, errno: Int32)
        /// Let `skipping` syncs succeed, then fail one with `errno`.
        case failDataSync(errno: Int32, skipping: Int)
    }

    private let lock = NSLock()
    private var fault = Fault.none
    private var failTruncate = false
    private let real = PosixSystemCalls()

    func inject(_ fault: Fault, failTruncate: Bool = false) {
        lock.lock()
        self.fault = fault
        self.failTruncate = failTruncate
        lock.unlock()
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (Int, Int32) {
        lock.lock()
        defer { lock.unlock() }
        if case let .shortWriteThen(bytes, code) = fault {
            guard bytes > 0 else {
                fault = .none
                return (-1, code)
            }
            let count = min(bytes, buffer.count)
            fault = .shortWriteThen(bytes: 0, errno: code)
            return real.write(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return real.write(fd, buffer)
    }

    func dataSync(_ fd: Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if case let .failDataSync(code, skipping) = fault {
            guard skipping > 0 else {
                fault = .none
                return code
            }
            fault = .failDataSync(errno: code, skipping: skipping - 1)
        }
        return real.dataSync(fd)
    }

    func fullSync(_ fd: Int32) -> Int32 { real.fullSync(fd) }

    func truncate(_ fd: Int32, _ length: Int) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if failTruncate { return EIO }
        return real.truncate(fd, length)
    }
}

final class WriteFailureTests: XCTestCase {
    private func openFaulty(_ folder: URL, options: FileJournal.Options = .init()) throws -> (FileJournal, FaultyCalls) {
        let calls = FaultyCalls()
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: options, calls: calls)
        return (journal, calls)
    }

    func testShortWriteThenENOSPCIsRolledBackAndReported() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, calls) = try openFaulty(folder)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        let before = try TestSupport.bytes(TestSupport.segmentPath(folder))

        calls.inject(.shortWriteThen(bytes: 100, errno: ENOSPC))
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(2), TestSupport.entry(3)] }) { error in
            XCTAssertEqual(error as? JournalError, .writeFailed(path: TestSupport.segmentPath(folder), operation: "write", errno: ENOSPC))
            XCTAssertTrue("\(error)".contains("ENOSPC"), "\(error)")
        }
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), before, "the partial line was truncated away")
        XCTAssertEqual(journal.lastSequence, 1)
        XCTAssertEqual(journal.health, .ok)
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(4)] }.map(\.seq), [2], "no sequence number lost")
        let (reader, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try reader.allEntries().map(\.eventID), ["event-1", "event-4"])
    }

    func testFailedDataSyncRemovesTheWrittenLines() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, calls) = try openFaulty(folder)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        let before = try TestSupport.bytes(TestSupport.segmentPath(folder))
        calls.inject(.failDataSync(errno: EIO, skipping: 0))
        XCTAssertThrowsError(try journal.appendBatch([TestSupport.entry(2)])) { error in
            XCTAssertEqual(error as? JournalError, .writeFailed(path: TestSupport.segmentPath(folder), operation: "fdatasync", errno: EIO))
        }
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), before)
        XCTAssertEqual(try journal.allEntries().map(\.seq), [1])
    }

    func testFailedRollbackDegradesHealthAndTheNextOpenRecovers() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, calls) = try openFaulty(folder)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        calls.inject(.shortWriteThen(bytes: 60, errno: EROFS), failTruncate: true)
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(2)] }) { error in
            guard case let JournalError.writeFailedAndNotRolledBack(_, _, code, rollback) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(code, EROFS)
            XCTAssertEqual(rollback, EIO)
            XCTAssertTrue("\(error)".contains("check --repair"))
        }
        guard case .degraded = journal.health else { return XCTFail("expected degraded, got \(journal.health)") }
        calls.inject(.none)
        // The next writer (here: the same one, under the lock) quarantines the half line first.
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(3)] }.map(\.seq), [2])
        XCTAssertEqual(journal.report.tornTails.map(\.byteCount), [60])
        XCTAssertEqual(journal.health, .ok, "the half line is quarantined, so the failure is resolved")
        let (reader, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try reader.allEntries().map(\.eventID), ["event-1", "event-3"])
    }

    func testBatchFailureAcrossSegmentsRollsBackEverySegment() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, calls) = try openFaulty(folder, options: .init(segmentSizeLimit: 2000, batchWriteBytes: 1000))
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        let before = try TestSupport.bytes(TestSupport.segmentPath(folder))
        calls.inject(.failDataSync(errno: EIO, skipping: 3))
        XCTAssertThrowsError(try journal.appendBatch((2...30).map { TestSupport.entry($0) }))
        let touched = (2...9).filter { FileManager.default.fileExists(atPath: TestSupport.segmentPath(folder, $0)) }
        XCTAssertGreaterThanOrEqual(touched.count, 3, "the failure happened several segments into the batch")
        XCTAssertEqual(try TestSupport.bytes(TestSupport.segmentPath(folder)), before)
        let others = (2...9).map { TestSupport.segmentPath(folder, $0) }.filter { FileManager.default.fileExists(atPath: $0) }
        for path in others { XCTAssertEqual(try TestSupport.bytes(path), [], path) }
        let stored = try journal.appendBatch((2...30).map { TestSupport.entry($0) })
        XCTAssertEqual(stored.map(\.seq), Array(2...30))
        let (reader, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(report.isClean, "\(report.descriptions)")
        XCTAssertEqual(try reader.allEntries().map(\.seq), Array(1...30))
    }
}
