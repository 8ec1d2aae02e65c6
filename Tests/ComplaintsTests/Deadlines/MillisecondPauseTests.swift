import XCTest
@testable import Complaints

/// Events carry milliseconds; deadlines count in whole seconds. QA: a report postponed at 08:30:00.684 and
/// answered at 08:30:00.826 two days later was due 0.142 s after Friday midnight, so Monday 00:00, and was
/// not late over the weekend like the same report without the pause.
final class MillisecondPauseTests: XCTestCase {
    func testAPauseWithMillisecondsKeepsAFridayDeadlineOnFriday() throws {
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let sunday = ISOTime.parse("2026-11-22T06:30:00+07:00")!
        let postponed = ISOTime.parse("2026-11-23T08:30:00.684+07:00")!
        let answered = ISOTime.parse("2026-11-25T08:30:00.826+07:00")!
        var desk = Desk()
        let events: [(Date, DomainEvent)] = [
            (sunday, .received(sampleIntake(sunday))),
            (postponed, .postponed(question: "Di mana?")),
            (answered, .reporterReplied(text: "Depan SDN 2", attachments: [])),
        ]
        for (i, e) in events.enumerated() {
            desk.apply(RecordedEvent(seq: UInt64(i + 1), id: "", reportID: "2600001", at: e.0, actor: Actor(nasional), event: e.1))
        }
        let report = try XCTUnwrap(desk["2600001"])
        // 8.5 working hours before the pause, 63.5 after it from Wednesday 08:30: Friday 24:00.
        guard case let .running(due) = deadlines.reading(.verification, of: report, now: answered).state else {
            return XCTFail("the verification clock is not running")
        }
        XCTAssertEqual(due, ISOTime.parse("2026-11-28T00:00:00+07:00")!)
        XCTAssertEqual(deadlines.urgency(of: report, now: ISOTime.parse("2026-11-28T10:00:00+07:00")!).isOverdue, true,
                       "late over the weekend, as without the pause")
    }
}
