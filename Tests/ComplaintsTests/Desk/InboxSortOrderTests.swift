import SeededRandom
import XCTest
@testable import Complaints

/// The deadline and priority orders sort packed keys, in halves on two cores for a large desk. They must
/// list rows exactly as comparing the fields one by one does (priority, urgency rank, due, received, then
/// position), whichever way the work is split, and the one-pair comparator must agree with them.
final class InboxSortOrderTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    /// Rows with every kind of schedule, shared dues and received times (so later fields break ties), times
    /// before 1970, and every priority. (A `Date` never gives -0: `testPackedTimesKeepTheOrderOfTheTimes`.)
    func rows(_ count: Int, seed: UInt64 = 11) -> [InboxIndexRow] {
        var random = SeededGenerator(seed: seed)
        let instants: [Double] = [-86_400 * 400, -1, -0.0, 0, 1e-300, 1_700_000_000, 1_795_990_000, 1_796_000_000,
                                  1_796_000_000.5, 1_796_050_000, 1_800_000_000]
        func instant() -> Date { Date(timeIntervalSince1970: instants[random.below(instants.count)]) }
        return (0..<count).map { i in
            let kind: UrgencySchedule.Kind = switch random.below(5) {
            case 0: .none
            case 1: .paused
            case 2: .pausedUntil(instant())
            default: .track(due: instant(), soonFrom: instant())
            }
            return InboxIndexRow(
                id: ReportID(String(2_600_001 + i)), version: 1, status: .baru, returned: false, agency: nil, unit: nil,
                channel: .web, classification: .pengaduan, anonymous: false, confidential: false,
                priorityRank: random.below(4), receivedAt: instant(), category: "", province: "", regency: "",
                schedule: UrgencySchedule(kind: kind))
        }
    }

    /// The order by plain field comparison, written apart from the packed key.
    func expected(_ rows: [InboxIndexRow], _ sort: InboxQuery.Sort) -> [Int32] {
        func fields(_ k: Int) -> (Int, Int, Double, Double, Int) {
            let u = rows[k].schedule.urgency(at: now)
            let due: Double = switch u {
            case let .overdue(since): since.timeIntervalSince1970
            case let .dueSoon(d), let .onTrack(d): d.timeIntervalSince1970
            case .paused, .none: .infinity
            }
            return (sort == .priority ? -rows[k].priorityRank : 0, u.rank, due, rows[k].receivedAt.timeIntervalSince1970, k)
        }
        return rows.indices.sorted { fields($0) < fields($1) }.map { Int32($0) }
    }

    func testHalvesOnTwoCoresListRowsAsTheFieldByFieldComparison() {
        for count in [0, 1, 2, 3, 1_001, 2_000] {
            let rows = rows(count)
            for sort in [InboxQuery.Sort.deadline, .priority] {
                let reference = expected(rows, sort)
                XCTAssertEqual(InboxIndex.sortedOrder(rows, sort, now: now, parallelFrom: 0), reference, "\(count) rows, \(sort), halves")
                XCTAssertEqual(InboxIndex.sortedOrder(rows, sort, now: now, parallelFrom: .max), reference, "\(count) rows, \(sort), one part")
            }
        }
    }

    /// Some rows only (a queue): listed in the order the whole desk's order lists them, halves or not.
    func testPositionsSortedInHalvesListRowsAsTheWholeOrder() {
        var random = SeededGenerator(seed: 17)
        for count in [0, 1, 2, 3, 1_001, 2_000] {
            let rows = rows(count, seed: 23)
            let some = (0..<Int32(count)).filter { _ in random.below(3) != 0 }.shuffled(using: &random)
            for sort in [InboxQuery.Sort.deadline, .priority] {
                let chosen = Set(some)
                let reference = expected(rows, sort).filter { chosen.contains($0) }
                XCTAssertEqual(InboxIndex.sortedPositions(some, rows, sort, now: now, parallelFrom: 0), reference, "\(count) rows, \(sort), halves")
                XCTAssertEqual(InboxIndex.sortedPositions(some, rows, sort, now: now, parallelFrom: .max), reference, "\(count) rows, \(sort), one part")
            }
        }
    }

    func testTheOnePairComparatorAgreesWithTheSortedOrder() {
        let rows = rows(500, seed: 3)
        var random = SeededGenerator(seed: 5)
        for sort in [InboxQuery.Sort.deadline, .priority, .received] {
            let order = InboxIndex.sortedOrder(rows, sort, now: now, parallelFrom: 0)
            var place = [Int32: Int]()
            for (k, row) in order.enumerated() { place[row] = k }
            let before = InboxIndex.comparator(rows, sort, now: now)
            for _ in 0..<2_000 {
                let a = Int32(random.below(rows.count)), b = Int32(random.below(rows.count))
                XCTAssertEqual(before(a, b), place[a]! < place[b]!, "\(sort): rows \(a) and \(b)")
            }
        }
    }

    func testPackedTimesKeepTheOrderOfTheTimes() {
        let values: [Double] = [-.infinity, -1e12, -1, -1e-300, -0.0, 0, 1e-300, 1, 1_796_000_000, 1_796_000_000.5, .infinity]
        for (a, b) in zip(values, values.dropFirst()) where a < b {
            XCTAssertLessThan(InboxSortKey.ordered(a), InboxSortKey.ordered(b), "\(a) < \(b)")
        }
        XCTAssertEqual(InboxSortKey.ordered(-0.0), InboxSortKey.ordered(0), "-0 and 0 are the same time")
    }

    func testHotRowsReadInPlaceAreTheRowsHotParts() {
        var random = SeededGenerator(seed: 9)
        let rows = rows(300, seed: 9).map { row in
            var row = row
            row.status = ReportStatus.allCases[random.below(ReportStatus.allCases.count)]
            row.channel = Channel.allCases[random.below(Channel.allCases.count)]
            row.classification = Classification.allCases[random.below(Classification.allCases.count)]
            row.returned = random.below(2) == 0
            row.anonymous = random.below(2) == 0
            row.confidential = random.below(2) == 0
            return row
        }
        let hot = InboxHotRow.all(rows)
        XCTAssertEqual(hot.count, rows.count)
        for (h, row) in zip(hot, rows) {
            XCTAssertEqual(h.status, row.status)
            XCTAssertEqual(Int(h.statusOrdinal), ReportStatus.allCases.firstIndex(of: row.status))
            XCTAssertEqual(h.channel, row.channel)
            XCTAssertEqual(Int(h.channelOrdinal), Channel.allCases.firstIndex(of: row.channel))
            XCTAssertEqual(h.classification, row.classification)
            XCTAssertEqual([h.returned, h.anonymous, h.confidential], [row.returned, row.anonymous, row.confidential])
            XCTAssertEqual(h.schedule, row.schedule)
        }
        XCTAssertTrue(InboxHotRow.all([]).isEmpty)
    }

    /// Ids equal as text but written with other code points are found, as the set finds them: the byte
    /// fingerprint filter is not used for them.
    func testSeedPositionsFindIdsEqualAsTextWhateverTheirBytes() {
        var rows = rows(3, seed: 2)
        rows[1].id = "K-7"
        rows[2].id = "2600009"
        let seed = InboxSeed(rows: rows, locations: Array(repeating: SnapshotReportLocation(chunk: 0, offset: 1), count: 3))
        XCTAssertEqual(seed.positions(of: ["\u{212A}-7"]), ["K-7": 1], "the Kelvin sign is K")
        XCTAssertEqual(seed.positions(of: ["K-7", "2600009"]), ["K-7": 1, "2600009": 2])
        XCTAssertEqual(seed.positions(of: ["2600008"]), [:])
    }
}
