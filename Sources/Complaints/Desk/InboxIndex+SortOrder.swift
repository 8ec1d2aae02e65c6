import Foundation

/// Where a row goes in the deadline and priority orders, packed into words compared in turn: priority
/// (highest first, for `.priority` only), urgency rank, due instant, received instant, then the row's
/// position, so ties keep row (receive) order as the stable sort over hits does (`Inbox.run`). A plain
/// struct of integers sorts without a call per comparison: the first frame of a snapshot start sorted
/// 200,000 rows through a closure that looked each key up again (half of its time).
struct InboxSortKey: Comparable {
    private var priorityAndRank: UInt64
    private var due: UInt64
    private var received: UInt64
    /// The row's position in the desk.
    let position: Int32

    init(schedule: UrgencySchedule, priorityRank: Int, receivedAt: Date, position: Int32, sort: InboxQuery.Sort, now: Date) {
        let u = schedule.urgency(at: now)
        let due: Double = switch u {
        case let .overdue(since): since.timeIntervalSince1970
        case let .dueSoon(d), let .onTrack(d): d.timeIntervalSince1970
        case .paused, .none: .infinity
        }
        let priority = sort == .priority ? -priorityRank : 0
        // A signed number as an unsigned one in the same order: the sign bit flipped.
        let signedOrder = UInt64(UInt32(bitPattern: Int32(clamping: priority)) ^ 0x8000_0000)
        priorityAndRank = signedOrder << 8 | UInt64(UInt8(clamping: u.rank))
        self.due = InboxSortKey.ordered(due)
        received = InboxSortKey.ordered(receivedAt.timeIntervalSince1970)
        self.position = position
    }

    /// A double's bits as an unsigned number in the double's order (negative values flipped whole, others
    /// with the sign bit set); -0 is taken as 0, as `<` takes it. Times are never NaN.
    static func ordered(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    static func < (a: InboxSortKey, b: InboxSortKey) -> Bool {
        if a.priorityAndRank != b.priorityAndRank { return a.priorityAndRank < b.priorityAndRank }
        if a.due != b.due { return a.due < b.due }
        if a.received != b.received { return a.received < b.received }
        return a.position < b.position
    }
}

extension InboxIndex {
    /// The key of the row at `position`, its fields read in place (a row handed over whole is copied,
    /// retaining each of its strings).
    private static func sortKey(_ rows: UnsafePointer<InboxIndexRow>, _ position: Int, _ sort: InboxQuery.Sort, now: Date) -> InboxSortKey {
        let row = rows + position
        return InboxSortKey(schedule: row.pointee.schedule, priorityRank: row.pointee.priorityRank, receivedAt: row.pointee.receivedAt,
                            position: Int32(position), sort: sort, now: now)
    }

    static func receivedBefore(_ rows: [InboxIndexRow], _ a: Int32, _ b: Int32) -> Bool {
        let ra = rows[Int(a)].receivedAt, rb = rows[Int(b)].receivedAt
        if ra != rb { return ra > rb }
        let ia = rows[Int(a)].id, ib = rows[Int(b)].id
        if ia != ib { return ia > ib }
        return a < b
    }

    /// "Row `a` is listed before row `b`" for `sort` at `now` (keys computed per call: for a few rows), in
    /// the order `sortedOrder` gives.
    static func comparator(_ rows: [InboxIndexRow], _ sort: InboxQuery.Sort, now: Date) -> (Int32, Int32) -> Bool {
        switch sort {
        case .received: { a, b in receivedBefore(rows, a, b) }
        case .deadline, .priority: { a, b in
            rows.withUnsafeBufferPointer { r in
                guard let base = r.baseAddress else { return a < b }
                assert(Int(a) < r.count && Int(b) < r.count, "a comparison names only rows there are")
                return sortKey(base, Int(a), sort, now: now) < sortKey(base, Int(b), sort, now: now)
            }
        }
        }
    }

    /// `positions` (rows of `rows`) in `sort` order at `now`: the order `sortedOrder` gives them among all rows.
    /// Halves of many on their own cores, as `sortedOrder` (the first frame of a large desk waits for it).
    static func sortedPositions(_ positions: [Int32], _ rows: [InboxIndexRow], _ sort: InboxQuery.Sort, now: Date,
                                parallelFrom: Int = 20_000) -> [Int32] {
        guard sort != .received else { return positions.sorted { receivedBefore(rows, $0, $1) } }
        return rows.withUnsafeBufferPointer { r in
            positions.withUnsafeBufferPointer { p in
                let (rows, positions) = (SharedReadOnly(r), SharedReadOnly(p))
                return sortedByKey(count: p.count, parallelFrom: parallelFrom) { i in
                    sortKey(rows.buffer.baseAddress!, Int(positions.buffer[i]), sort, now: now)
                }
            }
        }
    }

    /// Row positions in `sort` order at `now`. The deadline and priority orders sort packed keys, each half
    /// of a large desk on its own core, then merge the halves.
    static func sortedOrder(_ rows: [InboxIndexRow], _ sort: InboxQuery.Sort, now: Date, parallelFrom: Int = 20_000) -> [Int32] {
        guard sort != .received else {
            var order = (0..<Int32(rows.count)).map { $0 }
            order.sort { receivedBefore(rows, $0, $1) }
            return order
        }
        return rows.withUnsafeBufferPointer { r in
            let rows = SharedReadOnly(r)
            return sortedByKey(count: r.count, parallelFrom: parallelFrom) { i in sortKey(rows.buffer.baseAddress!, i, sort, now: now) }
        }
    }

    /// The positions of the keys `key(0)`, …, `key(count - 1)` in key order: from `parallelFrom` keys, each
    /// half sorted on its own core and the halves merged (keys end with the position, so no two are equal
    /// and the order is the same either way).
    private static func sortedByKey(count: Int, parallelFrom: Int, _ key: @Sendable (Int) -> InboxSortKey) -> [Int32] {
        guard count > 0 else { return [] }
        let sorted = madeInParts(count: count, parallelFrom: parallelFrom, parts: 2) { range in
            var keys: [InboxSortKey] = []
            keys.reserveCapacity(range.count)
            for i in range { keys.append(key(i)) }
            keys.sort()
            return keys
        }
        return sorted.count == 1 ? sorted[0].map(\.position) : merged(sorted[0], sorted[1])
    }

    /// The positions of two sorted key lists, merged into one order.
    private static func merged(_ a: [InboxSortKey], _ b: [InboxSortKey]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if b[j] < a[i] {
                out.append(b[j].position)
                j += 1
            } else {
                out.append(a[i].position)
                i += 1
            }
        }
        while i < a.count { out.append(a[i].position); i += 1 }
        while j < b.count { out.append(b[j].position); j += 1 }
        return out
    }
}
