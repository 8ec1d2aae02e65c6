import Foundation

/// Keys of findings an operator acknowledged with `check --repair`, stored one JSON object per line in
/// `quarantine/acknowledged.jsonl`, so later opens treat them as known rather than as new damage.
enum AcknowledgedDamage {
    static func damagedKey(file: String, byteOffset: Int, lineBytes: UnsafeBufferPointer<UInt8>) -> String {
        let crc = EnvelopeDecoder.hex8(CRC32C.checksum(UnsafeRawBufferPointer(lineBytes)))
        return "damaged \(file) \(byteOffset) \(crc)"
    }

    /// A gap's key names the line after it by place, number and checksum: another line put in its place
    /// later (same number, other bytes) is a new finding, not one already acknowledged. Without a checksum
    /// it is the form registries written before held (still honoured, see `isAcknowledged`).
    static func gapKey(file: String, line: Int, found: UInt64, lineChecksum: UInt32? = nil) -> String {
        "gap \(file) \(line) \(found)" + (lineChecksum.map { " " + EnvelopeDecoder.hex8($0) } ?? "")
    }

    /// As `gapKey`, for a line whose number was already used.
    static func duplicateKey(file: String, line: Int, seq: UInt64, lineChecksum: UInt32? = nil) -> String {
        "duplicate \(file) \(line) \(seq)" + (lineChecksum.map { " " + EnvelopeDecoder.hex8($0) } ?? "")
    }

    /// A run of lines applied late (moved, in order among themselves) is one finding, named by its first
    /// line; its checksum part becomes that of the whole run as each next line of it is read, so the key
    /// acknowledges exactly these lines (QA: a line rewritten inside an acknowledged run went unnoticed).
    static func extendRun(_ finding: inout SequenceDuplicate, with lineChecksum: UInt32, registry: Set<String>) {
        let run = JournalResumePoint.lineDigest(line: Int(truncatingIfNeeded: finding.lineChecksum ?? 0), checksum: lineChecksum)
        finding.lineChecksum = UInt32(truncatingIfNeeded: run ^ (run >> 32))
        finding.acknowledged = finding.isAcknowledged(in: registry)
    }

    /// What the registry holds: the acknowledged findings' keys, and the tracking ids that damaged lines
    /// set aside named (their reports are gone from the desk, but the ids were given out).
    struct Registry {
        var keys = Set<String>()
        var reportIDs: [String] = []
        /// The highest sequence number a damaged line named: numbers are given out after it, so a damaged
        /// line restored later (from a backup) never duplicates a newer event's number.
        var maxSeq: UInt64 = 0
    }

    /// Loads the registry; a damaged registry line is ignored (it only makes findings show up again).
    static func load(from path: String) throws(JournalError) -> Registry {
        let bytes = try JournalFolder.read(path, from: 0)
        var registry = Registry()
        bytes.withUnsafeBufferPointer { buffer in
            LineSplitter.forEachLine(buffer) { line in
                let data = Data(buffer[line.start..<line.end])
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let key = object["key"] as? String
                {
                    registry.keys.insert(key)
                    if let id = object["report"] as? String { registry.reportIDs.append(id) }
                    for id in (object["more_reports"] as? [String]) ?? [] { registry.reportIDs.append(id) }
                    if let seq = (object["seq"] as? NSNumber)?.uint64Value { registry.maxSeq = max(registry.maxSeq, seq) }
                }
                return true
            }
        }
        return registry
    }

    /// Length and checksum of the registry at `path`, or "" when there is none (see
    /// `JournalResumePoint.acknowledgements`).
    static func fingerprint(_ path: String) -> String {
        guard JournalFolder.exists(path), let bytes = try? JournalFolder.read(path, from: 0) else { return "" }
        return "\(bytes.count) " + EnvelopeDecoder.hex8(CRC32C.checksum(bytes))
    }

    /// The tracking ids and sequence numbers a damaged line names, read leniently (its checksum failed, so
    /// nothing else is trusted): every `"report":"DIGITS"` and `"seq":DIGITS` in it. Every one, not the
    /// first: two lines merged by a lost newline name two events (QA: the second one's id and number were
    /// given out again). Inside a JSON string a quote is escaped, so report text cannot fake either.
    struct Named: Sendable, Hashable {
        var reportIDs: [String] = []
        var maxSeq: UInt64?
    }

    static func named(inDamaged bytes: [UInt8]) -> Named {
        var named = Named()
        for digits in digitRuns(after: Array("\"report\":\"".utf8), in: bytes, closedBy: UInt8(ascii: "\""))
            where !named.reportIDs.contains(digits) {
            named.reportIDs.append(digits)
        }
        for digits in digitRuns(after: Array("\"seq\":".utf8), in: bytes, closedBy: nil) {
            if let seq = UInt64(digits) { named.maxSeq = max(named.maxSeq ?? 0, seq) }
        }
        return named
    }

    /// The 1–18 digits after each `marker` in `bytes` (followed by `closer` when one is given).
    private static func digitRuns(after marker: [UInt8], in bytes: [UInt8], closedBy closer: UInt8?) -> [String] {
        guard bytes.count > marker.count else { return [] }
        var runs: [String] = []
        var i = 0
        while i <= bytes.count - marker.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            let digits = bytes[(i + marker.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
            let closed = closer.map { digits.endIndex < bytes.count && bytes[digits.endIndex] == $0 } ?? true
            if (1...18).contains(digits.count), closed { runs.append(String(decoding: digits, as: UTF8.self)) }
            i = digits.endIndex
        }
        return runs
    }

    /// One registry line for `key`.
    /// `by`: who acknowledged it (operator and OS account), as every event records who did it.
    /// `named`: what a damaged line names (`report` holds the first id, as registries always did).
    static func line(key: String, description: String, atText: String, named: Named = Named(), by: String? = nil) -> [UInt8] {
        var line: [UInt8] = Array("{\"key\":".utf8)
        JSONStringEscaping.appendQuoted(key, to: &line)
        if let first = named.reportIDs.first {
            line += Array(",\"report\":".utf8)
            JSONStringEscaping.appendQuoted(first, to: &line)
        }
        if named.reportIDs.count > 1 {
            line += Array(",\"more_reports\":[".utf8)
            for (i, id) in named.reportIDs.dropFirst().enumerated() {
                if i > 0 { line.append(UInt8(ascii: ",")) }
                JSONStringEscaping.appendQuoted(id, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        }
        if let seq = named.maxSeq { line += Array(",\"seq\":\(seq)".utf8) }
        line += Array(",\"at\":".utf8)
        JSONStringEscaping.appendQuoted(atText, to: &line)
        if let by {
            line += Array(",\"by\":".utf8)
            JSONStringEscaping.appendQuoted(by, to: &line)
        }
        line += Array(",\"finding\":".utf8)
        JSONStringEscaping.appendQuoted(description, to: &line)
        line += Array("}\n".utf8)
        return line
    }
}
