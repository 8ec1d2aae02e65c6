/// How far a trainee is in a lesson, derived only from journal events recorded after the practice desk
/// was built, so a restarted console, a second console or `lapor-desk act` all progress the same way.
///
/// A step is done when an event matches its expectation (in any order: doing step 3 first still counts).
/// Feedback is the praise of the last step done or the explanation of the last known mistake.
public struct LessonProgress: Sendable, Hashable {
    public let lesson: Lesson
    /// Events at or below this sequence number were part of the scenario as built; they never count.
    public let baselineSeq: UInt64
    public private(set) var completed: [Bool]
    /// Steps a mistake marked `fails_step` made impossible to pass (see `WrongMove.failsStep`).
    public private(set) var failed: [Bool]
    public private(set) var feedback: LessonFeedback?
    /// Highest sequence number looked at.
    public private(set) var seenSeq: UInt64

    public init(lesson: Lesson, baselineSeq: UInt64) {
        self.lesson = lesson
        self.baselineSeq = baselineSeq
        completed = Array(repeating: false, count: lesson.steps.count)
        failed = Array(repeating: false, count: lesson.steps.count)
        seenSeq = baselineSeq
    }

    public var isFinished: Bool { !completed.contains(false) }
    public var doneCount: Int { completed.filter { $0 }.count }

    /// The first step not done yet (`steps.count` when all are done).
    public var firstOpenStep: Int { completed.firstIndex(of: false) ?? lesson.steps.count }

    /// Folds one recorded event in. `externalID` is the channel id of the event's report (lessons name
    /// reports by it). Events already seen or part of the baseline are ignored, so feeding twice is safe.
    /// `stepOnScreen` (the step a console shows) is the one an unlisted move is judged against when it is
    /// still open and about the event's report; otherwise the first open step.
    public mutating func observe(seq: UInt64, event: DomainEvent, externalID: String?, stepOnScreen: Int? = nil) {
        guard seq > seenSeq else { return }
        seenSeq = seq
        // The practice clock moved past the reporter's time to answer: the report closed itself, and a step
        // that waits for the reporter's answer on it can no longer be done (QA: one `*` at the start of the
        // deadlines lesson left its last step waiting for ever).
        if case .autoClosed = event {
            for (i, step) in lesson.steps.enumerated() where !completed[i] && !failed[i]
                && step.expect.reportExternalID == externalID && LessonProgress.needsTheReporter.contains(step.expect.verb)
            {
                failed[i] = true
                feedback = .mistake(step: i, text: LessonProgress.closedByTheClock(step: i))
            }
            // No return: a step may itself ask for the report to close by itself (`do = "auto-close"`).
        }
        for (i, step) in lesson.steps.enumerated() where !completed[i] && step.expect.matches(event, externalID: externalID) {
            // After a mistake that fails the step, doing the right thing is no longer praised (QA: the
            // confidentiality lesson praised a dispose after the rahasia mark had been removed).
            if failed[i] {
                feedback = .mistake(step: i, text: LessonProgress.failedStep)
                return
            }
            // One event can do the step and, in a field the step leaves open, a known mistake of it (QA:
            // `set-flags` setting both marks was praised, and the explanation of marking it anonim never
            // shown). The explanation is the feedback; a mistake that fails the step fails it. A mistake
            // asking nothing the step leaves open ("dispose" to any agency) is the step's own move.
            if let wrong = step.wrongMoves.first(where: { wrong in
                wrong.pattern.matches(event, externalID: externalID) && wrong.pattern.fields.keys.contains { step.expect.fields[$0] == nil }
            }) {
                if LessonProgress.fails(step, wrong) { failed[i] = true } else { completed[i] = true }
                feedback = .mistake(step: i, text: wrong.explanation)
                return
            }
            completed[i] = true
            feedback = .praise(step: i, text: step.praise)
            return
        }
        for (i, step) in lesson.steps.enumerated() where !completed[i] {
            if let wrong = step.wrongMoves.first(where: { $0.pattern.matches(event, externalID: externalID) }) {
                if LessonProgress.fails(step, wrong) { failed[i] = true }
                feedback = .mistake(step: i, text: wrong.explanation)
                return
            }
        }
        // Any other action on the report the open step is about: say what differs from what the step asks.
        var open = firstOpenStep
        if let shown = stepOnScreen, completed.indices.contains(shown), !completed[shown],
           lesson.steps[shown].expect.reportExternalID == externalID
        {
            open = shown
        }
        if open < lesson.steps.count, lesson.steps[open].expect.reportExternalID == externalID,
           !LessonProgress.isBookkeeping(event)
        {
            feedback = .mistake(step: open, text: LessonProgress.difference(lesson.steps[open].expect, event, agencyNames: lesson.agencyNames))
        }
    }

    /// Whether a known mistake fails its step: marked so (`fails_step`), or an action on the step's own
    /// report that moves it where the step's action can no longer be taken (disposed, archived, deleted,
    /// sent back, followed up, accepted). A wrong work unit is not: the agency can pass the report on to the
    /// right one, which then passes the step.
    static func fails(_ step: LessonStep, _ wrong: WrongMove) -> Bool {
        let irreversible: Set<CommandKind> = [.dispose, .archive, .delete, .sendBack, .followUp, .accept]
        return wrong.failsStep
            || (wrong.pattern.reportExternalID == step.expect.reportExternalID && irreversible.contains(wrong.pattern.verb))
    }

    /// What a step can ask of a report that is waiting for its reporter (`ditindaklanjuti`).
    static let needsTheReporter: Set<CommandKind> = [.accept, .dispute]

    /// Step `i` failed by its report closing itself (see `observe`); named by number, since another step
    /// may be on screen when the clock moves.
    static func closedByTheClock(step i: Int) -> Localized {
        Localized("Langkah \(i + 1) tidak bisa dikerjakan lagi: laporannya tertutup otomatis karena jam latihan dimajukan melewati batas tanggapan pelapor. Ctrl-R mengulang dari awal.",
                  en: "Step \(i + 1) can no longer be done: its report closed itself when the practice clock moved past the reporter's time to respond. Ctrl-R starts over.")
    }

    /// The feedback as shown: the praise of the lesson's last step with a note when earlier steps are not
    /// done. Scenarios end with "Selesai!"-style praise, which read as the lesson's end while two steps
    /// had failed (QA: "✓ Bagus! Pelajaran selesai" under a step marked ✗).
    public var shownFeedback: LessonFeedback? {
        guard case let .praise(step, text)? = feedback, step == lesson.steps.count - 1, !isFinished else { return feedback }
        let left = lesson.steps.count - doneCount
        let note = Localized(" (Pelajaran belum tuntas: \(left) langkah lain belum berhasil.)",
                             en: " (The lesson is not complete: \(left) other \(left == 1 ? "step is" : "steps are") not done.)")
        return .praise(step: step, text: Localized(text.id + note.id, en: text.en + note.en))
    }

    /// The right action after a mistake that failed the step.
    static let failedStep = Localized(
        "Langkah ini sudah gagal karena kesalahan tadi, jadi tidak dihitung. } melewati langkah, Ctrl-R mengulang dari awal.",
        en: "This step already failed because of the earlier mistake, so it does not count. } skips the step, Ctrl-R starts over.")

    /// When no difference can be named.
    static let notWhatTheStepAsks = Localized("Tercatat, tetapi bukan yang diminta langkah ini. Baca lagi petunjuknya.",
                                              en: "Recorded, but not what this step asks for. Read the instruction again.")

    /// What an unlisted move did differently from the step: another action, or the same action with other
    /// values (the reason, the agency...), named with the labels the console shows.
    static func difference(_ expect: EventPattern, _ event: DomainEvent, agencyNames: [String: String] = [:]) -> Localized {
        guard let got = EventPattern.values(of: event, verb: expect.verb) else {
            if let did = CommandKind.allCases.first(where: { EventPattern.values(of: event, verb: $0) != nil }) {
                return Localized("Tercatat: \(did.label.id), tetapi langkah ini meminta: \(expect.verb.label.id).",
                                 en: "Recorded: \(did.label.en), but this step asks for: \(expect.verb.label.en).")
            }
            return notWhatTheStepAsks
        }
        let differing = expect.fields.keys.sorted().filter { got[$0] != expect.fields[$0] }
        guard !differing.isEmpty else {
            return notWhatTheStepAsks
        }
        let parts = differing.map { key -> Localized in
            let field = fieldLabel(key)
            let want = valueLabel(key, expect.fields[key] ?? "", verb: expect.verb, agencyNames: agencyNames)
            guard let value = got[key] else {
                return Localized("\(field.id) seharusnya \(want.id)", en: "the \(field.en) should be \(want.en)")
            }
            let was = valueLabel(key, value, verb: expect.verb, agencyNames: agencyNames)
            return Localized("\(field.id) seharusnya \(want.id), bukan \(was.id)", en: "the \(field.en) should be \(want.en), not \(was.en)")
        }
        return Localized("Tercatat, tetapi " + parts.map(\.id).joined(separator: "; ") + ".",
                         en: "Recorded, but " + parts.map(\.en).joined(separator: "; ") + ".")
    }

    static func fieldLabel(_ key: String) -> Localized {
        switch key {
        case "reason": Localized("alasan", en: "reason")
        case "agency": Localized("instansi", en: "agency")
        case "unit": Localized("unit kerja", en: "work unit")
        case "kind": Localized("jenis disposisi", en: "kind of disposition")
        case "classification": Localized("klasifikasi", en: "classification")
        case "category": Localized("kategori", en: "category")
        case "priority": Localized("prioritas", en: "priority")
        case "anonymous": Localized("anonim", en: "anonymous flag")
        case "confidential": Localized("rahasia", en: "confidential flag")
        default: Localized(key, en: key)
        }
    }

    static func valueLabel(_ key: String, _ value: String, verb: CommandKind, agencyNames: [String: String] = [:]) -> Localized {
        let label: Localized? = switch (key, verb) {
        case ("agency", _): agencyNames[value].map { Localized($0, en: $0) }
        case ("reason", .delete): DeleteReason(rawValue: value)?.label
        case ("reason", .archive): ArchiveReason(rawValue: value)?.label
        case ("priority", _): Priority(rawValue: value)?.label
        case ("classification", _): Classification(rawValue: value)?.label
        case ("anonymous", _), ("confidential", _): value == "true" ? Localized("ya", en: "on") : Localized("tidak", en: "off")
        default: nil
        }
        return label.map { Localized("‘\($0.id)’", en: "‘\($0.en)’") } ?? Localized(value, en: value)
    }

    /// Drops the explanation of a mistake made at another step than `step` (the one now on screen).
    public mutating func forgetMistake(unlessAt step: Int) {
        if case let .mistake(at, _)? = feedback, at != step { feedback = nil }
    }

    /// Events that come along with an action (e.g. nothing the trainee chose on purpose) never count as wrong.
    static func isBookkeeping(_ event: DomainEvent) -> Bool {
        switch event {
        case .received, .autoClosed, .duplicateLinked: true
        // Putting a protection back (anonim or rahasia on again) is never the wrong move to point out: it is
        // what a lesson's feedback tells the trainee to do after removing it (QA: doing so earned a ✗).
        case let .flagsSet(anonymous, confidential): anonymous != false && confidential != false && (anonymous ?? confidential) == true
        default: false
        }
    }
}

/// What the lesson strip says about the trainee's last action.
public enum LessonFeedback: Sendable, Hashable {
    case praise(step: Int, text: Localized)
    case mistake(step: Int, text: Localized)
}

/// The step the lesson strip shows: follows progress automatically, and the trainer may skip ahead or go
/// back. Pure, so the console keeps it in its state and tests can drive it.
public struct LessonCursor: Sendable, Hashable {
    public private(set) var progress: LessonProgress
    /// The step on screen (`steps.count` means the lesson is finished).
    public private(set) var position: Int

    public init(progress: LessonProgress) {
        self.progress = progress
        position = progress.firstOpenStep
    }

    public var stepCount: Int { progress.lesson.steps.count }
    public var isFinished: Bool { position >= stepCount }
    public var currentStep: LessonStep? { isFinished ? nil : progress.lesson.steps[position] }

    /// Folds an event in; when the step on screen becomes done, moves to the next open step after it.
    public mutating func observe(seq: UInt64, event: DomainEvent, externalID: String?) {
        progress.observe(seq: seq, event: event, externalID: externalID, stepOnScreen: position)
        advancePastDone()
    }

    /// `}`: the trainer moves on without the step being done (an explanation of a mistake at the step left
    /// behind goes with it).
    public mutating func skip() {
        position = min(stepCount, position + 1)
        advancePastDone()
        progress.forgetMistake(unlessAt: position)
    }

    /// `{`: show the previous step again (done or not).
    public mutating func back() {
        position = max(0, position - 1)
        progress.forgetMistake(unlessAt: position)
    }

    mutating func advancePastDone() {
        while position < stepCount, progress.completed[position] { position += 1 }
    }
}
