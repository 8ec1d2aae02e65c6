import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// While replaying: the clock and other consoles' events go to the live desk put aside, and the step
    /// keys (← → , . Home End) and Esc belong to replay. Returns nil for actions that go the normal way.
    static func replayIntercept(_ s: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect]? {
        guard var replay = s.replay else { return nil }
        switch action {
        case let .tick(now):
            replay.live.now = now
            s.replay = replay
            return []
        case let .journalEvents(events):
            let fresh = events.filter { $0.seq > replay.live.desk.lastSeq }
            replay.live.desk.apply(fresh)
            s.replay = replay
            return []
        case let .practiceClock(outcome):
            if case let .moved(_, to, _) = outcome {
                replay.live.now = to
                s.replay = replay
            }
            return []
        case let .key(key):
            guard s.overlay == nil, s.layout.mode != .tooSmall else { return nil }
            let command: ConsoleCommand? = switch key {
            case .left, .char(","): .replayPrevious
            case .right, .char("."): .replayNext
            case .home: .replayFirst
            case .end: .replayLast
            default: nil
            }
            if key == .escape {
                logKey(&s, key, command: .back)
                leaveReplay(&s)
                return []
            }
            guard let command else { return nil }
            logKey(&s, key, command: command)
            return runBimtek(&s, command)
        default:
            return nil
        }
    }

    /// Replay is read only: anything that would change the desk (or the clock) is refused with a message.
    static func refusedInReplay(_ s: inout ConsoleState, _ command: ConsoleCommand) -> Bool {
        guard s.replay != nil else { return false }
        let refused: Bool = switch command {
        case .act, .toggleAnonymous, .toggleConfidential, .actionMenu, .mark, .clockDay, .clockDeadline,
             .replayReport, .replayDesk: true
        default: false
        }
        if refused {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Putar ulang hanya untuk melihat: tidak ada yang bisa diubah. Esc kembali ke meja sekarang.",
                en: "Replay is read only: nothing can be changed. Esc returns to the desk as it is now.")))
        }
        return refused
    }

    /// Starts replay of one report (from its first event) or the whole desk (from its last event).
    static func startReplay(_ s: inout ConsoleState, scope: ReplayState.Scope) {
        let history = DeskHistory.events(of: s.desk)
        let stops: [Int]
        switch scope {
        case .desk:
            stops = Array(history.indices)
        case let .report(id):
            guard s.desk.contains(id) else {
                s.message = StatusMessage(kind: .error, text: s.text(Localized(
                    "Pilih laporan dulu, lalu tekan P untuk memutar ulang riwayatnya.",
                    en: "Select a report first, then press P to replay its history.")))
                return
            }
            stops = history.indices.filter { history[$0].reportID == id }
        }
        guard !stops.isEmpty else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Belum ada peristiwa untuk diputar ulang.",
                                                                         en: "No events to replay yet.")))
            return
        }
        let live = LiveConsole(desk: s.desk, now: s.now, inbox: s.inbox, detail: s.detail, routing: s.routing, focus: s.focus)
        let start = if case .desk = scope { stops.count } else { 1 }
        s.overlay = nil
        s.routing.isOpen = false
        if s.focus == .routing { s.focus = .inbox }
        s.replay = ReplayState(scope: scope, history: history, stops: stops, position: start, live: live)
        showReplayPosition(&s)
    }

    /// Moves to another step (clamped to 1…M) and redraws every pane from the fold up to it.
    static func stepReplay(_ s: inout ConsoleState, to target: (Int) -> Int) {
        guard var replay = s.replay else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Bukan putar ulang: tekan P pada laporan atau ketik :replay untuk seluruh meja.",
                en: "Not replaying: press P on a report or type :replay for the whole desk.")))
            return
        }
        let next = min(max(1, target(replay.position)), replay.total)
        replay.position = next
        s.replay = replay
        showReplayPosition(&s)
    }

    /// The desk as it was after the current step; forward steps fold only the new events.
    static func showReplayPosition(_ s: inout ConsoleState) {
        guard var replay = s.replay, let event = replay.current else { return }
        let count = replay.foldCount
        if count >= replay.folded, replay.folded > 0 {
            s.desk.apply(replay.history[replay.folded..<count])
        } else {
            s.desk = DeskHistory.desk(replay.history, through: count)
        }
        replay.folded = count
        s.replay = replay
        s.now = event.at
        s.detail.reportID = event.reportID
        s.detail.openedVersion = s.desk[event.reportID]?.version
        s.detail.changedUnderneath = false
        s.detail.scroll = 0
        refreshInbox(&s)
        // Following one report: show it in a queue that holds it at this step (its status changes as it moves).
        if case let .report(id) = replay.scope { showInAQueueThatHoldsIt(&s, id) }
        if let row = s.inbox.rows.firstIndex(of: event.reportID) {
            s.inbox.cursor = row
            clampInbox(&s)
        }
        s.message = nil
    }

    /// Back to the desk as it is now, with everything other consoles did meanwhile.
    static func leaveReplay(_ s: inout ConsoleState) {
        guard let replay = s.replay else { return }
        s.replay = nil
        s.desk = replay.live.desk
        s.now = replay.live.now
        s.inbox = replay.live.inbox
        s.detail = replay.live.detail
        s.routing = replay.live.routing
        s.focus = replay.live.focus
        refreshInbox(&s)
        s.message = StatusMessage(kind: .info, text: s.text(Localized("Putar ulang selesai: kembali ke meja sekarang.",
                                                                     en: "Replay ended: back to the desk as it is now.")))
    }
}
