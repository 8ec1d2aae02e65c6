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

    /// QA: the status counts are printed exactly, and each bounds a group's cell: "Diarsipkan 1" beside a
    /// group's "arsip < 5" made it 1. With those bounds no "< 5" may be pinned either; where hiding more cannot
    /// help, the whole line is concealed.
    func testFiguresPrintedElsewhereBoundTheCells() {
        // One report with a disability marker, archived; the period has one archived report of six.
        let lone = S.protect(total: 1, parts: [0, 0, 1], totalIsFixed: false, caps: [6, 0, 5, 1])
        XCTAssertEqual([lone.total] + lone.parts, [.concealed, .concealed, .concealed, .concealed])
        // Six women, five archived, one open; the period has one open report.
        let six = S.protect(total: 6, parts: [0, 1, 5], totalIsFixed: false, caps: [6, 0, 1, 5])
        XCTAssertEqual([six.total] + six.parts, [.concealed, .concealed, .concealed, .concealed])
        // Loose bounds change nothing.
        XCTAssertEqual(S.protect(total: 21, parts: [4, 17, 0], totalIsFixed: false, caps: [40, 10, 30, 5]).parts,
                       [.fewerThanFive, .withheld, .exact(0)])
        for caps in [[6, 0, 5, 1], [8, 2, 3, 3], [10, 4, 4, 2], [5, 1, 3, 1]] {
            for a in 0...caps[1] { for b in 0...caps[2] { for c in 0...caps[3] where a + b + c <= caps[0] {
                let line = S.protect(total: a + b + c, parts: [a, b, c], totalIsFixed: false, caps: caps)
                let cells = [line.total] + line.parts
                let values = Self.possibleValues(cells, ceiling: caps[0] + 5, caps: caps)
                let pinned = cells.indices.filter { cells[$0] == .fewerThanFive && values[$0].count < 2 }
                XCTAssertTrue(pinned.isEmpty, "\(a + b + c) = \([a, b, c]) printed \(cells), caps \(caps)")
            }}}
        }
    }

    /// For each cell, the values it takes over every assignment consistent with the printed cells.
    static func possibleValues(_ cells: [SmallCount], ceiling: Int, caps: [Int]? = nil) -> [Set<Int>] {
        func options(_ c: SmallCount, _ i: Int) -> [Int] {
            let all: [Int] = switch c {
            case let .exact(n): [n]
            case .fewerThanFive: Array(1...4)
            case .withheld: Array(5...max(5, ceiling))
            case .concealed: Array(0...ceiling)
            }
            return all.filter { $0 <= (caps?[i] ?? Int.max) }
        }
        var seen = [Set<Int>](repeating: [], count: cells.count)
        for a in options(cells[1], 1) { for b in options(cells[2], 2) { for c in options(cells[3], 3) {
            let total = a + b + c
            guard options(cells[0], 0).contains(total) else { continue }
            for (i, v) in [total, a, b, c].enumerated() { seen[i].insert(v) }
        }}}
        return seen
    }
}
