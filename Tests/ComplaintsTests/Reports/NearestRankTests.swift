import XCTest
@testable import Complaints

/// The nearest-rank definition (see `NearestRank`) and the "< 5" rule.
final class NearestRankTests: XCTestCase {
    func testTextbookExample() {
        // {15, 20, 35, 40, 50}: P5 → rank 1, P30 → rank ⌈1.5⌉ = 2, P40 → rank 2, P50 → rank ⌈2.5⌉ = 3,
        // P100 → rank 5.
        let v: [Double] = [15, 20, 35, 40, 50]
        XCTAssertEqual(NearestRank.percentile(5, ofSorted: v), 15)
        XCTAssertEqual(NearestRank.percentile(30, ofSorted: v), 20)
        XCTAssertEqual(NearestRank.percentile(40, ofSorted: v), 20)
        XCTAssertEqual(NearestRank.percentile(50, ofSorted: v), 35)
        XCTAssertEqual(NearestRank.percentile(100, ofSorted: v), 50)
    }

    func testEvenCountMedianIsTheLowerMiddleAndP90OfTenIsTheNinth() {
        XCTAssertEqual(NearestRank.medianAndP90([4, 1, 3, 2]).median, 2)
        let ten = (1...10).map(Double.init)
        XCTAssertEqual(NearestRank.medianAndP90(ten.reversed()).p90, 9)
        XCTAssertEqual(NearestRank.medianAndP90(ten).median, 5)
        // Eleven values: P90 rank ⌈9.9⌉ = 10.
        XCTAssertEqual(NearestRank.medianAndP90((1...11).map(Double.init)).p90, 10)
    }

    func testEmptyHasNoPercentileAndOneValueIsEveryPercentile() {
        XCTAssertNil(NearestRank.medianAndP90([]).median)
        XCTAssertNil(NearestRank.medianAndP90([]).p90)
        XCTAssertEqual(NearestRank.medianAndP90([2.5]).median, 2.5)
        XCTAssertEqual(NearestRank.medianAndP90([2.5]).p90, 2.5)
        XCTAssertEqual(DeskReportLabels.days(nil), "-")
    }

    func testSmallCountHidesOneToFour() {
        XCTAssertEqual(SmallCount(0), .exact(0))
        for n in 1...4 { XCTAssertEqual(SmallCount(n), .fewerThanFive, "\(n)") }
        XCTAssertEqual(SmallCount(5), .exact(5))
        XCTAssertEqual(SmallCount(3).text, "< 5")
        XCTAssertEqual(SmallCount(12).text, "12")
        XCTAssertNil(SmallCount(4).exactValue)
        XCTAssertEqual(SmallCount(3).json, .string("< 5"))
        XCTAssertEqual(SmallCount(7).json, .int(7))
    }

    func testDisplayOfDaysAndShares() {
        XCTAssertEqual(DeskReportLabels.days(1.5), "1.5")
        XCTAssertEqual(DeskReportLabels.days(1.5, decimalComma: true), "1,5")
        XCTAssertEqual(DeskReportLabels.days(56.0 / 24), "2.3")
        XCTAssertEqual(DeskReportLabels.days(0.04), "0.0")
        // Late by a minute is late: never "0.0 working days late" beside a TERLAMBAT badge (QA).
        XCTAssertEqual(DeskReportLabels.daysLate(1.0 / 1440), "< 0.1")
        XCTAssertEqual(DeskReportLabels.daysLate(0.05), "0.1")
        XCTAssertEqual(DeskReportLabels.daysLate(2.25), "2.3")
        XCTAssertEqual(DeskReportLabels.days(-0.25), "-0.3")
        XCTAssertEqual(DeskReportLabels.percent(5.0 / 7.0), "71.4")
        XCTAssertEqual(DeskReportLabels.percent(nil), "-")
        XCTAssertEqual(DeskReport.decimal(0.714285, places: 4), "0.7143")
        XCTAssertEqual(DeskReport.decimal(2, places: 2), "2")
        XCTAssertEqual(DeskReport.decimal(1.25, places: 2), "1.25")
    }
}
