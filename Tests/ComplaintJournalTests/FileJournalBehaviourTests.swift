import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Files, permissions, segments, locking and change notification.
final class FileJournalBehaviourTests: XCTestCase {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    func testWriterCreatesPrivateFoldersAndFiles() throws {
        let parent = try TestSupport.temporaryFolder(self)
        let folder = parent.appendingPathComponent("desk")
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.isClean)
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        XCTAssertEqual(try mode(folder.appendingPathComponent("journal").path), 0o700)
        XCTAssertEqual(try mode(folder.appendingPathComponent("journal/quarantine").path), 0o700)
        XCTAssertEqual(try mode(folder.appendingPathComponent("journal/LOCK").path), 0o600)
        XCTAssertEqual(try mode(TestSupport.segmentPath(folder)), 0o600)
    }

    func testReadOnlyOpenOfAMissingFolderIsEmptyAndCreatesNothing() throws {
        let parent = try TestSupport.temporaryFolder(self)
        let folder = parent.appendingPathComponent("nothing-here")
        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try journal.allEntries(), [])
        XCTAssertEqual(try journal.poll(), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testSegmentsRollAndEverythingReadsBackInOrder() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let options = FileJournal.Options(segmentSizeLimit: 1500)
        let (writer, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        let (follower, _) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        var stored: [JournalEntry] = []
        var followed: [JournalEntry] = []
        for number in 1...25 {
            stored += try writer.append { _ in [TestSupport.entry(number)] }
            if number % 7 == 0 { followed += try follower.poll() }
        }
        stored += try writer.appendBatch((26...60).map { TestSupport.entry($0) })
        followed += try follower.poll()
        XCTAssertEqual(stored.map(\.seq), Array(1...60))
        XCTAssertEqual(followed, stored)
        let segments = try JournalFolder(dataFolder: folder).segmentNumbers()
        XCTAssertGreaterThan(segments.count, 5)
        XCTAssertEqual(segments, Array(1...segments.count))
        for number in segments {
            let size = try TestSupport.bytes(TestSupport.segmentPath(folder, number)).count
            XCTAssertLessThanOrEqual(size, 1500, "segment \(number)")
        }
        let (reader, report) = try FileJournal.open(at: folder, mode: .writer, options: options)
        XCTAssertTrue(report.isClean)
        let all = try reader.allEntries()
        XCTAssertEqual(all, stored)
        XCTAssertEqual(all.last?.position.segment, segments.last)
        XCTAssertEqual(try reader.entries(after: 50), Array(stored[50...]))
        XCTAssertEqual(try reader.append { _ in [TestSupport.entry(61)] }.map(\.seq), [61])
    }

    func testLockTimeoutGivesAClearError() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(lockTimeout: 0.2))
        let holder = open(folder.appendingPathComponent("journal/LOCK").path, O_RDWR)
        XCTAssertGreaterThanOrEqual(holder, 0)
        defer { close(holder) }
        XCTAssertEqual(flock(holder, LOCK_EX), 0)
        let start = Date()
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(1)] }) { error in
            guard case JournalError.lockedByAnotherProcess = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue("\(error)".contains("locked by another process"))
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.19)
        XCTAssertThrowsError(try FileJournal.open(at: folder, mode: .writer, options: .init(lockTimeout: 0.05)))
        XCTAssertEqual(try journal.poll(), [], "poll gives up quietly while a writer holds the lock")
        flock(holder, LOCK_UN)
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(1)] }.map(\.seq), [1])
    }

    func testChangeDescriptorWakesUpOnAnotherWritersAppend() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let (watcher, _) = try FileJournal.open(at: folder, mode: .writer)
        let (other, _) = try FileJournal.open(at: folder, mode: .writer)
        let fd = try XCTUnwrap(watcher.changeDescriptor)
        func readable(_ milliseconds: Int32) -> Bool {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return Glibc.poll(&entry, 1, milliseconds) == 1
        }
        watcher.drainChangeNotifications()
        XCTAssertFalse(readable(0))
        _ = try other.append { _ in [TestSupport.entry(1)] }
        XCTAssertTrue(readable(1000))
        watcher.drainChangeNotifications()
        XCTAssertFalse(readable(0))
        XCTAssertEqual(try watcher.poll().map(\.seq), [1])
    }

    func testInMemoryJournalHasNoChangeDescriptor() {
        XCTAssertNil(InMemoryJournal().changeDescriptor)
    }
}
