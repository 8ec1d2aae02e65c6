@testable import Complaints
@testable import ComplaintJournal
import Foundation
import SeededRandom
import XCTest

/// The first inbox rows ask each open report's clocks for their running due instant through
/// `Deadlines.dueWhileRunning`, which skips the reading's elapsed time: it must name exactly the instant the
/// full reading says a clock is running to, at any time of reading, for every clock of every report.
final class RunningDueTests: XCTestCase {
    func testRunningDueIsTheReadingsRunningDueForEveryClockOfAGeneratedDesk() throws {
        let reference = try TestSupport.shippedReference()
        let journal = InMemoryJournal()
        try DeskGenerator(reports: 1_500, seed: 11, now: ISOTime.parse("2026-11-30T09:00:00+07:00")!, reference: reference)
            .generate(batchSize: 500) { entries in _ = try journal.appendBatch(entries) }
        let calendar = WorkingCalendar()
        // The shipped limits, and limits of one day: clocks then run out inside intervals that a pause ended.
        let rules = [Deadlines(calendar: calendar),
                     Deadlines(calendar: calendar, limits: DeadlineLimits(verification: 1, agencyFollowUp: 1, autoClose: 1,
                                                                          settlement: 1, postponement: 1))]
        var desk = try DeskStore(journal: journal, directory: reference, deadlines: rules[0]).desk
        addPausedReports(to: &desk)
        var running = 0, pausedTwice = 0, ranOutBeforeAPause = 0
        for report in desk.all {
            for deadlines in rules {
                for clock in DeadlineClock.allCases {
                    let track = clock.track(report.clocks)
                    if track.runs.count > 1 { pausedTwice += 1 }
                    let fast = deadlines.dueWhileRunning(clock, of: report)
                    for now in [report.lastChanged, report.receivedAt, Date(timeIntervalSince1970: 4_000_000_000)] {
                        let reading = deadlines.reading(clock, of: report, now: now).state
                        if case let .running(due) = reading {
                            XCTAssertEqual(fast, due, "\(report.id) \(clock) at \(now)")
                            running += 1
                            if !track.isRunning { ranOutBeforeAPause += 1 }
                        } else {
                            XCTAssertNil(fast, "\(report.id) \(clock) at \(now): \(reading)")
                        }
                    }
                }
            }
        }
        // The desk holds every case the shortcut takes: running clocks, clocks paused and resumed, and clocks
        // whose limit ran out before a pause.
        XCTAssertGreaterThan(running, 1_000)
        XCTAssertGreaterThan(pausedTwice, 10)
        XCTAssertGreaterThan(ranOutBeforeAPause, 10)
    }

    /// Reports postponed and answered again and again at random hours (the generator resumes none), some
    /// left waiting: clocks of several intervals, some closed by a pause after running out.
    private func addPausedReports(to desk: inout Desk) {
        var generator = SeededGenerator(seed: 5)
        let officer = Actor(Operator(name: "rina", role: .adminNasional))
        var seq = desk.lastSeq
        for n in 0..<300 {
            let id = ReportID(rawValue: String(9_100_000 + n))
            var at = ISOTime.parse("2026-10-01T08:00:00+07:00")!.addingTimeInterval(Double.random(in: 0...(40 * 86400), using: &generator))
            let intake = Intake(externalID: "pause-\(n)", channel: .sms, receivedAt: at, title: "Jalan berlubang", body: "Belum diperbaiki.")
            var events: [DomainEvent] = [.received(intake)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                events.append(.postponed(question: "Di mana?"))
                events.append(.reporterReplied(text: "Depan SDN 2", attachments: []))
            }
            if Bool.random(using: &generator) { events.removeLast() }
            for event in events {
                seq += 1
                desk.apply(RecordedEvent(seq: seq, id: "", reportID: id, at: at, actor: officer, event: event))
                at = at.addingTimeInterval(Double.random(in: 600...(5 * 86400), using: &generator))
            }
        }
    }
}
