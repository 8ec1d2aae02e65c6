import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// The simulated practice clock: where `+` and `*` land (the working-day calendar, weekends, holidays),
/// that reports go overdue and auto-close exactly then, and how the console asks for and shows it.
final class PracticeClockTests: XCTestCase {
    let at = Fixture.at

    func testOneWorkingDayKeepsTheHourAndSkipsWeekendsAndHolidays() throws {
        let cal = try Fixture.calendar()
        // Friday → Monday.
        XCTAssertEqual(PracticeClockMath.nextWorkingDaySameTime(after: at(2026, 11, 27, 10, 0), calendar: cal), at(2026, 11, 30, 10, 0))
        // Saturday → Monday.
        XCTAssertEqual(PracticeClockMath.nextWorkingDaySameTime(after: at(2026, 11, 28, 9, 15), calendar: cal), at(2026, 11, 30, 9, 15))
        // Ordinary weekday → next day.
        XCTAssertEqual(PracticeClockMath.nextWorkingDaySameTime(after: at(2026, 12, 1, 16, 40), calendar: cal), at(2026, 12, 2, 16, 40))
        // Wednesday 23 Dec → Monday 28 Dec: 24 Dec cuti bersama, 25 Dec Christmas, then the weekend.
        XCTAssertEqual(PracticeClockMath.nextWorkingDaySameTime(after: at(2026, 12, 23, 14, 30), calendar: cal), at(2026, 12, 28, 14, 30))
        // Three steps from Tuesday 22 Dec: 23, 28, 29 Dec.
        let three = PracticeClockMath.target(.workingDays(3), from: at(2026, 12, 22, 10, 0), desk: Desk(),
                                             deadlines: try Fixture.deadlines(), calendar: cal)
        XCTAssertEqual(three, at(2026, 12, 29, 10, 0))
        XCTAssertNil(PracticeClockMath.target(.workingDays(0), from: Fixture.now, desk: Desk(), deadlines: try Fixture.deadlines(), calendar: cal))
        XCTAssertNil(PracticeClockMath.target(.to(Fixture.now), from: Fixture.now, desk: Desk(), deadlines: try Fixture.deadlines(), calendar: cal))
    }

    /// `*` lands one minute past a deadline: nothing changes overdue before it, something does at it.
    func testNextDeadlineIsTheFirstInstantAnythingGoesOverdue() throws {
        let store = try Fixture.makeStore()
        let deadlines = try Fixture.deadlines()
        let desk = store.desk
        var now = Fixture.now
        func overdue(_ t: Date) -> Set<ReportID> {
            Set(desk.all.filter { $0.status.isOpen && (deadlines.urgency(of: $0, now: t).isOverdue || deadlines.isAutoCloseDue($0, now: t)) }.map(\.id))
        }
        for _ in 0..<4 {
            let target = try XCTUnwrap(PracticeClockMath.target(.nextDeadline, from: now, desk: desk, deadlines: deadlines,
                                                                calendar: try Fixture.calendar()))
            XCTAssertGreaterThan(target, now)
            XCTAssertEqual(overdue(target.addingTimeInterval(-61)), overdue(now), "nothing changes before the deadline")
            XCTAssertTrue(overdue(target).isStrictSuperset(of: overdue(now)), "something goes overdue at \(target)")
            now = target
        }
    }

    /// A report followed up on Monday 14 Dec 10:00 auto-closes after 10 working days of silence: 24 and
    /// 25 Dec and two weekends do not count, so at Wednesday 30 Dec 10:00 — not a minute earlier.
    func testAutoCloseHappensExactlyWhenTheCalendarSays() throws {
        let store = try DeskStore(journal: InMemoryJournal(), directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(),
                                  osUser: nil)
        let (id, _) = try store.receive(Intake(channel: .web, receivedAt: at(2026, 12, 14, 8, 0), body: "Lampu jalan padam"),
                                        as: .system, now: at(2026, 12, 14, 8, 0))
        try store.perform(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), on: id, as: Fixture.national,
                          now: at(2026, 12, 14, 9, 0))
        try store.perform(.assignToUnit(unit: "dlh"), on: id, as: Fixture.agencyAdmin, now: at(2026, 12, 14, 9, 30))
        try store.perform(.postFollowUp(text: "Sudah diperbaiki.", attachments: []), on: id, as: Fixture.agencyAdmin,
                          now: at(2026, 12, 14, 10, 0))
        let deadlines = try Fixture.deadlines()
        var now = at(2026, 12, 14, 10, 0)
        var closedAt: Date?
        for _ in 0..<20 where closedAt == nil {
            guard let target = PracticeClockMath.target(.nextDeadline, from: now, desk: store.desk, deadlines: deadlines,
                                                        calendar: try Fixture.calendar()) else { break }
            XCTAssertTrue(try store.sweep(now: target.addingTimeInterval(-120)).isEmpty, "no auto-close before \(target)")
            if !(try store.sweep(now: target)).isEmpty { closedAt = target }
            now = target
        }
        XCTAssertEqual(closedAt, at(2026, 12, 30, 10, 1))
        XCTAssertEqual(store.desk[id]?.status, .selesai)
    }

    /// QA: with every open report past its stage deadline, `*` said there was no deadline ahead, while the
    /// 60-working-day settlement ceilings were still running.
    func testAReportPastItsStageDeadlineStillHasItsCeilingAhead() throws {
        let deadlines = try Fixture.deadlines()
        let store = try DeskStore(journal: InMemoryJournal(), directory: PermissiveDirectory(), deadlines: deadlines, osUser: nil)
        let (id, _) = try store.receive(Intake(channel: .web, receivedAt: at(2026, 12, 1, 8, 0), body: "Jalan berlubang"),
                                        as: .system, now: at(2026, 12, 1, 8, 0))
        let report = try XCTUnwrap(store.desk[id])
        let late = at(2026, 12, 20, 8, 0)
        XCTAssertTrue(deadlines.urgency(of: report, now: late).isOverdue, "past its 3 working days")
        let ceiling = try XCTUnwrap(deadlines.settlementDue(of: report))
        let target = PracticeClockMath.target(.nextDeadline, from: late, desk: store.desk, deadlines: deadlines,
                                              calendar: try Fixture.calendar())
        XCTAssertEqual(target, ceiling.addingTimeInterval(60), "a minute past the ceiling")
    }

    // MARK: Console

    func testClockKeysAskTheRuntimeOnPracticeDesksOnly() throws {
        var real = try Fixture.state()
        XCTAssertEqual(real.press(.char("+")), [])
        XCTAssertEqual(real.message?.kind, .error)
        XCTAssertTrue(real.message?.text.contains("meja latihan") ?? false, real.message?.text ?? "")
        XCTAssertEqual(real.press(.char("*")), [])

        var practice = try Fixture.state()
        practice.env.isPractice = true
        XCTAssertEqual(practice.press(.char("+")), [.advanceClock(.workingDays(1))])
        XCTAssertEqual(practice.press(.char("*")), [.advanceClock(.nextDeadline)])
    }

    func testMovedClockReevaluatesDeadlinesAndSaysSo() throws {
        var s = try Fixture.state()
        s.env.isPractice = true
        let overdueBefore = s.inbox.viewCounts[.terlambat] ?? 0
        let later = at(2026, 12, 10, 10, 0)
        ConsoleReducer.reduce(&s, .practiceClock(.moved(from: Fixture.now, to: later, autoClosed: 1)))
        XCTAssertEqual(s.now, later)
        XCTAssertGreaterThan(s.inbox.viewCounts[.terlambat] ?? 0, overdueBefore)
        let text = try XCTUnwrap(s.message?.text)
        XCTAssertTrue(text.contains("Kam 10 Des 2026 10:00"), text)
        XCTAssertTrue(text.contains("1 ditutup otomatis"), text)
        ConsoleReducer.reduce(&s, .practiceClock(.refused(Localized("Tidak ada tenggat di depan.", en: "No deadline ahead."))))
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertEqual(s.message?.text, "Tidak ada tenggat di depan.")
        XCTAssertEqual(s.now, later)
    }
}
