import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Desk actions: what the reducer asks the journal for, and what it does with the answers.
final class ActionStepTests: XCTestCase {
    func testMarkedRowsAreArchivedInOneRequestEachWithItsVersion() throws {
        var b = try Bench()
        step(&b.state, key: .char(" ")) {
            $0.inbox.marked = [Fixture.ID.overdue]
            $0.inbox.cursor = 1
            $0.message = msg(.info, "1 laporan ditandai.")
        }
        step(&b.state, key: .char(" ")) {
            $0.inbox.marked = [Fixture.ID.overdue, Fixture.ID.secret]
            $0.inbox.cursor = 2
            $0.message = msg(.info, "2 laporan ditandai.")
        }
        b.state.press(.char("a"))
        let form = try XCTUnwrap(b.state.form)
        XCTAssertEqual(form.targets, [Fixture.ID.overdue, Fixture.ID.secret])
        XCTAssertEqual(form.title, "Arsipkan — 2 laporan")
        let v1 = try XCTUnwrap(b.state.desk[Fixture.ID.overdue]?.version)
        let v2 = try XCTUnwrap(b.state.desk[Fixture.ID.secret]?.version)
        XCTAssertEqual(form.expectedVersions, [Fixture.ID.overdue: v1, Fixture.ID.secret: v2])
        let command = Command.archive(reason: .terlaluUmum, note: "", duplicateOf: nil)
        // The reason must be chosen: the form opens on "— pilih alasan —", and Enter alone is refused.
        XCTAssertEqual(b.state.press(.enter), [])
        XCTAssertEqual(b.state.form?.error, "Harus diisi: Alasan")
        b.state.press(.right)
        let effects = b.state.press(.enter)  // the focused field is a choice: Enter submits
        XCTAssertEqual(effects, [.perform([DeskRequest(reportID: Fixture.ID.overdue, command: command, expectedVersion: v1),
                                           DeskRequest(reportID: Fixture.ID.secret, command: command, expectedVersion: v2)])])
        XCTAssertEqual(b.state.pendingRequests, 1)
        XCTAssertEqual(b.state.message, msg(.info, "Menyimpan…"))
        XCTAssertNotNil(b.state.form, "the form stays until the journal answers")
        b.run(effects)
        XCTAssertNil(b.state.overlay)
        XCTAssertEqual(b.state.pendingRequests, 0)
        XCTAssertEqual(b.state.inbox.marked, [])
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.status, .diarsipkan)
        XCTAssertEqual(b.state.desk[Fixture.ID.secret]?.status, .diarsipkan)
        XCTAssertEqual(b.state.inbox.rows, [Fixture.ID.returned, Fixture.ID.wide, Fixture.ID.hostile])
        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: 2 laporan diarsipkan, alasan: Terlalu umum."))
        XCTAssertEqual(b.store.desk.lastSeq, b.state.desk.lastSeq, "the console's desk is the journal's")
    }

    /// The saved message names the reason the journal recorded (here the second one), never "spam" from
    /// the action's label; the same for the archive reason and the priority chosen in their forms.
    func testSavedMessageNamesTheChoiceThatWasRecorded() throws {
        for language in [Language.id, .en] {
            var b = try Bench()
            b.state.env.language = language
            b.state.press(.char("x"))
            XCTAssertEqual(b.state.form?.title, language == .id ? "Hapus laporan — #\(Fixture.ID.overdue)" : "Delete report — #\(Fixture.ID.overdue)")
            b.state.press(.right, .right)
            b.run(b.state.press(.ctrl("s")))
            XCTAssertNil(b.state.overlay)
            XCTAssertEqual(b.store.desk[Fixture.ID.overdue]?.deleteReason, .tidakTerbaca, "the journal records the second reason")
            XCTAssertEqual(b.state.message, language == .id
                ? msg(.success, "Tersimpan: #\(Fixture.ID.overdue) dihapus, alasan: Tidak dapat dipahami.")
                : msg(.success, "Saved: #\(Fixture.ID.overdue) deleted, reason: Unintelligible."))
        }
        var b = try Bench()
        b.state.env.language = .en
        b.state.press(.char("a"), .right, .right)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.message, msg(.success, "Saved: #\(Fixture.ID.overdue) archived, reason: Not about public services."))
        b = try Bench()
        b.state.press(.char(":"))
        b.state.type("priority")
        b.state.press(.enter, .right, .right)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: prioritas #\(Fixture.ID.overdue) menjadi Mendesak."))
    }

    func testDisposeWithTheRulesProposal() throws {
        var b = try Bench()
        let version = try XCTUnwrap(b.state.desk[Fixture.ID.overdue]?.version)
        step(&b.state, key: .char("d")) {
            $0.focus = .routing
            $0.routing.isOpen = true
            $0.detail.reportID = Fixture.ID.overdue
            $0.detail.openedVersion = version
        }
        let candidates = ConsoleReducer.routingCandidates(b.state)
        XCTAssertEqual(candidates.first, RoutingCandidate(agencyID: "pemkab-sleman", unitID: "dinkes", origin: .proposal,
                                                          ruleRef: "rute.toml:42"))
        XCTAssertEqual(candidates.dropFirst().prefix(2).map(\.agencyID), ["kemenkes", "bpjs-kesehatan"])
        let request = DeskRequest(reportID: Fixture.ID.overdue,
                                  // To the agency: its coordinator passes it to the unit the rule suggests.
                                  command: .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:42", note: nil),
                                  expectedVersion: version)
        step(&b.state, key: .enter, effects: [.perform([request])]) {
            $0.pendingRequests = 1
            $0.message = msg(.info, "Menyimpan…")
        }
        b.run([.perform([request])])
        XCTAssertEqual(b.state.focus, .inbox, "back to the inbox for the next triage")
        XCTAssertFalse(b.state.routing.isOpen)
        XCTAssertNil(b.state.detail.reportID)
        XCTAssertEqual(b.state.inbox.rows, [Fixture.ID.secret, Fixture.ID.returned, Fixture.ID.wide, Fixture.ID.hostile])
        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: #2600001 didisposisikan ke Pemerintah Kabupaten Sleman."))
        let report = try XCTUnwrap(b.state.desk[Fixture.ID.overdue])
        XCTAssertEqual(report.status, .terdisposisi, "at the regency's coordinator, who passes it to the health office")
        XCTAssertEqual(report.agency, "pemkab-sleman")
        XCTAssertNil(report.unit)
    }

    /// With rows marked, `d` on another report opened the routing pane on that report's proposal, and Enter
    /// sent the marked rows (not the report shown) to it (QA: reports from Bali and Cirebon went to the
    /// Pasaman regency). The pane now names the rows it disposes and proposes only what the rules propose
    /// for all of them.
    func testBulkDisposeNamesTheMarkedRowsAndProposesOnlyWhatTheRulesProposeForAll() throws {
        var b = try Bench()
        b.state.inbox.marked = [Fixture.ID.overdue, Fixture.ID.hostile]
        let marked = b.state.inbox.rows.filter { b.state.inbox.marked.contains($0) }
        XCTAssertEqual(marked.count, 2)
        let proposals = marked.map { b.state.desk[$0].flatMap(Fixture.propose)?.agencyID }
        XCTAssertNotEqual(proposals[0], proposals[1], "the fixture's rules route these two apart")
        b.state.press(.down, .char("d"))
        let shown = try XCTUnwrap(b.state.detail.reportID)
        XCTAssertFalse(marked.contains(shown), "the pane was opened on an unmarked report")
        let plan = ConsoleReducer.routingPlan(b.state)
        XCTAssertEqual(plan.targets, marked)
        XCTAssertTrue(plan.bulk)
        let screen = ConsoleRenderer.render(b.state).textRows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Rute — 2 laporan bertanda"))
        XCTAssertTrue(screen.contains("Disposisi ke satu instansi:"))
        // The ids with # appear only in the routing pane (the inbox shows them bare, the detail pane its own).
        XCTAssertTrue(marked.allSatisfy { screen.contains("#\($0)") }, "the pane names every marked row")
        let candidates = ConsoleReducer.routingCandidates(b.state)
        XCTAssertFalse(candidates.contains { $0.origin != .directory }, "no one agency is proposed for rows the rules route apart")
        XCTAssertTrue(screen.contains("Aturan tidak"), "says why nothing is proposed")
        // Nothing proposed: Enter alone disposes nowhere; the officer picks an agency first.
        XCTAssertEqual(b.state.press(.enter), [])
        b.state.press(.down)
        let picked = candidates[1]
        let effects = b.state.press(.enter)
        guard case let .perform(requests)? = effects.first else { return XCTFail("expected requests, got \(effects)") }
        XCTAssertEqual(requests.map(\.reportID), marked, "exactly the rows the pane named")
        XCTAssertTrue(requests.allSatisfy { $0.command == .dispose(agency: picked.agencyID, unit: nil, rule: picked.ruleRef, note: nil) })
    }

    func testMarkedRowsThatTheRulesRouteAlikeAreProposedThatAgency() throws {
        var b = try Bench()
        // Two marked rows that different rules send to the same agency (health in Sleman; any topic in
        // Sleman), the pane opened on a third, unmarked report.
        b.state.inbox.marked = [Fixture.ID.overdue, Fixture.ID.secret]
        let first = try XCTUnwrap(b.state.desk[Fixture.ID.overdue].flatMap(Fixture.propose))
        let second = try XCTUnwrap(b.state.desk[Fixture.ID.secret].flatMap(Fixture.propose))
        XCTAssertEqual(first.agencyID, second.agencyID)
        XCTAssertNotEqual(first.ruleRef, second.ruleRef)
        b.state.press(.down, .down, .char("d"))
        let plan = ConsoleReducer.routingPlan(b.state)
        XCTAssertTrue(plan.bulk)
        XCTAssertFalse(plan.targets.contains(try XCTUnwrap(b.state.detail.reportID)))
        XCTAssertEqual(ConsoleReducer.routingCandidates(b.state).first,
                       RoutingCandidate(agencyID: first.agencyID, unitID: nil, origin: .proposal, ruleRef: first.ruleRef))
    }

    func testTheActionMenuWithRowsMarkedOffersWhatActsOnThemAndSaysSo() throws {
        var b = try Bench()
        b.state.press(.char(" "), .char(" "), .char("."))
        guard case let .menu(menu)? = b.state.overlay else { return XCTFail("no menu: \(String(describing: b.state.overlay))") }
        XCTAssertEqual(menu.title, "Aksi untuk 2 laporan bertanda")
        XCTAssertTrue(menu.items.allSatisfy { item in
            if case let .act(kind) = item { return ConsoleReducer.bulkKinds.contains(kind) }
            return false
        }, "\(menu.items)")
        XCTAssertFalse(menu.items.isEmpty)
    }

    /// Typed text in a form is never lost to one stray key: Esc (or C-c, which did nothing in a form) first
    /// asks, the second press cancels; nothing is written.
    func testEscOrCtrlCInAFormAsksBeforeDiscardingTypedText() throws {
        for cancel: Key in [.escape, .ctrl("c")] {
            var b = try Bench()
            b.state.press(.char("c"))
            b.state.type("catatan penting")
            XCTAssertTrue(b.state.press(cancel).isEmpty)
            let form = try XCTUnwrap(b.state.form, "\(cancel): the first press keeps the form")
            XCTAssertTrue(form.confirmDiscard)
            XCTAssertEqual(form.error, "Tekan Esc sekali lagi untuk membuang teks yang sudah diketik.")
            XCTAssertTrue(b.state.press(cancel).isEmpty, "nothing is written")
            XCTAssertNil(b.state.overlay, "\(cancel): the second press cancels")
            XCTAssertEqual(b.state.message, msg(.info, "Dibatalkan."))
            XCTAssertFalse(b.state.quitRequested)
        }
    }

    func testRequiredFieldEmptyShowsTheErrorAndSendsNothing() throws {
        var b = try Bench()
        b.state.press(.enter, .char("t"))
        XCTAssertEqual(b.state.form?.purpose, .action(.postpone))
        var expectedForm = try XCTUnwrap(b.state.form)
        expectedForm.error = "Harus diisi: Pertanyaan untuk pelapor"
        step(&b.state, key: .ctrl("s")) { $0.overlay = .form(expectedForm) }
        b.state.type("   ")
        XCTAssertEqual(b.state.press(.f(2)), [], "blank text is still empty")
        XCTAssertEqual(b.state.form?.error, "Harus diisi: Pertanyaan untuk pelapor")
        b.state.type("Mohon lampirkan foto.")
        XCTAssertNil(b.state.form?.error, "typing clears the error")
        let effects = b.state.press(.ctrl("s"))
        XCTAssertEqual(effects.count, 1)
    }

    func testRefusalKeepsTheFormTheErrorAndTheTypedText() throws {
        var b = try Bench()
        b.state.press(.enter, .char("D"))
        XCTAssertEqual(b.state.form?.purpose, .action(.linkDuplicate))
        b.state.type("#9999999")
        let effects = b.state.press(.enter)
        XCTAssertEqual(effects, [.perform([DeskRequest(reportID: Fixture.ID.overdue, command: .linkDuplicate(original: "9999999"),
                                                      expectedVersion: b.state.detail.openedVersion)])])
        let seq = b.journal.lastSequence
        b.run(effects)
        XCTAssertEqual(b.journal.lastSequence, seq, "nothing written")
        let form = try XCTUnwrap(b.state.form, "a refused form stays open")
        XCTAssertEqual(form.text("original"), "#9999999", "with what the officer typed")
        XCTAssertEqual(form.error, "#2600001: Laporan asli #9999999 tidak ditemukan.")
        XCTAssertEqual(b.state.message, msg(.error, "#2600001: Laporan asli #9999999 tidak ditemukan.", about: Fixture.ID.overdue))
        XCTAssertEqual(b.state.pendingRequests, 0)
    }

    func testJournalFailureKeepsTheForm() throws {
        var b = try Bench()
        b.state.press(.enter, .char("c"))
        b.state.type("Sudah ditelepon.")
        b.journal.failNextWrite(with: .writeFailed(path: "journal/000001.jsonl", operation: "fdatasync", errno: ENOSPC))
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.form?.text("text"), "Sudah ditelepon.")
        // The journal's reason in the officer's language (QA: it was English after an Indonesian lead).
        XCTAssertEqual(b.state.message, msg(.error, "#2600001: tidak tersimpan — fdatasync gagal untuk journal/000001.jsonl: "
                                                 + "ENOSPC (No space left on device); tidak ada yang ditulis"))
    }

    /// QA: after a stale refusal ("changed since you opened it, check and retry") retrying was refused again
    /// forever. The refusal names the change; saving again acts on the report as it is now.
    func testSavingAgainAfterAStaleRefusalActsOnTheReportAsItIsNow() throws {
        var b = try Bench()
        b.state.press(.enter, .char("t"))
        XCTAssertEqual(b.state.form?.targets, [Fixture.ID.overdue])
        b.state.type("Mohon kirim foto lokasi.")
        let peer = try b.peerStore()
        try peer.perform(.tag(add: ["kesehatan"], remove: []), on: Fixture.ID.overdue, as: Fixture.otherOfficer, now: Fixture.now)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.form?.targets, [Fixture.ID.overdue], "refused as stale: the form and its text stay")
        XCTAssertTrue(b.state.message?.text.contains("berubah") ?? false, b.state.message?.text ?? "")
        b.run(b.state.press(.ctrl("s")))
        XCTAssertNil(b.state.form)
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.status, .tunda)
    }

    /// QA: "Tersimpan: Anonim / rahasia — #…" did not say which mark was set or removed, nor the original
    /// of a duplicate link.
    func testSavedMessagesSayWhichMarkAndWhichOriginal() {
        let env = try! Fixture.environment(Fixture.national, language: .id)
        func said(_ c: Command) -> String { UIText.doneMessage(DeskRequest(reportID: "2600001", command: c, expectedVersion: nil), count: 1, env: env).id }
        XCTAssertEqual(said(.setFlags(anonymous: true, confidential: nil)), "Tersimpan: #2600001 dijadikan anonim.")
        XCTAssertEqual(said(.setFlags(anonymous: nil, confidential: false)), "Tersimpan: #2600001 tidak lagi rahasia.")
        XCTAssertEqual(said(.linkDuplicate(original: "2600009")), "Tersimpan: #2600001 ditautkan sebagai duplikat dari #2600009.")
        // A report sent back and disposed again: a pelimpahan, as its history says.
        let relimpah = UIText.doneMessage(DeskRequest(reportID: "2600001", command: .dispose(agency: "kemenkes", unit: nil, rule: nil, note: nil),
                                                      expectedVersion: nil), count: 1, env: env, kind: .pelimpahan).id
        XCTAssertEqual(relimpah, "Tersimpan: #2600001 dilimpahkan ke Kementerian Kesehatan.")
    }

    func testRecordedNoteClosesTheFormAndUpdatesTheDesk() throws {
        var b = try Bench()
        b.state.press(.enter, .char("c"))
        b.state.type("Pelapor ditelepon, jadwal sudah dicek.")
        let before = try XCTUnwrap(b.state.desk[Fixture.ID.overdue])
        let effects = b.state.press(.ctrl("s"))
        // No version: a note adds to the report whatever happened to it meanwhile (QA).
        XCTAssertEqual(effects, [.perform([DeskRequest(reportID: Fixture.ID.overdue, command: .addNote("Pelapor ditelepon, jadwal sudah dicek."),
                                                      expectedVersion: nil)])])
        XCTAssertEqual(before.version, b.state.desk[Fixture.ID.overdue]?.version)
        b.run(effects)
        XCTAssertNil(b.state.overlay)
        let after = try XCTUnwrap(b.state.desk[Fixture.ID.overdue])
        XCTAssertEqual(after.version, before.version + 1)
        XCTAssertEqual(after.trail.count, before.trail.count + 1)
        XCTAssertEqual(b.state.detail.openedVersion, after.version, "our own change is not 'changed underneath'")
        XCTAssertFalse(b.state.detail.changedUnderneath)
        XCTAssertEqual(b.state.message, msg(.success, "Tersimpan: catatan internal pada #2600001 (tidak dilihat pelapor)."))
        XCTAssertEqual(b.state.focus, .detail, "the officer stays on the report")
    }

    func testStaleActionIsSentWithTheOldVersionAndRefused() throws {
        var b = try Bench()
        b.state.press(.enter)
        let opened = try XCTUnwrap(b.state.detail.openedVersion)
        // Another officer changes the report while it is open here.
        let peer = try b.peerStore()
        let foreign = try peer.perform(.setPriority(.tinggi), on: Fixture.ID.overdue, as: Fixture.otherOfficer, now: Fixture.now)
        b.state.press(.char("t"))
        b.state.type("Mohon kirim foto pintu yang terkunci.")
        let formBefore = b.state.form
        step(&b.state, .journalEvents(foreign)) {
            $0.detail.changedUnderneath = true
            $0.deskSeq = foreign.last?.seq ?? 0
            $0.message = msg(.error, "Laporan #2600001 baru saja diubah oleh dewi (prioritas diubah). Periksa sebelum bertindak.")
            $0.detail.changeWarning = DetailState.ChangeWarning(message: $0.message!, report: Fixture.ID.overdue)
        }
        XCTAssertEqual(b.state.form, formBefore, "the open form is kept")
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.version, opened + 1)
        let effects = b.state.press(.ctrl("s"))
        XCTAssertEqual(effects, [.perform([DeskRequest(reportID: Fixture.ID.overdue,
                                                      command: .postpone(question: "Mohon kirim foto pintu yang terkunci."),
                                                      expectedVersion: opened)])], "the version the officer saw, not the new one")
        b.run(effects)
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.status, .baru, "the domain refused the stale postpone")
        XCTAssertNotNil(b.state.form)
        XCTAssertEqual(b.state.message?.kind, .error)
        XCTAssertTrue(b.state.detail.changedUnderneath)
        // The first Esc asks before throwing the typed text away; the second closes the form.
        b.state.press(.escape)
        XCTAssertNotNil(b.state.form, "one Esc never discards typed text")
        // Reloading (Esc back to the inbox, Enter) takes the new version; the same action then succeeds.
        b.state.press(.escape, .escape, .enter)
        XCTAssertEqual(b.state.detail.openedVersion, opened + 1)
        XCTAssertFalse(b.state.detail.changedUnderneath)
        b.state.press(.char("t"))
        b.state.type("Mohon kirim foto.")
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.status, .tunda)
    }

    func testForeignEventsOnOtherReportsDoNotDisturb() throws {
        var b = try Bench()
        b.state.press(.char("j"))
        let peer = try b.peerStore()
        let (id, _) = try peer.receive(Intake(channel: .web, receivedAt: Fixture.now, title: "Laporan baru dari konsol lain",
                                              body: "Isi."), as: .system, now: Fixture.now)
        let events = try b.store.poll()
        XCTAssertEqual(events.count, 1)
        ConsoleReducer.reduce(&b.state, .journalEvents(events))
        XCTAssertTrue(b.state.inbox.rows.contains(id))
        XCTAssertEqual(b.state.inbox.selectedID, Fixture.ID.secret, "the cursor stays on the same report")
        XCTAssertEqual(b.state.message, msg(.info, "1 laporan baru masuk."))
        XCTAssertFalse(b.state.detail.changedUnderneath)
        // Events already folded in are ignored when delivered twice.
        let seq = b.state.desk.lastSeq
        ConsoleReducer.reduce(&b.state, .journalEvents(events))
        XCTAssertEqual(b.state.desk.lastSeq, seq)
    }

    /// QA: "1 results for “PWNED”", "1 reports marked." — English counts of one are singular.
    func testEnglishCountsOfOneAreSingular() throws {
        var b = try Bench()
        b.state.press(.char("L"), .char("/"))
        b.state.type("ktp")
        b.state.press(.enter)
        XCTAssertEqual(b.state.message, msg(.info, "1 result for “ktp” (n/N next/previous, Esc clears)"))
        b.state.press(.escape, .char("/"))
        b.state.type("pu")
        b.state.press(.enter)
        XCTAssertEqual(b.state.message, msg(.info, "2 results for “pu” (n/N next/previous, Esc clears)"))
        b.state.press(.escape, .char(" "))
        XCTAssertEqual(b.state.message, msg(.info, "1 report marked."))
        b.state.press(.char(" "))
        XCTAssertEqual(b.state.message, msg(.info, "2 reports marked."))
        b.state.press(.escape, .char("f"), .tab, .tab, .tab, .tab, .tab, .tab, .right, .enter)
        XCTAssertEqual(b.state.message, msg(.info, "1 report matches the filter."))
        b.state.press(.char("F"), .char("f"), .enter)
        XCTAssertEqual(b.state.message, msg(.info, "5 reports match the filter."))
        let peer = try b.peerStore()
        _ = try peer.receive(Intake(channel: .web, receivedAt: Fixture.now, title: "Laporan baru dari konsol lain", body: "Isi."),
                             as: .system, now: Fixture.now)
        ConsoleReducer.reduce(&b.state, .journalEvents(try b.store.poll()))
        XCTAssertEqual(b.state.message, msg(.info, "1 new report arrived."))
        b.state.message = nil // arrivals add up while their message is shown (ArrivalMessageTests)
        for _ in 0..<2 {
            _ = try peer.receive(Intake(channel: .web, receivedAt: Fixture.now, title: "Laporan lain", body: "Isi."), as: .system, now: Fixture.now)
        }
        ConsoleReducer.reduce(&b.state, .journalEvents(try b.store.poll()))
        XCTAssertEqual(b.state.message, msg(.info, "2 new reports arrived."))
        // The same rule for the Laporan figures and the lesson strip.
        XCTAssertEqual([0, 1, 2].map { UIText.counted($0, "report") }, ["0 reports", "1 report", "2 reports"])
        XCTAssertEqual(UIText.counted(1, "working day"), "1 working day")
    }

    func testFlagToggleAsksFirstAndSaysWhoWillSee() throws {
        var s = try Fixture.state()
        s.press(.char("j"), .enter)
        let version = s.detail.openedVersion
        let request = DeskRequest(reportID: Fixture.ID.secret, command: .setFlags(anonymous: false, confidential: nil),
                                  expectedVersion: version)
        step(&s, key: .char("A")) {
            $0.overlay = .confirm(Confirmation(
                title: "Cabut ANONIM dari #2600002?",
                lines: ["PERHATIAN: nama, NIK, telepon dan email pelapor akan terlihat oleh instansi tujuan, penghubung unit kerja dan pengamat."],
                requests: [request]))
        }
        step(&s, key: .char("x"))  // other keys do nothing
        step(&s, key: .char("n")) { $0.overlay = nil; $0.message = msg(.info, "Dibatalkan.") }
        s.press(.char("A"))
        step(&s, key: .char("y"), effects: [.perform([request])]) {
            $0.overlay = nil
            $0.pendingRequests = 1
            $0.message = msg(.info, "Menyimpan…")
        }
    }

    func testActionMenuRunsTheChosenAction() throws {
        var s = try Fixture.state()
        s.press(.enter, .char("m"))
        guard case let .menu(m) = s.overlay else { return XCTFail("menu expected") }
        XCTAssertEqual(m.items.first, .act(.dispose))
        XCTAssertEqual(m.items.suffix(2), [.toggleAnonymous, .toggleConfidential])
        s.press(.char("j"))
        s.press(.enter)
        XCTAssertEqual(s.form?.purpose, .action(.postpone), "the second item")
        s.press(.escape, .char("m"), .char("a"))
        XCTAssertEqual(s.form?.purpose, .action(.archive), "a bound key runs its item directly")
    }

    func testActionsThatDoNotApplyToTheStatusAreRefusedBeforeAForm() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("2600009")
        s.press(.enter)
        step(&s, key: .char("a")) {
            $0.message = msg(.error, "#2600009: 'Arsipkan' tidak dapat dilakukan pada status Selesai.", about: Fixture.ID.closed)
        }
    }
}

/// Keys cannot act on a dialog the officer cannot see.
final class TooSmallStepTests: XCTestCase {
    func testAConfirmationHiddenByATinyTerminalCannotBeAnswered() throws {
        var s = try Fixture.state()
        s.press(.char("j"), .enter, .char("A"))
        let confirm = s.overlay
        XCTAssertNotNil(confirm)
        ConsoleReducer.reduce(&s, .resize(Size(width: 30, height: 8)))
        XCTAssertEqual(ConsoleRenderer.render(s).textRows()[2].trimmingCharacters(in: .whitespaces), "Layar terlalu kecil")
        step(&s, key: .char("y"))
        step(&s, key: .enter)
        step(&s, key: .escape)
        ConsoleReducer.reduce(&s, .resize(Size(width: 80, height: 24)))
        XCTAssertEqual(s.overlay, confirm, "the question is still open, unanswered")
        step(&s, key: .char("n")) { $0.overlay = nil; $0.message = msg(.info, "Dibatalkan.") }
    }

    func testQuitStillWorksWhenTiny() throws {
        var s = try Fixture.state(size: Size(width: 20, height: 5))
        s.overlay = .help(scroll: 0)
        step(&s, key: .char("q"), effects: [.quit])
    }
}
