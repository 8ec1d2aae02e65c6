/// The journal as the console and the command line use it, implemented by `FileJournal` (disk)
/// and `InMemoryJournal` (tests, demo), so one contract test suite covers both.
///
/// Instances are not reentrant: a `decide` closure must not call back into the same journal.
public protocol EventJournal: AnyObject, Sendable {
    /// Appends what `decide` returns, atomically with respect to every other writer.
    ///
    /// Under the writer lock the journal first reads the entries other writers added since this
    /// instance last looked and passes them to `decide`, which should fold them into its state and
    /// then either return new entries or throw to refuse a stale command (nothing is written then).
    /// The caught-up entries are delivered exactly once, to `decide`. Returns the stored entries,
    /// with their sequence numbers, only after they are durable.
    func append(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry]

    /// Bulk import: appends many entries with few system calls and one sync per batch. A failed write
    /// rolls the whole batch back; after a power cut a batch may survive in part (whole lines only, a
    /// prefix in sequence order), and nothing is acknowledged until the sync returns. Entries other
    /// writers added meanwhile are kept for the next `poll()`.
    func appendBatch(_ entries: [NewEntry]) throws -> [JournalEntry]

    /// Bulk import with the catch-up protocol of `append(_:)`: `decide` sees concurrent entries first.
    func appendBatch(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry]

    /// Stored entries with `seq > after` among those this instance has seen, in journal order.
    func entries(after seq: UInt64) throws -> [JournalEntry]

    /// Streams the same entries as `entries(after:)` to `body` without building one big array; the
    /// body must not call back into the journal.
    func forEachEntry(after seq: UInt64, _ body: (JournalEntry) throws -> Void) throws

    /// Entries other writers appended since this instance last looked (complete, verified lines
    /// only). Cheap enough to call on every wake-up.
    func poll() throws -> [JournalEntry]

    /// Highest sequence number this instance has seen.
    var lastSequence: UInt64 { get }

    /// Whether the console may write, and if not why.
    var health: JournalHealth { get }

    /// A descriptor that becomes readable when the journal may have changed (nil when there is
    /// none); wake up on it, call `drainChangeNotifications()`, then `poll()`.
    var changeDescriptor: Int32? { get }

    /// Empties the change descriptor's queue so it stops being readable.
    func drainChangeNotifications()

    /// A segment read earlier that was since deleted or put back as another file (a practice desk reset
    /// from another shell, a restore under a running console), or nil. Found by the scans (every poll and
    /// catch-up) and by appends, and remembered: reading it does no I/O. Once found it stays found, and the
    /// journal reads and writes nothing more.
    var replacedSegment: String? { get }
}

extension EventJournal {
    /// Every stored entry this instance has seen.
    public func allEntries() throws -> [JournalEntry] {
        try entries(after: 0)
    }

    /// Appends fixed entries without looking at concurrent ones (they stay for `poll()`).
    public func append(_ entries: [NewEntry]) throws -> [JournalEntry] {
        try appendBatch(entries)
    }
}
