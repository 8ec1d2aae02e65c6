import Foundation

/// Who caused an event: the officer behind every line of the legal record.
public struct JournalActor: Sendable, Hashable {
    /// Operator login name.
    public var name: String
    /// Role at the time of the event (roles change; the record keeps the one that acted).
    public var role: String
    /// Agency the operator acted for, if any.
    public var agency: String?
    /// Work unit inside the agency, if any.
    public var unit: String?
    /// Operating-system account that ran the console (a second, independent trace).
    public var osUser: String?

    public init(name: String, role: String, agency: String? = nil, unit: String? = nil, osUser: String? = nil) {
        self.name = name
        self.role = role
        self.agency = agency
        self.unit = unit
        self.osUser = osUser
    }
}

/// An event the caller wants stored; the journal assigns its sequence number.
///
/// The payload stays opaque so the journal never depends on the domain's event types.
public struct NewEntry: Sendable, Hashable {
    /// Unique id of the event (a UUID string in practice).
    public var eventID: String
    /// The report the event belongs to.
    public var reportID: String
    /// When the event happened.
    public var at: Date
    /// The offset of the officer's local time, kept so the record shows the time as they saw it.
    public var utcOffsetSeconds: Int
    public var actor: JournalActor
    /// Event type such as `report.verified`.
    public var type: String
    /// The `data` object as UTF-8 JSON bytes, encoded by the domain; validated, never interpreted.
    public var payload: [UInt8]

    public init(
        eventID: String, reportID: String, at: Date, utcOffsetSeconds: Int,
        actor: JournalActor, type: String, payload: [UInt8]
    ) {
        self.eventID = eventID
        self.reportID = reportID
        self.at = at
        self.utcOffsetSeconds = utcOffsetSeconds
        self.actor = actor
        self.type = type
        self.payload = payload
    }
}

/// Where a line's bytes are in its segment (`JournalPosition` counts lines; this counts bytes), and the
/// checksum it records, so a later read can tell it is still the same line.
public struct JournalLineSpan: Sendable, Hashable {
    /// Byte offset of the line's first byte.
    public var offset: Int
    /// Length without the `\n`.
    public var length: Int
    public var checksum: UInt32
}

/// Where a stored line lives, so every finding and every event can be traced to FILE:LINE.
public struct JournalPosition: Sendable, Hashable, Comparable {
    /// Segment number (1 for `000001.jsonl`).
    public var segment: Int
    /// 1-based line number inside the segment.
    public var line: Int

    public init(segment: Int, line: Int) {
        self.segment = segment
        self.line = line
    }

    /// The segment's file name, e.g. `000001.jsonl`.
    public var fileName: String { SegmentName.fileName(segment) }

    public static func < (lhs: JournalPosition, rhs: JournalPosition) -> Bool {
        (lhs.segment, lhs.line) < (rhs.segment, rhs.line)
    }
}

/// One verified line of the journal, decoded.
public struct JournalEntry: Sendable, Hashable {
    /// Envelope format version (`v`).
    public var version: Int
    /// Global, gap-free sequence number across all segments and writers.
    public var seq: UInt64
    public var eventID: String
    public var reportID: String
    /// The instant of the event.
    public var at: Date
    /// The timestamp exactly as stored, with its offset (what the officer's clock said).
    public var atText: String
    /// The offset that `atText` carries, in seconds east of UTC.
    public var utcOffsetSeconds: Int
    public var actor: JournalActor
    public var type: String
    /// Raw bytes of the `data` object, sliced from the line, for the domain to decode.
    public var payload: [UInt8]
    public var position: JournalPosition
    /// Where the line's bytes are in its segment, for a line read from or written to a segment file (nil
    /// otherwise): the desk then leaves a long report body in the journal (`JournalMapping.recorded(_:source:)`)
    /// for events read after start-up too, not only for those folded at start-up.
    public var span: JournalLineSpan?

    public init(
        version: Int, seq: UInt64, eventID: String, reportID: String, at: Date, atText: String,
        utcOffsetSeconds: Int, actor: JournalActor, type: String, payload: [UInt8], position: JournalPosition,
        span: JournalLineSpan? = nil
    ) {
        self.version = version
        self.seq = seq
        self.eventID = eventID
        self.reportID = reportID
        self.at = at
        self.atText = atText
        self.utcOffsetSeconds = utcOffsetSeconds
        self.actor = actor
        self.type = type
        self.payload = payload
        self.position = position
        self.span = span
    }
}

/// Segment file naming: six-digit zero-padded numbers, so `ls` sorts them in order.
enum SegmentName {
    static let suffix = ".jsonl"

    static func fileName(_ number: Int) -> String { path(in: nil, number) }

    /// `folder/NNNNNN.jsonl` (or the bare file name without a folder), written in one piece: every
    /// officer action names its segment (and the next) to check the folder, and joining strings cost
    /// more than the action's own decision.
    static func path(in folder: String?, _ number: Int) -> String {
        guard number >= 0 else { // never a segment; spelled as before
            let digits = String(number)
            let name = String(repeating: "0", count: max(0, 6 - digits.count)) + digits + suffix
            return folder.map { $0 + "/" + name } ?? name
        }
        var digitCount = 1
        var rest = number / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let width = max(6, digitCount)
        let folderBytes = folder.map { $0.utf8.count + 1 } ?? 0
        return String(unsafeUninitializedCapacity: folderBytes + width + 6) { out in
            var at = 0
            if var folder {
                folder.withUTF8 { bytes in
                    for byte in bytes {
                        out[at] = byte
                        at += 1
                    }
                }
                out[at] = UInt8(ascii: "/")
                at += 1
            }
            var value = number
            for index in stride(from: at + width - 1, through: at, by: -1) {
                out[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            at += width
            for byte in suffix.utf8 {
                out[at] = byte
                at += 1
            }
            return at
        }
    }

    static func stem(_ number: Int) -> String {
        String(fileName(number).dropLast(suffix.count))
    }

    /// The segment number of a file name, or nil for anything that is not a segment.
    static func number(of fileName: String) -> Int? {
        guard fileName.hasSuffix(suffix) else { return nil }
        let stem = fileName.dropLast(suffix.count)
        guard stem.count >= 6, stem.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(stem), value > 0
        else { return nil }
        return value
    }
}
