import Foundation

/// Where one report lies in a snapshot: its chunk and byte offset there, so the first inbox frame can
/// decode the few reports it shows without decoding the other 200,000.
public struct SnapshotReportLocation: Sendable, Hashable {
    public var chunk: Int
    public var offset: Int
}

/// The deadline rules inbox rows were computed with, and a key naming them: rows carry each report's
/// deadline schedule, so a snapshot's rows are used only by a reader whose rules have the same key.
public struct InboxRowRules: Sendable {
    public var deadlines: Deadlines
    /// Changes whenever anything the schedules depend on changes (limits, holidays, time zone).
    public var key: String

    public init(deadlines: Deadlines, key: String) {
        self.deadlines = deadlines
        self.key = key
    }
}

/// Every report's inbox row as a snapshot carries them, in desk order, with where each report lies:
/// enough to draw the first inbox frame and to seed the console's `InboxIndex` without folding or
/// decoding any report (see `InboxIndex.init(deadlines:seed:lastSeq:)`).
public struct InboxSeed: Sendable {
    private(set) var rows: [InboxIndexRow]
    public private(set) var locations: [SnapshotReportLocation]

    public var count: Int { rows.count }

    /// The seed after later events: the rows of `changed` reports (by position) rebuilt and the rows of
    /// `added` reports (received since, in receive order) appended. Appended rows have no snapshot location.
    /// In place: a seed is 200,000 rows, and a copy retains every string in them.
    public mutating func update(_ changed: [Int: Report], appending added: [Report], deadlines: Deadlines) {
        for (position, report) in changed where position >= 0 && position < rows.count {
            rows[position] = InboxIndexRow(report, schedule: deadlines.schedule(of: report))
        }
        for report in added {
            rows.append(InboxIndexRow(report, schedule: deadlines.schedule(of: report)))
            locations.append(SnapshotReportLocation(chunk: -1, offset: 0))
        }
    }

    /// The report id of the row at `position` (in desk order).
    public func id(at position: Int) -> ReportID { rows[position].id }

    /// The positions (desk order) of `ids`, in one pass over the rows (no id table is built). A row's id is
    /// looked up in the set only when its fingerprint's bit is set: hashing all 200,000 ids for the set took
    /// a tenth of a snapshot start with later events. The fingerprint is of the bytes, so the filter is
    /// used only for ASCII ids: ids equal as text but spelled with other code points (the Kelvin sign and
    /// K) differ in their bytes.
    public func positions(of ids: some Sequence<ReportID>) -> [ReportID: Int] {
        let wanted = Set(ids)
        var found: [ReportID: Int] = [:]
        guard !wanted.isEmpty else { return found }
        let filter = IDFilter(wanted)
        rows.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            // Read in place: `b[i].id` copied the whole row (retaining its strings) first.
            for i in b.indices where (filter?.mayContain((base + i).pointee.id) ?? true) && wanted.contains((base + i).pointee.id) {
                found[(base + i).pointee.id] = i
                if found.count == wanted.count { break }
            }
        }
        return found
    }
}

/// A bit per fingerprint of some ASCII ids, sixty-four bits or more per id: an ASCII id whose bit is clear
/// is not among them (a set bit may be another id's, so the caller checks the set). Nil when any of them is
/// not ASCII; a row id that is not ASCII always passes.
private struct IDFilter {
    private var bits: [UInt64]
    private let mask: UInt64

    init?(_ ids: Set<ReportID>) {
        var words = 16
        while words < ids.count { words <<= 1 }
        bits = [UInt64](repeating: 0, count: words)
        mask = UInt64(words * 64 - 1)
        for id in ids {
            guard let print = IDFilter.fingerprint(id) else { return nil }
            let bit = print & mask
            bits[Int(bit >> 6)] |= 1 << (bit & 63)
        }
    }

    func mayContain(_ id: ReportID) -> Bool {
        guard let print = IDFilter.fingerprint(id) else { return true }
        let bit = print & mask
        return bits[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }

    /// FNV-1a over the id's bytes, its high bits folded down (ids differ mostly in their last digits); nil
    /// for an id that is not ASCII, in the same pass.
    private static func fingerprint(_ id: ReportID) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in id.rawValue.utf8 {
            high |= byte
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return high < 0x80 ? h ^ (h >> 29) : nil
    }
}

extension DeskSnapshotCodec {
    /// Rows per independently decoded part of the rows section (decoded on every core).
    static let rowsPerPart = 16_384

    /// The rows section: the rules' key, then parts of rows, each with its byte length so readers split
    /// the work without parsing. A part starts with its table of the rows' repeated words (agency, unit,
    /// folded category and region), which rows name by index: a few hundred words over 16,384 rows.
    static func encodeInboxRows(_ desk: Desk, rules: InboxRowRules, locations: [SnapshotReportLocation],
                                rowsPerPart: Int = rowsPerPart) -> [UInt8] {
        let rows = InboxIndex.firstRows(desk.all, deadlines: rules.deadlines)
        var w = SnapshotWriter(capacity: rows.count * 64 + 64)
        w.string(rules.key)
        w.count(rows.count)
        var start = 0
        w.count((rows.count + rowsPerPart - 1) / rowsPerPart)
        while start < rows.count {
            let end = min(rows.count, start + rowsPerPart)
            var words = RowWords()
            var body = SnapshotWriter(capacity: (end - start) * 40)
            for i in start..<end { body.inboxRow(rows[i], at: locations[i], words: &words) }
            var part = SnapshotWriter(capacity: body.bytes.count + words.list.count * 24 + 8)
            part.strings(words.list)
            part.append(body.bytes)
            w.count(end - start)
            w.count(part.bytes.count)
            w.append(part.bytes)
            start = end
        }
        return w.bytes
    }

    /// The rows section read back, or nil when its rows were computed with other rules than `rulesKey`
    /// (the caller then builds rows from the decoded desk). Parts are decoded on every core. Room is left
    /// for `spareRows` more (reports received after the snapshot, appended by `update`): growing 200,000 rows
    /// by one copied them all.
    public static func decodeInboxRows(_ bytes: UnsafeRawBufferPointer, rulesKey: String,
                                       spareRows: Int = 0) throws(SnapshotFormatError) -> InboxSeed? {
        var r = SnapshotReader(bytes)
        guard try r.string() == rulesKey else { return nil }
        let total = try r.count()
        let partCount = try r.count()
        var table: [(first: Int, rows: Int, offset: Int, length: Int)] = []
        var first = 0
        for _ in 0..<partCount {
            let rows = try r.count(max: total - first)
            let length = try r.count()
            table.append((first, rows, r.offset, length))
            try r.skip(length)
            first += rows
        }
        let parts = table
        try r.expectEnd("inbox rows")
        guard first == total else { throw SnapshotFormatError(offset: 0, reason: "inbox rows: parts hold \(first) rows, not \(total)") }
        let failure = FirstFailure<SnapshotFormatError>()
        let shared = SharedRawBytes(bytes)
        var locations: [SnapshotReportLocation] = []
        // Bounded: a caller's count of later events is no reason to trap or to reserve gigabytes.
        let spare = min(max(0, spareRows), 1 << 20)
        locations.reserveCapacity(total + spare)
        locations.append(contentsOf: repeatElement(SnapshotReportLocation(chunk: 0, offset: 0), count: total))
        var decodedParts = [Bool](repeating: false, count: parts.count)
        let rows = [InboxIndexRow](unsafeUninitializedCapacity: total + spare) { buffer, initialized in
            guard let rowStart = buffer.baseAddress else {
                failure.set(SnapshotFormatError(offset: 0, reason: "inbox rows: no storage"))
                return
            }
            locations.withUnsafeMutableBufferPointer { locationBuffer in
                decodedParts.withUnsafeMutableBufferPointer { done in
                    guard let locationStart = locationBuffer.baseAddress, let doneStart = done.baseAddress else {
                        // Only with no rows and no parts: nothing to decode.
                        if total > 0 { failure.set(SnapshotFormatError(offset: 0, reason: "inbox rows: no storage")) }
                        return
                    }
                    let rowSlots = SharedSlots(rowStart), locationSlots = SharedSlots(locationStart), doneSlots = SharedSlots(doneStart)
                    DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                        let p = parts[k]
                        var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: shared.bytes[p.offset..<(p.offset + p.length)]))
                        var placed = 0
                        do throws(SnapshotFormatError) {
                            let words = try reader.words()
                            while placed < p.rows {
                                let (row, location) = try reader.inboxRow(words: words)
                                (rowSlots.base + p.first + placed).initialize(to: row)
                                locationSlots.base[p.first + placed] = location
                                placed += 1
                            }
                            try reader.expectEnd("inbox rows part")
                            doneSlots.base[k] = true
                        } catch {
                            failure.set(SnapshotFormatError(offset: p.offset + error.offset, reason: error.reason))
                        }
                        // A failed part undoes its own rows; whole parts are kept only when every part succeeded.
                        if !doneSlots.base[k] { (rowSlots.base + p.first).deinitialize(count: placed) }
                    }
                }
            }
            if failure.value == nil {
                initialized = total
            } else {
                for (k, p) in parts.enumerated() where decodedParts[k] { (rowStart + p.first).deinitialize(count: p.rows) }
                initialized = 0
            }
        }
        if let error = failure.value { throw error }
        return InboxSeed(rows: rows, locations: locations)
    }

    /// One report read at `offset` of a report chunk (`InboxSeed.locations`), for drawing a first frame.
    public static func report(in chunk: UnsafeRawBufferPointer, at offset: Int, actors: SnapshotActors,
                              textSource: (any StoredTextSource)?) throws(SnapshotFormatError) -> Report {
        guard offset > 0, offset < chunk.count else { throw SnapshotFormatError(offset: offset, reason: "report offset outside its chunk") }
        var r = SnapshotReader(chunk, offset: offset)
        r.textSource = textSource
        return try r.report(actors: actors.refs)
    }
}

extension SnapshotWriter {
    mutating func inboxRow(_ row: InboxIndexRow, at location: SnapshotReportLocation, words: inout RowWords) {
        string(row.id.rawValue)
        count(row.version)
        caseIndex(row.status)
        bool(row.returned)
        // 0 is nil, else the word's index + 1.
        count(row.agency.map { words.index($0) + 1 } ?? 0)
        count(row.unit.map { words.index($0) + 1 } ?? 0)
        caseIndex(row.channel)
        caseIndex(row.classification)
        bool(row.anonymous)
        bool(row.confidential)
        count(row.priorityRank)
        date(row.receivedAt)
        count(words.index(row.category))
        count(words.index(row.province))
        count(words.index(row.regency))
        switch row.schedule.kind {
        case .none: byte(0)
        case .paused: byte(1)
        case let .pausedUntil(due):
            byte(2)
            date(due)
        case let .track(due, soonFrom):
            byte(3)
            date(due)
            date(soonFrom)
        }
        count(location.chunk)
        count(location.offset)
    }
}

extension SnapshotReader {
    mutating func inboxRow(words: [String]) throws(SnapshotFormatError) -> (InboxIndexRow, SnapshotReportLocation) {
        let id = ReportID(rawValue: try string())
        let version = try count(max: Int(UInt32.max))
        let status = try caseIndex(ReportStatus.self)
        let returned = try bool()
        let agencyIndex = try count(max: words.count)
        let unitIndex = try count(max: words.count)
        let agency = agencyIndex == 0 ? nil : words[agencyIndex - 1]
        let unit = unitIndex == 0 ? nil : words[unitIndex - 1]
        let channel = try caseIndex(Channel.self)
        let classification = try caseIndex(Classification.self)
        let anonymous = try bool()
        let confidential = try bool()
        let priorityRank = try count(max: 1_000)
        let receivedAt = try date()
        let category = words[try count(max: words.count - 1)]
        let province = words[try count(max: words.count - 1)]
        let regency = words[try count(max: words.count - 1)]
        let schedule: UrgencySchedule
        switch try byte() {
        case 0: schedule = UrgencySchedule(kind: .none)
        case 1: schedule = UrgencySchedule(kind: .paused)
        case 2: schedule = UrgencySchedule(kind: .pausedUntil(try date()))
        case 3: schedule = UrgencySchedule(kind: .track(due: try date(), soonFrom: try date()))
        default: throw fail("unknown deadline schedule kind")
        }
        let location = SnapshotReportLocation(chunk: try count(max: Int(Int32.max)), offset: try count(max: Int(Int32.max)))
        let row = InboxIndexRow(id: id, version: version, status: status, returned: returned, agency: agency, unit: unit,
                                channel: channel, classification: classification, anonymous: anonymous,
                                confidential: confidential, priorityRank: priorityRank, receivedAt: receivedAt,
                                category: category, province: province, regency: regency, schedule: schedule)
        return (row, location)
    }
}

/// The distinct words of one part of rows, in first-use order.
struct RowWords {
    private(set) var list: [String] = []
    private var indices: [String: Int] = [:]

    mutating func index(_ word: String) -> Int {
        if let i = indices[word] { return i }
        indices[word] = list.count
        list.append(word)
        return list.count - 1
    }
}
