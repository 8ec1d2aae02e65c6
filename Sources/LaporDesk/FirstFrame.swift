import Complaints
import ComplaintJournal
import Console
import Foundation
import TextCanvas

/// The console's first frame, drawn from the projection snapshot before the desk was decoded, and the
/// inbox index it was drawn with (handed on, so the console does not build it again).
struct FirstFrame {
    let index: InboxIndex
    /// The journal's last event and the report count the frame showed.
    let lastSeq: UInt64
    let reports: Int
    /// The instant the frame's deadlines and sort orders were computed for.
    let now: Date

    /// The index, unpinned, with the instant its orders were sorted for, when `opened` is the desk the
    /// frame showed; nil otherwise (the console then builds its own).
    func takeOver(_ opened: OpenedDesk) -> (index: InboxIndex, now: Date)? {
        guard opened.isDescribed(byPreviewAt: lastSeq, reports: reports) else { return nil }
        index.unpin()
        return (index, now)
    }
}

extension ConsoleLauncher {
    /// What became of the first frame: drawn from the snapshot, or why the console waits for the desk.
    enum FirstFrameOutcome {
        case drawn(FirstFrame)
        case skipped(String)

        var frame: FirstFrame? {
            if case let .drawn(f) = self { return f }
            return nil
        }
    }

    /// Draws the first inbox frame from `preview` (the snapshot's inbox rows and the reports on screen) on
    /// the terminal `start` gives: on a real desk on real time whose journal needed no repair (read-only
    /// starts included: the journal lock held by a hung console, an account the roster does not bind), with
    /// rows computed under the current deadline rules. Otherwise says why not, and the console draws after
    /// decoding.
    static func drawFirstFrame(_ preview: SnapshotPreview, request: Request, language: Language?, keymap: Keymap,
                               start: (DeskSettings) throws -> any TerminalDevice) throws -> FirstFrameOutcome {
        guard !request.demo, !preview.settings.isPractice else { return .skipped("a practice desk (its own clock)") }
        let health = JournalHealthView(preview.journalHealth)
        if case .degraded = health { return .skipped("the journal is damaged") }
        guard preview.recovery.tornTails.isEmpty, preview.recovery.damagedLines.allSatisfy(\.acknowledged) else {
            return .skipped("the journal needed repair")
        }
        let op = try DeskAccess.actor(roster: preview.roster, folder: preview.folder, request.desk)
        guard let seed = preview.inboxSeed() else {
            return .skipped("no usable inbox rows (deadline rules edited, damage, or too many events after the snapshot)")
        }
        let env = environment(settings: preview.settings, reference: preview.reference, deadlines: preview.deadlines, op,
                              language: language ?? preview.settings.language)
        let terminal = try start(preview.settings)
        let now = Date()
        guard let state = ConsoleState.firstFrame(
            env: env, seed: seed, lastSeq: preview.lastSeq, now: now, size: terminal.size, keymap: keymap,
            configure: { s in
                // As the launcher sets every start up (a read-only journal says why on the message line).
                s.health = health
                s.presenter = request.presenter
                s.announceReadOnlyStart()
            },
            reports: { preview.partialDesk(positions: $0, of: seed) })
        else { return .skipped("the reports on screen could not be read from the snapshot") }
        terminal.draw(ConsoleRenderer.render(state))
        return .drawn(FirstFrame(index: state.inboxIndex, lastSeq: preview.lastSeq, reports: seed.count, now: now))
    }
}
