import Foundation

/// The folded desk as bytes, so a console can start from a projection snapshot instead of folding a
/// million events. Pure: the file around it (validation against the journal, atomic replacement) is
/// `ProjectionSnapshot` in ComplaintJournal.
///
/// Reports are cut into chunks that decode independently (every core at start-up); the actor table and
/// the desk's own bookkeeping are separate sections. Reading back gives a `Desk` equal to the fold.
public enum DeskSnapshotCodec {
    /// Bump on any change to what is written or to how `Report.apply` folds (a snapshot from another
    /// format or fold is ignored and rebuilt).
    /// 2: bodies left in the journal are kept as their journal span (`StoredText`), not copied.
    /// 3: the inbox rows section (every report's inbox row and where the report lies).
    /// 4: the resume point lists acknowledged findings' lines and missing sequence numbers.
    /// 5: each segment of the resume point carries the digest of its lines' checksums; actors are shared
    ///    by exact spelling.
    public static let formatVersion: UInt32 = 5

    public struct Sections: Sendable {
        /// Desk bookkeeping: last sequence and anomalies.
        public var desk: [UInt8]
        public var actors: [UInt8]
        public var chunks: [[UInt8]]
        /// Reports in each chunk.
        public var reportCounts: [Int]
        /// Every report's inbox row (`decodeInboxRows`).
        public var inboxRows: [UInt8]
    }

    /// Every section in memory: for tests and tools. A snapshot file is written with `encode(_:rules:reportsPerChunk:chunk:)`.
    public static func encode(_ desk: Desk, rules: InboxRowRules, reportsPerChunk: Int = 2048) -> Sections {
        var chunks: [[UInt8]] = []
        var reportCounts: [Int] = []
        // Never nil: collecting never stops the encoder.
        let rest = encode(desk, rules: rules, reportsPerChunk: reportsPerChunk) { bytes, reports in
            chunks.append(bytes)
            reportCounts.append(reports)
            return true
        }!
        return Sections(desk: rest.desk, actors: rest.actors, chunks: chunks, reportCounts: reportCounts,
                        inboxRows: rest.inboxRows)
    }

    /// Hands each report chunk to `chunk` as soon as it is encoded (with its report count), so a writer
    /// holds one chunk at a time, then returns the sections that follow the chunks: the actor table
    /// (complete only once every trail was seen), the desk's bookkeeping and the inbox rows computed with
    /// `rules`. Stops early, returning nil, when `chunk` returns false.
    @discardableResult
    public static func encode(_ desk: Desk, rules: InboxRowRules, reportsPerChunk: Int = 2048,
                              chunk: (_ bytes: [UInt8], _ reports: Int) -> Bool)
        -> (actors: [UInt8], desk: [UInt8], inboxRows: [UInt8])?
    {
        // By reference, so by exact spelling (`ActorRef`), as the fold names them: a start from the snapshot
        // shows what a cold start shows.
        var actorIndex: [ActorRef: Int] = [:]
        var actors: [Actor] = []
        func index(_ a: ActorRef) -> Int {
            if let i = actorIndex[a] { return i }
            actorIndex[a] = actors.count
            actors.append(a.actor)
            return actors.count - 1
        }
        var start = 0
        let all = desk.all
        var locations: [SnapshotReportLocation] = []
        locations.reserveCapacity(all.count)
        while start < all.count {
            let end = min(all.count, start + max(1, reportsPerChunk))
            // About 600 bytes per report at format 2 (bodies are journal spans): room for most chunks.
            var w = SnapshotWriter(capacity: (end - start) * 768)
            w.count(end - start)
            for i in start..<end {
                locations.append(SnapshotReportLocation(chunk: start / max(1, reportsPerChunk), offset: w.bytes.count))
                w.report(all[i], actorIndex: index)
            }
            guard chunk(w.bytes, end - start) else { return nil }
            start = end
        }
        var deskBytes = SnapshotWriter()
        deskBytes.varint(desk.lastSeq)
        deskBytes.count(desk.anomalies.count)
        for a in desk.anomalies {
            deskBytes.varint(a.seq)
            deskBytes.string(a.reportID.rawValue)
            deskBytes.string(a.reason)
        }
        return (encodeActors(actors), deskBytes.bytes, encodeInboxRows(desk, rules: rules, locations: locations))
    }

    /// The actor table section (`decodeActors` reads it back).
    public static func encodeActors(_ actors: [Actor]) -> [UInt8] {
        var w = SnapshotWriter()
        w.count(actors.count)
        for a in actors { w.actor(a) }
        return w.bytes
    }

    /// The actor table, each actor's reference (every trail entry by that actor names it).
    public static func decodeActors(_ bytes: UnsafeRawBufferPointer) throws(SnapshotFormatError) -> SnapshotActors {
        var r = SnapshotReader(bytes)
        let n = try r.count()
        var out: [ActorRef] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(ActorRef(try r.actor())) }
        try r.expectEnd("actor table")
        return SnapshotActors(refs: out)
    }

    /// One chunk of reports, each handed to `body` as decoded (so callers can place them without a
    /// copy); chunks are independent, so callers decode them on every core.
    /// `textSource` is the journal that bodies kept there are read back from.
    public static func forEachReport(
        in bytes: UnsafeRawBufferPointer, actors: SnapshotActors, textSource: (any StoredTextSource)?,
        _ body: (consuming Report) throws(SnapshotFormatError) -> Void
    ) throws(SnapshotFormatError) {
        var r = SnapshotReader(bytes)
        r.textSource = textSource
        let n = try r.count()
        for _ in 0..<n { try body(try r.report(actors: actors.refs)) }
        try r.expectEnd("report chunk")
    }

    /// The desk from its decoded reports (in receive order) and its bookkeeping section.
    public static func desk(reports: [Report], deskSection bytes: UnsafeRawBufferPointer) throws(SnapshotFormatError) -> Desk {
        var r = SnapshotReader(bytes)
        let lastSeq = try r.varint()
        let n = try r.count()
        var anomalies: [Desk.Anomaly] = []
        for _ in 0..<n {
            anomalies.append(Desk.Anomaly(seq: try r.varint(), reportID: ReportID(rawValue: try r.string()), reason: try r.string()))
        }
        try r.expectEnd("desk section")
        guard let desk = Desk(restoring: reports, lastSeq: lastSeq, anomalies: anomalies) else {
            throw SnapshotFormatError(offset: 0, reason: "two reports with the same id")
        }
        return desk
    }
}

/// The decoded actor table of a snapshot (opaque: the references the report decoder names trail entries by).
public struct SnapshotActors: Sendable {
    let refs: [ActorRef]
    /// The first `n` actors only (tests: an index past the table must be refused).
    public func prefix(_ n: Int) -> SnapshotActors { SnapshotActors(refs: Array(refs.prefix(n))) }
}

extension SnapshotReader {
    public mutating func expectEnd(_ section: String) throws(SnapshotFormatError) {
        guard isAtEnd else { throw fail("\(section): \(buffer.count - offset) bytes left over") }
    }
}
