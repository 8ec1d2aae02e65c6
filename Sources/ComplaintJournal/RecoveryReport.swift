import Complaints
/// A torn write at the end of the journal: bytes after the last good line (a crash mid-append).
/// Recovery moves them to quarantine and truncates; they are reported, never silently dropped.
public struct TornTail: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// Line number where the torn bytes start.
    public var line: Int
    public var byteOffset: Int
    public var byteCount: Int
    /// Path of the quarantine copy relative to the journal folder; nil when nothing was modified
    /// (read-only open, `verify()`).
    public var quarantineFile: String?
    public var reason: String

    /// For tests and tools that build reports (the journal fills these in itself).
    public init(file: String, line: Int, byteOffset: Int, byteCount: Int, quarantineFile: String?, reason: String) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.byteCount = byteCount
        self.quarantineFile = quarantineFile
        self.reason = reason
    }

    public var description: String {
        let action = quarantineFile.map { "moved to \($0)" } ?? "left in place (read-only)"
        return "\(file):\(line): torn write: \(byteCount) bytes after the last complete line (\(reason)); \(action)"
    }
}

/// A damaged line with good lines after it: skipped (never applied), copied to quarantine, and kept
/// in the segment, because truncating there would drop good events.
public struct DamagedLine: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var byteOffset: Int
    public var reason: String
    /// True once an operator ran the repair and acknowledged it.
    public var acknowledged: Bool
    public var quarantineFile: String?
    /// Identity in `acknowledged.jsonl` (file, offset and checksum of the damaged bytes).
    var key: String = ""
    /// The tracking ids and sequence numbers the damaged bytes name, as far as they can be read
    /// (`AcknowledgedDamage.named`).
    var named = AcknowledgedDamage.Named()
    public var reportIDs: [String] { named.reportIDs }

    /// For tests and tools that build reports (the journal fills these in itself).
    public init(file: String, line: Int, byteOffset: Int, reason: String, acknowledged: Bool, quarantineFile: String? = nil) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.reason = reason
        self.acknowledged = acknowledged
        self.quarantineFile = quarantineFile
    }

    init(file: String, line: Int, byteOffset: Int, reason: String, acknowledged: Bool, quarantineFile: String?, key: String) {
        self.init(file: file, line: line, byteOffset: byteOffset, reason: reason, acknowledged: acknowledged, quarantineFile: quarantineFile)
        self.key = key
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line): damaged line skipped" : "\(file): damaged segment"
        return "\(place): \(reason)" + (acknowledged ? " (acknowledged)" : "")
    }
}

/// Sequence numbers missing between two good lines.
public struct SequenceGap: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var expected: UInt64
    public var found: UInt64
    public var acknowledged: Bool
    /// CRC-32C of the line after the gap: part of the acknowledgement's key.
    public var lineChecksum: UInt32?
    var key: String { AcknowledgedDamage.gapKey(file: file, line: line, found: found, lineChecksum: lineChecksum) }

    /// Whether `registry` acknowledges this gap: by its key, or by the key's older form without the line's
    /// checksum (registries written before stay valid; an upgrade never turns them into new damage).
    func isAcknowledged(in registry: Set<String>) -> Bool {
        registry.contains(key) || registry.contains(AcknowledgedDamage.gapKey(file: file, line: line, found: found))
    }

    public init(file: String, line: Int, expected: UInt64, found: UInt64, acknowledged: Bool, lineChecksum: UInt32? = nil) {
        self.file = file
        self.line = line
        self.expected = expected
        self.found = found
        self.acknowledged = acknowledged
        self.lineChecksum = lineChecksum
    }

    public var description: String {
        "\(file):\(line): sequence gap: expected seq \(expected), found \(found)" + (acknowledged ? " (acknowledged)" : "")
    }
}

/// A good line whose sequence number was already used: reported and skipped.
public struct SequenceDuplicate: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var seq: UInt64
    public var acknowledged: Bool
    /// The number was one a gap had jumped over: the line is out of place (lines moved) and was applied
    /// late, not skipped.
    public var appliedLate: Bool
    /// CRC-32C of the line: part of the acknowledgement's key.
    public var lineChecksum: UInt32?
    var key: String { AcknowledgedDamage.duplicateKey(file: file, line: line, seq: seq, lineChecksum: lineChecksum) }

    /// As `SequenceGap.isAcknowledged(in:)`.
    func isAcknowledged(in registry: Set<String>) -> Bool {
        registry.contains(key) || registry.contains(AcknowledgedDamage.duplicateKey(file: file, line: line, seq: seq))
    }

    public init(file: String, line: Int, seq: UInt64, acknowledged: Bool, appliedLate: Bool = false, lineChecksum: UInt32? = nil) {
        self.file = file
        self.line = line
        self.seq = seq
        self.acknowledged = acknowledged
        self.appliedLate = appliedLate
        self.lineChecksum = lineChecksum
    }

    public var description: String {
        (appliedLate ? "\(file):\(line): sequence number \(seq) out of place (lines moved); applied late, with the lines that follow it in order"
            : "\(file):\(line): duplicate sequence number \(seq) skipped") + (acknowledged ? " (acknowledged)" : "")
    }
}

/// What opening, verifying or repairing the journal found, for the operator and `check`.
public struct RecoveryReport: Sendable, Hashable {
    public var tornTails: [TornTail] = []
    public var damagedLines: [DamagedLine] = []
    public var gaps: [SequenceGap] = []
    public var duplicates: [SequenceDuplicate] = []

    public init(
        tornTails: [TornTail] = [], damagedLines: [DamagedLine] = [], gaps: [SequenceGap] = [],
        duplicates: [SequenceDuplicate] = []
    ) {
        self.tornTails = tornTails
        self.damagedLines = damagedLines
        self.gaps = gaps
        self.duplicates = duplicates
    }

    /// Nothing at all to report (acknowledged damage does not count).
    public var isClean: Bool { tornTails.isEmpty && !needsRepair }

    /// Unacknowledged damage, gaps or duplicates: the console should stay read-only until repair.
    public var needsRepair: Bool { !unacknowledgedDescriptions.isEmpty }

    /// One `FILE:LINE: reason` line per finding, in file order.
    public var descriptions: [String] {
        tornTails.map(\.description) + damagedLines.map(\.description) + gaps.map(\.description)
            + duplicates.map(\.description)
    }

    /// Findings that still need an operator's repair.
    public var unacknowledgedDescriptions: [String] {
        damagedLines.filter { !$0.acknowledged }.map(\.description)
            + gaps.filter { !$0.acknowledged }.map(\.description)
            + duplicates.filter { !$0.acknowledged }.map(\.description)
    }

    /// Marks every finding whose key is in `keys` as acknowledged.
    mutating func markAcknowledged(_ keys: Set<String>) {
        for index in damagedLines.indices where keys.contains(damagedLines[index].key) {
            damagedLines[index].acknowledged = true
        }
        for index in gaps.indices where gaps[index].isAcknowledged(in: keys) { gaps[index].acknowledged = true }
        for index in duplicates.indices where duplicates[index].isAcknowledged(in: keys) { duplicates[index].acknowledged = true }
    }

    /// This report without the findings already in `earlier` (a prefix of it).
    func subtracting(_ earlier: RecoveryReport) -> RecoveryReport {
        RecoveryReport(
            tornTails: Array(tornTails.dropFirst(earlier.tornTails.count)),
            damagedLines: Array(damagedLines.dropFirst(earlier.damagedLines.count)),
            gaps: Array(gaps.dropFirst(earlier.gaps.count)),
            duplicates: Array(duplicates.dropFirst(earlier.duplicates.count)))
    }

    mutating func merge(_ other: RecoveryReport) {
        tornTails += other.tornTails
        damagedLines += other.damagedLines
        gaps += other.gaps
        duplicates += other.duplicates
    }
}

/// The journal's state as the console shows it.
public enum JournalHealth: Sendable, Hashable {
    /// Writable and consistent (acknowledged damage included).
    case ok
    /// Damage needs an operator's repair; the console should refuse new commands meanwhile.
    case degraded(reasons: [String])
    /// Opened read-only, so nothing can be appended; why, in both languages (the console says it in the
    /// officer's, the command line in English).
    case readOnly(reason: Localized)
}
