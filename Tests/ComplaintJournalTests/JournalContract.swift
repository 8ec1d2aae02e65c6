import Foundation
import XCTest
@testable import ComplaintJournal

/// One contract, run against `FileJournal` and `InMemoryJournal` (see the two test classes below):
/// whatever the console relies on must hold for both.
struct JournalFixture {
    /// A new, empty journal.
    var make: () throws -> any EventJournal
    /// Another writer on the same journal (another console process).
    var peer: (any EventJournal) throws -> any EventJournal
}

struct StaleCommand: Error, Equatable {}

enum JournalContract {
    static func sequenceNumbersAreGapFreeAndEntriesRoundTrip(_ fixture: JournalFixture) throws {
        let journal = try fixture.make()
        XCTAssertEqual(journal.lastSequence, 0)
        XCTAssertEqual(try journal.allEntries(), [])
        let first = try journal.append { caughtUp in
            XCTAssertEqual(caughtUp, [])
            return [TestSupport.entry(1), TestSupport.entry(2)]
        }
        XCTAssertEqual(first.map(\.seq), [1, 2])
        let second = try journal.append { _ in [TestSupport.entry(3)] }
        XCTAssertEqual(second.map(\.seq), [3])
        XCTAssertEqual(journal.lastSequence, 3)
        let all = try journal.allEntries()
        XCTAssertEqual(all, first + second)
        XCTAssertEqual(all.map(\.position.line), [1, 2, 3])
        XCTAssertEqual(try journal.entries(after: 2), second)
        XCTAssertEqual(try journal.entries(after: 3), [])
        let stored = all[0]
        let original = TestSupport.entry(1)
        XCTAssertEqual(stored.eventID, original.eventID)
        XCTAssertEqual(stored.reportID, original.reportID)
        XCTAssertEqual(stored.at, original.at)
        XCTAssertEqual(stored.atText, "2026-04-01T08:16:00+07:00")
        XCTAssertEqual(stored.actor, original.actor)
        XCTAssertEqual(stored.type, original.type)
        XCTAssertEqual(stored.payload, original.payload)
        XCTAssertEqual(stored.version, 1)
        XCTAssertEqual(try journal.poll(), [], "own appends are not reported again")
        XCTAssertEqual(journal.health, .ok)
    }

    static func hostileStringsRoundTrip(_ fixture: JournalFixture) throws {
        let journal = try fixture.make()
        let newEntries = TestSupport.hostileStrings.enumerated().map { index, text in
            NewEntry(
                eventID: "e\(index)" + text, reportID: text, at: Date(timeIntervalSince1970: 1_775_006_100), utcOffsetSeconds: 0,
                actor: JournalActor(name: "x" + text, role: text, agency: text, unit: text, osUser: nil),
                type: "t" + text, payload: Array("{\"text\":\"\(text.unicodeScalars.map { String(format: "\\u%04x", $0.value > 0xFFFF ? 0x3F : $0.value) }.joined())\"}".utf8))
        }
        let stored = try journal.append { _ in newEntries }
        let reread = try fixture.peer(journal).allEntries()
        XCTAssertEqual(reread.count, newEntries.count)
        for (entry, original) in zip(reread, newEntries) {
            XCTAssertEqual(entry.reportID, original.reportID)
            XCTAssertEqual(entry.eventID, original.eventID)
            XCTAssertEqual(entry.actor, original.actor)
            XCTAssertEqual(entry.type, original.type)
            XCTAssertEqual(entry.payload, original.payload)
        }
        XCTAssertEqual(stored.map(\.seq), reread.map(\.seq))
    }

    static func invalidEntriesWriteNothing(_ fixture: JournalFixture) throws {
        let journal = try fixture.make()
        _ = try journal.append { _ in [TestSupport.entry(1)] }
        for payload in EnvelopeCodecTests.invalidPayloads {
            var bad = TestSupport.entry(2)
            bad.payload = payload
            XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(3), bad] }) { error in
                guard case let JournalError.invalidEntry(field, _) = error else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(field, "entry 2: data")
            }
            XCTAssertThrowsError(try journal.appendBatch([bad]))
        }
        XCTAssertEqual(try journal.allEntries().map(\.seq), [1])
        XCTAssertEqual(try fixture.peer(journal).allEntries().map(\.seq), [1])
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(4)] }.map(\.seq), [2], "no sequence number was used up")
    }

    static func peerAppendsAreSeenInTheClosureExactlyOnce(_ fixture: JournalFixture) throws {
        let first = try fixture.make()
        let second = try fixture.peer(first)
        let mine = try first.append { _ in [TestSupport.entry(1), TestSupport.entry(2)] }
        var seen: [JournalEntry] = []
        let theirs = try second.append { caughtUp in
            seen = caughtUp
            return [TestSupport.entry(3)]
        }
        XCTAssertEqual(seen, mine)
        XCTAssertEqual(theirs.map(\.seq), [3])
        XCTAssertEqual(try second.poll(), [], "entries given to the closure are not delivered again")
        XCTAssertEqual(try first.poll(), theirs)
        XCTAssertEqual(try first.poll(), [])
        let again = try first.append { caughtUp in
            XCTAssertEqual(caughtUp, [], "already polled")
            return [TestSupport.entry(4)]
        }
        XCTAssertEqual(again.map(\.seq), [4])
        XCTAssertEqual(try second.allEntries().map(\.seq), [1, 2, 3], "entries(after:) only covers what the instance saw")
        XCTAssertEqual(try second.poll().map(\.seq), [4])
        XCTAssertEqual(try second.allEntries().map(\.seq), [1, 2, 3, 4])
        XCTAssertEqual(second.lastSequence, 4)
    }

    static func throwingClosureWritesNothing(_ fixture: JournalFixture) throws {
        let first = try fixture.make()
        let second = try fixture.peer(first)
        _ = try first.append { _ in [TestSupport.entry(1)] }
        XCTAssertThrowsError(try second.append { caughtUp in
            XCTAssertEqual(caughtUp.map(\.seq), [1])
            throw StaleCommand()
        }) { error in XCTAssertEqual(error as? StaleCommand, StaleCommand()) }
        XCTAssertEqual(try first.poll(), [])
        XCTAssertEqual(try first.append { _ in [] }, [], "an empty decision writes nothing")
        XCTAssertEqual(try second.append { _ in [TestSupport.entry(2)] }.map(\.seq), [2])
        XCTAssertEqual(try first.poll().map(\.seq), [2])
    }

    static func batchKeepsConcurrentEntriesForPoll(_ fixture: JournalFixture) throws {
        let first = try fixture.make()
        let second = try fixture.peer(first)
        _ = try first.append { _ in [TestSupport.entry(1)] }
        let imported = try second.appendBatch((2...200).map { TestSupport.entry($0) })
        XCTAssertEqual(imported.map(\.seq), Array(2...200))
        XCTAssertEqual(try second.poll().map(\.seq), [1], "the entry caught up during the batch is delivered by poll")
        XCTAssertEqual(try first.poll().map(\.seq), Array(2...200))
        XCTAssertEqual(try second.allEntries().map(\.seq), Array(1...200))
    }
}

final class FileJournalContractTests: XCTestCase {
    private func fixture() throws -> JournalFixture {
        let folder = try TestSupport.temporaryFolder(self)
        return JournalFixture(
            make: { try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 4096)).0 },
            peer: { _ in try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 4096)).0 })
    }

    func testSequenceNumbersAreGapFreeAndEntriesRoundTrip() throws {
        try JournalContract.sequenceNumbersAreGapFreeAndEntriesRoundTrip(fixture())
    }
    func testHostileStringsRoundTrip() throws { try JournalContract.hostileStringsRoundTrip(fixture()) }
    func testInvalidEntriesWriteNothing() throws { try JournalContract.invalidEntriesWriteNothing(fixture()) }
    func testPeerAppendsAreSeenInTheClosureExactlyOnce() throws {
        try JournalContract.peerAppendsAreSeenInTheClosureExactlyOnce(fixture())
    }
    func testThrowingClosureWritesNothing() throws { try JournalContract.throwingClosureWritesNothing(fixture()) }
    func testBatchKeepsConcurrentEntriesForPoll() throws { try JournalContract.batchKeepsConcurrentEntriesForPoll(fixture()) }
}

final class InMemoryJournalContractTests: XCTestCase {
    private func fixture() -> JournalFixture {
        JournalFixture(
            make: { InMemoryJournal() },
            peer: { journal in
                guard let memory = journal as? InMemoryJournal else { throw StaleCommand() }
                return memory.makePeer()
            })
    }

    func testSequenceNumbersAreGapFreeAndEntriesRoundTrip() throws {
        try JournalContract.sequenceNumbersAreGapFreeAndEntriesRoundTrip(fixture())
    }
    func testHostileStringsRoundTrip() throws { try JournalContract.hostileStringsRoundTrip(fixture()) }
    func testInvalidEntriesWriteNothing() throws { try JournalContract.invalidEntriesWriteNothing(fixture()) }
    func testPeerAppendsAreSeenInTheClosureExactlyOnce() throws {
        try JournalContract.peerAppendsAreSeenInTheClosureExactlyOnce(fixture())
    }
    func testThrowingClosureWritesNothing() throws { try JournalContract.throwingClosureWritesNothing(fixture()) }
    func testBatchKeepsConcurrentEntriesForPoll() throws { try JournalContract.batchKeepsConcurrentEntriesForPoll(fixture()) }

    func testFailNextWriteWritesNothing() throws {
        let journal = InMemoryJournal()
        journal.failNextWrite(with: .writeFailed(path: "memory", operation: "write", errno: 28))
        XCTAssertThrowsError(try journal.append { _ in [TestSupport.entry(1)] })
        XCTAssertEqual(try journal.append { _ in [TestSupport.entry(1)] }.map(\.seq), [1])
        journal.simulateHealth(.degraded(reasons: ["x"]))
        XCTAssertEqual(journal.health, .degraded(reasons: ["x"]))
    }
}
