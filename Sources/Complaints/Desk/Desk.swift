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
    /// Events that could not be applied (an event for an unknown report, a second `received`...).
    public private(set) var anomalies: [Anomaly] = []
    /// One shared box per distinct actor, for every trail entry (a million entries, a few hundred actors).
    /// By exact spelling (`ExactActor`): each line's actor is shown as the journal writes it.
    private var actorBoxes: [ExactActor: ActorBox] = [:]
    /// The boxes met last, by slot, compared by identity before any lookup: a fold meets the same few actors
    /// again and again (hashing five strings per event was once a tenth of a cold start's sequential fold).
    /// The box met is kept as its identity only (it is held in `adoptedBoxes`): copying it retained it, and
    /// that box's count is the decoding core's to write.
    private var recentBoxes = [RecentBox?](repeating: nil, count: Desk.recentBoxSlots)
    private static let recentBoxSlots = 64
    /// Boxes met per actor that are remembered: one per decoding thread (the pool runs up to about two per
    /// core), and a few for events built in this process.
    private static let boxesMetPerActor = 2 * ProcessInfo.processInfo.activeProcessorCount + 4
    /// The desk's box for each box met so far, by the identity of the box met (held here, so an identity
    /// is never reused while listed).
    private var adoptedBoxes: [ObjectIdentifier: AdoptedBox] = [:]
    /// How many boxes met are remembered by identity (bounded: `box`).
    var rememberedBoxCount: Int { adoptedBoxes.count }

    /// A box an event came with, and the desk's own box for the same actor.
    private struct AdoptedBox {
        var given: ActorBox
        var own: ActorBox
    }

    private struct RecentBox {
        var given: ObjectIdentifier
        var own: ActorBox
    }

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
    /// lookup tables rebuilt exactly as `apply` builds them. Nil when two reports share an id (a
    /// damaged snapshot; the fold never produces that).
    public init?(restoring reports: [Report], lastSeq: UInt64, anomalies: [Anomaly]) {
        all = reports
        self.lastSeq = lastSeq
        self.anomalies = anomalies
        var index = ReportIndex()
        var highestID: ReportID?
        index.reserveCapacity(reports.count)
        // Fields read through the buffer: `for r in reports` (or `reports[i]` here) copies whole reports.
        let unique = reports.withUnsafeBufferPointer { b -> Bool in
            for i in b.indices {
                let id = b[i].id
                guard index.insert(id, at: i) else { return false }
                if Int(id.rawValue) != nil, highestID.map({ $0 < id }) ?? true { highestID = id }
            }
            return true
        }
        guard unique else { return nil }
        self.index = index
        self.highestID = highestID
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
            guard index[e.reportID] == nil else {
                anomalies.append(Anomaly(seq: e.seq, reportID: e.reportID, reason: "second report.received ignored"))
                return
            }
            let id = e.reportID
            _ = index.insert(id, at: all.count)
            externalIDs.received(intake, id: id)
            if Int(id.rawValue) != nil, highestID.map({ $0 < id }) ?? true {
                highestID = id
            }
            let actorBox = box(e.actorBox)
            all.append(Report(received: intake, id: id, recorded: e, actorBox: actorBox))
            return
        }
        guard let i = index[e.reportID] else {
            anomalies.append(Anomaly(seq: e.seq, reportID: e.reportID, reason: "\(e.event.type) \(Anomaly.unknownReportReason)"))
            return
        }
        if e.seq < all[i].lastSeq {
            all[i] = all[i].refolded(adding: e, actorBox: box(e.actorBox))
            return
        }
        all[i].apply(e, actorBox: box(e.actorBox))
    }

    /// The desk's one box for `actor` (kept from now on when new). Events a process builds in memory for
    /// one actor (a bulk import's batch) carry it, so folding each finds it by identity: a box of their
    /// own would be matched by value, hashing the actor's five strings, for every event.
    public mutating func actorBox(for actor: Actor) -> ActorBox { box(ActorBox(actor)) }

    /// The desk's one box for the event's actor. Events decoded at start-up come with boxes each decoding
    /// thread keeps per actor (`ActorSpanCache`), found here by identity; any other box is matched by
    /// value once.
    ///
    /// The desk's box is its own copy, never one a decoding thread hands out: a box both the fold and a
    /// decoder retain, event after event, moves its reference count between the cores each time (that
    /// traffic was several per cent of a cold start's CPU).
    ///
    /// Boxes met are remembered by identity only up to a bound: an event built in this process brings a
    /// box of its own each time (an officer's action), and remembering each would hold them all for good.
    private mutating func box(_ given: ActorBox) -> ActorBox {
        let id = ObjectIdentifier(given)
        // Slots by address (allocations are 16-byte aligned): no hashing, no list to search or reorder.
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: id) >> 4) & (Desk.recentBoxSlots - 1)
        if let recent = recentBoxes[slot], recent.given == id { return recent.own }
        let adopted: AdoptedBox
        if let known = adoptedBoxes[id] {
            adopted = known
        } else {
            let own: ActorBox
            if let known = actorBoxes[ExactActor(given.actor)] {
                own = known
            } else {
                own = ActorBox(given.actor)
                actorBoxes[ExactActor(given.actor)] = own
            }
            adopted = AdoptedBox(given: given, own: own)
            if adoptedBoxes.count >= max(1_024, Desk.boxesMetPerActor * actorBoxes.count) {
                // Forgotten together: the recent slots name only boxes `adoptedBoxes` holds.
                adoptedBoxes.removeAll(keepingCapacity: true)
                recentBoxes = [RecentBox?](repeating: nil, count: Desk.recentBoxSlots)
            }
            adoptedBoxes[id] = adopted
        }
        recentBoxes[slot] = RecentBox(given: id, own: adopted.own)
        return adopted.own
    }

    public mutating func apply(_ events: some Sequence<RecordedEvent>) {
        for e in events { apply(e) }
    }
}
