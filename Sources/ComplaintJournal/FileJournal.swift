import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The legal record on disk: numbered JSON-lines segments under `DIR/journal/`, only ever appended,
/// shared safely by every console on the machine through `journal/LOCK`.
///
/// One instance per console (or command); methods are serialised internally, so it may be shared
/// between threads. See `EventJournal` for the protocol.
public final class FileJournal: EventJournal, @unchecked Sendable {
    /// Whether this instance may change anything on disk.
    public enum Mode: Sendable, Hashable {
        /// Appends, recovers torn tails and quarantines damage.
        case writer
        /// Never modifies anything (inspection, `check` without `--repair`, read-only media).
        case readOnly
    }

    /// Tunables, mostly for tests.
    public struct Options: Sendable {
        /// Roll to a new segment once the current one would grow past this many bytes.
        public var segmentSizeLimit: Int
        /// How long a writer waits for the lock before failing with `lockedByAnotherProcess`
        /// (nil waits as long as it takes).
        public var lockTimeout: Double?
        /// How long opening waits for the lock, when not `lockTimeout`: a console falls back to reading
        /// soon rather than showing nothing while a long job holds the lock.
        public var openLockTimeout: Double?
        /// A read-only open that finds the lock held past `openLockTimeout` reads without it (changing
        /// nothing) and says so in `readWithoutLock`, instead of failing: one hung writer must not stop every
        /// report and script (QA: `list` waited 10 s and printed nothing).
        public var readWithoutLockIfBusy = false
        /// How long `poll()` waits for a busy writer before returning nothing (try again later).
        public var pollLockWait: Double
        /// Largest single `write(2)` of a bulk import.
        public var batchWriteBytes: Int
        /// Clock used only to name quarantine files and date acknowledgements.
        public var now: @Sendable () -> Date
        /// The desk group (`grup` in desk.toml, resolved to its id): new journal files and folders
        /// are given to it, 0640 and 0750; nil keeps them private, 0600 and 0700.
        public var deskGroup: UInt32?
        /// What `health` says for a read-only open (why this process may not write), when the caller
        /// decided it (an OS account the roster does not bind); nil: "journal opened read-only".
        public var readOnlyReason: Localized?
        /// A start from a snapshot checks the checksums of every line the snapshot stands for (see
        /// `changedBeforeResume`). By default before `open` returns, so a command finds what a cold start
        /// finds; with this set, on another core while the console draws and decodes, `health`, snapshot
        /// writes and the snapshot's use by writers waiting for it (a few tenths of a second at most).
        public var checkSnapshotRegionInBackground = false

        public init(
            segmentSizeLimit: Int = 64 << 20, lockTimeout: Double? = nil, pollLockWait: Double = 0.25,
            batchWriteBytes: Int = 4 << 20, now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.segmentSizeLimit = segmentSizeLimit
            self.lockTimeout = lockTimeout
            self.pollLockWait = pollLockWait
            self.batchWriteBytes = batchWriteBytes
            self.now = now
        }
    }

    let folder: JournalFolder
    public let mode: Mode
    let options: Options
    let calls: any SystemCalls
    let mutex = NSLock()
    let fileLock: FileLock
    var scanner: JournalScanner
    /// Reads lines back by position for bodies start-up left in the journal (`StoredText`).
    public let textStore: JournalTextStore
    /// Caught-up entries not handed to anyone yet (after `appendBatch`); `poll()` returns them.
    var undelivered: [JournalEntry] = []
    /// Tracking ids named by damaged lines an earlier repair acknowledged (see `reportIDsSetAside`).
    var acknowledgedReportIDs: [String] = []
    /// What the acknowledgement registry looked like when last read (`takeAcknowledgementsMadeElsewhere`).
    var acknowledgementsStamp = ""
    /// Set when a failed write could not be rolled back.
    var unrepairedWriteFailure: String?
    /// Set when a catch-up before a write found damage another process appended: writes stay refused until
    /// `check --repair` (see `catchUp`).
    var damageAppendedElsewhere: String?
    var appendDescriptor: (segment: Int, fd: Int32)?
    /// Created on first use: closing an inotify descriptor waits for an RCU grace period (milliseconds),
    /// which short-lived instances (commands, tests) should not pay.
    private var watcher: ChangeWatcher?
    private var watcherRequested = false
    /// Set when a read-only open read past a held lock (`Options.readWithoutLockIfBusy`): why, for a warning.
    public internal(set) var readWithoutLock: String?
    /// Set at open when the journal ends before a projection snapshot's point (see `recover`); nil otherwise.
    public internal(set) var eventsLost: String?
    /// What `health` says when read-only (the writer's failure, for a fallback open).
    var readOnlyReason = Localized("jurnal dibuka baca saja", en: "journal opened read-only")
    /// Set by a read-only fallback: open even when a hung writer holds the lock.
    var unlockedReadIfBusy = false
    /// Why a snapshot's resume point given to `open` was not used (nil when it was, or none was given).
    public internal(set) var snapshotRejection: String?
    /// The background check of a snapshot start's lines (`Options.checkSnapshotRegionInBackground`): the
    /// point to check until it starts, then the running check.
    var pendingSnapshotRegion: JournalResumePoint?
    /// What that check found: a line before the snapshot's point changed since (health, writes, snapshots).
    let snapshotRegionDamage = FirstFailure<String>()
    var snapshotRegionCheck: DispatchGroup?
    let snapshotRegionLock = NSLock()
    /// Whether the open's scan folded every applied line into the `fold` given to `open` (it read the
    /// journal from its start); false when it resumed at a snapshot's point or was given no fold.
    public private(set) var foldedAtOpen = false

    /// Opens (and for writers, recovers) the journal of the data folder `dataFolder`.
    ///
    /// Writers create `DIR/journal/` if missing, take the lock, truncate a torn tail into
    /// quarantine and copy damaged lines there. Read-only opens report the same findings but change
    /// nothing. The report lists everything found, as `FILE:LINE: reason`.
    ///
    /// With `resume` (a projection snapshot's point) the scan starts there when the journal still
    /// matches it (`resumedFromSnapshot`), else from the beginning (`snapshotRejection` says why).
    ///
    /// With `fold`, the lines the scan applies are also folded into it (`ScanFold`) when the scan reads the
    /// journal from its start (`foldedAtOpen`); from a snapshot's point the caller folds the rest itself.
    public static func open(
        at dataFolder: URL, mode: Mode, options: Options = Options(), resume: JournalResumePoint? = nil,
        fold: StartupFold? = nil
    ) throws -> (FileJournal, RecoveryReport) {
        try open(at: dataFolder, mode: mode, options: options, calls: PosixSystemCalls(), resume: resume, fold: fold)
    }

    static func open(
        at dataFolder: URL, mode: Mode, options: Options, calls: any SystemCalls, unlockedReadIfBusy: Bool = false,
        resume: JournalResumePoint? = nil, fold: StartupFold? = nil
    ) throws(JournalError) -> (FileJournal, RecoveryReport) {
        var folder = JournalFolder(dataFolder: dataFolder, calls: calls)
        folder.deskGroup = options.deskGroup
        if mode == .writer {
            try folder.refuseUnsafeWriting()
            try folder.createDirectory(String(folder.journalPath.dropLast("/journal".count)))
            try folder.createDirectory(folder.journalPath)
            try folder.createDirectory(folder.quarantinePath)
        }
        let lockExisted = JournalFolder.exists(folder.lockPath)
        let lock = try FileLock(path: folder.lockPath, create: mode == .writer, calls: calls)
        if mode == .writer, !lockExisted { try folder.shareWithDeskGroup(folder.lockPath, isDirectory: false) }
        let journal = try FileJournal(folder: folder, mode: mode, options: options, calls: calls, lock: lock)
        journal.unlockedReadIfBusy = unlockedReadIfBusy
        if let reason = options.readOnlyReason { journal.readOnlyReason = reason }
        let report = try journal.recover(resume: resume, fold: fold)
        return (journal, report)
    }

    private init(
        folder: JournalFolder, mode: Mode, options: Options, calls: any SystemCalls, lock: FileLock
    ) throws(JournalError) {
        self.folder = folder
        self.mode = mode
        self.options = options
        self.calls = calls
        fileLock = lock
        textStore = JournalTextStore(folder: folder)
        // Taken before the read: a registry changed after it is read again by the next poll.
        acknowledgementsStamp = FileStamp.line(folder.acknowledgedPath)
        let registry = try AcknowledgedDamage.load(from: folder.acknowledgedPath)
        acknowledgedReportIDs = registry.reportIDs
        let first = try folder.segmentNumbers().first ?? 1
        scanner = JournalScanner(folder: folder, firstSegment: first, acknowledged: registry.keys, now: options.now)
        scanner.seqNamedByDamage = registry.maxSeq
    }

    deinit {
        if let appendDescriptor { calls.closeFile(appendDescriptor.fd) }
    }

    /// The start-up scan: verify every line, then recover (writer) or only report (read-only).
    private func recover(resume: JournalResumePoint?, fold: StartupFold?) throws(JournalError) -> RecoveryReport {
        mutex.lock()
        defer { mutex.unlock() }
        var locked = true
        do {
            try lockFile(exclusive: mode == .writer, timeout: options.openLockTimeout ?? options.lockTimeout)
        } catch {
            // A read-only fallback behind a hung writer reads without the lock (it changes nothing).
            guard mode == .readOnly, unlockedReadIfBusy || options.readWithoutLockIfBusy, case .lockedByAnotherProcess = error else {
                throw error
            }
            locked = false
            readWithoutLock = "\(error); read without the lock: lines that writer is adding may be missing or shown as torn"
        }
        defer { if locked { fileLock.unlock() } }
        let policy = mode == .writer
            ? ScanPolicy(tail: .truncate, quarantineDamage: true, collect: false, lookPastMissingSegments: true)
            : ScanPolicy(tail: .report, quarantineDamage: false, collect: false, lookPastMissingSegments: true)
        if let resume {
            snapshotRejection = mismatch(resume)
            if snapshotRejection == nil, !options.checkSnapshotRegionInBackground {
                snapshotRejection = FileJournal.changedBeforeResume(resume, folder: folder)
            }
            if snapshotRejection == nil {
                scanner.resume(at: resume)
                if options.checkSnapshotRegionInBackground { pendingSnapshotRegion = resume }
            }
        }
        let before = scanner.report
        // A folder with no lock file yet is "locked" without any `flock` held: a writer may appear mid-scan.
        scanner.activeSegmentIsLocked = locked && fileLock.descriptor >= 0
        defer { scanner.activeSegmentIsLocked = false }
        if let fold, scanner.resumedAt == nil {
            try recoverFolding(policy, fold)
            foldedAtOpen = true
        } else {
            _ = try scanner.advance(policy)
        }
        try scanner.reportMissingSegments()
        // A snapshot taken further than the journal now reaches: events that were written are gone (the last
        // segment deleted, or put back as an older copy). Writing now would hand out their sequence numbers
        // and tracking ids again (QA: a restored segment then merged two citizens' reports under one id).
        if let resume, scanner.lastSeq < resume.lastSeq {
            eventsLost = FileJournal.eventsLost(journalEnds: scanner.lastSeq, snapshotRecorded: resume.lastSeq)
        }
        return scanner.report.subtracting(before)
    }

    /// What writers, readers and `check` say when the journal ends before a projection snapshot's point.
    public static func eventsLost(journalEnds: UInt64, snapshotRecorded: UInt64) -> String {
        "the journal ends at event \(journalEnds), but the projection snapshot (cache/proyeksi.snap) "
            + "recorded events up to \(snapshotRecorded): a segment was deleted, cut short or put back as an older copy; "
            + "restore it \(JournalAdvice.restoreFromBackup), or delete cache/proyeksi.snap to accept the journal as it is"
    }

    private func recoverFolding(_ policy: ScanPolicy, _ fold: StartupFold) throws(JournalError) {
        fold.begin(textStore: textStore)
        _ = try scanner.advance(policy, fold: fold)
    }

    func lockFile(exclusive: Bool, timeout: Double?) throws(JournalError) {
        guard try fileLock.lock(exclusive: exclusive, timeout: timeout) else {
            throw .lockedByAnotherProcess(
                path: folder.lockPath, waitedSeconds: timeout ?? 0, holder: LockHolder.describe(lockPath: folder.lockPath))
        }
    }

    /// Everything found since open (recovery, catch-up, polls), for `check` and the status line.
    public var report: RecoveryReport {
        mutex.lock()
        defer { mutex.unlock() }
        return scanner.report
    }

    /// Torn ends set aside so far (at open, or by an append that caught up on a writer that died mid-line),
    /// from the `from`-th on: a caller that remembers the count learns of new ones without copying `report`.
    public func tornTails(from: Int) -> [TornTail] {
        mutex.lock()
        defer { mutex.unlock() }
        return Array(scanner.report.tornTails.dropFirst(from))
    }

    /// The tracking ids named by damaged lines (set aside now, or acknowledged by an earlier repair, whose
    /// registry keeps them): those reports are gone from the desk, but the ids were given to reporters.
    public var reportIDsSetAside: [String] {
        mutex.lock()
        defer { mutex.unlock() }
        return acknowledgedReportIDs + scanner.report.damagedLines.flatMap(\.reportIDs)
    }

    public var lastSequence: UInt64 {
        mutex.lock()
        defer { mutex.unlock() }
        return scanner.lastSeq
    }

    /// Who holds the journal's lock right now when another process does (`process 4242 (lapor-desk)`, or
    /// "another process" when unknown); nil when it is free or this journal only reads. An action waits
    /// for the lock up to `lockTimeout`: the console says so first instead of freezing without a word.
    public var lockHeldElsewhere: String? {
        mutex.lock()
        defer { mutex.unlock() }
        guard mode == .writer, let free = try? fileLock.lock(exclusive: true, timeout: 0) else { return nil }
        if free {
            fileLock.unlock()
            return nil
        }
        return LockHolder.describe(lockPath: folder.lockPath) ?? "another process"
    }

    public var replacedSegment: String? {
        mutex.lock()
        defer { mutex.unlock() }
        return scanner.replacedSegment
    }

    /// The journal's state, once the check of a snapshot start's lines is done (see `healthSoFar`).
    public var health: JournalHealth {
        awaitSnapshotRegionCheck()
        return healthSoFar
    }

    /// `health` without waiting for the background check of a snapshot start's lines: what the first frame
    /// shows, drawn before that check runs (the console's later `health` reads wait for it).
    public var healthSoFar: JournalHealth {
        mutex.lock()
        defer { mutex.unlock() }
        if let replaced = scanner.replacedSegment { return .degraded(reasons: [JournalError.segmentReplaced(path: replaced).description]) }
        if let eventsLost { return .degraded(reasons: [eventsLost]) }
        if mode == .readOnly { return .readOnly(reason: readOnlyReason) }
        var reasons = scanner.report.unacknowledgedDescriptions
        if let unrepairedWriteFailure { reasons.append(unrepairedWriteFailure) }
        // A report body that no longer reads back, or a line before a snapshot's point that fails its
        // check when re-read, is damage found after start-up.
        if let unreadable = textStore.failure { reasons.append(unreadable) }
        if let reRead = scanner.reReadDamage.value { reasons.append(reRead) }
        if let changed = snapshotRegionDamage.value { reasons.append(changed) }
        return reasons.isEmpty ? .ok : .degraded(reasons: reasons)
    }

    public var changeDescriptor: Int32? {
        mutex.lock()
        defer { mutex.unlock() }
        if !watcherRequested {
            watcherRequested = true
            watcher = JournalFolder.exists(folder.journalPath) ? ChangeWatcher(directory: folder.journalPath) : nil
        }
        return watcher?.descriptor
    }

    public func drainChangeNotifications() {
        mutex.lock()
        defer { mutex.unlock() }
        watcher?.drain()
    }

    public func entries(after seq: UInt64) throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        undelivered.removeAll { $0.seq > seq }
        return try scanner.entries(after: seq)
    }

    /// Streams stored entries with `seq > after` (as `entries(after:)`) without holding them all in
    /// memory: the cheap way to fold a large journal into a projection at start-up.
    public func forEachEntry(after seq: UInt64, _ body: (JournalEntry) throws -> Void) throws {
        mutex.lock()
        defer { mutex.unlock() }
        undelivered.removeAll { $0.seq > seq }
        try scanner.forEachEntry(after: seq, body)
    }

    /// As `forEachEntry`, decoding and transforming lines on every core; `body` gets the results in
    /// journal order on the calling thread (the start-up fold). `transform` also gets where the line is
    /// (`JournalLineSpan`), so a decoder may leave text in the journal (`textStore` reads it back), and the
    /// payload and actor in place (`LineParts`, valid during the call), and the envelope as a `FoldEntry`
    /// (no event id or timestamp text; a `type` in `typeNames` is that shared string): a million lines then
    /// allocate up to nine strings fewer each.
    public func forEachTransformed<T: Sendable>(
        after seq: UInt64, typeNames: [String],
        transform: @escaping @Sendable (FoldEntry, JournalLineSpan, LineParts) -> T, _ body: (T) throws -> Void
    ) throws {
        mutex.lock()
        defer { mutex.unlock() }
        undelivered.removeAll { $0.seq > seq }
        try scanner.forEachTransformed(after: seq, typeNames: typeNames, transform: transform, body)
    }

    public func poll() throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        guard try fileLock.lock(exclusive: false, timeout: options.pollLockWait) else {
            return takeUndelivered()
        }
        defer { fileLock.unlock() }
        let policy = ScanPolicy(tail: .wait, quarantineDamage: mode == .writer, collect: true)
        let (entries, _) = try scanner.advance(policy)
        takeAcknowledgementsMadeElsewhere()
        return takeUndelivered() + entries
    }

    func takeUndelivered() -> [JournalEntry] {
        defer { undelivered.removeAll() }
        return undelivered
    }
}
