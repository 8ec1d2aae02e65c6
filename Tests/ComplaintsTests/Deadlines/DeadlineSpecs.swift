import XCTest
@testable import Complaints

/// Every deadline clock, with a Mon–Fri calendar (holiday handling is tested with the real calendar).
final class DeadlineSpecs: XCTestCase {
    let d = Deadlines(calendar: WeekdayMeasure())

    func received(_ t: Date = at(0)) -> Scenario {
        var s = Scenario()
        s.when(.receive(sampleIntake(t)), by: nasional, at: t)
        return s
    }

    func testVerificationDueThreeWorkingDaysAfterReceipt() {
        let s = received(at(3, 10)) // Thursday 10:00
        // Thu 10:00 + 3 working days skips the weekend: Tuesday 10:00.
        XCTAssertEqual(d.runningDue(of: s.report), at(8, 10))
        XCTAssertEqual(d.urgency(of: s.report, now: at(3, 11)), .onTrack(due: at(8, 10)))
        XCTAssertEqual(d.urgency(of: s.report, now: at(7, 11)), .dueSoon(due: at(8, 10)))
        XCTAssertEqual(d.urgency(of: s.report, now: at(8, 11)), .overdue(since: at(8, 10)))
    }

    /// The badge counts the working days left rounded up (QA: right after a 5-working-day disposition the
    /// row said "4h lagi" while the routing pane said 5 days).
    func testTheBadgeRoundsTheDaysLeftUp() {
        let s = received(at(3, 10)) // Thursday 10:00, due Tuesday 10:00
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(3, 10, minute: 1)), now: at(3, 10, minute: 1)).id, "3h lagi", "a minute after receipt")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(3, 11)), now: at(3, 11)).en, "3d left")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(4, 9)), now: at(4, 9)).id, "3h lagi", "2 days and an hour left")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(4, 10)), now: at(4, 10)).id, "2h lagi", "exactly 2 days left")
        // Late: whole working days, under one "<1h" (QA: a minute late read as a day late).
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(8, 10, minute: 1)), now: at(8, 10, minute: 1)).id, "TERLAMBAT <1h")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(8, 11)), now: at(8, 11)).en, "OVERDUE <1d")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(9, 10)), now: at(9, 10)).id, "TERLAMBAT 1h", "one working day late")
        XCTAssertEqual(d.badge(d.urgency(of: s.report, now: at(9, 23)), now: at(9, 23)).id, "TERLAMBAT 1h")
    }

    func testReceivedOnSaturdayStartsCountingMonday() {
        let s = received(at(5, 15)) // Saturday
        XCTAssertEqual(d.runningDue(of: s.report), at(10, 0)) // Thursday 00:00
    }

    func testVerificationClockPausedWhileTunda() {
        var s = received(at(0, 9))
        s.when(.postpone(question: "Alamat lengkap?"), by: nasional, at: at(1, 9)) // 1 working day used
        let paused = d.reading(.verification, of: s.report, now: at(9))
        XCTAssertEqual(paused.state, .paused(remaining: 2 * 86400))
        XCTAssertEqual(d.urgency(of: s.report, now: at(9)), .paused)
        s.when(.recordReporterReply(text: "Jl. Kaliurang 7", attachments: []), by: nasional, at: at(7, 9)) // next Tuesday
        // Two working days remain from Tuesday 9:00: Thursday 9:00.
        XCTAssertEqual(d.runningDue(of: s.report), at(9, 9))
    }

    func testPostponedTooLongBecomesOverdueForTheDesk() {
        var s = received(at(0, 9))
        s.when(.postpone(question: "?"), by: nasional, at: at(0, 10))
        XCTAssertEqual(d.urgency(of: s.report, now: at(14, 9)), .paused)
        XCTAssertTrue(d.urgency(of: s.report, now: at(14, 11)).isOverdue)
        XCTAssertTrue(d.isPostponementExpired(s.report, now: at(14, 11)))
    }

    /// QA: a report past its 60-working-day settlement ceiling disappeared from the overdue list once it was
    /// postponed. Only verification pauses; the ceiling keeps the report overdue while it waits.
    func testPostponingDoesNotHideAPassedSettlementCeiling() {
        var s = received(at(0, 9))
        // 60 working days from Monday 9:00 (12 weeks of five days) is Monday 9:00, 84 days later.
        XCTAssertTrue(d.urgency(of: s.report, now: at(85)).isOverdue)
        s.when(.postpone(question: "Masih terjadi?"), by: nasional, at: at(85))
        XCTAssertEqual(d.urgency(of: s.report, now: at(85, 1)), .overdue(since: at(84, 9)))
        XCTAssertEqual(d.runningDue(of: s.report), at(84, 9))
        // Before the ceiling a postponed report just waits (its window ends first).
        var early = received(at(0, 9))
        early.when(.postpone(question: "?"), by: nasional, at: at(0, 10))
        XCTAssertEqual(d.urgency(of: early.report, now: at(3)), .paused)
    }

    func testAgencyClockFiveWorkingDaysFromDisposition() {
        var s = received(at(0, 9))
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1, 9))
        XCTAssertEqual(d.runningDue(of: s.report), at(8, 9))
        // Verification finished on time.
        if case let .done(_, _, late) = d.reading(.verification, of: s.report, now: at(2)).state {
            XCTAssertFalse(late)
        } else {
            XCTFail("verification clock should be done")
        }
    }

    func testLateVerificationIsRecordedAsLate() {
        var s = received(at(0, 9))
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(4, 9))
        guard case let .done(_, due, late) = d.reading(.verification, of: s.report, now: at(5)).state else {
            return XCTFail("expected done")
        }
        XCTAssertEqual(due, at(3, 9))
        XCTAssertTrue(late)
    }

    func testPelimpahanGivesNewAgencyFullLimit() {
        var s = received(at(0, 9))
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(0, 10))
        s.when(.sendBack(reason: "bukan wilayah kami"), by: instansiBantul, at: at(3, 10))
        XCTAssertNil(d.stageClock(of: s.report))
        // Returned: the national desk must re-dispose within the verification limit.
        XCTAssertEqual(d.urgency(of: s.report, now: at(3, 11)), .onTrack(due: at(8, 10)))
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(4, 10))
        XCTAssertEqual(d.runningDue(of: s.report), at(11, 10))
    }

    func testAutoCloseWindowIsNotTheDesksLateness() {
        var s = received(at(0, 9))
        s.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(0, 10))
        s.when(.postFollowUp(text: "Sudah", attachments: []), by: penghubungDinkes, at: at(1, 10))
        XCTAssertEqual(d.reading(.autoClose, of: s.report, now: at(2)).state, .running(due: at(15, 10)))
        XCTAssertFalse(d.urgency(of: s.report, now: at(16)).isOverdue)
        XCTAssertTrue(d.isAutoCloseDue(s.report, now: at(16)))
        // `due` is the desk's deadline (the 60-day ceiling here), as the badge and `overdue` say; the
        // reporter's window is told apart (QA: `show` printed "40 days left" beside a 10-day due date).
        XCTAssertEqual(d.autoCloseDue(of: s.report), at(15, 10))
        guard case let .onTrack(due) = d.urgency(of: s.report, now: at(2)) else { return XCTFail("on track") }
        XCTAssertEqual(d.runningDue(of: s.report), due)
        guard case let .running(ceiling) = d.reading(.settlement, of: s.report, now: at(2)).state else { return XCTFail("settlement runs") }
        XCTAssertEqual(due, ceiling)
    }

    func testDueAgreesWithTheBadgeForEveryStatus() {
        var s = received(at(0, 9))
        func agrees(_ label: String) {
            let urgency = d.urgency(of: s.report, now: at(0, 12))
            let badgeDue: Date? = switch urgency {
            case let .onTrack(due), let .dueSoon(due): due
            case let .overdue(since): since
            case .paused, .none: nil
            }
            if case .paused = urgency { return }
            XCTAssertEqual(d.runningDue(of: s.report), badgeDue, label)
        }
        agrees("baru")
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(0, 10))
        agrees("terdisposisi")
        s.when(.sendBack(reason: "bukan wilayah kami"), by: instansiBantul, at: at(0, 11))
        agrees("sent back")
        s.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(0, 11))
        agrees("diproses")
        s.when(.postFollowUp(text: "Sudah", attachments: []), by: penghubungDinkes, at: at(0, 11))
        agrees("ditindaklanjuti")
    }

    func testSettlementCeilingSixtyWorkingDays() {
        var s = received(at(0, 9))
        s.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(0, 10))
        s.when(.postFollowUp(text: "a", attachments: []), by: penghubungDinkes, at: at(1))
        // Disputed again and again: the agency clock restarts, but the 60-day ceiling does not.
        var t = 2
        while t < 80 {
            s.when(.recordDispute(text: "belum"), by: nasional, at: at(t))
            s.when(.postFollowUp(text: "b", attachments: []), by: penghubungDinkes, at: at(t + 1))
            t += 7
        }
        s.when(.recordDispute(text: "belum"), by: nasional, at: at(84))
        // 60 working days = 12 weeks from Monday 9:00 → Monday 9:00, day 84.
        XCTAssertEqual(d.urgency(of: s.report, now: at(84, 10)), .overdue(since: at(84, 9)))
    }

    func testClosedReportsHaveNoDeadline() {
        var s = received(at(0, 9))
        s.when(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), by: nasional, at: at(0, 10))
        XCTAssertNil(d.runningDue(of: s.report))
        XCTAssertEqual(d.urgency(of: s.report, now: at(30)), .none)
    }

    func testCustomLimitsFromSettings() {
        let strict = Deadlines(calendar: WeekdayMeasure(), limits: DeadlineLimits(verification: 1, agencyFollowUp: 14,
                                                                                 autoClose: 5, settlement: 60, postponement: 3))
        let s = received(at(0, 9))
        XCTAssertEqual(strict.runningDue(of: s.report), at(1, 9))
    }

    func testOverdueQueueSortsMostUrgentFirst() {
        var s = Scenario()
        s.when(.receive(sampleIntake(at(0), externalID: "a")), by: nasional, at: at(0), on: "2600001")
        s.when(.receive(sampleIntake(at(2), externalID: "b")), by: nasional, at: at(2), on: "2600002")
        s.when(.receive(sampleIntake(at(10), externalID: "c")), by: nasional, at: at(10), on: "2600003")
        let inbox = Inbox(deadlines: d)
        XCTAssertEqual(inbox.run(InboxQuery.SavedView.terlambat.query, on: s.desk, for: nasional, now: at(10, 12)),
                       ["2600001", "2600002"])
        XCTAssertEqual(inbox.run(InboxQuery.SavedView.baru.query, on: s.desk, for: nasional, now: at(10, 12)),
                       ["2600001", "2600002", "2600003"])
        XCTAssertEqual(inbox.run(InboxQuery.SavedView.semua.query, on: s.desk, for: nasional, now: at(10, 12)),
                       ["2600003", "2600002", "2600001"])
    }
}
