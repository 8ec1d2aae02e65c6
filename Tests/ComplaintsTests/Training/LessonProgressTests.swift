@testable import Complaints
import Foundation
import XCTest

/// The lesson engine: steps are done by journal events (any order), known mistakes are explained, events
/// from the scenario as built never count, and the cursor follows progress and the trainer's skip/back.
final class LessonProgressTests: XCTestCase {
    let lesson = Lesson(steps: [
        LessonStep(instruction: Localized("Disposisikan {A} ke Pemkab Sleman", en: "Dispose {A} to Sleman"),
                   expect: EventPattern(verb: .dispose, reportExternalID: "A", fields: ["agency": "pemkab-sleman"]),
                   praise: Localized("Tepat", en: "Right"),
                   wrongMoves: [WrongMove(pattern: EventPattern(verb: .dispose, reportExternalID: "A", fields: ["agency": "kemenkes"]),
                                          explanation: Localized("Puskesmas urusan kabupaten", en: "Regency business")),
                                WrongMove(pattern: EventPattern(verb: .archive, reportExternalID: "A"),
                                          explanation: Localized("Jangan arsipkan {A}", en: "Do not archive {A}"))]),
        LessonStep(instruction: Localized("Rahasiakan {B}", en: "Make {B} confidential"),
                   expect: EventPattern(verb: .setFlags, reportExternalID: "B", fields: ["confidential": "true"]),
                   praise: Localized("Benar", en: "Correct")),
        LessonStep(instruction: Localized("Hapus {C}", en: "Delete {C}"),
                   expect: EventPattern(verb: .delete, reportExternalID: "C", fields: ["reason": "spam"]),
                   praise: Localized("Bagus", en: "Good")),
    ])

    func disposed(_ agency: String) -> DomainEvent { .disposed(Disposition(agency: agency, kind: .disposisi)) }

    func testAMatchingEventCompletesTheStepAndPraises() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 10)
        p.observe(seq: 11, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertEqual(p.completed, [true, false, false])
        XCTAssertEqual(p.feedback, .praise(step: 0, text: Localized("Tepat", en: "Right")))
        XCTAssertEqual(p.firstOpenStep, 1)
    }

    /// QA: "✓ Bagus! Pelajaran selesai" under two steps marked ✗. The last step's praise, shown while other
    /// steps are not done, says the lesson is not complete; with every step done it is shown as written.
    func testTheLastStepsPraiseSaysWhenEarlierStepsAreNotDone() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: .deleted(reason: .spam, note: nil), externalID: "C")
        XCTAssertEqual(p.feedback, .praise(step: 2, text: Localized("Bagus", en: "Good")))
        XCTAssertEqual(p.shownFeedback, .praise(step: 2, text: Localized(
            "Bagus (Pelajaran belum tuntas: 2 langkah lain belum berhasil.)", en: "Good (The lesson is not complete: 2 other steps are not done.)")))
        p.observe(seq: 2, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertEqual(p.shownFeedback, p.feedback, "an earlier step's praise is shown as written")
        var inOrder = LessonProgress(lesson: lesson, baselineSeq: 0)
        inOrder.observe(seq: 1, event: disposed("pemkab-sleman"), externalID: "A")
        inOrder.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: true), externalID: "B")
        inOrder.observe(seq: 3, event: .deleted(reason: .spam, note: nil), externalID: "C")
        XCTAssertTrue(inOrder.isFinished)
        XCTAssertEqual(inOrder.shownFeedback, .praise(step: 2, text: Localized("Bagus", en: "Good")))
    }

    /// QA: one `set-flags` setting both marks did the step (rahasia) and its known mistake (anonim) at once,
    /// and was praised. The mistake's explanation is shown; a mistake marked `fails_step` fails the step. A
    /// mistake that asks nothing the step leaves open (any dispose) does not undo the right dispose.
    func testAnEventThatAlsoDoesAKnownMistakeIsExplainedNotPraised() {
        let anonymous = EventPattern(verb: .setFlags, reportExternalID: "B", fields: ["anonymous": "true"])
        func lesson(failsStep: Bool) -> Lesson {
            Lesson(steps: [LessonStep(instruction: Localized("Rahasiakan {B}", en: "Make {B} confidential"),
                                      expect: EventPattern(verb: .setFlags, reportExternalID: "B", fields: ["confidential": "true"]),
                                      praise: Localized("Benar", en: "Correct"),
                                      wrongMoves: [WrongMove(pattern: anonymous, explanation: Localized("Bukan anonim", en: "Not anonymous"),
                                                             failsStep: failsStep)])])
        }
        var p = LessonProgress(lesson: lesson(failsStep: false), baselineSeq: 0)
        p.observe(seq: 1, event: .flagsSet(anonymous: true, confidential: true), externalID: "B")
        XCTAssertEqual(p.feedback, .mistake(step: 0, text: Localized("Bukan anonim", en: "Not anonymous")))
        XCTAssertEqual(p.completed, [true], "the step itself was done")
        var failing = LessonProgress(lesson: lesson(failsStep: true), baselineSeq: 0)
        failing.observe(seq: 1, event: .flagsSet(anonymous: true, confidential: true), externalID: "B")
        XCTAssertEqual(failing.completed, [false])
        XCTAssertEqual(failing.failed, [true])
        var right = LessonProgress(lesson: lesson(failsStep: true), baselineSeq: 0)
        right.observe(seq: 1, event: .flagsSet(anonymous: nil, confidential: true), externalID: "B")
        XCTAssertEqual(right.feedback, .praise(step: 0, text: Localized("Benar", en: "Correct")))
        // The shared lesson's first step has "dispose (to kemenkes)" as a mistake; "any archive" is not one
        // the right dispose can do, and the right dispose is praised.
        var dispose = LessonProgress(lesson: self.lesson, baselineSeq: 0)
        dispose.observe(seq: 1, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertEqual(dispose.feedback, .praise(step: 0, text: Localized("Tepat", en: "Right")))
    }

    func testTheSameVerbWithOtherFieldsOrOnAnotherReportDoesNotCount() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: disposed("pemkab-sleman"), externalID: "B")
        p.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: false), externalID: "B")
        p.observe(seq: 3, event: .deleted(reason: .tidakTerbaca, note: nil), externalID: "C")
        XCTAssertEqual(p.completed, [false, false, false])
    }

    func testAKnownWrongMoveGetsItsExplanation() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: disposed("kemenkes"), externalID: "A")
        XCTAssertEqual(p.feedback, .mistake(step: 0, text: Localized("Puskesmas urusan kabupaten", en: "Regency business")))
        XCTAssertFalse(p.isFinished)
    }

    /// QA: the confidentiality lesson praised a dispose made after the rahasia mark had been removed. A
    /// mistake marked `fails_step` makes the step fail: the right action afterwards is not praised.
    func testAMistakeThatFailsTheStepIsNotUndoneByTheRightActionAfterIt() {
        let ordered = Lesson(steps: [
            LessonStep(instruction: Localized("Disposisikan {D}; rahasia tetap", en: "Dispose {D}; keep rahasia"),
                       expect: EventPattern(verb: .dispose, reportExternalID: "D", fields: ["agency": "pemkab-tangerang"]),
                       praise: Localized("Selesai", en: "Done"),
                       wrongMoves: [WrongMove(pattern: EventPattern(verb: .setFlags, reportExternalID: "D", fields: ["confidential": "false"]),
                                              explanation: Localized("Jangan lepas rahasia", en: "Never remove rahasia"), failsStep: true),
                                    WrongMove(pattern: EventPattern(verb: .tag, reportExternalID: "D"),
                                              explanation: Localized("Tidak perlu tag", en: "No tags needed"))]),
        ])
        // Named as a desk names its lessons (the flag must survive filling in the tracking ids).
        var p = LessonProgress(lesson: ordered.naming(["D": "2600009"]), baselineSeq: 0)
        p.observe(seq: 1, event: .flagsSet(anonymous: nil, confidential: false), externalID: "D")
        p.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: true), externalID: "D")
        p.observe(seq: 3, event: disposed("pemkab-tangerang"), externalID: "D")
        XCTAssertEqual(p.completed, [false])
        XCTAssertEqual(p.failed, [true])
        XCTAssertEqual(p.feedback, .mistake(step: 0, text: LessonProgress.failedStep))
        // Putting the mark back, as the explanation says to, earns no ✗ of its own (QA).
        var r = LessonProgress(lesson: ordered, baselineSeq: 0)
        r.observe(seq: 1, event: .flagsSet(anonymous: nil, confidential: false), externalID: "D")
        r.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: true), externalID: "D")
        XCTAssertEqual(r.feedback, .mistake(step: 0, text: Localized("Jangan lepas rahasia", en: "Never remove rahasia")),
                       "the explanation stays; no new mistake is pointed out")
        // A mistake without `fails_step` is explained but the step can still be passed.
        var q = LessonProgress(lesson: ordered, baselineSeq: 0)
        q.observe(seq: 1, event: .tagged(add: ["x"], remove: []), externalID: "D")
        q.observe(seq: 2, event: disposed("pemkab-tangerang"), externalID: "D")
        XCTAssertEqual(q.completed, [true])
    }

    /// QA: one `*` (practice clock to the next deadline) at the start of the deadlines lesson auto-closed the
    /// report whose acceptance is its last step; the strip waited for ever. The step fails, saying why.
    func testAReportClosedByTheClockFailsTheStepThatWaitedForItsReporter() {
        let waiting = Lesson(steps: [
            LessonStep(instruction: Localized("Catat {E}", en: "Note {E}"),
                       expect: EventPattern(verb: .note, reportExternalID: "E"), praise: Localized("Ya", en: "Yes")),
            LessonStep(instruction: Localized("Pelapor {E} menerima", en: "{E}'s reporter accepts"),
                       expect: EventPattern(verb: .accept, reportExternalID: "E"), praise: Localized("Selesai", en: "Done")),
        ])
        var p = LessonProgress(lesson: waiting, baselineSeq: 0)
        p.observe(seq: 1, event: .autoClosed, externalID: "F")
        XCTAssertEqual(p.failed, [false, false], "another report closing changes nothing")
        XCTAssertNil(p.feedback)
        p.observe(seq: 2, event: .autoClosed, externalID: "E")
        XCTAssertEqual(p.failed, [false, true], "a note can still be written on a closed report")
        XCTAssertEqual(p.feedback, .mistake(step: 1, text: LessonProgress.closedByTheClock(step: 1)))
        XCTAssertTrue(LessonProgress.closedByTheClock(step: 1).id.hasPrefix("Langkah 2 "))
        p.observe(seq: 3, event: .noteAdded(text: "x"), externalID: "E")
        XCTAssertEqual(p.completed, [true, false])
        // A step that asks for the report to close by itself is still passed by it.
        let closing = Lesson(steps: [LessonStep(instruction: Localized("Majukan jam", en: "Move the clock"),
                                                expect: EventPattern(verb: .autoClose, reportExternalID: "E"),
                                                praise: Localized("Tertutup", en: "Closed"))])
        var q = LessonProgress(lesson: closing, baselineSeq: 0)
        q.observe(seq: 1, event: .autoClosed, externalID: "E")
        XCTAssertEqual(q.completed, [true])
    }

    /// A report passed to the wrong unit can be passed on: the mistake is explained, the right unit passes.
    func testAWrongUnitCanBeCorrected() {
        let units = Lesson(steps: [
            LessonStep(instruction: Localized("Teruskan {G} ke Disnaker", en: "Pass {G} to manpower"),
                       expect: EventPattern(verb: .assignUnit, reportExternalID: "G", fields: ["unit": "pemprov-bali/disnaker"]),
                       praise: Localized("Tepat", en: "Right"),
                       wrongMoves: [WrongMove(pattern: EventPattern(verb: .assignUnit, reportExternalID: "G"),
                                              explanation: Localized("Pilih Disnaker", en: "Choose manpower"))]),
        ])
        var p = LessonProgress(lesson: units, baselineSeq: 0)
        p.observe(seq: 1, event: .assignedToUnit(unit: "pemprov-bali/dinkes"), externalID: "G")
        XCTAssertEqual(p.feedback, .mistake(step: 0, text: Localized("Pilih Disnaker", en: "Choose manpower")))
        XCTAssertEqual(p.failed, [false])
        p.observe(seq: 2, event: .assignedToUnit(unit: "pemprov-bali/disnaker"), externalID: "G")
        XCTAssertEqual(p.completed, [true])
    }

    func testAnUnlistedActionOnTheOpenStepsReportSaysItIsNotWhatWasAsked() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: .noteAdded(text: "x"), externalID: "A")
        guard case let .mistake(step, text)? = p.feedback else { return XCTFail("expected a mistake, got \(String(describing: p.feedback))") }
        XCTAssertEqual(step, 0)
        XCTAssertEqual(text, Localized("Tercatat: Catatan internal, tetapi langkah ini meminta: Verifikasi & disposisi.",
                                       en: "Recorded: Internal note, but this step asks for: Verify & dispose."))
        // An action on an unrelated report says nothing.
        var q = LessonProgress(lesson: lesson, baselineSeq: 0)
        q.observe(seq: 1, event: .noteAdded(text: "x"), externalID: "Z")
        XCTAssertNil(q.feedback)
    }

    /// The right action with another value than the step asks: the feedback names the field and both values.
    func testAnUnlistedValueIsNamedWithWhatTheStepWants() {
        var c = LessonCursor(progress: LessonProgress(lesson: lesson, baselineSeq: 0))
        c.skip()
        c.skip()
        XCTAssertEqual(c.position, 2)
        c.observe(seq: 1, event: .deleted(reason: .tidakTerbaca, note: nil), externalID: "C")
        XCTAssertEqual(c.progress.feedback, .mistake(step: 2, text: Localized(
            "Tercatat, tetapi alasan seharusnya ‘Spam’, bukan ‘Tidak dapat dipahami’.",
            en: "Recorded, but the reason should be ‘Spam’, not ‘Unintelligible’.")), "judged against the step on screen")
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: .disposed(Disposition(agency: "pemkab-bantul", kind: .disposisi)), externalID: "A")
        XCTAssertEqual(p.feedback, .mistake(step: 0, text: Localized(
            "Tercatat, tetapi instansi seharusnya pemkab-sleman, bukan pemkab-bantul.",
            en: "Recorded, but the agency should be pemkab-sleman, not pemkab-bantul.")))
        // With the desk's directory the agencies are named as the trainee sees them (QA: ids in the feedback).
        var named = LessonProgress(lesson: lesson.naming([:], agencyNames: ["pemkab-sleman": "Pemerintah Kabupaten Sleman",
                                                                              "pemkab-bantul": "Pemerintah Kabupaten Bantul"]), baselineSeq: 0)
        named.observe(seq: 1, event: .disposed(Disposition(agency: "pemkab-bantul", kind: .disposisi)), externalID: "A")
        XCTAssertEqual(named.feedback, .mistake(step: 0, text: Localized(
            "Tercatat, tetapi instansi seharusnya ‘Pemerintah Kabupaten Sleman’, bukan ‘Pemerintah Kabupaten Bantul’.",
            en: "Recorded, but the agency should be ‘Pemerintah Kabupaten Sleman’, not ‘Pemerintah Kabupaten Bantul’.")))
    }

    /// Skipping past a step with a ✗ leaves its explanation behind; a praise stays.
    func testSkippingForgetsTheMistakeOfTheStepLeftBehind() {
        var c = LessonCursor(progress: LessonProgress(lesson: lesson, baselineSeq: 0))
        c.observe(seq: 1, event: disposed("kemenkes"), externalID: "A")
        XCTAssertNotNil(c.progress.feedback)
        c.skip()
        XCTAssertNil(c.progress.feedback)
        c.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: true), externalID: "B")
        c.back()
        XCTAssertEqual(c.progress.feedback, .praise(step: 1, text: Localized("Benar", en: "Correct")))
    }

    func testStepsMayBeDoneInAnyOrderAndBaselineEventsNeverCount() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 5)
        p.observe(seq: 4, event: .deleted(reason: .spam, note: nil), externalID: "C")
        XCTAssertEqual(p.completed, [false, false, false], "part of the scenario as built")
        p.observe(seq: 6, event: .deleted(reason: .spam, note: nil), externalID: "C")
        p.observe(seq: 7, event: .flagsSet(anonymous: nil, confidential: true), externalID: "B")
        XCTAssertEqual(p.completed, [false, true, true])
        p.observe(seq: 7, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertFalse(p.completed[0], "an event already seen is ignored")
        p.observe(seq: 8, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertTrue(p.isFinished)
    }

    func testTheCursorFollowsProgressAndTheTrainersSkipAndBack() {
        var c = LessonCursor(progress: LessonProgress(lesson: lesson, baselineSeq: 0))
        XCTAssertEqual(c.position, 0)
        c.observe(seq: 1, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertEqual(c.position, 1, "moves on by itself")
        c.skip()
        XCTAssertEqual(c.position, 2)
        c.back()
        c.back()
        XCTAssertEqual(c.position, 0, "back shows a done step again")
        c.back()
        XCTAssertEqual(c.position, 0)
        c.skip()
        c.observe(seq: 2, event: .flagsSet(anonymous: nil, confidential: true), externalID: "B")
        XCTAssertEqual(c.position, 2)
        c.observe(seq: 3, event: .deleted(reason: .spam, note: nil), externalID: "C")
        XCTAssertTrue(c.isFinished)
        XCTAssertNil(c.currentStep)
        c.skip()
        XCTAssertEqual(c.position, 3)
    }

    func testARestartedCursorStartsAtTheFirstOpenStep() {
        var p = LessonProgress(lesson: lesson, baselineSeq: 0)
        p.observe(seq: 1, event: disposed("pemkab-sleman"), externalID: "A")
        XCTAssertEqual(LessonCursor(progress: p).position, 1)
    }

    func testNamingFillsTrackingIDsIntoEveryText() {
        let named = lesson.naming(["A": ReportID("2600003"), "B": ReportID("2600004")])
        XCTAssertEqual(named.steps[0].instruction.id, "Disposisikan #2600003 ke Pemkab Sleman")
        XCTAssertEqual(named.steps[0].wrongMoves[1].explanation.en, "Do not archive #2600003")
        XCTAssertEqual(named.steps[1].instruction.en, "Make #2600004 confidential")
        XCTAssertEqual(named.steps[2].instruction.id, "Hapus {C}", "an unknown name stays as written")
        XCTAssertEqual(named.steps[0].expect, lesson.steps[0].expect, "patterns keep external ids")
    }
}
