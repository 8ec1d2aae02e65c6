import Complaints
import ComplaintJournal
import Foundation

/// Keeps the projection snapshot fresh without making anyone wait: when start-up had to fold many events,
/// or the session has folded many since the newest snapshot (a sweep closing thousands of reports at once,
/// another desk's bulk import), the console writes a new snapshot on a background thread while the officer
/// works. A console quit mid-write leaves only a temporary file, which the next write removes.
final class SnapshotRefresher {
    /// Events on top of the snapshot that make a new one worth writing. The next start folds them into the
    /// rows they touch at up to ~50 µs each (3,643 auto-closes on a 20,000-report desk: 0.17–0.27 s); 2,000
    /// keeps such a start near 0.1 s. A write costs the background a second or so, at most once per 2,000.
    static let threshold: UInt64 = 2_000

    /// Below this many events folding the journal is already instant: no cache file is written.
    static let minimumEvents: UInt64 = 5_000

    private let opened: OpenedDesk
    /// The journal point the newest snapshot covers: the one start-up used, or the last this process wrote.
    private var covered: UInt64
    private let writing = WriteInProgress()

    init(_ opened: OpenedDesk) {
        self.opened = opened
        if case let .used(seq) = opened.snapshot { covered = seq } else { covered = 0 }
    }

    /// At start-up: writes when the snapshot is missing, rejected, `threshold` events behind, or its inbox
    /// rows predate the deadline rules.
    func startIfStale() {
        guard isWorthWriting, opened.snapshotIsStale(threshold: Self.threshold) else {
            // No write due: still remove what a console quit mid-write left (a write removes it itself).
            if opened.journal.mode == .writer { ProjectionSnapshot.removeAbandonedTemporaries(dataFolder: opened.folder.url) }
            return
        }
        write()
    }

    /// During the session (each tick: one comparison): writes again once `threshold` events have been
    /// folded since the newest snapshot.
    func refreshIfFarBehind() {
        guard isWorthWriting, SnapshotRefresher.isDue(lastSeq: opened.desk.lastSeq, covered: covered) else { return }
        write()
    }

    /// Whether a desk at `lastSeq` is far enough past the snapshot covering `covered` for a new one.
    static func isDue(lastSeq: UInt64, covered: UInt64) -> Bool {
        lastSeq >= covered && lastSeq - covered >= threshold
    }

    private var isWorthWriting: Bool {
        opened.journal.mode == .writer && opened.desk.lastSeq >= Self.minimumEvents
    }

    private func write() {
        guard let source = opened.snapshotSource(), writing.begin() else { return }
        covered = source.desk.lastSeq
        let journal = opened.journal
        let rules = opened.inboxRowRules
        let writing = self.writing
        let thread = Thread {
            _ = try? ProjectionSnapshot.write(source.desk, at: source.resume, journal: journal,
                                              programStamp: ProjectionSnapshot.currentProgramStamp(), rules: rules)
            writing.end()
        }
        thread.qualityOfService = .background
        thread.start()
    }
}

/// One snapshot write at a time: a second, started while the first still writes, would only repeat its work
/// on the core the officer's console needs.
private final class WriteInProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false

    /// True when no write was in progress (the caller now holds it).
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
