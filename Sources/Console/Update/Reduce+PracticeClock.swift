import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// The bimtek commands: the practice clock (`+`, `*`) and replay (`P`, `:replay`, `<`, `>`).
    static func runBimtek(_ s: inout ConsoleState, _ command: ConsoleCommand) -> [ConsoleEffect] {
        switch command {
        case .clockDay: return requestClock(&s, .workingDays(1))
        case .clockDeadline: return requestClock(&s, .nextDeadline)
        case .replayReport: startReplay(&s, scope: .report(s.currentReportID ?? ""))
        case .replayDesk: startReplay(&s, scope: .desk)
        case .replayPrevious: stepReplay(&s, to: { $0 - 1 })
        case .replayNext: stepReplay(&s, to: { $0 + 1 })
        case .replayFirst: stepReplay(&s, to: { _ in 1 })
        case .replayLast: stepReplay(&s, to: { _ in Int.max })
        default: break
        }
        return []
    }

    /// Asks the runtime to move the practice clock; a real desk is refused here, before any I/O.
    static func requestClock(_ s: inout ConsoleState, _ step: PracticeClockStep) -> [ConsoleEffect] {
        guard s.env.isPractice else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Jam latihan hanya untuk meja latihan (lapor-desk demo). Meja ini nyata: waktunya tidak diubah.",
                en: "The practice clock is only for practice desks (lapor-desk demo). This desk is real: its time is never changed.")))
            return []
        }
        s.message = StatusMessage(kind: .info, text: s.text(Localized("Memajukan jam latihan…", en: "Advancing the practice clock…")))
        return [.advanceClock(step)]
    }

    /// Shows the new practice time: deadlines re-evaluated, what went overdue and what closed.
    static func applyPracticeClock(_ s: inout ConsoleState, _ outcome: PracticeClockOutcome) {
        switch outcome {
        case let .refused(why):
            s.message = StatusMessage(kind: .error, text: s.text(why))
        case let .moved(_, to, autoClosed):
            s.now = to
            refreshInbox(&s)
            let when = DeskTimeText.long(to, offset: s.env.utcOffsetSeconds, language: s.language) + " " + s.env.zoneName
            let overdue = s.inbox.viewCounts[.terlambat] ?? 0
            var text = s.text(Localized("Jam latihan sekarang \(when) · \(overdue) terlambat",
                                        en: "Practice clock now \(when) · \(overdue) overdue"))
            if autoClosed > 0 {
                text += s.text(Localized(" · \(autoClosed) ditutup otomatis", en: " · \(autoClosed) closed automatically"))
            }
            s.message = StatusMessage(kind: .success, text: text)
        }
    }
}
