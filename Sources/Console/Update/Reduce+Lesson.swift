import Complaints
import Foundation

extension ConsoleReducer {
    /// Folds journal events the lesson has not seen yet (ours, other consoles', `lapor-desk act`'s), read
    /// from the reports' trails, so progress never depends on which keys were pressed.
    static func syncLesson(_ s: inout ConsoleState) {
        guard var lesson = s.lesson, s.desk.lastSeq > lesson.cursor.progress.seenSeq else { return }
        let before = lesson.cursor.position
        for e in DeskHistory.events(of: s.desk, after: lesson.cursor.progress.seenSeq) {
            lesson.cursor.observe(seq: e.seq, event: e.event, externalID: s.desk[e.reportID]?.externalID)
        }
        if lesson.cursor.isFinished, before < lesson.cursor.stepCount {
            s.message = StatusMessage(kind: .success, text: s.text(Localized(
                "Pelajaran selesai. Tekan { untuk melihat langkah lagi, Ctrl-R untuk mengulang.",
                en: "Lesson complete. Press { to review steps, Ctrl-R to start over.")))
        }
        s.lesson = lesson
    }

    /// `}` / `{`: the trainer moves through the steps.
    static func moveLesson(_ s: inout ConsoleState, forward: Bool) {
        guard var lesson = s.lesson else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Tidak ada pelajaran. Mulai dengan: lapor-desk demo --scenario dasar --lesson",
                en: "No lesson running. Start one with: lapor-desk demo --scenario dasar --lesson")))
            return
        }
        if forward { lesson.cursor.skip() } else { lesson.cursor.back() }
        s.lesson = lesson
    }

    /// `:reset-practice`: only on a practice desk, and only after the trainer confirms.
    static func askResetPractice(_ s: inout ConsoleState) {
        guard s.env.isPractice else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Ini meja sungguhan: latihan tidak pernah mengubahnya.", en: "This is a real desk: training never changes it.")))
            return
        }
        s.overlay = .confirm(Confirmation(
            title: s.text(Localized("Ulang latihan dari awal?", en: "Reset the practice desk?")),
            lines: [
                s.text(Localized("Semua yang dikerjakan di meja latihan ini dihapus dan laporan kembali seperti semula.",
                                 en: "Everything done on this practice desk is removed and the reports return to the start.")),
                s.text(Localized("Konsol lain pada folder ini membuka ulang meja yang baru dengan sendirinya.",
                                 en: "Other consoles on this folder reopen the fresh desk by themselves.")),
            ] + resetAlsoDeletes(s),
            requests: [], resetsPractice: true))
    }

    /// The files a reset would delete that the desk did not make (a trainer's notes, exports), named before
    /// they go (QA: deleted without a word).
    static func resetAlsoDeletes(_ s: ConsoleState) -> [String] {
        let others = s.env.filesAResetWouldDelete()
        guard !others.isEmpty else { return [] }
        var lines = [s.text(Localized("Ikut dihapus (bukan bagian meja):", en: "Also deleted (not part of the desk):"))]
        lines += others.prefix(5).map { "  " + $0 }
        if others.count > 5 { lines.append(s.text(Localized("  … dan \(others.count - 5) lagi", en: "  … and \(others.count - 5) more"))) }
        return lines
    }

    /// The practice desk was reset from another shell: the desk on screen is gone, so the console ends and
    /// the launcher reopens the fresh one, saying why (and that a half-written form was not saved).
    static func practiceDeskWasReset(_ s: inout ConsoleState) -> [ConsoleEffect] {
        reopen(&s, saying: Localized(
            "Pelatih mengulang meja latihan dari awal; konsol dibuka ulang pada meja yang baru.",
            en: "The trainer reset the practice desk; the console reopened it from the start."))
    }

    static func confirmResetPractice(_ s: inout ConsoleState) -> [ConsoleEffect] {
        s.resetRequested = true
        s.quitRequested = true
        return [.quit]
    }
}
