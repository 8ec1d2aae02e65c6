import XCTest
@testable import Complaints

final class ListedReportsTests: XCTestCase {
    private let order: [ReportID] = ["2600005", "2600003", "2600001", "2600004", "2600002"]

    func testPositionsReadTheirIdsInOrder() {
        let listed = ListedReports(order, at: [1, 3, 4])
        XCTAssertEqual(Array(listed), ["2600003", "2600004", "2600002"])
        XCTAssertEqual(listed.count, 3)
        XCTAssertEqual(listed.firstIndex(of: "2600004"), 1)
        XCTAssertNil(listed.firstIndex(of: "2600005"))
        XCTAssertEqual(listed.last, "2600002")
    }

    func testEveryPositionIsTheWholeOrder() {
        let listed = ListedReports(order, at: [0, 1, 2, 3, 4])
        XCTAssertEqual(Array(listed), order)
        XCTAssertEqual(listed, ListedReports(order))
    }

    func testNoPositionsIsEmpty() {
        let listed = ListedReports(order, at: [])
        XCTAssertTrue(listed.isEmpty)
        XCTAssertEqual(listed, [])
        XCTAssertNotEqual(listed, ListedReports(order))
    }

    func testEqualAndHashedAlikeWhateverTheStorage() {
        let fromPositions = ListedReports(order, at: [0, 2])
        let literal: ListedReports = ["2600005", "2600001"]
        XCTAssertEqual(fromPositions, literal)
        XCTAssertEqual(fromPositions.hashValue, literal.hashValue)
        XCTAssertNotEqual(fromPositions, ["2600001", "2600005"], "order matters")
        XCTAssertNotEqual(fromPositions, ["2600005"], "length matters")
        XCTAssertEqual(Set([fromPositions, literal]).count, 1)
    }
}
