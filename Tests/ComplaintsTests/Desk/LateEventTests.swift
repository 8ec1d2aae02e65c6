import XCTest
@testable import Complaints

/// A journal whose lines were moved by hand hands an event to the fold after later events of its report
/// (the scan applies it late). The report must come out as if its events had arrived in order.
final class LateEventTests: XCTestCase {
    /// received, postponed, the reporter's answer, disposition, the agency's follow-up: in sequence order.
    func history() -> [RecordedEvent] {
        let intake = sampleIntake()
        let events: [(Operator, DomainEvent)] = [
            (nasional, .received(intake)),
            (nasional, .postponed(question: "Di mana tepatnya?")),
            (nasional, .reporterReplied(text: "Depan SDN 2", attachments: [])),
            (nasional, .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi))),
            (instansiSleman, .followedUp(text: "Sudah ditambal", attachments: [])),
        ]
        return events.enumerated().map { i, e in
            RecordedEvent(seq: UInt64(i + 1), id: "", reportID: "2600001", at: at(i), actor: Actor(e.0), event: e.1)
        }
    }

    func testAnEventAppliedLateLeavesTheReportAsTheOrderedFoldDoes() throws {
        let ordered = Desk(events: history())
        let done = try XCTUnwrap(ordered["2600001"])
        XCTAssertEqual(done.status, .ditindaklanjuti)
        // Every event in turn arrives after the ones that followed it.
        for late in 1..<history().count {
            var events = history()
            let moved = events.remove(at: late)
            events.append(moved)
            let desk = Desk(events: events)
            let report = try XCTUnwrap(desk["2600001"])
            XCTAssertEqual(report, done, "event \(late + 1) applied last")
            XCTAssertEqual(report.trail.map(\.seq), [1, 2, 3, 4, 5])
            XCTAssertEqual(desk.lastSeq, 5)
            XCTAssertEqual(desk.anomalies, [])
        }
    }

    /// Applied on top instead, the postponement that came late would leave a disposed report *tunda*.
    func testALatePostponementDoesNotUndoTheDisposition() throws {
        var events = history()
        let postponed = events.remove(at: 1)
        events.append(postponed)
        let report = try XCTUnwrap(Desk(events: events)["2600001"])
        XCTAssertEqual(report.status, .ditindaklanjuti)
        XCTAssertFalse(report.clocks.postponement.isRunning)
        XCTAssertEqual(report.agency, "pemkab-sleman")
    }
}
