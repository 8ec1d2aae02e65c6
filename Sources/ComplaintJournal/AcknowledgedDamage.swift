import Foundation

/// Keys of findings an operator acknowledged with `check --repair`, stored one JSON object per line in
/// `quarantine/acknowledged.jsonl`, so later opens treat them as known rather than as new damage.
enum AcknowledgedDamage {
    static func damagedKey(file: String, byteOffset: Int, lineBytes: UnsafeBufferPointer<UInt8>) -> String {
        let crc = EnvelopeDecoder.hex8(CRC32C.checksum(UnsafeRawBufferPointer(lineBytes)))
        return "damaged \(file) \(byteOffset) \(crc)"
    }

    static func gapKey(file: String, line: Int, found: UInt64) -> String { "gap \(file) \(line) \(found)" }

    static func duplicateKey(file: String, line: Int, seq: UInt64) -> String { "duplicate \(file) \(line) \(seq)" }

    /// Loads the keys; a damaged registry line is ignored (it only makes findings show up again).
    static func load(from path: String) throws(JournalError) -> Set<String> {
        let bytes = try JournalFolder.read(path, from: 0)
        var keys = Set<String>()
        bytes.withUnsafeBufferPointer { buffer in
            LineSplitter.forEachLine(buffer) { line in
                let data = Data(buffer[line.start..<line.end])
                if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let key = object["key"] as? String
                {
                    keys.insert(key)
                }
                return true
            }
        }
        return keys
    }

    /// One registry line for `key`.
    static func line(key: String, description: String, atText: String) -> [UInt8] {
        var line: [UInt8] = Array("{\"key\":".utf8)
        JSONStringEscaping.appendQuoted(key, to: &line)
        line += Array(",\"at\":".utf8)
        JSONStringEscaping.appendQuoted(atText, to: &line)
        line += Array(",\"finding\":".utf8)
        JSONStringEscaping.appendQuoted(description, to: &line)
        line += Array("}\n".utf8)
        return line
    }
}
