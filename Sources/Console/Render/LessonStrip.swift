import Complaints
import TextCanvas

/// The lesson strip under the hints: step n/N with the instruction, then the last feedback (praise or the
/// explanation of a wrong move), or the finished message.
public enum LessonStrip {
    /// Rows the strip takes: a header, then four shared by the instruction and the feedback.
    public static let height = 5

    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ lesson: LessonSession, _ layout: Layout) {
        guard layout.mode != .tooSmall else { return }
        let width = s.size.width
        let top = s.size.height - height
        guard top >= 0, width > 4 else { return }
        let rect = Rect(x: 0, y: top, width: width, height: height)
        c.fill(rect, role: Roles.presenterStrip)
        let cursor = lesson.cursor
        let n = cursor.stepCount
        let stepText: String
        if cursor.isFinished {
            stepText = s.text(Localized("SELESAI \(cursor.progress.doneCount)/\(n)", en: "DONE \(cursor.progress.doneCount)/\(n)"))
        } else {
            let mark = cursor.progress.completed[cursor.position] ? " ✓" : ""
            stepText = s.text(Localized("Langkah \(cursor.position + 1)/\(n)", en: "Step \(cursor.position + 1)/\(n)")) + mark
        }
        var x = c.put(" " + s.text(Localized("PELAJARAN", en: "LESSON")) + " · " + stepText + " ", at: Point(x: 0, y: top),
                      role: Roles.titlePractice)
        // A long title ends in "…" where the keys need the room (QA: "terlam" at 80 columns).
        let titleWidth = max(0, width - x - 24)
        x = c.put(TextFit.truncate(" " + s.text(lesson.title), width: titleWidth), at: Point(x: x, y: top), role: Roles.presenterStrip,
                  clipWidth: titleWidth)
        let keys = s.text(Localized("} lewati  { kembali ", en: "} skip  { back "))
        let kx = width - keys.displayWidth
        if kx > x { c.put(keys, at: Point(x: kx, y: top), role: Roles.hintKey) }
        let instruction: String
        if let step = cursor.currentStep {
            instruction = s.text(step.instruction)
        } else if cursor.progress.isFinished {
            instruction = s.text(Localized(
                "Semua langkah selesai. Bagus! Pelatih dapat mengulang dengan Ctrl-R (:reset-practice).",
                en: "All steps done. Well done! The trainer can start over with Ctrl-R (:reset-practice)."))
        } else {
            let done = cursor.progress.doneCount
            instruction = s.text(Localized(
                "Pelajaran selesai: \(done) dari \(n) langkah dikerjakan, sisanya dilewati. { kembali ke langkah, Ctrl-R mengulang.",
                en: "Lesson over: \(done) of \(UIText.counted(n, "step")) done, the rest skipped. { goes back to a step, Ctrl-R starts over."))
        }
        // Four rows under the header, shared: the feedback takes what it needs (at most two), a stuck step's
        // hint one, and the instruction the rest, so a long instruction is not cut while nothing else is shown.
        let feedback = cursor.progress.shownFeedback.map { feedback -> (lines: [String], role: StyleRole) in
            let (mark, text, role): (String, Localized, StyleRole) = switch feedback {
            case let .praise(_, t): ("✓ ", t, Roles.statusSuccess)
            case let .mistake(_, t): ("✗ ", t, Roles.statusError)
            }
            return (TextFit.wrap(mark + s.text(text), width: width - 2), role)
        }
        // A step whose report has moved on (deleted, archived, already disposed) can no longer be done: a row
        // says so and how to go on.
        let stuck = stuckHint(s, cursor)
        let lines = TextFit.wrap(instruction, width: width - 2)
        let stuckRows = stuck == nil ? 0 : 1
        // After a move the feedback matters most (the instruction was read): it takes what it needs, leaving
        // the instruction at least one row (QA: a long explanation was cut at 80x24 and shown nowhere else).
        // A step that can no longer be done needs no instruction: its row goes to the explanation.
        // After praise the step has moved on: its instruction is new and unread, so it comes first and the
        // praise takes what is left (QA: at 60x20 the next step showed one cut line under three of praise).
        let minInstruction = stuck == nil ? 1 : 0
        let praised = if case .praise = cursor.progress.shownFeedback { true } else { false }
        let feedbackRows: Int
        if praised, stuck == nil, let feedback {
            let instructionNeeds = min(lines.count, height - 1 - 1)
            feedbackRows = min(feedback.lines.count, height - 1 - instructionNeeds)
        } else {
            feedbackRows = min(feedback?.lines.count ?? 0, height - 1 - stuckRows - minInstruction)
        }
        let instructionRows = max(minInstruction, min(lines.count, height - 1 - feedbackRows - stuckRows))
        var y = top + 1
        putCut(&c, lines, rows: instructionRows, at: &y, width: width, role: Roles.presenterStrip)
        if let stuck {
            c.put(TextFit.truncate(stuck, width: width - 2), at: Point(x: 1, y: y), role: Roles.statusError, clipWidth: width - 2)
            y += 1
        }
        if let feedback {
            putCut(&c, feedback.lines, rows: min(feedbackRows, top + height - y), at: &y, width: width, role: feedback.role)
        }
    }

    /// The first `rows` of `lines`, the last of them ending in "…" when more did not fit.
    private static func putCut(_ c: inout Canvas, _ lines: [String], rows: Int, at y: inout Int, width: Int, role: StyleRole) {
        guard rows > 0 else { return }
        for (i, line) in lines.prefix(rows).enumerated() {
            let shown = i == rows - 1 && lines.count > rows ? TextFit.truncate(line + " …", width: width - 2) : line
            c.put(shown, at: Point(x: 1, y: y), role: role, clipWidth: width - 2)
            y += 1
        }
    }

    /// "Can no longer be done" for the open step on screen whose report never takes the step's action again
    /// (`LessonStep.isStuck`). Nil otherwise (including "not yet", e.g. an acceptance waiting for a follow-up).
    static func stuckHint(_ s: ConsoleState, _ cursor: LessonCursor) -> String? {
        guard let step = cursor.currentStep, !cursor.progress.completed[cursor.position] else { return nil }
        let failed = cursor.progress.failed[cursor.position]
            ? s.text(Localized("✗ Langkah gagal karena kesalahan tadi: } lewati · Ctrl-R ulang",
                               en: "✗ Step failed by the earlier mistake: } skip · Ctrl-R start over"))
            : nil
        guard let report = step.stuckReport(on: s.desk) else { return failed }
        // The report's state says more than "failed": name it.
        return s.text(Localized(
            "✗ Tak bisa dikerjakan lagi: } lewati · Ctrl-R ulang (#\(report.id) \(report.status.label.id))",
            en: "✗ Can no longer be done: } skip · Ctrl-R start over (#\(report.id) \(report.status.label.en))"))
    }
}
