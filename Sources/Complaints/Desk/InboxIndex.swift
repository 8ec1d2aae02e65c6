import Foundation

/// Incremental indices that keep inbox queries within a frame on national-scale desks: one flat row per
/// report (rebuilt only when its version changes), each sort order computed once per desk change and
/// minute (so a query is one filtering pass over a presorted permutation), and the folded search text
/// with the previous search's matches (typing a letter narrows them instead of searching everything).
///
/// A pure memo: `Inbox.run` with an index returns exactly what it returns without one (a test compares
/// them), except while pinned to a snapshot's rows (`init(deadlines:seed:lastSeq:)`), when it answers for
/// the desk the rows describe. The console keeps one for the session; it is safe to share between threads.
public final class InboxIndex: @unchecked Sendable {
    /// The rules the rows' deadline schedules come from (the same the plain pass would use).
    public let deadlines: Deadlines
    private let lock = NSLock()
    private var rows: [InboxIndexRow] = []
    /// `rows` again, only the trivially copyable fields (the filtering pass reads these).
    private var hot: [InboxHotRow] = []
    /// Bumped whenever a row changes: invalidates sort orders and remembered searches.
    private var generation = 0
    private var lastSeq: UInt64 = 0
    private var orders: [InboxQuery.Sort: Ordered] = [:]
    /// Set from the first build of the rows, made without their filter words
    /// (`firstRows(_:deadlines:filterWords:)`), until the first category or region filter fills in every
    /// row's (`fillFilterWords`). Rows rebuilt meanwhile for changed reports have theirs already.
    private var filterWordsPending = false

    /// One sort order with the hot rows and ids laid out in that order, so a query reads memory
    /// sequentially (walking a permutation over 200,000 rows was mostly cache misses).
    struct Ordered: Sendable {
        var generation: Int
        var now: Date
        var order: [Int32]
        var hot: [InboxHotRow]
        var ids: [ReportID]

        init(generation: Int, now: Date, order: [Int32], rows: [InboxIndexRow], hot: [InboxHotRow]) {
            self.generation = generation
            self.now = now
            self.order = order
            self.hot = order.map { hot[Int($0)] }
            // Each id read in place: `rows[i].id` copied the whole row (retaining its six strings) first.
            ids = rows.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return [] }
                return order.map { position in
                    assert(Int(position) < b.count, "an order names only rows there are")
                    return (base + Int(position)).pointee.id
                }
            }
        }
    }
    private var search = SearchText()
    private var searchGeneration = -1
    /// Set while `prepareSearch` folds the text on another core: a search meanwhile is answered as pending
    /// instead of folding the same text again on the console's thread (QA: a letter typed in the first
    /// seconds after a start held the console for four seconds on 200,000 reports).
    var preparingSearch = false
    private var lastSearch: (text: String, generation: Int, identityKey: String, matches: [Bool])?

    /// Set while the rows came from a snapshot and the desk they describe is still being decoded:
    /// queries and counts answer from the rows alone, whatever desk they are given, and text searches
    /// (which need every report's text) find nothing (see `init(deadlines:seed:lastSeq:)`).
    private var pinned = false

    /// An empty index; rows, orders and search text are built on first use (or by `prepare…`).
    public init(deadlines: Deadlines) { self.deadlines = deadlines }

    /// An index over the rows a projection snapshot carried (computed with these `deadlines`), for the
    /// desk folded to `lastSeq`: the first inbox frame is drawn from it before the desk itself is decoded.
    /// Pinned: queries read the rows and ignore the desk they are given (the console shows only the
    /// reports of the first page meanwhile) until `unpin()`. Once unpinned, the whole decoded desk, with
    /// the same last sequence and report count, finds the rows up to date and nothing is rebuilt.
    public init(deadlines: Deadlines, seed: InboxSeed, lastSeq: UInt64) {
        self.deadlines = deadlines
        rows = seed.rows
        hot = InboxHotRow.all(rows)
        self.lastSeq = lastSeq
        generation = 1
        pinned = true
    }

    /// Lets queries follow the desk they are given again (the desk the seed came from has been decoded).
    public func unpin() {
        lock.lock()
        pinned = false
        lock.unlock()
    }

    /// Brings the rows in step with `desk` (cheap when nothing changed). A few changed reports (an
    /// officer's action, another console's events) are moved within the existing sort orders instead of
    /// re-sorting 200,000 rows.
    private func update(_ desk: Desk) {
        if pinned || (desk.lastSeq == lastSeq && desk.count == rows.count) { return }
        let reports = desk.all
        var changed: [Int] = []
        // The first build (every report new) makes the rows on both cores.
        let fresh = rows.isEmpty
        if fresh {
            // The first frame waits for these rows: their filter words wait for the first filter instead.
            rows = InboxIndex.firstRows(reports, deadlines: deadlines, filterWords: false)
            filterWordsPending = true
            changed = Array(reports.indices)
        }
        rows.reserveCapacity(reports.count)
        for i in reports.indices where !fresh {
            if i < rows.count {
                if rows[i].version == reports[i].version && rows[i].id == reports[i].id { continue }
                rows[i] = InboxIndexRow(reports[i], schedule: deadlines.schedule(of: reports[i]))
            } else {
                rows.append(InboxIndexRow(reports[i], schedule: deadlines.schedule(of: reports[i])))
            }
            changed.append(i)
        }
        let shrunk = rows.count > reports.count
        if shrunk { rows.removeLast(rows.count - reports.count) }
        lastSeq = desk.lastSeq
        guard !changed.isEmpty || shrunk else { return }
        let previous = generation
        generation += 1
        if shrunk || changed.count > 2_000 || hot.count + changed.filter({ $0 >= hot.count }).count != rows.count {
            hot = InboxHotRow.all(rows)
            return
        }
        for i in changed {
            if i < hot.count { hot[i] = InboxHotRow(rows[i]) } else { hot.append(InboxHotRow(rows[i])) }
        }
        for (sort, o) in orders where o.generation == previous {
            orders[sort] = Ordered(generation: generation, now: o.now,
                                   order: InboxIndex.reordered(o.order, moving: changed, rows, sort, now: o.now),
                                   rows: rows, hot: hot)
        }
    }

    /// `order` with the rows `moving` (changed or new) taken out and put back where `sort` places them now.
    private static func reordered(_ order: [Int32], moving: [Int], _ rows: [InboxIndexRow], _ sort: InboxQuery.Sort,
                                  now: Date) -> [Int32] {
        let moved = Set(moving)
        var result = order.filter { !moved.contains(Int($0)) }
        let before = comparator(rows, sort, now: now)
        for i in moving.sorted() {
            let p = Int32(i)
            // First position whose row sorts after the moved one (the predicate is monotone over a sorted order).
            var lo = 0, hi = result.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(p, result[mid]) { hi = mid } else { lo = mid + 1 }
            }
            result.insert(p, at: lo)
        }
        return result
    }

    /// Folds the search text for `desk` ahead of the first search (the console calls it in the background
    /// after the first frame, so the first letter typed does not pay for it).
    public func prepareSearch(_ desk: Desk) {
        // Folded outside the lock (it takes a while), so queries meanwhile are not held up.
        lock.lock()
        let skip = pinned
        if !skip { preparingSearch = true }
        lock.unlock()
        if skip { return }
        var fresh = SearchText()
        fresh.update(desk)
        lock.lock()
        defer { lock.unlock() }
        preparingSearch = false
        update(desk)
        if search.spans.isEmpty { search = fresh }
        updateSearch(desk)
    }

    /// Whether a text search would be answered now rather than as pending (`Inbox.Listing.searchPending`).
    public var searchIsReady: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !pinned && !preparingSearch
    }

    /// Computes the sort orders for `now` ahead of the first view switch (outside the lock, installed
    /// only if the desk did not change meanwhile).
    public func prepareOrders(_ desk: Desk, now: Date) {
        lock.lock()
        update(desk)
        let snapshot = (rows: rows, hot: hot, generation: generation)
        lock.unlock()
        let computed = InboxQuery.Sort.allCases.map { sort in
            (sort, Ordered(generation: snapshot.generation, now: now, order: InboxIndex.sortedOrder(snapshot.rows, sort, now: now),
                           rows: snapshot.rows, hot: snapshot.hot))
        }
        lock.lock()
        defer { lock.unlock() }
        guard generation == snapshot.generation else { return }
        for (sort, ordered) in computed where orders[sort]?.generation != generation {
            orders[sort] = ordered
        }
    }

    private func updateSearch(_ desk: Desk) {
        // A pinned index has no desk to fold text from yet (the first frame has no search).
        guard !pinned, searchGeneration != generation || search.spans.count != rows.count else { return }
        search.update(desk)
        searchGeneration = generation
    }

    /// The order for `sort` at `now` if one is up to date.
    private func memoised(_ sort: InboxQuery.Sort, now: Date) -> Ordered? {
        guard let o = orders[sort], o.generation == generation, sort == .received || o.now == now else { return nil }
        return o
    }

    /// Row positions in `sort` order for `now` (memoised per desk generation and instant).
    private func ordered(_ sort: InboxQuery.Sort, now: Date) -> Ordered {
        if let o = memoised(sort, now: now) { return o }
        let o = Ordered(generation: generation, now: now, order: InboxIndex.sortedOrder(rows, sort, now: now), rows: rows, hot: hot)
        orders[sort] = o
        return o
    }

    /// Which reports contain every needle, by position; narrows the previous search when the new text
    /// extends it (typing a letter), else searches every report on both cores.
    private func searchMatches(_ text: String, needles: [String], op: Operator) -> [Bool] {
        let identityKey = "\(op.role.rawValue)"
        let count = rows.count
        var narrowed: [Bool]?
        if let last = lastSearch, last.generation == generation, last.identityKey == identityKey,
           last.matches.count == count, !last.text.isEmpty, text.hasPrefix(last.text) {
            if last.text == text { return last.matches }
            narrowed = last.matches
        }
        var matches = [Bool](repeating: false, count: count)
        let search = self.search
        let words = SearchWords(needles)
        // `Access.canSeeIdentity`: a name is searchable unless its report is anonymous, for all but the national desk.
        let anonymousNamesToo = op.role == .adminNasional
        precondition(search.spans.count == count && (narrowed?.count ?? count) == count, "search text and a candidate for every row")
        matches.withUnsafeMutableBufferPointer { out in
            // Each worker writes only its own half of `out`.
            guard let start = out.baseAddress else { return }
            let target = SharedSlots(start)
            let parts = coreParts(count: count, parallelFrom: 20_000, parts: 2)
            (narrowed ?? []).withUnsafeBufferPointer { narrowed in
                let candidatesIn = SharedReadOnly(narrowed)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    search.match(words, in: partRange(part, of: parts, count: count), candidates: candidatesIn.buffer.isEmpty ? nil : candidatesIn.buffer.baseAddress,
                                 anonymousNamesToo: anonymousNamesToo, into: target.base)
                }
            }
        }
        lastSearch = (text, generation, identityKey, matches)
        return matches
    }

    /// `Inbox.run` over the index: same filters, same order, same result.
    func run(_ q: InboxQuery, on desk: Desk, for op: Operator, now: Date) -> Inbox.Listing {
        lock.lock()
        defer { lock.unlock() }
        update(desk)
        let needles = q.text.map(Inbox.searchTokens) ?? []
        var matches: [Bool]?
        if !needles.isEmpty {
            if pinned || preparingSearch { return Inbox.Listing(ids: [], breakdown: Inbox.Breakdown(), searchPending: true) }
            updateSearch(desk)
            matches = searchMatches(needles.joined(separator: " "), needles: needles, op: op)
        }
        let region = q.region.map(Inbox.fold)
        let category = q.category.map(Inbox.fold)
        if filterWordsPending, category != nil || region != nil {
            // `update` has just put the rows in step with the desk: row `i` is `desk.all[i]`'s.
            InboxIndex.fillFilterWords(&rows, from: desk.all)
            filterWordsPending = false
        }
        // Strings are compared only when the query or the operator's scope needs them.
        let scoped = op.role == .adminInstansi || op.role == .penghubung
        let needsStrings = q.agency != nil || q.unit != nil || category != nil || region != nil || scoped
        let noAgency = op.agency == nil
        // The status and channel tests as lookup tables (a set lookup per row hashes).
        let statusShown = ReportStatus.allCases.map { status in
            status != .dihapus || q.includeDeleted || q.statuses.contains(.dihapus)
        }
        let statusListed = ReportStatus.allCases.enumerated().map { k, status in
            statusShown[k] && (q.statuses.isEmpty || q.statuses.contains(status))
        }
        let channelListed = Channel.allCases.map { q.channels.isEmpty || q.channels.contains($0) }
        var tally = [Int](repeating: 0, count: ReportStatus.allCases.count)
        var returnedListed = 0
        /// Whether the row at position `i` (its hot fields at `h`) is listed; counted in the tally if so.
        @inline(__always)
        func lists(_ h: UnsafePointer<InboxHotRow>, _ i: Int, _ rowBase: UnsafePointer<InboxIndexRow>) -> Bool {
            let status = h.pointee.status
            let returned = h.pointee.returned
            let s = Int(h.pointee.statusOrdinal)
            if !statusListed[s] && !(q.includeReturned && returned && statusShown[s]) { return false }
            if q.excludeReturned && returned { return false }
            if q.returnedOnly && !returned { return false }
            if !channelListed[Int(h.pointee.channelOrdinal)] { return false }
            if let c = q.classification, h.pointee.classification != c { return false }
            if q.anonymousOnly && !h.pointee.anonymous { return false }
            if q.confidentialOnly && !h.pointee.confidential { return false }
            if op.role == .pengamat && status == .dihapus { return false }
            if scoped && (noAgency || status == .dihapus) { return false }
            if needsStrings {
                let row = rowBase + i
                if let a = q.agency, row.pointee.agency != a { return false }
                if let u = q.unit, row.pointee.unit != u { return false }
                if let category, row.pointee.category != category { return false }
                if let region {
                    let province = row.pointee.province, regency = row.pointee.regency
                    if !InboxQuery.place(province: province, regency: regency, isIn: region, includes: q.regionIncludes) { return false }
                }
                if scoped, !row.pointee.visible(to: op) { return false }
            }
            if let matches, !matches[i] { return false }
            if q.overdueOnly && !h.pointee.schedule.urgency(at: now).isOverdue { return false }
            if returned { returnedListed += 1 } else { tally[s] += 1 }
            return true
        }
        func breakdown() -> Inbox.Breakdown {
            var breakdown = Inbox.Breakdown(returned: returnedListed)
            for (k, status) in ReportStatus.allCases.enumerated() where tally[k] > 0 { breakdown.statuses[status] = tally[k] }
            return breakdown
        }
        // Room for every row: pages are touched only as positions are written, and growing by doubling
        // copied an unfiltered view's 800 KB of positions several times over.
        var out: [Int32] = []
        out.reserveCapacity(rows.count)
        // Rows read through a pointer: `rows[i].agency` copied the whole row (six strings retained) first.
        guard let ordered = memoised(q.sort, now: now) else {
            // No order for this sort yet (the first frame, while the background prepares them): filter first
            // and sort only the rows listed (a queue is a fraction of the desk), unless most of the desk is.
            rows.withUnsafeBufferPointer { rowBuffer in
                hot.withUnsafeBufferPointer { hot in
                    guard let rowBase = rowBuffer.baseAddress, let hotBase = hot.baseAddress else { return }
                    for i in 0..<hot.count where lists(hotBase + i, i, rowBase) { out.append(Int32(truncatingIfNeeded: i)) }
                }
            }
            if out.count <= rows.count / 2 {
                let sorted = InboxIndex.sortedPositions(out, rows, q.sort, now: now)
                let ids = rows.withUnsafeBufferPointer { b in sorted.map { (b.baseAddress! + Int($0)).pointee.id } }
                return Inbox.Listing(ids: ListedReports(ids), breakdown: breakdown())
            }
            // Most of the desk: the whole order, made now and kept, with the rows listed found in it.
            let ordered = self.ordered(q.sort, now: now)
            var listed = [Bool](repeating: false, count: rows.count)
            for i in out { listed[Int(i)] = true }
            let order = ordered.order
            out.removeAll(keepingCapacity: true)
            for k in order.indices where listed[Int(order[k])] { out.append(Int32(truncatingIfNeeded: k)) }
            return Inbox.Listing(ids: ListedReports(ordered.ids, at: out), breakdown: breakdown())
        }
        let order = ordered.order
        rows.withUnsafeBufferPointer { rowBuffer in
            ordered.hot.withUnsafeBufferPointer { hot in
                // No rows, no order to walk.
                guard let rowBase = rowBuffer.baseAddress, let hotBase = hot.baseAddress else { return }
                // `k` walks the sorted copy; the row's position (strings, search matches) is `order[k]`.
                for k in 0..<order.count where lists(hotBase + k, Int(order[k]), rowBase) {
                    out.append(Int32(truncatingIfNeeded: k))
                }
            }
        }
        return Inbox.Listing(ids: ListedReports(ordered.ids, at: out), breakdown: breakdown())
    }

    /// `Inbox.counts` over the rows, each half of a large desk on its own core (the first frame waits for it).
    func counts(on desk: Desk, for op: Operator, now: Date, parallelFrom: Int = 20_000) -> Inbox.Counts {
        lock.lock()
        defer { lock.unlock() }
        update(desk)
        let parts = hot.withUnsafeBufferPointer { h in
            rows.withUnsafeBufferPointer { r in
                let (hot, rows) = (SharedReadOnly(h), SharedReadOnly(r))
                return madeInParts(count: h.count, parallelFrom: parallelFrom, parts: 2) { range in
                    ViewTally(hot.buffer, rows.buffer, range, for: op, now: now)
                }
            }
        }
        let t = parts.reduce(ViewTally(), +)
        var c = Inbox.Counts()
        c.views = [.baru: t.baru, .tunda: t.tunda, .instansi: t.instansi, .terlambat: t.terlambat, .semua: t.semua]
        return c
    }
}

/// How many rows each saved view lists, over some of the rows (`InboxIndex.counts` adds the parts up).
private struct ViewTally {
    var baru = 0, tunda = 0, instansi = 0, terlambat = 0, semua = 0

    init() {}

    init(_ hot: UnsafeBufferPointer<InboxHotRow>, _ rows: UnsafeBufferPointer<InboxIndexRow>, _ range: Range<Int>,
         for op: Operator, now: Date) {
        let scoped = op.role == .adminInstansi || op.role == .penghubung
        for i in range {
            let status = hot[i].status
            if op.role == .pengamat && status == .dihapus { continue }
            if scoped, !rows[i].visible(to: op) { continue }
            guard status != .dihapus else { continue }
            let returned = hot[i].returned
            semua += 1
            if status == .baru || returned { baru += 1 }
            if status == .tunda { tunda += 1 }
            if !returned, status == .terdisposisi || status == .diproses || status == .ditindaklanjuti { instansi += 1 }
            if hot[i].schedule.urgency(at: now).isOverdue { terlambat += 1 }
        }
    }

    static func + (a: ViewTally, b: ViewTally) -> ViewTally {
        var sum = a
        sum.baru += b.baru
        sum.tunda += b.tunda
        sum.instansi += b.instansi
        sum.terlambat += b.terlambat
        sum.semua += b.semua
        return sum
    }
}
