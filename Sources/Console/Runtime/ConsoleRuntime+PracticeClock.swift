import Complaints
import Foundation

extension ConsoleRuntime {
    /// Moves the shared practice clock, then sweeps at the new time so reports auto-close as they would
    /// have. Returns what the reducer must hear, in order. Other consoles on the folder read the same clock
    /// file on their next tick.
    func advancePracticeClock(_ step: PracticeClockStep) -> [ConsoleAction] {
        guard let control = practiceClock else {
            return [.practiceClock(.refused(Localized(
                "Jam latihan hanya untuk meja latihan; meja ini tidak diubah.",
                en: "The practice clock is only for practice desks; this desk is not changed.")))]
        }
        switch control.advance(step, desk: state.replay?.live.desk ?? state.desk) {
        case let .failure(refusal):
            return [.practiceClock(.refused(refusal.message))]
        case let .success((from, to)):
            let swept = service.sweep(now: to)
            let closed = Set(swept.filter { if case .autoClosed = $0.event { true } else { false } }.map(\.reportID)).count
            return (swept.isEmpty ? [] : [.journalEvents(swept)]) + [.practiceClock(.moved(from: from, to: to, autoClosed: closed))]
        }
    }
}
