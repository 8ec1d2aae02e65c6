@testable import ComplaintJournal
import XCTest

/// When a running console writes a new projection snapshot (`SnapshotRefreshRule`); the console's own
/// writes are driven end to end in `SnapshotTmuxTests`.
final class SnapshotRefreshRuleTests: XCTestCase {
    private let threshold = SnapshotRefreshRule.threshold
    private let minimum = SnapshotRefreshRule.minimumEvents

    private func due(writer: Bool = true, practice: Bool = false, lastSeq: UInt64, covered: UInt64) -> Bool {
        SnapshotRefreshRule.isDueInSession(isWriter: writer, isPractice: practice, lastSeq: lastSeq, covered: covered)
    }

    func testASessionWritesOnceThresholdEventsWereFoldedSinceTheNewestSnapshot() {
        let covered: UInt64 = 100_000
        XCTAssertFalse(due(lastSeq: covered, covered: covered))
        XCTAssertFalse(due(lastSeq: covered + threshold - 1, covered: covered))
        XCTAssertTrue(due(lastSeq: covered + threshold, covered: covered))
        XCTAssertTrue(due(lastSeq: covered + 10 * threshold, covered: covered))
        // No snapshot yet (covered 0): due as soon as the desk is big enough.
        XCTAssertFalse(due(lastSeq: minimum - 1, covered: 0))
        XCTAssertTrue(due(lastSeq: minimum, covered: 0))
    }

    /// A practice desk is reset under the console: a write in flight would put the old desk's snapshot in
    /// the new folder, so a practice desk never writes during a session, however far behind.
    func testAPracticeDeskNeverWritesDuringASession() {
        for lastSeq in [minimum, minimum + threshold, 1_000_000] {
            XCTAssertFalse(due(practice: true, lastSeq: lastSeq, covered: 0), "\(lastSeq)")
            XCTAssertTrue(due(practice: false, lastSeq: lastSeq, covered: 0), "\(lastSeq)")
        }
    }

    func testAReaderOrASmallOrRewoundDeskNeverWrites() {
        XCTAssertFalse(due(writer: false, lastSeq: 1_000_000, covered: 0), "a read-only console writes nothing")
        XCTAssertFalse(due(lastSeq: minimum - 1, covered: 0), "a small desk folds in no time: no cache file")
        // Behind the snapshot it knows of (a desk reset or reopened): nothing until it is past it again.
        XCTAssertFalse(due(lastSeq: 50_000, covered: 90_000))
        XCTAssertFalse(due(lastSeq: 90_000 + threshold - 1, covered: 90_000))
    }

    func testAtStartAWriterWritesAStaleSnapshotOfABigEnoughDesk() {
        XCTAssertTrue(SnapshotRefreshRule.isDueAtStart(isWriter: true, lastSeq: minimum, snapshotIsStale: true))
        XCTAssertFalse(SnapshotRefreshRule.isDueAtStart(isWriter: true, lastSeq: minimum, snapshotIsStale: false))
        XCTAssertFalse(SnapshotRefreshRule.isDueAtStart(isWriter: true, lastSeq: minimum - 1, snapshotIsStale: true))
        XCTAssertFalse(SnapshotRefreshRule.isDueAtStart(isWriter: false, lastSeq: 1_000_000, snapshotIsStale: true))
    }
}
