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
        for ahead in [1, 2, 16] {
            var seen: [Int] = []
            try ParallelLines.pipeline(count: 10_007, chunk: 1_000, ahead: ahead, vacated: -1, work: { $0 * 3 }, consume: { seen.append($0) })
            XCTAssertEqual(seen, (0..<10_007).map { $0 * 3 }, "\(ahead) chunks ahead")
        }
        var none: [Int] = []
        try ParallelLines.pipeline(count: 0, vacated: -1, work: { $0 }, consume: { none.append($0) })
        XCTAssertTrue(none.isEmpty)
    }

    /// Results are moved out of their chunks, not copied: each object a result holds is handed over once
    /// and freed once, also when the consumer stops early (the results not taken are freed with their chunk).
    func testPipelineMovesEachResultOutOnceAndFreesEveryOne() throws {
        final class Tracked: Sendable {
            let n: Int
            let freed: Counter
            init(_ n: Int, freed: Counter) { self.n = n; self.freed = freed }
            deinit { freed.add() }
        }
        struct Stop: Error {}
        let freed = Counter()
        var taken: [Int] = []
        try ParallelLines.pipeline(count: 9_001, chunk: 1_000, vacated: nil, work: { Tracked($0, freed: freed) }, consume: { t in
            if let t { taken.append(t.n) }
        })
        XCTAssertEqual(taken, Array(0..<9_001))
        XCTAssertEqual(freed.value, 9_001)

        let stopped = Counter(), created = Counter()
        var kept: [Tracked] = []
        XCTAssertThrowsError(try ParallelLines.pipeline(count: 9_001, chunk: 1_000, vacated: nil, work: { n in
                                                            created.add()
                                                            return Tracked(n, freed: stopped)
                                                        },
                                                        consume: { t in
                                                            if t?.n == 1_500 { throw Stop() }
                                                            if let t { kept.append(t) }
                                                        }))
        XCTAssertEqual(kept.map(\.n), Array(0..<1_500))
        XCTAssertEqual(kept.count, 1_500, "those taken are alive")
        let made = stopped.value
        kept = []
        XCTAssertGreaterThanOrEqual(stopped.value, made + 1_500)
        // Chunks computed ahead are freed with their tasks, which may end just after the call returns.
        let deadline = Date().addingTimeInterval(5)
        while stopped.value < created.value, Date() < deadline { usleep(1_000) }
        XCTAssertEqual(stopped.value, created.value, "every result made was freed, once")
    }

    func testPipelineStopsAtAThrowingConsumerAndWaitsForItsWorkers() {
        struct Stop: Error {}
        for ahead in [2, 16] {
            let started = Counter()
            var consumed = 0
            XCTAssertThrowsError(try ParallelLines.pipeline(count: 100_000, chunk: 2_000, ahead: ahead, vacated: -1, work: { i -> Int in
                started.add()
                return i
            }, consume: { i in
                if i == 2_500 { throw Stop() }
                consumed += 1
            }))
            XCTAssertEqual(consumed, 2_500)
            // Chunks 0 and 1, and the `ahead` started ahead of chunk 1, ran; none runs after the call returned.
            let after = started.value
            Thread.sleep(forTimeInterval: 0.05)
            XCTAssertEqual(started.value, after)
            XCTAssertLessThanOrEqual(after, (2 + ahead) * 2_000, "\(ahead) ahead")
        }
    }
}

/// A thread-safe counter for the pipeline tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
