import Foundation

/// A filter and sort over the desk, as the inbox, `lapor-desk list` and saved views use it.
/// Empty sets mean "any".
public struct InboxQuery: Sendable, Hashable {
    public enum Sort: String, CaseIterable, Sendable, Hashable {
        /// Newest first.
        case received
        /// Most urgent first: overdue, then due soonest.
        case deadline
        /// Highest priority first, then by deadline.
        case priority
    }

    public var statuses: Set<ReportStatus> = []
    public var agency: String?
    public var unit: String?
    public var category: String?
    /// Matches the province or the regency/city (forgiving of case).
    public var region: String?
    /// Folded names of the places `region` names in the reference data (`RegionDirectory.foldedPlaces(named:)`):
    /// a province's regencies/cities, so a report that gives only its regency is in its province too (QA:
    /// `--region "DI Yogyakarta"` missed reports recorded with Kabupaten Sleman alone), and the official name
    /// of a place typed another way ("DIY", "Kab. Sleman").
    public var regionIncludes: Set<String> = []

    /// Whether a place (province and regency, folded by `Inbox.fold`) is in the folded `region`: it names the
    /// province or the regency, is part of the regency's name ("sleman"), or is one of `includes` (the places
    /// the region names). One rule for the inbox scan, its index and the desk's figures.
    static func place(province: String, regency: String, isIn region: String, includes: Set<String>) -> Bool {
        province == region || (!province.isEmpty && includes.contains(province))
            || (!regency.isEmpty && (regency == region || regency.contains(region) || includes.contains(regency)))
    }
    public var channels: Set<Channel> = []
    public var classification: Classification?
    public var anonymousOnly = false
    public var confidentialOnly = false
    public var overdueOnly = false
    /// Sent back as *bukan wewenang* and waiting for re-disposition.
    public var returnedOnly = false
    /// Reports sent back (*bukan wewenang*) are the national desk's work again: the "new" queue lists them
    /// whatever their status, the "at agencies" queue leaves them out.
    public var includeReturned = false
    public var excludeReturned = false
    /// Words that must all appear (case- and accent-insensitive) in id, title, body, tags or external id.
    public var text: String?
    /// Show `dihapus` reports (national desk only); hidden otherwise.
    public var includeDeleted = false
    public var sort: Sort = .received

    public init() {}

    /// The queues officers actually work (the console's tabs).
    public enum SavedView: String, CaseIterable, Sendable, Hashable {
        case baru, tunda, instansi, terlambat, semua

        public var label: Localized {
            switch self {
            case .baru: Localized("Baru", en: "New")
            case .tunda: Localized("Ditunda", en: "Postponed")
            case .instansi: Localized("Di instansi", en: "At agencies")
            case .terlambat: Localized("Terlambat", en: "Overdue")
            case .semua: Localized("Semua", en: "All")
            }
        }

        public var query: InboxQuery {
            var q = InboxQuery()
            switch self {
            case .baru: q.statuses = [.baru]; q.includeReturned = true; q.sort = .deadline
            case .tunda: q.statuses = [.tunda]; q.sort = .deadline
            case .instansi: q.statuses = [.terdisposisi, .diproses, .ditindaklanjuti]; q.excludeReturned = true; q.sort = .deadline
            case .terlambat: q.overdueOnly = true; q.sort = .deadline
            case .semua: q.sort = .received
            }
            return q
        }
    }
}

/// Runs inbox queries. Linear over the desk with cheap checks first; deadlines only computed when needed.
public struct Inbox: Sendable {
    public var deadlines: Deadlines
    /// Optional memo of deadline schedules (the console keeps one for the whole session).
    public var cache: UrgencyCache?
    /// Optional incremental indices (the console keeps one): same answers, within a frame on big desks.
    public var index: InboxIndex?

    public init(deadlines: Deadlines, cache: UrgencyCache? = nil, index: InboxIndex? = nil) {
        self.deadlines = deadlines
        self.cache = cache
        self.index = index
    }

    func urgency(_ r: Report, _ now: Date) -> Urgency {
        cache?.urgency(of: r, now: now) ?? deadlines.urgency(of: r, now: now)
    }

    /// The reports `q` lists for `op`, in the query's order.
    public func run(_ q: InboxQuery, on desk: Desk, for op: Operator, now: Date) -> [ReportID] {
        Array(list(q, on: desk, for: op, now: now).ids)
    }

    /// The reports `q` lists, and how many of them are in each status: what the inbox title breaks down,
    /// so its figures always add up to the rows under it (a view, a filter or a search narrows both).
    public func list(_ q: InboxQuery, on desk: Desk, for op: Operator, now: Date) -> Listing {
        if let index { return index.run(q, on: desk, for: op, now: now) }
        let ids = scan(q, on: desk, for: op, now: now)
        var breakdown = Breakdown()
        for id in ids {
            guard let r = desk[id] else { continue }
            breakdown.count(status: r.status, returned: r.returned != nil)
        }
        return Listing(ids: ListedReports(ids), breakdown: breakdown)
    }

    private func scan(_ q: InboxQuery, on desk: Desk, for op: Operator, now: Date) -> [ReportID] {
        let needles = q.text.map(Inbox.searchTokens) ?? []
        let region = q.region.map(Inbox.fold)
        let category = q.category.map(Inbox.fold)
        let reports = desk.all
        var hits: [Int] = []
        hits.reserveCapacity(min(reports.count, 4096))
        for i in reports.indices {
            // Fields are read in place (`reports[i].x`): copying whole reports dominated big desks.
            let status = reports[i].status
            if status == .dihapus && !(q.includeDeleted || q.statuses.contains(.dihapus)) { continue }
            let returned = reports[i].returned != nil
            if !q.statuses.isEmpty && !q.statuses.contains(status) && !(q.includeReturned && returned) { continue }
            if q.excludeReturned && returned { continue }
            if q.returnedOnly && !returned { continue }
            if let a = q.agency, reports[i].agency != a { continue }
            if let u = q.unit, reports[i].unit != u { continue }
            if !q.channels.isEmpty && !q.channels.contains(reports[i].intake.channel) { continue }
            if let c = q.classification, reports[i].classification != c { continue }
            if q.anonymousOnly && !reports[i].anonymous { continue }
            if q.confidentialOnly && !reports[i].confidential { continue }
            if let category, Inbox.fold(reports[i].category ?? "") != category { continue }
            if let region {
                let p = Inbox.fold(reports[i].intake.location.province ?? "")
                let k = Inbox.fold(reports[i].intake.location.regency ?? "")
                if !InboxQuery.place(province: p, regency: k, isIn: region, includes: q.regionIncludes) { continue }
            }
            guard Access.canSee(reports[i], by: op) else { continue }
            if !needles.isEmpty && !Inbox.matches(reports[i], needles, identity: Access.canSeeIdentity(reports[i], by: op)) { continue }
            if q.overdueOnly && !urgency(reports[i], now).isOverdue { continue }
            hits.append(i)
        }
        switch q.sort {
        case .received:
            hits.sort { a, b in
                let ta = reports[a].intake.receivedAt, tb = reports[b].intake.receivedAt
                return ta != tb ? ta > tb : reports[a].id > reports[b].id
            }
            return hits.map { reports[$0].id }
        case .deadline, .priority:
            struct Key { var index: Int; var priority: Int; var rank: Int; var due: Double; var received: Double }
            var keys: [Key] = []
            keys.reserveCapacity(hits.count)
            for i in hits {
                let u = urgency(reports[i], now)
                let due: Double = switch u {
                case let .overdue(since): since.timeIntervalSince1970
                case let .dueSoon(d), let .onTrack(d): d.timeIntervalSince1970
                case .paused, .none: .infinity
                }
                keys.append(Key(index: i, priority: q.sort == .priority ? -reports[i].priority.rank : 0, rank: u.rankValue,
                                due: due, received: reports[i].intake.receivedAt.timeIntervalSince1970))
            }
            keys.sort { a, b in
                if a.priority != b.priority { return a.priority < b.priority }
                if a.rank != b.rank { return a.rank < b.rank }
                if a.due != b.due { return a.due < b.due }
                return a.received < b.received
            }
            return keys.map { reports[$0.index].id }
        }
    }

    /// What the tabs count: reports per saved view, for `op`, over the whole desk (the title's status
    /// breakdown is the listed rows': `Listing.breakdown`).
    public struct Counts: Sendable, Hashable {
        public var views: [InboxQuery.SavedView: Int] = [:]
    }

    /// A query's answer: the rows, and their tally by status.
    public struct Listing: Sendable, Hashable {
        public var ids: ListedReports
        public var breakdown: Breakdown
        /// A text search asked for before every report's text was folded (the index is being prepared on
        /// another core, or the desk is still being decoded): `ids` are not its answer; ask again when
        /// `InboxIndex.searchIsReady`.
        public var searchPending = false
    }

    /// Listed reports per status. A report sent back as *bukan wewenang* is counted as returned rather than
    /// under its status, as its row shows it ("Kembali").
    public struct Breakdown: Sendable, Hashable {
        public var statuses: [ReportStatus: Int] = [:]
        public var returned = 0

        public init(statuses: [ReportStatus: Int] = [:], returned: Int = 0) {
            self.statuses = statuses
            self.returned = returned
        }

        mutating func count(status: ReportStatus, returned isReturned: Bool) {
            if isReturned { returned += 1 } else { statuses[status, default: 0] += 1 }
        }
    }

    /// The tabs' tally in one pass over the desk.
    public func counts(on desk: Desk, for op: Operator, now: Date) -> Counts {
        if let index { return index.counts(on: desk, for: op, now: now) }
        var c = Counts()
        for v in InboxQuery.SavedView.allCases { c.views[v] = 0 }
        let reports = desk.all
        for i in reports.indices where Access.canSee(reports[i], by: op) {
            let status = reports[i].status
            guard status != .dihapus else { continue }
            let returned = reports[i].returned != nil
            c.views[.semua, default: 0] += 1
            if status == .baru || returned { c.views[.baru, default: 0] += 1 }
            if status == .tunda { c.views[.tunda, default: 0] += 1 }
            if !returned, status == .terdisposisi || status == .diproses || status == .ditindaklanjuti {
                c.views[.instansi, default: 0] += 1
            }
            if urgency(reports[i], now).isOverdue { c.views[.terlambat, default: 0] += 1 }
        }
        return c
    }

    static func matches(_ r: Report, _ needles: [String], identity: Bool) -> Bool {
        var hay = [r.id.rawValue, r.title, r.originalTitle, r.body, r.externalID ?? "", r.category ?? "",
                   r.subcategory ?? "", r.location.regency ?? "", r.location.province ?? ""] + r.tags
        if identity { hay.append(r.reporter.name ?? "") }
        return needles.allSatisfy { needle in
            // Fast path for ASCII words (most searches): byte-wise, ASCII case-insensitive, no allocation.
            if needle.utf8.allSatisfy({ $0 < 0x80 }) {
                let n = Array(needle.utf8)
                if hay.contains(where: { containsASCIIFolded($0, n) }) { return true }
                // Only accented or other non-ASCII text can still match after folding.
                if hay.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return false }
            }
            return fold(hay.joined(separator: "\n")).contains(needle)
        }
    }

    /// Whether `haystack` contains the lowercase ASCII `needle`, comparing ASCII letters case-insensitively.
    static func containsASCIIFolded(_ haystack: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var h = haystack
        return h.withUTF8 { buf in
            let count = buf.count, m = needle.count
            guard m <= count else { return false }
            var i = 0
            while i <= count - m {
                var b = buf[i]
                if b >= 65 && b <= 90 { b += 32 }
                if b == first {
                    var k = 1
                    while k < m {
                        var c = buf[i + k]
                        if c >= 65 && c <= 90 { c += 32 }
                        if c != needle[k] { break }
                        k += 1
                    }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Lowercases and strips accents so "Kesehatan" finds "KESEHATAN" and "Sleman" finds "sléman".
    public static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Invisible characters (zero-width joiners and spaces, soft hyphens, direction marks, variation
        // selectors) are left out: the officer types what is seen, and "Zero\u{200D}width" must be found by
        // "zerowidth" (QA: no result for exactly the word on screen).
        guard folded.unicodeScalars.contains(where: \.properties.isDefaultIgnorableCodePoint) else { return folded }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: folded.unicodeScalars.lazy.filter { !$0.properties.isDefaultIgnorableCodePoint })
        return String(kept)
    }

    /// Whether a search text holds only characters search leaves out (zero-width, direction marks): it would
    /// match every report, so the console and `list` say so instead (QA: U+202E "found" the whole inbox).
    public static func searchIgnoresAll(_ text: String) -> Bool {
        !text.isBlank && searchTokens(text).isEmpty
    }

    static func searchTokens(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

extension Urgency {
    var rankValue: Int { rank }
}
