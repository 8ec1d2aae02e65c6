import Complaints
import ComplaintJournal
import Foundation

/// Keeps the projection snapshot fresh without making anyone wait: when start-up had to fold many events,
/// or the session has folded many since the desk's snapshot (a sweep closing thousands of reports at once,
/// another desk's bulk import), the console writes a new snapshot on a background thread while the officer
/// works. A console quit mid-write leaves only a temporary file, which the next write removes.
final class SnapshotRefresher {
    /// Events on top of the snapshot that make a new one worth writing. The next start folds them into the
    /// rows they touch, at up to ~50 µs each on top of its ~0.1 s (3,643 auto-closes on a 20,000-report desk
    /// took it to 0.17–0.27 s); 2,000 bounds that at about 0.1 s more. A write costs the background a second
    /// or so, at most once per 2,000 events.
    static let threshold: UInt64 = 2_000

    /// Below this many events folding the journal is already instant: no cache file is written.
    static let minimumEvents: UInt64 = 5_000

    private let opened: OpenedDesk
    /// The journal point of the newest snapshot this process knows: the one start-up used, the last it
    /// wrote, or a newer one another process wrote (read from the file's footer when a write falls due).
    private var covered: UInt64
    private let writing = WriteInProgress()
    /// Where a session's writes are noted: written, or why not (the start-up log, when one is asked for).
    private let log: StartupLog

    init(_ opened: OpenedDesk, log: StartupLog) {
        self.opened = opened
        self.log = log
        if case let .used(seq) = opened.snapshot { covered = seq } else { covered = 0 }
    }

    /// At start-up: writes when the snapshot is missing, rejected, `threshold` events behind, or its inbox
    /// rows predate the deadline rules.
    func startIfStale() {
        guard opened.journal.mode == .writer else { return }
        guard opened.desk.lastSeq >= Self.minimumEvents, opened.snapshotIsStale(threshold: Self.threshold) else {
            // No write due: still remove what a console quit mid-write left (a write removes it itself).
            ProjectionSnapshot.removeAbandonedTemporaries(dataFolder: opened.folder.url)
            return
        }
        write(unlessWrittenMeanwhile: false)
    }

    /// During the session, on the console's idle ticks (usually one comparison): writes again once
    /// `threshold` events have been folded since the newest snapshot. Not on a practice desk, which a reset
    /// replaces under the console: a write in flight would put the old desk's snapshot in the new folder.
    func refreshIfFarBehind() {
        guard opened.journal.mode == .writer, !opened.settings.isPractice, opened.desk.lastSeq >= Self.minimumEvents,
              !writing.isBusy, Self.isDue(lastSeq: opened.desk.lastSeq, covered: covered) else { return }
        // Another console, or `lapor-desk snapshot`, may have written a newer one: its footer says where.
        if let onDisk = Self.pointOnDisk(dataFolder: opened.folder.url), onDisk > covered {
            covered = onDisk
            guard Self.isDue(lastSeq: opened.desk.lastSeq, covered: covered) else {
                return log.note("snapshot not rewritten: one written elsewhere covers event \(onDisk)")
            }
        }
        write(unlessWrittenMeanwhile: true)
    }

    /// Whether a desk at `lastSeq` is far enough past the snapshot covering `covered` for a new one.
    private static func isDue(lastSeq: UInt64, covered: UInt64) -> Bool {
        lastSeq >= covered && lastSeq - covered >= threshold
    }

    /// The journal point of the snapshot file this build can use, reading only its footer.
    private static func pointOnDisk(dataFolder: URL) -> UInt64? {
        guard case let .opened(mapped) = ProjectionSnapshot.open(dataFolder: dataFolder,
                                                                 programStamp: ProjectionSnapshot.currentProgramStamp())
        else { return nil }
        return mapped.resume.lastSeq
    }

    /// Writes on a background thread. With `unlessWrittenMeanwhile`, several consoles whose sweeps folded
    /// the same events at once write one snapshot between them: each first takes the cache folder's lock
    /// without waiting (another holder: it is writing that snapshot now), then skips a write a newer file
    /// already makes redundant.
    private func write(unlessWrittenMeanwhile: Bool) {
        guard writing.begin() else { return }
        guard let source = opened.snapshotSource() else {
            writing.end()
            return
        }
        covered = source.desk.lastSeq
        let dataFolder = opened.folder.url
        let journal = opened.journal
        let rules = opened.inboxRowRules
        let writing = self.writing
        // Only a session's writes are noted: the start-up milestones end with "console ready".
        let log: StartupLog? = unlessWrittenMeanwhile ? self.log : nil
        let thread = Thread {
            defer { writing.end() }
            let cache = (ProjectionSnapshot.path(dataFolder: dataFolder) as NSString).deletingLastPathComponent
            let lock = unlessWrittenMeanwhile ? FolderLock(cache) : nil
            if unlessWrittenMeanwhile {
                guard let lock, lock.isHeld else { return log?.note("snapshot not rewritten: another process is writing one") ?? () }
                if let onDisk = SnapshotRefresher.pointOnDisk(dataFolder: dataFolder),
                   !SnapshotRefresher.isDue(lastSeq: source.desk.lastSeq, covered: onDisk) {
                    return log?.note("snapshot not rewritten: one written elsewhere covers event \(onDisk)") ?? ()
                }
            }
            do throws(ProjectionSnapshot.WriteError) {
                try ProjectionSnapshot.write(source.desk, at: source.resume, journal: journal,
                                             programStamp: ProjectionSnapshot.currentProgramStamp(), rules: rules)
                log?.note("snapshot rewritten in the background at event \(source.desk.lastSeq)")
            } catch {
                log?.note("snapshot not rewritten: \(error)")
            }
            withExtendedLifetime(lock) {}
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

    var isBusy: Bool { lock.withLock { busy } }

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

/// An exclusive `flock` on a folder, taken without waiting and released when this value goes.
/// `isHeld` is false when another process holds it; a folder that is not there yet needs no lock (true).
private final class FolderLock {
    private let fd: Int32
    let isHeld: Bool

    init(_ path: String) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        isHeld = fd < 0 || flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    deinit {
        if fd >= 0 { close(fd) }
    }
}
