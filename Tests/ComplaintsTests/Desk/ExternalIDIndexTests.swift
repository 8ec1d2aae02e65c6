import XCTest
@testable import Complaints

/// The channel's-own-id table is filled when first asked and shared between copies of a desk until one of
/// them folds a report: whichever desk asks first, and whenever, each must answer for its own reports.
final class ExternalIDIndexTests: XCTestCase {
    private func received(_ n: Int, externalID: String?, channel: Channel = .sms) -> RecordedEvent {
        var intake = sampleIntake(externalID: externalID)
        intake.channel = channel
        return RecordedEvent(seq: UInt64(n), id: "e\(n)", reportID: ReportID("26\(String(format: "%05d", n))"), at: at(0),
                             actor: Actor(nasional), event: .received(intake))
    }

    func testAReportIsFoundByItsChannelsIDWhetherAskedBeforeOrAfterItWasFolded() {
        var askedEarly = Desk()
        askedEarly.apply(received(1, externalID: "sms-1"))
        XCTAssertEqual(askedEarly.reportID(channel: .sms, externalID: "sms-1"), "2600001")
        XCTAssertNil(askedEarly.reportID(channel: .sms, externalID: "sms-2"))
        askedEarly.apply(received(2, externalID: "sms-2"))
        askedEarly.apply(received(3, externalID: nil))

        var askedLate = Desk()
        for n in 1...2 { askedLate.apply(received(n, externalID: "sms-\(n)")) }
        askedLate.apply(received(3, externalID: nil))

        for desk in [askedEarly, askedLate] {
            XCTAssertEqual(desk.reportID(channel: .sms, externalID: "sms-2"), "2600002")
            XCTAssertNil(desk.reportID(channel: .web, externalID: "sms-2"), "another channel's id is another report")
            XCTAssertEqual(desk.byExternalID, [Desk.externalKey(channel: .sms, externalID: "sms-1"): "2600001",
                                               Desk.externalKey(channel: .sms, externalID: "sms-2"): "2600002"])
        }
    }

    func testACopyOfADeskDoesNotSeeTheReportsFoldedIntoTheOther() {
        for askFirst in [false, true] {
            var original = Desk()
            original.apply(received(1, externalID: "sms-1"))
            if askFirst { XCTAssertNotNil(original.reportID(channel: .sms, externalID: "sms-1")) }
            var copy = original
            copy.apply(received(2, externalID: "sms-2"))
            // The original asks (and may fill the shared table) only after the copy folded its report.
            XCTAssertNil(original.reportID(channel: .sms, externalID: "sms-2"), "asked first: \(askFirst)")
            XCTAssertEqual(copy.reportID(channel: .sms, externalID: "sms-2"), "2600002", "asked first: \(askFirst)")
            XCTAssertEqual(copy.reportID(channel: .sms, externalID: "sms-1"), "2600001", "asked first: \(askFirst)")
            // The copy records a second report under the original's id: the original still finds its own.
            copy.apply(received(4, externalID: "sms-1"))
            XCTAssertEqual(copy.reportID(channel: .sms, externalID: "sms-1"), "2600004", "asked first: \(askFirst)")
            XCTAssertEqual(original.reportID(channel: .sms, externalID: "sms-1"), "2600001", "asked first: \(askFirst)")
            original.apply(received(3, externalID: "sms-3"))
            XCTAssertNil(copy.reportID(channel: .sms, externalID: "sms-3"), "asked first: \(askFirst)")
            XCTAssertEqual(original.reportID(channel: .sms, externalID: "sms-3"), "2600003", "asked first: \(askFirst)")
        }
    }

    /// A later report recorded under the same id (a journal written by an older build, or by hand) is the
    /// one found, however the table was filled.
    func testTheLaterOfTwoReportsWithOneIDIsFound() {
        var asked = Desk()
        asked.apply(received(1, externalID: "dup"))
        XCTAssertEqual(asked.reportID(channel: .sms, externalID: "dup"), "2600001")
        asked.apply(received(2, externalID: "dup"))
        var notAsked = Desk()
        notAsked.apply(received(1, externalID: "dup"))
        notAsked.apply(received(2, externalID: "dup"))
        XCTAssertEqual(asked.reportID(channel: .sms, externalID: "dup"), "2600002")
        XCTAssertEqual(notAsked.reportID(channel: .sms, externalID: "dup"), "2600002")
    }

    /// A desk read back from a snapshot answers as the desk it was taken from.
    func testARestoredDeskFindsItsReportsByTheirChannelsIDs() throws {
        var folded = Desk()
        for n in 1...3 { folded.apply(received(n, externalID: "sms-\(n)", channel: n == 2 ? .web : .sms)) }
        let restored = try XCTUnwrap(Desk(restoring: folded.all, lastSeq: folded.lastSeq, anomalies: []))
        XCTAssertEqual(restored.reportID(channel: .web, externalID: "sms-2"), "2600002")
        XCTAssertNil(restored.reportID(channel: .sms, externalID: "sms-2"))
        XCTAssertEqual(restored.byExternalID, folded.byExternalID)
    }
}
