import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The start-up path now decodes payloads through `PayloadTape` (no `JSONValue` tree) and folds chunk by
/// chunk while the next chunk is decoded: the desk must be exactly the desk of a tree decode of every line,
/// and the pipeline must hand every result over once, in order.
final class TapeStartupTests: XCTestCase {
    func testStartupDeskEqualsATreeDecodeOfEveryLine() throws {
        let (folder, options, reference) = try TestSupport.generatedJournal(self, reports: 600, seed: 5, segmentSize: 500_000)
        let (journal, _) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        let store = try DeskStore(journal: journal, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()))

        var tree = Desk()
        var types: Set<String> = []
        for e in try journal.entries(after: 0) {
            let role = try XCTUnwrap(Role(rawValue: e.actor.role))
            let event = try EventCodec.decodeTree(type: e.type, payload: e.payload)
            types.insert(e.type)
            tree.apply(RecordedEvent(seq: e.seq, id: e.eventID, reportID: ReportID(e.reportID), at: e.at,
                                     actor: Actor(name: e.actor.name, role: role, agency: e.actor.agency, unit: e.actor.unit,
                                                  osUser: e.actor.osUser),
                                     event: event))
        }
        XCTAssertTrue(store.problems.isEmpty, "\(store.problems)")
        XCTAssertGreaterThanOrEqual(types.count, 10, "the generated journal exercises many event types: \(types.sorted())")
        XCTAssertEqual(store.desk.count, tree.count)
        XCTAssertEqual(store.desk.lastSeq, tree.lastSeq)
        XCTAssertEqual(store.desk.order, tree.order)
        XCTAssertEqual(store.desk.anomalies, tree.anomalies)
        XCTAssertEqual(store.desk.reports, tree.reports)
        XCTAssertEqual(store.desk.count, 600)
    }

    func testPipelineHandsEveryResultOverOnceInOrder() throws {
        var seen: [Int] = []
        try ParallelLines.pipeline(count: 10_007, chunk: 1_000, work: { $0 * 3 }, consume: { seen.append($0) })
        XCTAssertEqual(seen, (0..<10_007).map { $0 * 3 })
        var none: [Int] = []
        try ParallelLines.pipeline(count: 0, work: { $0 }, consume: { none.append($0) })
        XCTAssertTrue(none.isEmpty)
    }

    func testPipelineStopsAtAThrowingConsumerAndWaitsForItsWorkers() {
        struct Stop: Error {}
        let started = Counter()
        var consumed = 0
        XCTAssertThrowsError(try ParallelLines.pipeline(count: 50_000, chunk: 2_000, work: { i -> Int in
            started.add()
            return i
        }, consume: { i in
            if i == 2_500 { throw Stop() }
            consumed += 1
        }))
        XCTAssertEqual(consumed, 2_500)
        // Chunks 0 and 1, and the two started ahead of chunk 1 (2 and 3), ran; none runs after the call returned.
        let after = started.value
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(started.value, after)
        XCTAssertLessThanOrEqual(after, 8_000)
    }
}

/// A thread-safe counter for the pipeline tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
