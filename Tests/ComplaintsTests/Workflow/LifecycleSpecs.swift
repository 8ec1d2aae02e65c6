import XCTest
@testable import Complaints

/// Given events, when a command, then events or a refusal — one spec per arrow of the lifecycle diagram.
final class LifecycleSpecs: XCTestCase {
    func received(_ intake: Intake = sampleIntake()) -> Scenario {
        var s = Scenario()
        s.when(.receive(intake), by: nasional, at: at(0))
        return s
    }

    func testReceiveCreatesNewReportWaitingForDesk() {
        let s = received()
        XCTAssertEqual(s.report.status, .baru)
        XCTAssertEqual(s.report.version, 1)
        XCTAssertEqual(s.report.title, "Jalan berlubang di depan SDN 2")
        XCTAssertTrue(s.report.clocks.verification.isRunning)
    }

    func testReceiveTwiceIsRefused() {
        var s = received()
        XCTAssertEqual(s.when(.receive(sampleIntake()), by: nasional, at: at(0)).refusal?.code, .alreadyExists)
    }

    /// QA: a report received in 2028 was accepted and its deadlines ran from then. A day of slack is allowed.
    func testReceivedInTheFutureIsRefused() {
        var s = Scenario()
        XCTAssertEqual(s.when(.receive(sampleIntake(at(3))), by: nasional, at: at(0)).refusal?.code, .receivedInFuture)
        // A year typed wrong the other way: overdue by decades in every view (QA: 0001-01-01 was accepted).
        XCTAssertEqual(s.when(.receive(sampleIntake(ISOTime.parse("1999-12-31T09:59:59Z")!)), by: nasional, at: at(0)).refusal?.code,
                       .receivedLongAgo)
        XCTAssertNotNil(s.when(.receive(sampleIntake(at(0, 20))), by: nasional, at: at(0, 9)).events, "within a day: accepted")
        // 2000 begins at local midnight (QA: 2000-01-01T00:00:00+07:00 was refused, compared in UTC).
        for stamp in ["2000-01-01T00:00:00Z", "2000-01-01T00:00:00+07:00", "2000-01-01T00:00:00+09:00"] {
            var other = Scenario()
            XCTAssertNil(other.when(.receive(sampleIntake(ISOTime.parse(stamp)!)), by: nasional, at: at(0)).refusal, stamp)
        }
    }

    /// QA: incident dates of 2099-01-01, 0001-01-01 and ten days after the receipt were recorded.
    func testAnIncidentAfterTheReceiptOrBefore1900IsRefused() {
        for (date, refused) in [("2099-01-01", true), ("0001-01-01", true), ("1899-12-31", true), ("2026-04-16", true),
                                ("2026-04-07", false), ("2026-04-06", false), ("1965-09-30", false)] {
            var s = Scenario()
            var intake = sampleIntake(at(0)) // received 2026-04-06
            intake.incidentDate = date
            let result = s.when(.receive(intake), by: nasional, at: at(0))
            XCTAssertEqual(result.refusal?.code, refused ? .incidentDateImpossible : nil, date)
        }
    }

    func testReceiveEmptyBodyRefused() {
        var s = Scenario()
        var i = sampleIntake()
        i.body = "  \n "
        XCTAssertEqual(s.when(.receive(i), by: nasional, at: at(0)).refusal?.code, .missingText)
    }

    func testReporterChosenAgencyGoesStraightToAgencyQueue() {
        let s = received(sampleIntake(agency: "pemkab-sleman"))
        XCTAssertEqual(s.report.status, .terdisposisi)
        XCTAssertEqual(s.report.agency, "pemkab-sleman")
        XCTAssertEqual(s.report.dispositions.first?.kind, .pilihanPelapor)
        XCTAssertFalse(s.report.clocks.verification.isStarted)
        XCTAssertTrue(s.report.clocks.agencyFollowUp.isRunning)
        XCTAssertTrue(Access.canSee(s.report, by: instansiSleman))
    }

    func testVerifyAndDispose() {
        var s = received()
        let r = s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:12", note: "Mohon segera"),
                       by: nasional, at: at(1))
        XCTAssertEqual(r.events, [.disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi, rule: "rute.toml:12",
                                                        note: "Mohon segera"))])
        XCTAssertEqual(s.report.status, .terdisposisi)
        XCTAssertNotNil(s.report.clocks.verification.stoppedAt)
        XCTAssertTrue(s.report.clocks.agencyFollowUp.isRunning)
    }

    func testDisposeDirectlyToUnitGoesToDiproses() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.report.status, .diproses)
        XCTAssertEqual(s.report.unit, "pemkab-sleman/dinkes")
    }

    func testPostponeThenReporterAddsInfoReturnsToBaru() {
        var s = received()
        XCTAssertNotNil(s.when(.postpone(question: "Mohon lampirkan foto lokasi."), by: nasional, at: at(0, 12)).events)
        XCTAssertEqual(s.report.status, .tunda)
        XCTAssertTrue(s.report.clocks.verification.isPaused)
        XCTAssertNotNil(s.when(.recordReporterReply(text: "Foto terlampir", attachments: [Attachment(name: "a.jpg")]),
                               by: nasional, at: at(2)).events)
        XCTAssertEqual(s.report.status, .baru)
        XCTAssertTrue(s.report.clocks.verification.isRunning)
    }

    func testPostponeNeedsQuestion() {
        var s = received()
        XCTAssertEqual(s.when(.postpone(question: " "), by: nasional, at: at(0)).refusal?.code, .missingText)
    }

    func testArchiveWithReason() {
        var s = received()
        s.when(.archive(reason: .terlaluUmum, note: "Tidak jelas lokasinya", duplicateOf: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.report.status, .diarsipkan)
        XCTAssertEqual(s.report.archiveReason, .terlaluUmum)
        XCTAssertFalse(s.report.status.isOpen)
    }

    func testArchiveAsDuplicateMustNameAnExistingOriginal() {
        var s = received()
        XCTAssertEqual(s.when(.archive(reason: .duplikat, note: nil, duplicateOf: nil), by: nasional, at: at(1)).refusal?.code,
                       .duplicateNeedsOriginal)
        XCTAssertEqual(s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "9999999"), by: nasional, at: at(1)).refusal?.code,
                       .unknownReport)
        XCTAssertEqual(s.when(.archive(reason: .duplikat, note: nil, duplicateOf: s.id), by: nasional, at: at(1)).refusal?.code,
                       .invalidValue)
        s.when(.receive(sampleIntake(externalID: "sms-2")), by: nasional, at: at(0), on: "2600002")
        XCTAssertNotNil(s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600002"), by: nasional, at: at(1)).events)
        XCTAssertEqual(s.report.duplicateOf, "2600002")
    }

    /// QA: a deleted report, and a report itself archived as a duplicate, were accepted as the original.
    func testTheOriginalOfADuplicateIsNeitherDeletedNorADuplicate() {
        var s = received()
        s.when(.receive(sampleIntake(externalID: "sms-2")), by: nasional, at: at(0), on: "2600002")
        s.when(.delete(reason: .spam, note: nil), by: nasional, at: at(1), on: "2600002")
        XCTAssertEqual(s.when(.linkDuplicate(original: "2600002"), by: nasional, at: at(1)).refusal?.code, .invalidValue)
        s.when(.receive(sampleIntake(externalID: "sms-3")), by: nasional, at: at(0), on: "2600003")
        s.when(.receive(sampleIntake(externalID: "sms-4")), by: nasional, at: at(0), on: "2600004")
        s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600004"), by: nasional, at: at(1), on: "2600003")
        let refused = s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600003"), by: nasional, at: at(1))
        XCTAssertEqual(refused.refusal?.code, .invalidValue)
        XCTAssertTrue(refused.refusal?.message.en.contains("#2600004") ?? false, "names the first original")
        XCTAssertNotNil(s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600004"), by: nasional, at: at(1)).events)
    }

    /// QA: after a pelimpahan, the second agency sent the report back too, and the desk could pass it back
    /// to the first one, which had already said it was not its authority.
    func testAPelimpahanNeverGoesBackToAnAgencyThatRefusedIt() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.sendBack(reason: "Kewenangan provinsi"), by: instansiSleman, at: at(2))
        XCTAssertNotNil(s.when(.dispose(agency: "pemprov-diy", unit: nil, rule: nil, note: nil), by: nasional, at: at(3)).events)
        s.when(.sendBack(reason: "Bukan provinsi"), by: Operator(name: "yogya", role: .adminInstansi, agency: "pemprov-diy"), at: at(4))
        XCTAssertNotNil(s.report.returned)
        let refused = s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(5))
        XCTAssertEqual(refused.refusal?.code, .invalidValue)
        XCTAssertNotNil(s.when(.dispose(agency: "kemenkes", unit: nil, rule: nil, note: nil), by: nasional, at: at(5)).events)
    }

    /// QA: a report others name as their original was itself archived as a duplicate: #3 → #4 → #5.
    func testAnOriginalDoesNotBecomeADuplicateItself() {
        var s = received()
        for n in 3...5 { s.when(.receive(sampleIntake(externalID: "sms-\(n)")), by: nasional, at: at(0), on: ReportID("260000\(n)")) }
        s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600004"), by: nasional, at: at(1), on: "2600003")
        let refused = s.when(.archive(reason: .duplikat, note: nil, duplicateOf: "2600005"), by: nasional, at: at(1), on: "2600004")
        XCTAssertEqual(refused.refusal?.code, .invalidValue)
        XCTAssertEqual(refused.refusal?.message.en, "Report #2600004 is the original of #2600003: make #2600005 a duplicate of #2600004 instead.")
        XCTAssertNil(s.desk["2600004"]?.duplicateOf)
        XCTAssertEqual(s.when(.linkDuplicate(original: "2600005"), by: nasional, at: at(1), on: "2600004").refusal?.code, .invalidValue)
    }

    func testPostponedReportArchivedOnlyAfterWindowForSilence() {
        var s = received()
        s.when(.postpone(question: "Lokasi persisnya di mana?"), by: nasional, at: at(0, 10))
        XCTAssertEqual(s.when(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), by: nasional, at: at(1)).refusal?.code,
                       .invalidTransition)
        // 10 working days from Monday 10:00 is Monday two weeks later at 10:00.
        XCTAssertEqual(s.when(.archive(reason: .tanpaJawabanPelapor, note: nil, duplicateOf: nil), by: nasional,
                              at: at(14, 9)).refusal?.code, .notYetDue)
        XCTAssertNotNil(s.when(.archive(reason: .tanpaJawabanPelapor, note: nil, duplicateOf: nil), by: nasional,
                               at: at(14, 11)).events)
        XCTAssertEqual(s.report.status, .diarsipkan)
    }

    /// QA: a postponed report could be deleted; the diagram draws delete from `baru` only (the reporter is
    /// being asked for more, so the report is not spam to be thrown away).
    func testAPostponedReportCannotBeDeleted() {
        var s = received()
        s.when(.postpone(question: "Lokasi persisnya di mana?"), by: nasional, at: at(0, 10))
        XCTAssertEqual(s.when(.delete(reason: .spam, note: nil), by: nasional, at: at(1)).refusal?.code, .invalidTransition)
        XCTAssertEqual(s.report.status, .tunda)
    }

    func testSilenceReasonOnlyForPostponed() {
        var s = received()
        XCTAssertEqual(s.when(.archive(reason: .tanpaJawabanPelapor, note: nil, duplicateOf: nil), by: nasional, at: at(1))
            .refusal?.code, .invalidTransition)
    }

    func testDeleteAsSpamHidesFromQueuesButKeepsReport() {
        var s = received()
        s.when(.delete(reason: .spam, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.report.status, .dihapus)
        XCTAssertFalse(Access.canSee(s.report, by: pengamat))
        XCTAssertTrue(Access.canSee(s.report, by: nasional))
        let inbox = Inbox(deadlines: s.deadlines)
        XCTAssertEqual(inbox.run(InboxQuery(), on: s.desk, for: nasional, now: at(1)), [])
        var q = InboxQuery()
        q.includeDeleted = true
        XCTAssertEqual(inbox.run(q, on: s.desk, for: nasional, now: at(1)), [s.id])
    }

    func testAgencyDisposesToUnitThenLiaisonFollowsUp() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertNotNil(s.when(.assignToUnit(unit: "pemkab-sleman/dinkes"), by: instansiSleman, at: at(1, 13)).events)
        XCTAssertEqual(s.report.status, .diproses)
        XCTAssertTrue(Access.canSee(s.report, by: penghubungDinkes))
        XCTAssertNotNil(s.when(.postFollowUp(text: "Jalan akan diperbaiki pekan depan.", attachments: []),
                               by: penghubungDinkes, at: at(2)).events)
        XCTAssertEqual(s.report.status, .ditindaklanjuti)
        XCTAssertTrue(s.report.clocks.autoClose.isRunning)
    }

    /// QA: a report passed to the wrong unit could never move; the agency passes it on, and the agency's
    /// deadline runs on (it is not a new disposition).
    func testTheAgencyCanPassAReportOnToAnotherUnitWhileItIsProcessed() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.assignToUnit(unit: "pemkab-sleman/dinkes"), by: instansiSleman, at: at(1, 13))
        let clock = s.report.clocks.agencyFollowUp
        XCTAssertEqual(s.when(.assignToUnit(unit: "pemkab-sleman/dinkes"), by: instansiSleman, at: at(2)).refusal?.code,
                       .invalidValue, "the same unit again")
        XCTAssertNotNil(s.when(.assignToUnit(unit: "pemkab-sleman/dpupr"), by: instansiSleman, at: at(2)).events)
        XCTAssertEqual(s.report.status, .diproses)
        XCTAssertEqual(s.report.unit, "pemkab-sleman/dpupr")
        XCTAssertEqual(s.report.clocks.agencyFollowUp, clock)
        XCTAssertFalse(Access.canSee(s.report, by: penghubungDinkes), "the first unit no longer has it")
        XCTAssertEqual(s.when(.assignToUnit(unit: "pemkab-sleman/dinkes"), by: penghubungDinkes, at: at(2)).refusal?.code,
                       .notAllowedForRole)
        // Once followed up it is the reporter's turn: no more passing on.
        var f = followedUp()
        XCTAssertEqual(f.when(.assignToUnit(unit: "pemkab-sleman/dpupr"), by: instansiSleman, at: at(3)).refusal?.code,
                       .invalidTransition)
    }

    /// QA: a bare unit id ("dinkes") was recorded as given, and no liaison officer matched it; the
    /// current unit's bare id passed the "same unit" check. Units are recorded by their full id.
    func testUnitsAreRecordedByTheirFullIdWhateverIdTheOfficerTyped() throws {
        var s = received()
        s.directory = try ReferenceFixtures.shipped()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertNotNil(s.when(.assignToUnit(unit: "dinkes"), by: instansiSleman, at: at(1, 13)).events)
        XCTAssertEqual(s.report.unit, "pemkab-sleman/dinkes")
        XCTAssertTrue(Access.canSee(s.report, by: penghubungDinkes))
        XCTAssertEqual(s.when(.assignToUnit(unit: "dinkes"), by: instansiSleman, at: at(2)).refusal?.code, .invalidValue,
                       "the same unit by its local id")
        let unknown = s.when(.assignToUnit(unit: "pemkab-sleman/sihir"), by: instansiSleman, at: at(2)).refusal
        XCTAssertEqual(unknown?.code, .unknownUnit)
        XCTAssertEqual(unknown?.message.en, "pemkab-sleman has no work unit 'pemkab-sleman/sihir' in the directory (instansi.toml).")
        XCTAssertEqual(s.when(.assignToUnit(unit: "pemkab-bantul/dinkes"), by: instansiSleman, at: at(2)).refusal?.code, .unknownUnit,
                       "another agency's unit")
        // Disposing with a unit records its full id too.
        var d = received()
        d.directory = try ReferenceFixtures.shipped()
        d.when(.dispose(agency: "pemkab-sleman", unit: "dpupr", rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(d.report.dispositions.last?.unit, "pemkab-sleman/dpupr")
    }

    func testFollowUpOnlyFromDiproses() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.when(.postFollowUp(text: "x", attachments: []), by: instansiSleman, at: at(2)).refusal?.code,
                       .invalidTransition)
    }

    func testReporterAcceptsCloses() {
        var s = followedUp()
        s.when(.recordAcceptance(text: "Terima kasih"), by: nasional, at: at(3))
        XCTAssertEqual(s.report.status, .selesai)
    }

    func testReporterDisputesReturnsToDiprosesWithFreshAgencyClock() {
        var s = followedUp()
        s.when(.recordDispute(text: "Belum diperbaiki"), by: nasional, at: at(3))
        XCTAssertEqual(s.report.status, .diproses)
        XCTAssertTrue(s.report.clocks.agencyFollowUp.isRunning)
        XCTAssertEqual(s.report.clocks.agencyFollowUp.runs.first?.start, at(3))
    }

    /// QA: a reporter's "not fixed yet" recorded as a plain reply after the follow-up left the auto-close
    /// clock running, and the report closed itself as *selesai*. After a follow-up the answer is an
    /// acceptance or a dispute; the refusal says which to use.
    func testAReplyAfterTheFollowUpIsRecordedAsAcceptanceOrDispute() {
        var s = followedUp()
        let refusal = s.when(.recordReporterReply(text: "Belum diperbaiki", attachments: []), by: nasional, at: at(3)).refusal
        XCTAssertEqual(refusal?.code, .invalidTransition)
        XCTAssertEqual(refusal?.message.id.contains("'Pelapor menyanggah'"), true, "\(String(describing: refusal))")
        XCTAssertEqual(refusal?.message.en.contains("'Reporter accepts'"), true)
        XCTAssertEqual(s.report.status, .ditindaklanjuti)
        XCTAssertFalse(Workflow.isApplicable(.reporterReply, to: s.report), "not offered in the console either")
    }

    func testAutoCloseOnlyAfterTenWorkingDaysOfSilence() {
        var s = followedUp() // follow-up at Wednesday 9:00 (day 2)
        XCTAssertEqual(s.when(.autoClose, by: .system, at: at(15, 8)).refusal?.code, .notYetDue)
        XCTAssertNotNil(s.when(.autoClose, by: .system, at: at(16, 9)).events)
        XCTAssertEqual(s.report.status, .selesai)
        XCTAssertEqual(s.report.trail.last?.actor.role, .sistem)
    }

    func testSendBackAsBukanWewenangThenPelimpahanRecordsBothAgencies() {
        var s = received()
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.when(.sendBack(reason: " "), by: instansiBantul, at: at(2)).refusal?.code, .missingReason)
        XCTAssertNotNil(s.when(.sendBack(reason: "Lokasi di wilayah Sleman"), by: instansiBantul, at: at(2)).events)
        XCTAssertNil(s.report.agency)
        XCTAssertEqual(s.report.returned?.agency, "pemkab-bantul")
        XCTAssertFalse(Access.canSee(s.report, by: instansiBantul))
        XCTAssertNotNil(s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(2, 14)).events)
        let last = s.report.dispositions.last
        XCTAssertEqual(last?.kind, .pelimpahan)
        XCTAssertEqual(last?.fromAgency, "pemkab-bantul")
        XCTAssertEqual(last?.agency, "pemkab-sleman")
        XCTAssertNil(s.report.returned)
    }

    /// QA: a report sent back and then archived stayed in the new queue as "Kembali".
    func testArchivingASentBackReportEndsTheWaitForRedisposal() {
        var s = received()
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.sendBack(reason: "Bukan wilayah kami"), by: instansiBantul, at: at(2))
        XCTAssertNotNil(s.when(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), by: nasional, at: at(3)).events)
        XCTAssertNil(s.report.returned)
        let inbox = Inbox(deadlines: s.deadlines)
        XCTAssertEqual(inbox.run(InboxQuery.SavedView.baru.query, on: s.desk, for: nasional, now: at(3)), [])
    }

    /// QA: a report sent back could be deleted as spam, though it was verified when first disposed; domain.md
    /// draws delete from *baru* only.
    func testASentBackReportCannotBeDeleted() {
        var s = received()
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.sendBack(reason: "Bukan wilayah kami"), by: instansiBantul, at: at(2))
        XCTAssertEqual(s.when(.delete(reason: .spam, note: nil), by: nasional, at: at(3)).refusal?.code, .invalidTransition)
        XCTAssertNotNil(s.report.returned, "still waiting to be re-disposed")
    }

    func testPelimpahanBackToTheRefusingAgencyIsRefused() {
        var s = received()
        s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.sendBack(reason: "Lokasi di wilayah Sleman"), by: instansiBantul, at: at(2))
        XCTAssertEqual(s.when(.dispose(agency: "pemkab-bantul", unit: nil, rule: nil, note: nil), by: nasional, at: at(2, 14))
            .refusal?.code, .invalidValue)
        XCTAssertNotNil(s.report.returned, "still waiting for a real pelimpahan")
    }

    func testAgencyMaySendBackAfterPassingToAUnit() {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.assignToUnit(unit: "pemkab-sleman/dinkes"), by: instansiSleman, at: at(1, 13))
        XCTAssertEqual(s.report.status, .diproses)
        XCTAssertNotNil(s.when(.sendBack(reason: "Wewenang Kementerian"), by: instansiSleman, at: at(2)).events)
        XCTAssertEqual(s.report.returned?.agency, "pemkab-sleman")
        XCTAssertNil(s.report.unit)
        // A liaison officer may not send back: that is the coordinator's decision.
        var t = received()
        t.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(t.when(.sendBack(reason: "x"), by: penghubungDinkes, at: at(2)).refusal?.code, .notAllowedForRole)
    }

    func testTransitionsNotInDiagramAreRefused() {
        var s = received()
        XCTAssertEqual(s.when(.assignToUnit(unit: "u"), by: instansiSleman, at: at(1)).refusal?.code, .outOfScope)
        XCTAssertEqual(s.when(.recordAcceptance(text: nil), by: nasional, at: at(1)).refusal?.code, .invalidTransition)
        XCTAssertEqual(s.when(.recordDispute(text: "x"), by: nasional, at: at(1)).refusal?.code, .invalidTransition)
        s.when(.archive(reason: .formatSalah, note: nil, duplicateOf: nil), by: nasional, at: at(1))
        XCTAssertEqual(s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(2))
            .refusal?.code, .invalidTransition)
        XCTAssertEqual(s.when(.postpone(question: "?"), by: nasional, at: at(2)).refusal?.code, .invalidTransition)
        XCTAssertEqual(s.when(.delete(reason: .spam, note: nil), by: nasional, at: at(2)).refusal?.code, .invalidTransition)
    }

    func testRefusalsAreWordedInBothLanguages() {
        var s = received()
        let r = s.when(.recordAcceptance(text: nil), by: nasional, at: at(1)).refusal
        XCTAssertEqual(r?.message.id.contains("Belum Terverifikasi"), true)
        XCTAssertEqual(r?.message.en.contains("Not yet verified"), true)
    }

    func testStaleCommandRefused() {
        var s = received()
        let seen = s.report.version
        s.when(.addNote("catatan lain"), by: nasional, at: at(0, 10))
        let r = s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1), expected: seen)
        XCTAssertEqual(r.refusal?.code, .stale)
        XCTAssertEqual(s.report.status, .baru)
        XCTAssertNotNil(s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1),
                               expected: s.report.version).events)
    }

    func followedUp() -> Scenario {
        var s = received()
        s.when(.dispose(agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes", rule: nil, note: nil), by: nasional, at: at(1))
        s.when(.postFollowUp(text: "Sudah diperbaiki.", attachments: []), by: penghubungDinkes, at: at(2))
        XCTAssertEqual(s.report.status, .ditindaklanjuti)
        return s
    }
}
