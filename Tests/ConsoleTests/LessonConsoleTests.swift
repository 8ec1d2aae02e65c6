import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// The lesson strip in the console: progress from journal events (not keys), praise and explanations,
/// `}` / `{`, `:reset-practice` with confirmation, and the golden screens.
final class LessonConsoleTests: XCTestCase {
    func lessonState(size: Size = Size(width: 120, height: 40), practice: Bool = true) throws -> ConsoleState {
        var s = try Fixture.state(size: size)
        s.env.isPractice = practice
        let ext = { (id: ReportID) in s.desk[id]?.externalID ?? "?" }
        let overdue = ext(Fixture.ID.overdue)
        let lesson = Lesson(steps: [
            LessonStep(instruction: Localized("Verifikasi laporan {\(overdue)} dan disposisikan ke Pemerintah Kabupaten Sleman.",
                                              en: "Verify report {\(overdue)} and dispose it to the Sleman regency government."),
                       expect: EventPattern(verb: .dispose, reportExternalID: overdue, fields: ["agency": "pemkab-sleman"]),
                       praise: Localized("Tepat! Puskesmas dikelola pemerintah kabupaten.", en: "Right! Puskesmas are run by the regency."),
                       wrongMoves: [WrongMove(pattern: EventPattern(verb: .dispose, reportExternalID: overdue, fields: ["agency": "kemenkes"]),
                                              explanation: Localized("Puskesmas adalah urusan pemerintah kabupaten, bukan kementerian.",
                                                                     en: "Puskesmas are the regency's business, not a ministry's."))]),
            LessonStep(instruction: Localized("Tulis catatan internal pada {\(overdue)}.", en: "Write an internal note on {\(overdue)}."),
                       expect: EventPattern(verb: .note, reportExternalID: overdue),
                       praise: Localized("Bagus.", en: "Good.")),
        ])
        let ids = Dictionary(uniqueKeysWithValues: s.desk.all.compactMap { r in r.externalID.map { ($0, r.id) } })
        s.lesson = LessonSession(title: Localized("Dasar: triase pertama", en: "Basics: first triage"),
                                 cursor: LessonCursor(progress: LessonProgress(lesson: lesson.naming(ids), baselineSeq: s.desk.lastSeq)))
        return s
    }

    func event(_ s: ConsoleState, _ id: ReportID, _ e: DomainEvent) -> RecordedEvent {
        RecordedEvent(seq: s.desk.lastSeq + 1, id: "e\(s.desk.lastSeq + 1)", reportID: id, at: Fixture.now,
                      actor: Actor(name: "rina", role: .adminNasional), event: e)
    }

    func testTheStripShowsTheStepWithItsReportNumber() throws {
        let s = try lessonState()
        let screen = ConsoleRenderer.render(s).snapshot()
        XCTAssertTrue(screen.contains("PELAJARAN · Langkah 1/2"), screen)
        XCTAssertTrue(screen.contains("Verifikasi laporan #\(Fixture.ID.overdue.rawValue)"), screen)
        XCTAssertTrue(screen.contains("} lewati  { kembali"), screen)
    }

    /// QA: at 80x24 the demo's first instruction was cut after two rows ("Tekan d, pilih instansi usulan…")
    /// while the feedback rows under it were empty. The instruction uses them until there is feedback.
    func testALongInstructionUsesTheFeedbackRowsWhileThereIsNoFeedback() throws {
        var s = try lessonState(size: Size(width: 60, height: 24))
        let words = "Verifikasi laporan ini, periksa lokasi dan kategori, lalu disposisikan ke instansi usulan aturan."
        s.lesson?.title = Localized("Panjang", en: "Long")
        let long = Lesson(steps: [LessonStep(instruction: Localized(words + " " + words + " Tekan d.", en: "x"),
                                             expect: EventPattern(verb: .note, reportExternalID: "WEB-1001"),
                                             praise: Localized("Bagus.", en: "Good."))])
        s.lesson?.cursor = LessonCursor(progress: LessonProgress(lesson: long, baselineSeq: s.desk.lastSeq))
        let rows = ConsoleRenderer.render(s).textRows()
        let strip = rows.suffix(LessonStrip.height - 1).joined(separator: " ")
        XCTAssertTrue(strip.contains("Tekan d."), strip)
        XCTAssertFalse(strip.contains("…"), strip)
    }

    /// QA: at 60x20 with feedback shown, the instruction was cut and its end (the point of the step) shown
    /// nowhere. Help (`?`) opens with the step whole.
    func testHelpShowsTheWholeStep() throws {
        var s = try lessonState(size: Size(width: 60, height: 20))
        s.press(.char("?"))
        let lines = OverlayView.helpLines(s).map(\.text)
        XCTAssertEqual(lines.first, "Langkah 1/2: Verifikasi laporan #\(Fixture.ID.overdue.rawValue) dan disposisikan ke Pemerintah Kabupaten Sleman.")
    }

    /// QA: at 80x24 a long explanation of a mistake was cut, and nothing showed it whole. After a move the
    /// feedback takes the rows it needs; the instruction keeps one.
    func testALongExplanationIsShownWholeAt80x24() throws {
        var s = try lessonState(size: Size(width: 80, height: 24))
        let overdue = s.desk[Fixture.ID.overdue]?.externalID ?? "?"
        let long = "Puskesmas adalah urusan pemerintah kabupaten, bukan kementerian atau provinsi. Disposisi ke instansi lain "
            + "membuat laporan harus dilimpahkan ulang dan pelapor menunggu lebih lama. Akhir penjelasan."
        let lesson = Lesson(steps: [LessonStep(
            instruction: Localized("Verifikasi laporan {\(overdue)} (antrean puskesmas) dan disposisikan ke Pemerintah Kabupaten Sleman (Dinas Kesehatan). Tekan d, pilih instansi usulan, Enter.", en: "x"),
            expect: EventPattern(verb: .dispose, reportExternalID: overdue, fields: ["agency": "pemkab-sleman"]),
            praise: Localized("Tepat", en: "Right"),
            wrongMoves: [WrongMove(pattern: EventPattern(verb: .dispose, reportExternalID: overdue, fields: ["agency": "kemenkes"]),
                                   explanation: Localized(long, en: long))])])
        let ids = Dictionary(uniqueKeysWithValues: s.desk.all.compactMap { r in r.externalID.map { ($0, r.id) } })
        s.lesson?.cursor = LessonCursor(progress: LessonProgress(lesson: lesson.naming(ids), baselineSeq: s.desk.lastSeq))
        ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .disposed(Disposition(agency: "kemenkes", kind: .disposisi)))]))
        let strip = ConsoleRenderer.render(s).textRows().suffix(LessonStrip.height - 1).joined(separator: " ")
        XCTAssertTrue(strip.contains("Akhir penjelasan."), strip)
    }

    /// QA (twice): at 60x20, after a step was done, the next step's instruction showed as one cut line under
    /// three lines of praise. After praise the new instruction comes first; the praise takes what is left.
    func testAfterPraiseTheNextInstructionComesFirstAt60x20() throws {
        var s = try lessonState(size: Size(width: 60, height: 20))
        let overdue = s.desk[Fixture.ID.overdue]?.externalID ?? "?"
        let praise = "Tepat! Puskesmas dikelola pemerintah kabupaten, jadi disposisinya ke pemerintah kabupaten, bukan ke kementerian."
        let next = "Sekarang tulis catatan internal pada {\(overdue)}: siapa yang dihubungi dan kapan. Akhir instruksi."
        let lesson = Lesson(steps: [
            LessonStep(instruction: Localized("Disposisikan {\(overdue)} ke Pemerintah Kabupaten Sleman.", en: "x"),
                       expect: EventPattern(verb: .dispose, reportExternalID: overdue, fields: ["agency": "pemkab-sleman"]),
                       praise: Localized(praise, en: praise)),
            LessonStep(instruction: Localized(next, en: next), expect: EventPattern(verb: .note, reportExternalID: overdue),
                       praise: Localized("Bagus.", en: "Good.")),
        ])
        let ids = Dictionary(uniqueKeysWithValues: s.desk.all.compactMap { r in r.externalID.map { ($0, r.id) } })
        s.lesson?.cursor = LessonCursor(progress: LessonProgress(lesson: lesson.naming(ids), baselineSeq: s.desk.lastSeq))
        ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi)))]))
        let strip = ConsoleRenderer.render(s).textRows().suffix(LessonStrip.height - 1)
        XCTAssertTrue(strip.joined(separator: " ").contains("Akhir instruksi."), strip.joined(separator: "\n"))
        XCTAssertTrue(strip.joined(separator: " ").contains("✓ Tepat!"), "the praise keeps a row: \(strip.joined(separator: "\n"))")
    }

    /// The strips raise the minimum: at the bare minimum size the message names the size that fits them,
    /// never the size the terminal already has.
    func testTooSmallMessageCountsTheLessonAndPresenterRows() throws {
        var s = try lessonState(size: Layout.minimum)
        s.presenter = true
        let screen = ConsoleRenderer.render(s).snapshot()
        let need = Layout.minimum.height + LessonStrip.height + 1
        XCTAssertTrue(screen.contains("Min \(Layout.minimum.width)×\(need)"), screen)
        s.size = Size(width: Layout.minimum.width, height: need)
        XCTAssertFalse(ConsoleRenderer.render(s).snapshot().contains("Layar terlalu kecil"), "fits at the size the message names")
    }

    /// The QA case (dasar step 3): the report deleted with the second reason. The strip names the reason the
    /// step wanted, says the step can no longer be done and how to go on; `}` leaves the ✗ behind.
    func testAnUnlistedMoveNamesTheDifferenceAndAStuckStepSaysSkipOrReset() throws {
        var b = try Bench(size: Size(width: 80, height: 30))
        b.state.env.isPractice = true
        b.state.env.language = .en
        let ext = try XCTUnwrap(b.state.desk[Fixture.ID.overdue]?.externalID)
        let lesson = Lesson(steps: [
            LessonStep(instruction: Localized("Hapus {\(ext)} sebagai spam.", en: "Delete {\(ext)} as spam."),
                       expect: EventPattern(verb: .delete, reportExternalID: ext, fields: ["reason": "spam"]),
                       praise: Localized("Benar.", en: "Correct.")),
            LessonStep(instruction: Localized("Tulis catatan.", en: "Write a note."),
                       expect: EventPattern(verb: .note, reportExternalID: ext), praise: Localized("Bagus.", en: "Good.")),
        ])
        let ids = Dictionary(uniqueKeysWithValues: b.state.desk.all.compactMap { r in r.externalID.map { ($0, r.id) } })
        b.state.lesson = LessonSession(title: Localized("Dasar", en: "Basics"),
                                       cursor: LessonCursor(progress: LessonProgress(lesson: lesson.naming(ids), baselineSeq: b.state.desk.lastSeq)))
        XCTAssertFalse(ConsoleRenderer.render(b.state).snapshot().contains("no longer"), "a step that can be done says nothing")
        b.state.press(.char("x"), .right, .right)
        b.run(b.state.press(.ctrl("s")))
        XCTAssertEqual(b.state.desk[Fixture.ID.overdue]?.deleteReason, .tidakTerbaca)
        var screen = ConsoleRenderer.render(b.state).snapshot()
        XCTAssertTrue(screen.contains("✗ Recorded, but the reason should be ‘Spam’, not ‘Unintelligible’."), screen)
        XCTAssertTrue(screen.contains("✗ Can no longer be done: } skip · Ctrl-R start over (#\(Fixture.ID.overdue) Deleted)"), screen)
        b.state.press(.char("}"))
        XCTAssertEqual(b.state.lesson?.cursor.position, 1)
        screen = ConsoleRenderer.render(b.state).snapshot()
        XCTAssertFalse(screen.contains("✗"), "the skipped step's ✗ stays behind: \(screen)")
    }

    func testEventsNotKeysMoveTheLessonAndWrongMovesAreExplained() throws {
        var s = try lessonState()
        _ = s.press(.char("j"), .char("k"))
        XCTAssertEqual(s.lesson?.cursor.position, 0, "keys alone never progress")
        ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .disposed(Disposition(agency: "kemenkes", kind: .disposisi)))]))
        XCTAssertEqual(s.lesson?.cursor.position, 0)
        var screen = ConsoleRenderer.render(s).snapshot()
        XCTAssertTrue(screen.contains("✗ Puskesmas adalah urusan pemerintah kabupaten"), screen)
        // Another console (or `lapor-desk act`) did the right thing: the strip moves on and praises.
        s = try lessonState()
        ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .noteAdded(text: "Sudah ditelepon."))]))
        XCTAssertEqual(s.lesson?.cursor.position, 0, "step 2 done out of order; step 1 still open")
        XCTAssertEqual(s.lesson?.cursor.progress.completed, [false, true])
        ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi)))]))
        XCTAssertEqual(s.lesson?.cursor.isFinished, true)
        screen = ConsoleRenderer.render(s).snapshot()
        XCTAssertTrue(screen.contains("SELESAI 2/2"), screen)
        XCTAssertTrue(screen.contains("✓ Tepat!"), screen)
        XCTAssertEqual(s.message?.kind, .success)
    }

    func testOurOwnDisposeFromTheRoutingPaneCompletesTheStep() throws {
        var s = try lessonState()
        let store = try Fixture.makeStore()
        let effects = s.press(.char("d"), .enter)
        guard case let .perform(requests)? = effects.first else { return XCTFail("expected a request, got \(effects)") }
        var outcomes: [DeskOutcome] = []
        for r in requests {
            let events = try store.perform(r.command, on: r.reportID, as: Fixture.national, now: Fixture.now)
            outcomes.append(DeskOutcome(request: r, result: .recorded(events)))
        }
        ConsoleReducer.reduce(&s, .performed(outcomes))
        XCTAssertEqual(s.lesson?.cursor.position, 1)
        XCTAssertEqual(s.lesson?.cursor.progress.feedback, .praise(step: 0, text: Localized(
            "Tepat! Puskesmas dikelola pemerintah kabupaten.", en: "Right! Puskesmas are run by the regency.")))
    }

    func testSkipAndBackKeysAreInTheKeyTableAndHelp() throws {
        var s = try lessonState()
        XCTAssertEqual(Keymap.standard.command(for: .char("}"), in: .inbox), .lessonNext)
        XCTAssertEqual(Keymap.standard.command(for: .char("{"), in: .detail), .lessonBack)
        _ = s.press(.char("}"))
        XCTAssertEqual(s.lesson?.cursor.position, 1)
        _ = s.press(.char("}"), .char("}"))
        XCTAssertEqual(s.lesson?.cursor.isFinished, true)
        _ = s.press(.char("{"))
        XCTAssertEqual(s.lesson?.cursor.position, 1)
        s.size = Size(width: 120, height: 120)
        _ = s.press(.char("?"))
        let help = ConsoleRenderer.render(s).snapshot()
        XCTAssertTrue(help.contains("pelajaran: langkah berikut"), help)
        XCTAssertTrue(help.contains("ulang latihan dari awal"), help)
        XCTAssertEqual(Keymap.standard.command(for: .ctrl("r"), in: .inbox), .resetPractice)
    }

    func testResetAsksFirstAndOnlyOnAPracticeDesk() throws {
        var real = try lessonState(practice: false)
        _ = real.press(.char(":"))
        _ = real.type("reset-practice")
        let none = real.press(.enter)
        XCTAssertEqual(none, [])
        XCTAssertEqual(real.message?.kind, .error)
        XCTAssertFalse(real.resetRequested)

        var s = try lessonState()
        _ = s.press(.ctrl("r"))
        XCTAssertTrue(ConsoleRenderer.render(s).snapshot().contains("Ulang latihan dari awal?"))
        _ = s.press(.char("n"))
        XCTAssertFalse(s.resetRequested)
        _ = s.press(.char(":"))
        _ = s.type("reset-practice")
        _ = s.press(.enter)
        let effects = s.press(.char("y"))
        XCTAssertEqual(effects, [.quit])
        XCTAssertTrue(s.resetRequested)
    }

    /// QA: a reset deleted a trainer's own files in the practice folder without naming them.
    func testTheResetPromptNamesFilesTheDeskDidNotMake() throws {
        var s = try lessonState()
        s.env.filesAResetWouldDelete = { ["catatan-pelatih.txt", "ekspor/a.csv"] }
        _ = s.press(.ctrl("r"))
        let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        for part in ["Ulang latihan dari awal?", "Ikut dihapus (bukan bagian meja):", "catatan-pelatih.txt", "ekspor/a.csv"] {
            XCTAssertTrue(screen.contains(part), part + "\n" + screen)
        }
        var plain = try lessonState()
        _ = plain.press(.ctrl("r"))
        XCTAssertFalse(ConsoleRenderer.render(plain).textRows().joined().contains("Ikut dihapus"))
    }

    /// QA: a long lesson title was cut mid-word ("pekerjaan yang terlam") at 80 columns.
    func testALongLessonTitleEndsInAnEllipsisBeforeTheKeys() throws {
        var s = try lessonState(size: Size(width: 80, height: 24))
        s.lesson?.title = Localized("Tenggat: pekerjaan yang terlambat dan penundaan yang kedaluwarsa", en: "Deadlines")
        let row = ConsoleRenderer.render(s).textRows().first { $0.contains("PELAJARAN") } ?? ""
        XCTAssertTrue(row.contains("Tenggat: pekerjaan yang terla…"), row)
        XCTAssertTrue(row.hasSuffix("} lewati  { kembali "), row)
    }

    /// The title bar of a practice desk keeps the practice clock (with its zone) at every width a lesson
    /// fits, and the practice marker; the officer's name takes what is left (QA: under 64 columns the clock
    /// gave way to the name).
    func testAPracticeDesksTitleBarKeepsThePracticeClockWhenNarrow() throws {
        for width in [44, 52, 60, 63, 80] {
            var s = try lessonState(size: Size(width: width, height: 24))
            let title = ConsoleRenderer.render(s).textRows()[0]
            XCTAssertTrue(title.contains("LATIHAN"), "\(width): \(title)")
            XCTAssertTrue(title.contains("Jam latihan") && title.contains("WIB"), "\(width): \(title)")
            // QA: in English "Practice clock" took the room of the marker itself at 44 columns. Where both do not
            // fit, the clock gives up its words, never the marker.
            s.press(.char("L"))
            let english = ConsoleRenderer.render(s).textRows()[0]
            XCTAssertTrue(english.contains("PRACTICE") && english.contains("10:00 WIB"), "\(width): \(english)")
        }
    }

    func testGoldenLessonStrip() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            var s = try lessonState(size: size)
            ConsoleReducer.reduce(&s, .journalEvents([event(s, Fixture.ID.overdue, .disposed(Disposition(agency: "kemenkes", kind: .disposisi)))]))
            assertGolden(ConsoleRenderer.render(s), "lesson-strip-\(size.width)x\(size.height)")
        }
    }
}
