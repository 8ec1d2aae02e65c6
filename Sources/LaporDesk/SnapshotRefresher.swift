import Complaints
import ComplaintJournal
import Foundation

/// Keeps the projection snapshot fresh without making anyone wait: when start-up had to fold many events,
/// or the session has folded many since the desk's snapshot (a sweep closing thousands of reports at once,
/// another desk's bulk import), the console writes a new snapshot on a background thread while the officer
/// works. A console quit mid-write leaves only a temporary file, which the next write removes.
///
/// When to write is `SnapshotRefreshRule`'s decision; this class starts the writes and notes their outcome.
final class SnapshotRefresher {
    private let opened: OpenedDesk
    /// The journal point of the newest snapshot this process knows of: the one start-up used, or the last it
    /// set out to write (a newer one another process wrote is found when a write falls due).
    private var covered: UInt64
    private let writing = WriteInProgress()
    /// Where a session's writes are noted: written, or why not (the start-up log, when one is asked for).
    private let log: StartupLog

    init(_ opened: OpenedDesk, log: StartupLog) {
        self.opened = opened
        self.log = log
        if case let .used(seq) = opened.snapshot { covered = seq } else { covered = 0 }
    }

    /// At start-up (`SnapshotRefreshRule.isDueAtStart`).
    func startIfStale() {
        guard opened.journal.mode == .writer else { return }
        guard SnapshotRefreshRule.isDueAtStart(isWriter: true, lastSeq: opened.desk.lastSeq,
                                               snapshotIsStale: opened.snapshotIsStale(threshold: SnapshotRefreshRule.threshold))
        else {
            // No write due: still remove what a console quit mid-write left (a write removes it itself).
            ProjectionSnapshot.removeAbandonedTemporaries(dataFolder: opened.folder.url)
            return
        }
        write(shared: false)
    }

    /// During the session, on the console's idle ticks (a few comparisons until a write falls due:
    /// `SnapshotRefreshRule.isDueInSession`).
    func refreshIfFarBehind() {
        guard SnapshotRefreshRule.isDueInSession(isWriter: opened.journal.mode == .writer, isPractice: opened.settings.isPractice,
                                                 lastSeq: opened.desk.lastSeq, covered: covered) else { return }
        write(shared: true)
    }

    /// Writes on a background thread. `shared` (a session's write): other consoles may want the same
    /// snapshot at the same moment, and one writes it between them
    /// (`ProjectionSnapshot.writeUnlessAnotherIsFresh`); what became of it is noted in the log.
    private func write(shared: Bool) {
        guard writing.begin() else { return }
        guard let source = opened.snapshotSource() else {
            writing.end()
            return
        }
        covered = source.desk.lastSeq
        let journal = opened.journal
        let rules = opened.inboxRowRules
        let writing = self.writing
        // Only a session's writes are noted: the start-up milestones end with "console ready".
        let log: StartupLog? = shared ? self.log : nil
        let thread = Thread {
            defer { writing.end() }
            let stamp = ProjectionSnapshot.currentProgramStamp()
            do throws(ProjectionSnapshot.WriteError) {
                guard shared else {
                    try ProjectionSnapshot.write(source.desk, at: source.resume, journal: journal, programStamp: stamp, rules: rules)
                    return
                }
                switch try ProjectionSnapshot.writeUnlessAnotherIsFresh(source.desk, at: source.resume, journal: journal,
                                                                       programStamp: stamp, rules: rules, slack: SnapshotRefreshRule.threshold) {
                case .written: log?.note("snapshot rewritten in the background at event \(source.desk.lastSeq)")
                case .anotherIsWriting: log?.note("snapshot not rewritten: another process is writing one")
                case let .freshEnough(seq): log?.note("snapshot not rewritten: one written elsewhere covers event \(seq)")
                }
            } catch {
                log?.note("snapshot not rewritten: \(error)")
            }
        }
        thread.qualityOfService = .background
        thread.start()
    }
}

/// One snapshot write at a time in this process: a second, started while the first still writes, would
/// only repeat its work on the core the officer's console needs.
private final class WriteInProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false

    /// True when no write was in progress (the caller now holds it until `end`).
    func begin() -> Bool {
        lock.withLock {
            if busy { return false }
            busy = true
            return true
        }
    }

    func end() {
        lock.withLock { busy = false }
    }
}
