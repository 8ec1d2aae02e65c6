import Foundation

/// The whole desk: every report folded from the journal, plus the indices the inbox needs.
/// Built by applying recorded events in sequence order; never mutated any other way.
public struct Desk: Sendable {
    /// Every report, in the order it was received into the journal. An array (not a dictionary) so hot
    /// loops read fields in place instead of copying whole reports.
    public private(set) var all: [Report] = []
    private var index = ReportIndex()
    /// Highest sequence number applied.
    public private(set) var lastSeq: UInt64 = 0
    /// (channel, external id) → report, so re-importing the same line records it once (filled when first
    /// asked: `ExternalIDIndex`).
    private var externalIDs = ExternalIDIndex()
    /// Highest numeric tracking id in use, for allocating the next one.
    public private(set) var highestID: ReportID?
    /// `highestID` as a number (`Int(highestID.rawValue)`), compared with each new id's without parsing it again.
    private var highestValue: Int?
    /// Events that could not be applied (an event for an unknown report, a second `received`...).
    public private(set) var anomalies: [Anomaly] = []

    public struct Anomaly: Sendable, Hashable, CustomStringConvertible {
        public var seq: UInt64
        public var reportID: ReportID
        public var reason: String
        public var description: String { "seq \(seq): report \(reportID): \(reason)" }

        /// The end of the reason of an event whose report the desk never received (`apply`).
        static let unknownReportReason = "for an unknown report"

        /// An event for a report with no `report.received` before it (a lost segment leaves thousands).
        public var isForUnknownReport: Bool { reason.hasSuffix(Anomaly.unknownReportReason) }
    }

    public init() {}

    public init(events: some Sequence<RecordedEvent>) {
        for e in events { apply(e) }
    }

    /// A desk read back from a projection snapshot: the reports as folded, in receive order, with the
    /// lookup tables rebuilt exactly as `apply` builds them (the channel's-own-id table is filled when
    /// first asked, as after a fold). Nil when two reports share an id (a damaged snapshot; the fold never
    /// produces that).
    public init?(restoring reports: [Report], lastSeq: UInt64, anomalies: [Anomaly]) {
        all = reports
        self.lastSeq = lastSeq
        self.anomalies = anomalies
        var index = ReportIndex()
        var highestID: ReportID?, highestValue: Int?
        index.reserveCapacity(reports.count)
        // Fields read through the buffer: `for r in reports` (or `reports[i]` here) copies whole reports.
        let unique = reports.withUnsafeBufferPointer { b -> Bool in
            for i in b.indices {
                let id = b[i].id
                let number = ReportIndex.number(id)
                guard index.insert(id, at: i, number: number) else { return false }
                if let value = Desk.value(ofHigher: id, number: number, than: highestValue) { (highestID, highestValue) = (id, value) }
            }
            return true
        }
        guard unique else { return nil }
        self.index = index
        self.highestID = highestID
        self.highestValue = highestValue
    }

    /// The number `id` stands for when it is numeric and above `highest` (numeric ids order by value,
    /// `ReportID.<`), else nil. `number` is `ReportIndex.number(id)`, parsed once by the caller for the index
    /// too; it takes only plain digits, `Int` the other spellings ("007", "+7").
    private static func value(ofHigher id: ReportID, number: Int?, than highest: Int?) -> Int? {
        guard let value = number ?? Int(id.rawValue), highest.map({ $0 < value }) ?? true else { return nil }
        return value
    }

    public var count: Int { all.count }

    public subscript(id: ReportID) -> Report? { index[id].map { all[$0] } }

    public func contains(_ id: ReportID) -> Bool { index[id] != nil }

    /// Report ids in receive order.
    public var order: [ReportID] { all.map(\.id) }

    /// Reports by id. Builds a dictionary: for tests and one-off tools, not hot paths.
    public var reports: [ReportID: Report] { Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) }) }

    /// A channel's own id for a report. A pair, not one joined string: the id is the intake's own string
    /// (no copy per report), and hashing skips building a key.
    ///
    /// Ids are compared byte for byte, not as text: a channel's id is an opaque code, and Swift's text
    /// equality takes "café-1" written with é and with e plus a combining accent for the same, so a second
    /// report was skipped as a duplicate of the first (QA).
    public struct ExternalKey: Hashable, Sendable {
        public var channel: Channel
        public var externalID: String

        public static func == (a: ExternalKey, b: ExternalKey) -> Bool {
            a.channel == b.channel && ByteScan.sameBytes(a.externalID, b.externalID)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(channel)
            var id = externalID
            id.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    public static func externalKey(channel: Channel, externalID: String) -> ExternalKey {
        ExternalKey(channel: channel, externalID: externalID)
    }

    public func report(channel: Channel, externalID: String) -> Report? {
        reportID(channel: channel, externalID: externalID).flatMap { self[$0] }
    }

    /// The id recorded for a channel's own id, without copying the report (a bulk import asks per line).
    public func reportID(channel: Channel, externalID: String) -> ReportID? {
        externalIDs.reportID(Desk.externalKey(channel: channel, externalID: externalID), reports: all).flatMap { contains($0) ? $0 : nil }
    }

    /// Every (channel, external id) recorded, and its report. Builds the whole table: for tests.
    public var byExternalID: [ExternalKey: ReportID] { externalIDs.all(reports: all) }

    /// The next free tracking id.
    public var nextReportID: ReportID { ReportID.next(after: highestID) }

    /// Makes room for `count` more reports at once, so folding a bulk import does not grow the report
    /// list and its indices step by step (each step copies or rehashes everything folded so far). Grows
    /// at least twofold, so batch after batch still costs amortised constant time per report.
    public mutating func reserveCapacity(adding count: Int) {
        let needed = all.count + count
        if all.capacity < needed { all.reserveCapacity(max(needed, all.capacity * 2)) }
        index.reserveCapacity(needed)
        externalIDs.reserveCapacity(needed)
    }

    /// Folds one event in. Events for unknown reports are kept as anomalies, never a crash.
    public mutating func apply(_ e: consuming RecordedEvent) {
        lastSeq = max(lastSeq, e.seq)
        if case let .received(intake) = e.event {
            let id = e.reportID
            // The id's number, parsed once for the index and the highest id (it was parsed five times: two
            // index lookups, `Int(_:)`, and both sides of `<`).
            let number = ReportIndex.number(id)
            guard index.insert(id, at: all.count, number: number) else {
                anomalies.append(Anomaly(seq: e.seq, reportID: e.reportID, reason: "second report.received ignored"))
                return
            }
            externalIDs.received(intake, id: id)
            if let value = Desk.value(ofHigher: id, number: number, than: highestValue) { (highestID, highestValue) = (id, value) }
            all.append(Report(received: intake, id: id, recorded: consume e))
            return
        }
        guard let i = index[e.reportID] else {
            anomalies.append(Anomaly(seq: e.seq, reportID: e.reportID, reason: "\(e.event.type) \(Anomaly.unknownReportReason)"))
            return
        }
        if e.seq < all[i].lastSeq {
            all[i] = all[i].refolded(adding: e)
            return
        }
        all[i].apply(consume e)
    }

    public mutating func apply(_ events: some Sequence<RecordedEvent>) {
        for e in events { apply(e) }
    }
}
