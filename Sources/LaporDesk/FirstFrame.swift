import Complaints
import ComplaintJournal
import Console
import CursesTerminal
import Foundation
import TextCanvas

/// The console's first frame, drawn from the projection snapshot before the desk was decoded, and the
/// inbox index it was drawn with (handed on, so the console does not build it again).
struct FirstFrame {
    let index: InboxIndex
    let lastSeq: UInt64
    let rows: Int
    let now: Date

    /// The index, unpinned, when `opened` is the desk its rows describe (started from the snapshot, and
    /// no event appended meanwhile); nil otherwise (the console then builds its own).
    func index(for opened: OpenedDesk) -> InboxIndex? {
        guard case .used = opened.snapshot, opened.desk.lastSeq == lastSeq, opened.desk.count == rows else { return nil }
        index.unpin()
        return index
    }
}

extension ConsoleLauncher {
    /// Draws the first inbox frame from `preview` (the snapshot's inbox rows and the reports on screen)
    /// when the console would start in the plain way: a real desk, a healthy journal that needed no
    /// repair, an operator allowed to write. Anything else returns nil and the console draws after
    /// opening, as before.
    static func drawFirstFrame(_ preview: SnapshotPreview, request: Request, language: Language?, keymap: Keymap,
                               startScreen: (DeskSettings) throws -> CursesScreen) throws -> FirstFrame? {
        guard !request.demo, preview.journalHealth == .ok, preview.recovery.tornTails.isEmpty,
              preview.recovery.damagedLines.allSatisfy(\.acknowledged) else { return nil }
        let op = try DeskAccess.actor(roster: preview.roster, folder: preview.folder, request.desk)
        guard OSUserBinding.writeRefusal(roster: preview.roster, operatorName: op.name, osUser: OSAccount.current()) == nil,
              let seed = preview.inboxSeed() else { return nil }
        let env = environment(settings: preview.settings, reference: preview.reference, deadlines: preview.deadlines, op,
                              language: language ?? preview.settings.language)
        let screen = try startScreen(preview.settings)
        let now = Date()
        guard let state = firstFrameState(preview, seed: seed, env: env, now: now, size: screen.size, keymap: keymap,
                                          presenter: request.presenter) else { return nil }
        screen.draw(ConsoleRenderer.render(state))
        return FirstFrame(index: state.inboxIndex, lastSeq: preview.lastSeq, rows: seed.count, now: now)
    }

    /// The first frame's state, as the console sets up every start (healthy journal, presenter mode).
    static func firstFrameState(_ preview: SnapshotPreview, seed: InboxSeed, env: ConsoleEnvironment, now: Date, size: Size,
                                keymap: Keymap, presenter: Bool) -> ConsoleState? {
        ConsoleState.firstFrame(env: env, seed: seed, lastSeq: preview.lastSeq, now: now, size: size, keymap: keymap,
                                configure: { s in
                                    s.health = .ok
                                    s.presenter = presenter
                                },
                                reports: { preview.partialDesk(positions: $0, of: seed) })
    }
}
