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

    /// The tracking id a damaged line names, read leniently (its checksum failed, so nothing else is
    /// trusted): digits after `"report":"`, or nil. Only numeric ids matter: new ids are numbered after them.
    static func reportID(inDamaged bytes: [UInt8]) -> String? {
        let marker = Array(",\"report\":\"".utf8)
        guard bytes.count > marker.count,
              let start = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        let digits = bytes[(start + marker.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...18).contains(digits.count), digits.endIndex < bytes.count, bytes[digits.endIndex] == UInt8(ascii: "\"") else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// One registry line for `key`.
    /// `by`: who acknowledged it (operator and OS account), as every event records who did it.
    static func line(key: String, description: String, atText: String, reportID: String? = nil, by: String? = nil) -> [UInt8] {
        var line: [UInt8] = Array("{\"key\":".utf8)
        JSONStringEscaping.appendQuoted(key, to: &line)
        if let reportID {
            line += Array(",\"report\":".utf8)
            JSONStringEscaping.appendQuoted(reportID, to: &line)
        }
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
