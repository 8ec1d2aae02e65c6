#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Complaints
import Foundation

/// Notices that a practice desk was reset behind the console's back (`lapor-desk demo --reset` from another
/// shell, or Ctrl-R in another console on the folder): the reset puts the pristine journal segments back
/// with new files, so a segment the console started with is gone or is another file at the same path.
/// Journal writers never replace a segment they wrote (they only append and add new ones).
public final class PracticeResetWatch {
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let journalFolder: String
    private let known: [String: Identity]
    /// Once noticed, it stays noticed: the console's desk no longer matches the folder.
    public private(set) var noticed = false

    /// Remembers the segments in `journalFolder` as they are now (call right after the journal is opened).
    public init(journalFolder: URL) {
        self.journalFolder = journalFolder.path
        var known: [String: Identity] = [:]
        for name in PracticeResetWatch.segmentNames(in: journalFolder.path) {
            if let id = PracticeResetWatch.identity(journalFolder.path + "/" + name) { known[name] = id }
        }
        self.known = known
    }

    /// Whether the desk was reset since the watch began (a few `stat` calls).
    public func check() -> Bool {
        guard !noticed else { return true }
        for (name, id) in known where PracticeResetWatch.identity(journalFolder + "/" + name) != id {
            noticed = true
            break
        }
        return noticed
    }

    static func segmentNames(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".jsonl") && $0.dropLast(".jsonl".count).allSatisfy(\.isNumber)
        }
    }

    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}

/// The desk service of a console on a practice desk: once the desk was reset elsewhere, nothing more is read
/// from or written to the old journal, and the runtime hears `practiceDeskWasReset` (it reopens the desk).
public final class PracticeDeskService: DeskService {
    private let base: any DeskService
    private let watch: PracticeResetWatch

    public init(wrapping base: any DeskService, watch: PracticeResetWatch) {
        self.base = base
        self.watch = watch
    }

    public func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome] {
        guard !watch.check() else {
            return requests.map { DeskOutcome(request: $0, result: .failed("the practice desk was reset; nothing was written")) }
        }
        return base.perform(requests, as: op, now: now)
    }

    public func poll() -> [RecordedEvent] { watch.check() ? [] : base.poll() }

    public func sweep(now: Date) -> [RecordedEvent] { watch.check() ? [] : base.sweep(now: now) }

    public var changeDescriptor: Int32? { base.changeDescriptor }

    public func drainChangeNotifications() { base.drainChangeNotifications() }

    public var health: JournalHealthView { base.health }

    public var practiceDeskWasReset: Bool { watch.check() }
}
