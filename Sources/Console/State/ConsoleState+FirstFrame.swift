import Complaints
import Foundation
import TextCanvas

extension ConsoleState {
    /// The console's opening state drawn from a projection snapshot's inbox rows (`seed`) before the desk
    /// is decoded: the inbox, its counts and the reports on screen, equal to what the whole desk would
    /// show. `reports` gives a desk holding only the reports at the positions asked for (nil when they
    /// cannot be read: no first frame then). `configure` sets what the launcher sets on every start
    /// (health, presenter mode) before the inbox is computed.
    ///
    /// Why: decoding 200,000 reports takes about half a second; the first page needs a few dozen. The
    /// index stays pinned to the rows; hand it to the state built on the decoded desk
    /// (`ConsoleState(…, inboxIndex:)`, after `InboxIndex.unpin()`), which then rebuilds nothing.
    public static func firstFrame(env: ConsoleEnvironment, seed: InboxSeed, lastSeq: UInt64, now: Date, size: Size,
                                  keymap: Keymap, configure: (inout ConsoleState) -> Void,
                                  reports: ([Int]) -> Desk?) -> ConsoleState? {
        let index = InboxIndex(deadlines: env.deadlines, seed: seed, lastSeq: lastSeq)
        var s = ConsoleState(env: env, desk: Desk(), now: now, size: size, keymap: keymap, inboxIndex: index)
        configure(&s)
        ConsoleReducer.start(&s)
        // Every row the inbox could draw (the page from the scroll top, one spare) and the detail pane's report.
        let top = max(0, s.inbox.scrollTop)
        var shown = Array(s.inbox.rows[min(top, s.inbox.rows.count)..<min(s.inbox.rows.count, top + s.inboxPageSize + 1)])
        if let current = s.currentReportID { shown.append(current) }
        let positions = seed.positions(of: shown)
        guard positions.count == Set(shown).count, let desk = reports(Array(positions.values)) else { return nil }
        s.desk = desk
        return s
    }
}
