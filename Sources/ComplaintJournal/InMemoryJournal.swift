import Foundation

/// The in-memory twin of `FileJournal`: the same envelope encoding, validation, sequence rules and
/// catch-up protocol, without files. For tests and the demo desk.
///
/// Instances made with `makePeer()` share one store and behave like consoles in other processes:
/// each has its own view, sees the others' appends via `poll()` or in its `append` closure.
public final class InMemoryJournal: EventJournal, @unchecked Sendable {
    /// The shared "file": stored lines, guarded by a lock that plays the role of `flock`.
    final class Store: @unchecked Sendable {
        let lock = NSLock()
        var entries: [JournalEntry] = []
        var failNextWrite: JournalError?
    }

    private let store: Store
    private let mutex = NSLock()
    private var seenCount = 0
    private var undelivered: [JournalEntry] = []
    private var simulatedHealth: JournalHealth?

    /// An empty journal.
    public init() {
        store = Store()
    }

    /// A journal pre-filled with `entries` (sequence numbers assigned 1...n).
    public convenience init(entries: [NewEntry]) throws {
        self.init()
        _ = try appendBatch(entries)
    }

    private init(store: Store) {
        self.store = store
    }

    /// Another writer on the same store (as if a second console process had opened it now): like a
    /// freshly opened `FileJournal`, it has seen everything stored so far.
    public func makePeer() -> InMemoryJournal {
        let peer = InMemoryJournal(store: store)
        store.lock.lock()
        peer.seenCount = store.entries.count
        store.lock.unlock()
        return peer
    }

    /// Makes the next append on this store fail with `error`, writing nothing (failure tests).
    public func failNextWrite(with error: JournalError) {
        store.lock.lock()
        store.failNextWrite = error
        store.lock.unlock()
    }

    /// Overrides `health` (nil returns to `.ok`), to drive a console into degraded/read-only states.
    public func simulateHealth(_ health: JournalHealth?) {
        mutex.lock()
        simulatedHealth = health
        mutex.unlock()
    }

    public func append(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry] {
        try locked { () throws -> [JournalEntry] in
            let caughtUp = takeUndelivered() + catchUp()
            return try write(try decide(caughtUp))
        }
    }

    public func appendBatch(_ entries: [NewEntry]) throws -> [JournalEntry] {
        try locked { () throws -> [JournalEntry] in
            undelivered += catchUp()
            return try write(entries)
        }
    }

    public func appendBatch(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry] {
        try append(decide)
    }

    public func entries(after seq: UInt64) throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        store.lock.lock()
        defer { store.lock.unlock() }
        undelivered.removeAll { $0.seq > seq }
        return store.entries[0..<seenCount].filter { $0.seq > seq }
    }

    public func forEachEntry(after seq: UInt64, _ body: (JournalEntry) throws -> Void) throws {
        for entry in try entries(after: seq) { try body(entry) }
    }

    /// Memory is never replaced behind the journal's back.
    public var replacedSegment: String? { nil }

    public func poll() throws -> [JournalEntry] {
        locked { takeUndelivered() + catchUp() }
    }

    public var lastSequence: UInt64 {
        mutex.lock()
        defer { mutex.unlock() }
        store.lock.lock()
        defer { store.lock.unlock() }
        return seenCount == 0 ? 0 : store.entries[seenCount - 1].seq
    }

    public var health: JournalHealth {
        mutex.lock()
        defer { mutex.unlock() }
        return simulatedHealth ?? .ok
    }

    public var changeDescriptor: Int32? { nil }

    public func drainChangeNotifications() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        store.lock.lock()
        defer { store.lock.unlock() }
        return try body()
    }

    private func takeUndelivered() -> [JournalEntry] {
        defer { undelivered.removeAll() }
        return undelivered
    }

    /// Entries stored by peers since this instance last looked (store lock held).
    private func catchUp() -> [JournalEntry] {
        let new = Array(store.entries[seenCount...])
        seenCount = store.entries.count
        return new
    }

    /// Encodes through the real envelope code so both journals accept and store the same things.
    private func write(_ newEntries: [NewEntry]) throws -> [JournalEntry] {
        guard !newEntries.isEmpty else { return [] }
        if let failure = store.failNextWrite {
            store.failNextWrite = nil
            throw failure
        }
        let lines = try EnvelopeEncoder.encodeAll(newEntries, firstSeq: UInt64(store.entries.count) + 1)
        var stored: [JournalEntry] = []
        for (index, line) in lines.enumerated() {
            var entry = line.entry
            entry.position = JournalPosition(segment: 1, line: store.entries.count + index + 1)
            stored.append(entry)
        }
        store.entries += stored
        seenCount = store.entries.count
        return stored
    }
}
