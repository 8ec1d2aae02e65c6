import Foundation

/// What the inbox needs to know about one report, flattened so a query over 200,000 reports reads small
/// rows instead of whole `Report`s (copying reports dominated big desks), with the deadline schedule kept
/// beside it. Rebuilt whenever the report's version changes.
struct InboxIndexRow: Sendable {
    var id: ReportID
    var version: Int
    var status: ReportStatus
    var returned: Bool
    var agency: String?
    var unit: String?
    var channel: Channel
    var classification: Classification
    var anonymous: Bool
    var confidential: Bool
    var priorityRank: Int
    var receivedAt: Date
    /// `Inbox.fold`ed category, province and regency (the forgiving filters compare folded text).
    var category: String
    var province: String
    var regency: String
    var schedule: UrgencySchedule
}

// The initializers from a report live in an extension so the memberwise one stays (the snapshot's rows use it).
extension InboxIndexRow {
    /// Borrows the report: an initializer otherwise takes it owned, which copies (retains) every field
    /// of every report on a 200,000-report start-up.
    init(_ r: borrowing Report, schedule: UrgencySchedule) {
        var folds = FoldCache(caching: false)
        self.init(r, schedule: schedule, folds: &folds)
    }

    /// As above, folding through `folds`: categories and regions repeat across a desk, so a cache
    /// makes one folded string per distinct value instead of one per report.
    init(_ r: borrowing Report, schedule: UrgencySchedule, folds: inout FoldCache) {
        self.init(r, schedule: schedule, words: InboxIndexRow.filterWords(of: r, folds: &folds))
    }

    /// As above, with the filter words left empty for `setFilterWords` to fill in later: only a category or
    /// region filter reads them.
    init(withoutFilterWords r: borrowing Report, schedule: UrgencySchedule) {
        self.init(r, schedule: schedule, words: ("", "", ""))
    }

    /// Made through the memberwise initializer, every field computed first: assigned one by one, the row
    /// was built aside and then copied into place (every string retained, then released).
    private init(_ r: borrowing Report, schedule: UrgencySchedule, words: FilterWords) {
        self.init(id: r.id, version: r.version, status: r.status, returned: r.returned != nil, agency: r.agency, unit: r.unit,
                  channel: r.intake.channel, classification: r.classification, anonymous: r.anonymous, confidential: r.confidential,
                  priorityRank: r.priority.rank, receivedAt: r.intake.receivedAt, category: words.category,
                  province: words.province, regency: words.regency, schedule: schedule)
    }

    /// The folded category, province and regency the category and region filters compare.
    typealias FilterWords = (category: String, province: String, regency: String)

    /// `r`'s filter words, folded through `folds`.
    static func filterWords(of r: borrowing Report, folds: inout FoldCache) -> FilterWords {
        (folds.fold(r.category ?? ""), folds.fold(r.intake.location.province ?? ""), folds.fold(r.intake.location.regency ?? ""))
    }

    /// Sets the filter words of `r` (this row's report). The report is handed `inout`, though not written,
    /// for the reason `InboxIndex.firstRows` gives: read from a buffer, it was copied (every field retained
    /// and released) before the call.
    mutating func setFilterWords(of r: inout Report, folds: inout FoldCache) {
        (category, province, regency) = InboxIndexRow.filterWords(of: r, folds: &folds)
    }

    /// `Access.canSee` over the row's fields (kept in step with it; a test compares them).
    func visible(to op: Operator) -> Bool {
        switch op.role {
        case .adminNasional, .sistem: return true
        case .pengamat: return status != .dihapus
        case .adminInstansi:
            guard let a = op.agency, status != .dihapus else { return false }
            return agency == a
        case .penghubung:
            guard let a = op.agency, status != .dihapus else { return false }
            guard agency == a else { return false }
            if let u = op.unit { return unit == u }
            return true
        }
    }

    /// `Inbox.fold`, without Foundation's folding for plain ASCII (most text): lowercase is all it does there.
    static func fold(_ s: String) -> String {
        var ascii = true
        var hasUpper = false
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b >= 65 && b <= 90 { hasUpper = true }
        }
        guard ascii else { return Inbox.fold(s) }
        guard hasUpper else { return s }
        return String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

/// Folded text by original text, for building many rows (bounded: free text does not grow it forever).
/// Found by the text's bytes (`SpanCache`), not by hashing it as a dictionary key: three lookups per row,
/// 600,000 at a 200,000-report start-up, and string hashing was most of their time.
///
/// Before the bytes, by the string value itself (its two words): a decoded desk shares one string per
/// distinct category and region (`SharedVocabulary`), so nearly every lookup is the very string met
/// before, found without reading its text (reading and hashing it was ~40 ms of a 200,000-report cold
/// start's first rows). A slot keeps the string it was made for, so its storage, and with it those two
/// words, cannot be reused for other text while the slot holds them.
struct FoldCache {
    private let folded: SpanCache<String>?
    private var byValue: [ValueSlot?]
    private static let valueSlots = 256

    private struct ValueSlot {
        var original: String
        var folded: String
    }

    /// `caching` false for one row (an edited report): a cache of 1,024 slots would be made for it alone.
    init(caching: Bool = true) {
        folded = caching ? SpanCache<String>(slots: 1_024) : nil
        byValue = caching ? Array(repeating: nil, count: FoldCache.valueSlots) : []
    }

    mutating func fold(_ s: String) -> String {
        guard let folded else { return InboxIndexRow.fold(s) }
        guard let words = FoldCache.words(s) else { return FoldCache.byBytes(s, in: folded) }
        let mixed = (words.0 ^ words.1 &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        let slot = Int(truncatingIfNeeded: mixed >> 32) & (FoldCache.valueSlots - 1)
        if let known = byValue[slot], FoldCache.words(known.original).map({ $0 == words }) == true { return known.folded }
        let f = FoldCache.byBytes(s, in: folded)
        byValue[slot] = ValueSlot(original: s, folded: f)
        return f
    }

    private static func byBytes(_ s: String, in folded: SpanCache<String>) -> String {
        var text = s
        return text.withUTF8 { bytes in
            if let f = folded.value(for: bytes) { return f }
            let f = InboxIndexRow.fold(String(decoding: bytes, as: UTF8.self))
            folded.store(f, for: bytes)
            return f
        }
    }

    /// A string's two words: equal only for the same stored text (or the same short text held inline). Nil
    /// where a string is not two 64-bit words (the cache then goes by the bytes alone).
    private static func words(_ s: String) -> (UInt64, UInt64)? {
        guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return nil }
        return unsafeBitCast(s, to: (UInt64, UInt64).self)
    }
}

/// The fields every query reads, with no reference-counted parts: the filtering pass over 200,000 rows
/// then copies nothing and retains nothing.
struct InboxHotRow: Sendable {
    var status: ReportStatus
    var returned: Bool
    var anonymous: Bool
    var confidential: Bool
    var channel: Channel
    var classification: Classification
    var schedule: UrgencySchedule
    /// Positions in `ReportStatus.allCases` / `Channel.allCases`, for table lookups instead of set hashing.
    var statusOrdinal: UInt8
    var channelOrdinal: UInt8

    /// `status`'s position in `ReportStatus.allCases`, by a switch: a generic search of `allCases` per row
    /// was half of building 200,000 hot rows (a test checks both agree).
    static func ordinal(_ status: ReportStatus) -> UInt8 {
        switch status {
        case .baru: 0
        case .tunda: 1
        case .terdisposisi: 2
        case .diproses: 3
        case .ditindaklanjuti: 4
        case .selesai: 5
        case .diarsipkan: 6
        case .dihapus: 7
        }
    }

    /// `channel`'s position in `Channel.allCases` (as `ordinal(_:)` for statuses).
    static func ordinal(_ channel: Channel) -> UInt8 {
        switch channel {
        case .web: 0
        case .sms: 1
        case .twitter: 2
        case .app: 3
        case .whatsapp: 4
        case .email: 5
        case .letter: 6
        case .walkIn: 7
        case .phone: 8
        case .api: 9
        }
    }

    init(_ row: borrowing InboxIndexRow) {
        self.init(status: row.status, returned: row.returned, anonymous: row.anonymous, confidential: row.confidential,
                  channel: row.channel, classification: row.classification, schedule: row.schedule)
    }

    private init(status: ReportStatus, returned: Bool, anonymous: Bool, confidential: Bool, channel: Channel,
                 classification: Classification, schedule: UrgencySchedule) {
        statusOrdinal = InboxHotRow.ordinal(status)
        channelOrdinal = InboxHotRow.ordinal(channel)
        self.status = status
        self.returned = returned
        self.anonymous = anonymous
        self.confidential = confidential
        self.channel = channel
        self.classification = classification
        self.schedule = schedule
    }

    /// Every row's hot part, the fields read in place: handed over whole, each row was copied (its six
    /// strings retained and released), most of the time to seed an index with 200,000 rows.
    /// On both cores from `parallelFrom` rows (the first frame of a large desk waits for it).
    static func all(_ rows: [InboxIndexRow], parallelFrom: Int = 20_000) -> [InboxHotRow] {
        rows.withUnsafeBufferPointer { b in
            let input = SharedReadOnly(b)
            return builtOnBothCores(count: b.count, parallelFrom: parallelFrom) { range, out in
                guard let rows = input.buffer.baseAddress else { return }
                for i in range {
                    let row = rows + i
                    (out + i).initialize(to: InboxHotRow(
                        status: row.pointee.status, returned: row.pointee.returned, anonymous: row.pointee.anonymous,
                        confidential: row.pointee.confidential, channel: row.pointee.channel,
                        classification: row.pointee.classification, schedule: row.pointee.schedule))
                }
            }
        }
    }
}
