import Complaints
import Foundation

/// What the console runtime needs from the desk's storage. The executable adapts `DeskStore`; tests can
/// pass a fake. Calls are synchronous: an answer means the events are durable (or refused).
public protocol DeskService: AnyObject {
    /// Decides and appends each request under the journal lock.
    func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome]
    /// Events other processes appended since the last call.
    func poll() -> [RecordedEvent]
    /// Writes deadline-driven system events (auto-close) and returns them.
    func sweep(now: Date) -> [RecordedEvent]
    /// Readable when the journal may have changed (inotify), or nil.
    var changeDescriptor: Int32? { get }
    func drainChangeNotifications()
    var health: JournalHealthView { get }
    /// True once a journal segment the console read was deleted or put back as another file: its desk no
    /// longer matches the folder (see `EventJournal.replacedSegment`; no I/O, asked on every loop).
    var journalWasReplaced: Bool { get }
    /// True once the practice desk under the console was reset from elsewhere (`lapor-desk demo --reset`):
    /// the console's desk is then out of date and must be reopened. Always false on a real desk.
    var practiceDeskWasReset: Bool { get }
    /// Who holds the journal's lock when another process does (nil when free): asked before an action,
    /// which then waits for it, so the console can say so first.
    var journalBusyWith: String? { get }
    /// The desk's deadline rules when its holiday lists or limits changed on disk since the last call; nil
    /// when nothing changed (asked on idle ticks: a few `stat` calls).
    func deadlineRulesChange() -> DeadlineRulesChange?
    /// The desk's reference data when `referensi/` changed on disk since the last call; nil when nothing
    /// changed (asked on idle ticks: a few `stat` calls).
    func referenceChange() -> ReferenceChange?
    /// True once the lines a start from the projection snapshot took on trust failed their check (after the
    /// first frame): the desk on screen was folded from lines the journal no longer holds, so the console
    /// reopens from the journal itself.
    var snapshotWasWrong: Bool { get }
}

extension DeskService {
    public var practiceDeskWasReset: Bool { false }
    public var journalBusyWith: String? { nil }
    public func deadlineRulesChange() -> DeadlineRulesChange? { nil }
    public func referenceChange() -> ReferenceChange? { nil }
    public var snapshotWasWrong: Bool { false }
}
