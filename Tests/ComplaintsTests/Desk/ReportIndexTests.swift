@testable import Complaints
import XCTest

/// `ReportIndex` keeps numbered ids in an array and every other id in a dictionary: whichever way an id is
/// kept, it is found as itself and never as another id.
final class ReportIndexTests: XCTestCase {
    func testOnlyPlainNumbersCountAsNumbers() {
        XCTAssertEqual(ReportIndex.number("2600001"), 2_600_001)
        XCTAssertEqual(ReportIndex.number("7"), 7)
        XCTAssertEqual(ReportIndex.number("123456789012345"), 123_456_789_012_345, "fifteen digits still fit")
        for notANumber in ["", "0", "02600001", "2600001 ", "+2600001", "-1", "26000O1", "١٢٣", "1234567890123456"] {
            XCTAssertNil(ReportIndex.number(ReportID(notANumber)), notANumber.debugDescription)
        }
    }

    func testEveryIdIsFoundAsItselfWhereverItIsKept() {
        var index = ReportIndex()
        // Consecutive numbers, a leading zero that spells the same number, text, a number far away, one
        // below the first, and the lone "0".
        let ids: [ReportID] = (0..<5_000).map { ReportID("\(2_600_001 + $0)") }
            + ["02600001", "LAPOR-1", "9999999999", "2599999", "0", "2600001 "]
        for (position, id) in ids.enumerated() {
            XCTAssertTrue(index.insert(id, at: position), id.rawValue)
        }
        for (position, id) in ids.enumerated() {
            XCTAssertEqual(index[id], position, id.rawValue)
            XCTAssertFalse(index.insert(id, at: 99), "a second insert of \(id.rawValue) is refused")
            XCTAssertEqual(index[id], position, id.rawValue)
        }
        for missing: ReportID in ["2605001", "2600000", "026000010", "lapor-1", "1", "00"] {
            XCTAssertNil(index[missing], missing.rawValue)
        }
    }

    /// Ids far apart (hostile or imported lines) cannot make the array grow beyond a few slots per report
    /// kept in it: each far id goes to the dictionary and is still found.
    func testFarApartNumbersDoNotGrowTheArray() {
        var index = ReportIndex()
        // Each id just inside four times the slots so far: counting slots, the array quadrupled each time.
        var ids: [ReportID] = ["2600001"]
        var step = 4_096
        for _ in 0..<7 {
            ids.append(ReportID("\(2_600_000 + step)"))
            step *= 4
        }
        for (position, id) in ids.enumerated() { XCTAssertTrue(index.insert(id, at: position)) }
        for (position, id) in ids.enumerated() { XCTAssertEqual(index[id], position, id.rawValue) }
        XCTAssertLessThanOrEqual(index.slots, 4_096, "the array stays dense")
    }

    /// A gap in the numbers (reports deleted from another desk's range, an import) leaves the slots
    /// between empty, never answering for an id that was not inserted.
    func testGapsAnswerNothing() {
        var index = ReportIndex()
        XCTAssertTrue(index.insert("2600001", at: 0))
        XCTAssertTrue(index.insert("2600100", at: 1))
        XCTAssertNil(index["2600050"])
        XCTAssertEqual(index["2600100"], 1)
        XCTAssertTrue(index.insert("2600050", at: 2))
        XCTAssertEqual(index["2600050"], 2)
    }
}

/// The desk's highest id (the next one handed out follows it) orders numeric ids by value, as `ReportID.<`
/// does, whether or not the index takes them as plain numbers, and skips ids that are not numbers.
final class HighestReportIDTests: XCTestCase {
    func testTheHighestIdIsTheLargestNumberWhateverItsSpelling() throws {
        let ids: [ReportID] = ["2600003", "abc", "2600010", "+2600012", "0000000000000002600011", "2600009", "2600012",
                               "99999999999999999999", "-5", "2600011"]
        var desk = Desk()
        var highest: ReportID?
        for (n, id) in ids.enumerated() {
            desk.apply(RecordedEvent(seq: UInt64(n + 1), id: "", reportID: id, at: at(n), actor: Actor(nasional),
                                     event: .received(sampleIntake(at(n), externalID: "sms-\(n)"))))
            // The rule as `ReportID` states it, applied one id at a time.
            if Int(id.rawValue) != nil, highest.map({ $0 < id }) ?? true { highest = id }
            XCTAssertEqual(desk.highestID, highest, "after \(id)")
        }
        XCTAssertEqual(desk.highestID, "+2600012", "the first of the two spellings of 2600012 stays")
        XCTAssertEqual(desk.nextReportID, "2600013")
        var restored = try XCTUnwrap(Desk(restoring: desk.all, lastSeq: desk.lastSeq, anomalies: desk.anomalies))
        XCTAssertEqual(restored.highestID, desk.highestID)
        XCTAssertEqual(restored.nextReportID, "2600013")
        // A desk read back from a snapshot goes on from its highest id: lower ids and another spelling of the
        // highest number leave it, a higher one takes its place.
        for (n, (id, highest)) in [("2600001", "+2600012"), ("02600012", "+2600012"), ("2600020", "2600020")].enumerated() {
            restored.apply(RecordedEvent(seq: restored.lastSeq + 1, id: "", reportID: ReportID(id), at: at(20 + n), actor: Actor(nasional),
                                         event: .received(sampleIntake(at(20 + n), externalID: "later-\(n)"))))
            XCTAssertEqual(restored.highestID, ReportID(highest), "after \(id)")
        }
        XCTAssertEqual(restored.count, desk.count + 3)
    }
}
