import XCTest
@testable import Complaints

/// Every figure of `WeekDesk` (see its table), computed by hand. Hours are working hours on working days.
final class DeskReportFigureTests: XCTestCase {
    let report = WeekDesk.report()

    func testReceivedCountsOnlyTheReportsOfThePeriodPerLocalDayZerosIncluded() {
        // 2600009 came in on 3 April, before the period.
        XCTAssertEqual(report.received, 8)
        XCTAssertEqual(report.receivedPerDay.count, 14)
        XCTAssertEqual(report.receivedPerDay.first?.date.description, "2026-04-06")
        XCTAssertEqual(report.receivedPerDay.last?.date.description, "2026-04-19")
        // Mon 6: 2600002/3/4; Tue 7: 2600001/8; Thu 9: 2600005; Fri 10: 2600006; Mon 13: 2600007.
        XCTAssertEqual(report.receivedPerDay.map(\.count), [3, 2, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(report.peakPerDay, 3)
    }

    func testLocalDayIsTheDesksNotUTC() {
        // 06:30 WIB on Tuesday 7 April is still Monday 23:30 UTC: it belongs to Tuesday.
        var j = JournalBuilder()
        j.add("1", at(1, 6, minute: 30), .received(reportIntake(at(1, 6, minute: 30))))
        j.add("2", at(0, 23, minute: 59), .received(reportIntake(at(0, 23, minute: 59))))
        let r = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines,
                                   now: WeekDesk.now, viewer: nasional)
        XCTAssertEqual(Array(r.receivedPerDay.map(\.count).prefix(3)), [1, 1, 0])
    }

    /// Status, channel and classification counts describe the desk's work and are exact (QA: "< 5" hid what
    /// the inbox header shows); category and region, which can point at a person, are hidden from 1 to 4.
    func testCategoryAndRegionAreHiddenBelowFiveButNotAtZeroOrFiveAndWorkCountsAreExact() {
        XCTAssertEqual(report.row(\.byStatus, "ditindaklanjuti"), .exact(3)) // 2600003, 4, 7
        XCTAssertEqual(report.row(\.byStatus, "tunda"), .exact(0))
        XCTAssertEqual(report.byStatus.map(\.key), ReportStatus.allCases.map(\.rawValue))
        XCTAssertEqual(report.row(\.byChannel, "sms"), .exact(4)) // 1, 3, 6, 8
        XCTAssertEqual(report.row(\.byChannel, "letter"), .exact(0))
        XCTAssertEqual(report.row(\.byClassification, "pengaduan"), .exact(8))
        XCTAssertEqual(report.row(\.byCategory, "Kesehatan"), .fewerThanFive) // 1, 2, 6, 7
        XCTAssertEqual(report.row(\.byCategory, "-"), .fewerThanFive) // 5 and 8 have none
        // Region = regency ?? province: Sleman 1, 2, 3, 6, 7 = exactly five, the three others one each.
        // Printed, the 5 would give 8 - 5 = 3 for the three "< 5"; withheld ("≥ 5"), the eight received still
        // pin them (three cells of at least one adding up to at most three): the breakdown is not shown at all.
        XCTAssertEqual(report.byRegion.map(\.key), ["*"])
        XCTAssertEqual(report.byRegion.map(\.count), [.concealed])
        XCTAssertEqual(report.byRegion[0].label, DeskReportLabels.concealed)
    }

    /// QA: a topic and a region typed in three cases (all taken as the known one by intake, all found by
    /// `list --category`) were three rows of "< 5" instead of one row of five.
    func testATopicOrRegionTypedInAnotherCaseIsTheSameRow() {
        var j = JournalBuilder()
        let spellings = [("Kesehatan", "Kabupaten Sleman"), ("kesehatan", "kabupaten sleman"), ("KESEHATAN", "KABUPATEN SLEMAN"),
                         ("Kesehatan", "Kabupaten Sleman"), ("Kesehatan", "Kabupaten Sleman")]
        for (k, (category, regency)) in spellings.enumerated() {
            j.add(ReportID("\(k + 1)"), at(0, 9 + k), .received(reportIntake(at(0, 9 + k), category: category, regency: regency)))
        }
        let r = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines, now: WeekDesk.now, viewer: nasional)
        XCTAssertEqual(r.byCategory.map(\.key), ["Kesehatan"], "the spelling most reports use")
        XCTAssertEqual(r.byCategory.map(\.count), [.exact(5)])
        XCTAssertEqual(r.byRegion.map(\.key), ["Kabupaten Sleman"])
        XCTAssertEqual(r.byRegion.map(\.count), [.exact(5)])
        XCTAssertEqual(DeskReportPass.mergingSpellings(["b": 2, "B": 2, "c": 1]), ["B": 4, "c": 1], "a tie takes the first in code-point order")
    }

    func testWorkingDaysToVerificationSkipTheHolidayAndThePostponement() {
        let f = report.workingDays(.verification)
        // 2600001: Tue 9:00 → Thu 9:00 = 15 h + (Wed holiday) + 9 h = 24 h = 1.0.
        // 2600002: ran Mon 9–15 and Thu 9–15 (paused while tunda) = 12 h = 0.5.
        // 2600003: Mon 10–16 = 0.25.   2600004: Mon 11 → Tue 11 = 1.0.
        // 2600005: Thu 8:00 → Wed(d9) 8:00 = 16 + 24 + 24 + 24 + 8 = 96 h = 4.0.   2600008: 1 h.
        // 2600006 still waits; 2600007 never needed verification.
        // Sorted [1/24, 0.25, 0.5, 1, 1, 4]: median rank ⌈0.5·6⌉ = 3 → 0.5; p90 rank ⌈5.4⌉ = 6 → 4.0.
        XCTAssertEqual(f?.samples, 6)
        XCTAssertEqual(f?.waiting, 1)
        assertDays(f?.median, 0.5)
        assertDays(f?.p90, 4.0)
    }

    /// A report deleted as spam waits for nothing and is never late (deletion stops its clocks); QA took a
    /// postponed report's wait for it.
    func testADeletedReportWaitsForNothingAndIsNotLate() {
        var j = JournalBuilder()
        j.add("2600001", at(1, 9), .received(reportIntake(at(1, 9))))
        j.add("2600001", at(1, 10), .deleted(reason: .spam, note: nil))
        j.add("2600002", at(1, 9), .received(reportIntake(at(1, 9))))
        let r = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines, now: WeekDesk.now, viewer: nasional)
        XCTAssertEqual(r.workingDays(.verification)?.waiting, 1, "only 2600002 still waits")
        XCTAssertEqual(r.deadline(.verification)?.late, 1, "only 2600002 is late")
    }

    func testHolidayChangesTheAnswer() {
        // 2600001 alone: Tue 9:00 → Thu 9:00 is one working day across the holiday, two without it.
        var j = JournalBuilder()
        j.add("2600001", at(1, 9), .received(reportIntake(at(1, 9))))
        j.add("2600001", at(3, 9), disposition("pemkab-sleman"))
        let withHoliday = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines,
                                             now: WeekDesk.now, viewer: nasional)
        let plainDeadlines = Deadlines(calendar: WorkingCalendar(timeZone: .wib))
        let plain = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: plainDeadlines,
                                       now: WeekDesk.now, viewer: nasional)
        assertDays(withHoliday.workingDays(.verification)?.median, 1.0)
        assertDays(plain.workingDays(.verification)?.median, 2.0)
        // On the whole desk, plain Mon–Fri: dispositions 2600001 = 2.0 and 2600002 = Mon 9 → Thu 15
        // = 15 + 24 + 24 + 15 = 78 h = 3.25 → sorted [0.25, 1, 2, 3.25]: p90 rank 4 → 3.25 (2.25 with the
        // holiday). Follow-ups: 2600004 = Tue 11 → Thu 11 = 2.0 → [1, 1.25, 2, 2]: median 1.25 (1.0).
        let whole = WeekDesk.report(deadlines: plainDeadlines)
        assertDays(whole.workingDays(.disposition)?.p90, 3.25)
        assertDays(whole.workingDays(.followUp)?.median, 1.25)
    }

    func testWorkingDaysToDispositionCountThePostponementAndLeaveOutTheReportersChoice() {
        let f = report.workingDays(.disposition)
        // 2600001: 1.0; 2600002: Mon 9 → Thu 15 = 15 + 24 + (holiday) + 15 = 54 h = 2.25 (tunda included);
        // 2600003: first desk disposition Mon 16:00 = 0.25; 2600004: 1.0. 2600005/8 were never disposed and
        // are closed; 2600006 waits; 2600007 went straight to the agency the reporter chose.
        // Sorted [0.25, 1, 1, 2.25]: median rank 2 → 1.0; p90 rank ⌈3.6⌉ = 4 → 2.25.
        XCTAssertEqual(f?.samples, 4)
        XCTAssertEqual(f?.waiting, 1)
        assertDays(f?.median, 1.0)
        assertDays(f?.p90, 2.25)
    }

    func testWorkingDaysToFollowUpStartAtTheDispositionThatReachedTheAnsweringAgency() {
        let f = report.workingDays(.followUp)
        // 2600001: Thu 9 → Fri 15 = 15 + 15 = 30 h = 1.25.
        // 2600003: from the pelimpahan Thu 10:00 (not the first disposition to Bantul) → Mon 10:00
        //          = 14 + 24 + 10 = 48 h = 2.0.
        // 2600004: first answer only: Tue 11 → Thu 11 = 13 + (holiday) + 11 = 24 h = 1.0; the answer after
        //          the dispute does not count again.
        // 2600007: reporter's choice, from receipt Mon 9 → Tue 9 = 1.0.   2600002 waits.
        // Sorted [1, 1, 1.25, 2]: median rank 2 → 1.0; p90 rank 4 → 2.0.
        XCTAssertEqual(f?.samples, 4)
        XCTAssertEqual(f?.waiting, 1)
        assertDays(f?.median, 1.0)
        assertDays(f?.p90, 2.0)
    }

    func testShareOfEachDeadlineMet() {
        // Verification (3 working days): met by 2600001 (due Mon 9:00), 2600002 (due Tue(d8) 3:00 after the
        // pause), 2600003, 2600004, 2600008; late: 2600005 (due Tue(d8) 8:00, archived Wed 8:00) and 2600006
        // (due Wed(d9) 9:00, still waiting at Fri 17:00). 2600007 never ran the clock. 5 of 7.
        let v = report.deadline(.verification)
        XCTAssertEqual(v?.met, 5)
        XCTAssertEqual(v?.late, 2)
        XCTAssertEqual(v?.counted, 7)
        XCTAssertEqual(v?.share ?? 0, 5.0 / 7.0, accuracy: 1e-9)
        // Agency follow-up (5): 2600001 met (due Thu(d10) 9:00), 2600003 met (clock restarted at the
        // pelimpahan, due Thu(d10) 10:00), 2600004 met (restarted at the dispute Fri 11:00, answered Tue),
        // 2600007 met; 2600002 late (disposed Thu 15:00 → due Thu(d10) 15:00, no answer by Fri 17:00).
        let a = report.deadline(.agencyFollowUp)
        XCTAssertEqual(a?.met, 4)
        XCTAssertEqual(a?.late, 1)
        // Settlement (60): only 2600001 was closed (selesai), on time; archived and deleted reports are not
        // settlements, and the rest are still well within 60 working days.
        let s = report.deadline(.settlement)
        XCTAssertEqual(s?.met, 1)
        XCTAssertEqual(s?.late, 0)
        XCTAssertEqual(s?.share, 1.0)
    }

    func testMostOverdueOpenReportsWithHowLate() {
        // 2600006 overdue since Wed(d9) 9:00: 15 + 24 + 17 = 56 h = 2.33 working days.
        // 2600002 overdue since Thu(d10) 15:00: 9 + 17 = 26 h. 2600009 is overdue too, but was received
        // before the period.
        XCTAssertEqual(report.overdueOpen, 2)
        XCTAssertEqual(report.mostOverdue.map(\.id), ["2600006", "2600002"])
        XCTAssertEqual(report.mostOverdue.first?.overdueSince, at(9, 9))
        assertDays(report.mostOverdue.first?.workingDaysLate, 56.0 / 24)
        assertDays(report.mostOverdue.last?.workingDaysLate, 26.0 / 24)
        XCTAssertEqual(report.mostOverdue.last?.agency, "pemkab-sleman")
        XCTAssertEqual(report.mostOverdue.first?.status, .baru)
    }

    func testMostOverdueKeepsTheTenLatest() {
        var j = JournalBuilder()
        // Twelve reports received one hour apart on Monday, none verified: the earliest are the latest.
        for k in 0..<12 { j.add(ReportID(String(100 + k)), at(0, 8 + k), .received(reportIntake(at(0, 8 + k)))) }
        let r = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines,
                                   now: WeekDesk.now, viewer: nasional)
        XCTAssertEqual(r.overdueOpen, 12)
        XCTAssertEqual(r.mostOverdue.map(\.id.rawValue), (0..<10).map { String(100 + $0) })
    }

    func testInclusionGroupsWithOutcomes() {
        // perempuan: 2600001 (selesai), 2600002 and 2600006 (open) → 3 reports. Their "selesai < 5" would be
        // at most the period's one selesai report, printed exactly: 1. So the line is not shown at all.
        let women = report.groups.first { $0.group == .perempuan }
        XCTAssertEqual(women?.reports, .concealed)
        XCTAssertEqual(women?.selesai, .concealed)
        XCTAssertEqual(women?.open, .concealed)
        XCTAssertEqual(women?.archived, .concealed)
        XCTAssertEqual(report.groups.map(\.group), ReporterGroup.allCases)
    }

    func testCurrentKeepsTheWholeDeskFiguresStatsAlwaysHad() {
        let c = report.current
        XCTAssertEqual(c.total, 9)
        // Overdue now: 2600002, 2600006 and 2600009 (agency clock from Fri 3 April 10:00 ran out Mon(d7) 10:00).
        XCTAssertEqual(c.overdue, 3)
        XCTAssertEqual(c.dueSoon, 0)
        XCTAssertEqual(c.byStatus, ["baru": 1, "terdisposisi": 2, "ditindaklanjuti": 3, "selesai": 1,
                                    "diarsipkan": 1, "dihapus": 1])
        XCTAssertEqual(c.byChannel, ["sms": 4, "web": 2, "whatsapp": 1, "email": 1, "app": 1])
        XCTAssertEqual(c.byAgency, ["pemkab-sleman": 5, "pemkab-bantul": 1])
    }

    /// A past period's deadlines are judged for the reports received in it with everything known now (a
    /// cohort), as their durations are. Judging them at the period's end (as before) left a report verified
    /// late after the week out of "deadlines met" while its 5-day verification time was counted (QA).
    func testPeriodEndingBeforeNowJudgesItsReportsDeadlinesAsOfNow() {
        // The first week only (6–12 April), looked at on Friday 17th.
        let week = DeskReportQuery.days(from: LocalDate(year: 2026, month: 4, day: 6)!,
                                        through: LocalDate(year: 2026, month: 4, day: 12)!)
        let r = WeekDesk.report(week)
        XCTAssertEqual(r.received, 7)
        // Verification: met by 2600001, 2600002, 2600003, 2600004, 2600008; late: 2600005 (archived after its
        // due, Tue(d8) 8:00) and 2600006 (due Wed(d9), still unverified on the 17th).
        XCTAssertEqual(r.deadline(.verification)?.met, 5)
        XCTAssertEqual(r.deadline(.verification)?.late, 2)
        // Agency: 2600001, 2600003 (answered Mon(d7)) and 2600004 (its clock, restarted at the dispute,
        // finished on Tue(d8) in time) met; one agency clock of the week's reports ran out by the 17th.
        XCTAssertEqual(r.deadline(.agencyFollowUp)?.met, 3)
        XCTAssertEqual(r.deadline(.agencyFollowUp)?.late, 1)
        // The same week's verification durations include 2600005's, decided after the week: both figures
        // describe the same reports.
        let verification = r.workingDays.first { $0.step == .verification }
        XCTAssertEqual(verification?.samples, 6, "2600005's time counts although it was archived after the week")
        XCTAssertEqual(verification?.waiting, 1, "2600006, still unverified")
    }
}
