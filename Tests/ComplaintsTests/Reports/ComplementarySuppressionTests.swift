import XCTest
@testable import Complaints

/// A "< 5" must never be recoverable from a printed total and the printed parts (QA: "laporan 21 ·
/// selesai < 5 · terbuka 17 · diarsipkan 0" gave selesai = 21 - 17 - 0 = 4).
final class ComplementarySuppressionTests: XCTestCase {
    typealias S = ComplementarySuppression

    func group(_ reports: Int, _ parts: [Int]) -> (total: SmallCount, parts: [SmallCount]) {
        S.protect(total: reports, parts: parts, totalIsFixed: false)
    }

    func testTheQAExampleWithholdsTheOtherNonZeroPart() {
        let line = group(21, [4, 17, 0])
        XCTAssertEqual(line.total, .exact(21))
        XCTAssertEqual(line.parts, [.fewerThanFive, .withheld, .exact(0)])
        XCTAssertEqual(line.parts.map(\.text), ["< 5", "≥ 5", "0"])
    }

    func testTheSmallestOtherNonZeroPartIsWithheld() {
        XCTAssertEqual(group(30, [2, 20, 8]).parts, [.fewerThanFive, .exact(20), .withheld])
    }

    func testTwoSmallPartsProtectEachOtherUnlessTheTotalPinsThem() {
        // 7 = a + b with both in 1...4: a is 3 or 4. Nothing more to hide.
        let seven = group(7, [3, 4, 0])
        XCTAssertEqual(seven.total, .exact(7))
        XCTAssertEqual(seven.parts, [.fewerThanFive, .fewerThanFive, .exact(0)])
        // 8 = a + b with both in 1...4: both are 4. No non-zero part is left, so the total goes.
        let eight = group(8, [4, 4, 0])
        XCTAssertEqual(eight.total, .withheld)
        XCTAssertEqual(eight.parts, [.fewerThanFive, .fewerThanFive, .exact(0)])
        // 2 = 1 + 1 likewise (the total is small too, so already hidden: nothing pinned).
        XCTAssertEqual(group(2, [1, 1, 0]).total, .fewerThanFive)
    }

    func testZerosStayShownButCannotGiveAHiddenCellAway() {
        // The only other parts are zero: the small total hides with the part, and 0s stay 0.
        let small = group(3, [3, 0, 0])
        XCTAssertEqual(small.total, .fewerThanFive)
        XCTAssertEqual(small.parts, [.fewerThanFive, .exact(0), .exact(0)])
        // A large total over one small part and zeros: the other non-zero part is withheld.
        XCTAssertEqual(group(12, [0, 4, 8]).parts, [.exact(0), .fewerThanFive, .withheld])
        // 6 = 1 + "≥ 5" + 0 still pins the 1 (the other part is at least five): the total goes too.
        let six = group(6, [1, 5, 0])
        XCTAssertEqual(six.total, .withheld)
        XCTAssertEqual(six.parts, [.fewerThanFive, .withheld, .exact(0)])
    }

    func testALineWithoutSmallCountsIsUntouched() {
        let line = group(20, [10, 10, 0])
        XCTAssertEqual(line.total, .exact(20))
        XCTAssertEqual(line.parts, [.exact(10), .exact(10), .exact(0)])
        XCTAssertEqual(group(0, [0, 0, 0]).parts, [.exact(0), .exact(0), .exact(0)])
    }

    func testAFixedTotalIsNeverHiddenAndEqualPartsGoInOrder() {
        // The period's received reports over region rows in display order.
        let line = S.protect(total: 30, parts: [20, 7, 3], totalIsFixed: true)
        XCTAssertEqual(line.total, .exact(30))
        XCTAssertEqual(line.parts, [.exact(20), .withheld, .fewerThanFive])
        XCTAssertEqual(S.protect(total: 19, parts: [7, 7, 2], totalIsFixed: true).parts, [.withheld, .exact(7), .fewerThanFive])
        // One report in one region: the printed total pins it whatever is hidden, so nothing of the line is
        // shown (QA: "Diterima: 1" beside "Kabupaten Bantul < 5"); likewise 6 = "≥ 5" + "< 5" pins the 1.
        XCTAssertEqual(S.protect(total: 1, parts: [1], totalIsFixed: true).parts, [.concealed])
        XCTAssertEqual(S.protect(total: 6, parts: [5, 1], totalIsFixed: true).parts, [.concealed, .concealed])
        XCTAssertEqual(S.protect(total: 6, parts: [5, 1], totalIsFixed: true).parts.map(\.text), ["*", "*"])
    }

    /// Every line of up to three parts of 0...7, against a brute-force reader: every assignment that fits
    /// the printed cells (shown = value, "< 5" = 1...4, "≥ 5" = 5 or more) and adds up. No "< 5" may
    /// have a single possible value: where a fixed total leaves nothing else to hide, the parts are concealed.
    func testNoHiddenCountCanBeWorkedOutByABruteForceReader() {
        for fixed in [false, true] {
            for a in 0...7 { for b in 0...7 { for c in 0...7 {
                let parts = [a, b, c]
                let total = parts.reduce(0, +)
                let line = S.protect(total: total, parts: parts, totalIsFixed: fixed)
                let cells = [line.total] + line.parts
                XCTAssertEqual(cells.filter { $0 == .withheld || $0 == .fewerThanFive || $0 == .concealed }.count,
                               cells.filter(\.isHidden).count)
                for (i, cell) in cells.enumerated() where cell == .exact(0) { XCTAssertEqual(([total] + parts)[i], 0) }
                for (i, cell) in cells.enumerated() where cell.exactValue != nil {
                    XCTAssertEqual(cell.exactValue, ([total] + parts)[i], "a shown figure is its true value")
                }
                let values = Self.possibleValues(cells, ceiling: total + 5)
                let pinned = cells.indices.filter { cells[$0] == .fewerThanFive && values[$0].count < 2 }
                XCTAssertTrue(pinned.isEmpty, "\(total) = \(parts) printed \(cells), fixed \(fixed)")
            }}}
        }
    }

    /// For each cell, the values it takes over every assignment consistent with the printed cells.
    static func possibleValues(_ cells: [SmallCount], ceiling: Int) -> [Set<Int>] {
        func options(_ c: SmallCount) -> [Int] {
            switch c {
            case let .exact(n): [n]
            case .fewerThanFive: Array(1...4)
            case .withheld: Array(5...max(5, ceiling))
            case .concealed: Array(0...ceiling)
            }
        }
        var seen = [Set<Int>](repeating: [], count: cells.count)
        for a in options(cells[1]) { for b in options(cells[2]) { for c in options(cells[3]) {
            let total = a + b + c
            guard options(cells[0]).contains(total) else { continue }
            for (i, v) in [total, a, b, c].enumerated() { seen[i].insert(v) }
        }}}
        return seen
    }
}
