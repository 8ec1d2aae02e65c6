import Foundation

/// Schema-aware decoder for one journal line (without its `\n`).
///
/// The envelope's keys come in a fixed order (only the encoder writes lines, and the checksum
/// protects them), so decoding is a single forward pass over raw bytes: no JSONDecoder, no
/// dictionaries. The payload is sliced out and structure-checked, never parsed into values.
enum EnvelopeDecoder {
    /// Why a line was rejected; `reason` is shown to operators as `FILE:LINE: reason`.
    struct Failure: Error, Equatable {
        var reason: String
    }

    static let trailerLength = 16

    /// Decodes and verifies `line`. With `verifyChecksum` false (lines verified earlier by this
    /// process) the CRC is skipped; everything else is still checked.
    static func decode(
        _ line: UnsafeBufferPointer<UInt8>, position: JournalPosition, verifyChecksum: Bool = true
    ) throws(Failure) -> JournalEntry {
        let prefixEnd = try checkTrailer(line, verifyChecksum: verifyChecksum)
        let prefix = UnsafeBufferPointer(rebasing: line[0..<prefixEnd])
        var cursor = Cursor(bytes: prefix)
        try cursor.literal("{\"v\":")
        let version = try cursor.unsignedInteger(field: "v")
        guard version == UInt64(EnvelopeEncoder.currentVersion) else {
            throw Failure(reason: "unsupported envelope version \(version)")
        }
        try cursor.literal(",\"seq\":")
        let seq = try cursor.unsignedInteger(field: "seq")
        guard seq > 0 else { throw Failure(reason: "field seq: must be at least 1") }
        try cursor.literal(",\"id\":")
        let eventID = try cursor.string(field: "id")
        try cursor.literal(",\"report\":")
        let reportID = try cursor.string(field: "report")
        try cursor.literal(",\"at\":")
        let atStart = cursor.index
        let atText = try cursor.string(field: "at")
        let (at, offset): (Date, Int)
        do {
            // Timestamps are plain ASCII; an escaped one fails here as malformed, which is right.
            (at, offset) = try JournalTimestamp.parse(UnsafeBufferPointer(rebasing: prefix[(atStart + 1)..<(cursor.index - 1)]))
        } catch {
            throw Failure(reason: "field at: \(error.reason)")
        }
        try cursor.literal(",\"actor\":{\"name\":")
        let name = try cursor.string(field: "actor.name")
        try cursor.literal(",\"role\":")
        let role = try cursor.string(field: "actor.role")
        try cursor.literal(",\"agency\":")
        let agency = try cursor.optionalString(field: "actor.agency")
        try cursor.literal(",\"unit\":")
        let unit = try cursor.optionalString(field: "actor.unit")
        try cursor.literal(",\"os\":")
        let osUser = try cursor.optionalString(field: "actor.os")
        try cursor.literal("},\"type\":")
        let type = try cursor.string(field: "type")
        try cursor.literal(",\"data\":")
        let payload = UnsafeBufferPointer(rebasing: prefix[cursor.index...])
        do {
            try JSONPayloadValidator.validateObject(payload)
        } catch {
            throw Failure(reason: "field data: \(error.reason) at byte \(cursor.index + error.offset)")
        }
        return JournalEntry(
            version: Int(version), seq: seq, eventID: eventID, reportID: reportID, at: at, atText: atText,
            utcOffsetSeconds: offset,
            actor: JournalActor(name: name, role: role, agency: agency, unit: unit, osUser: osUser),
            type: type, payload: Array(payload), position: position)
    }

    /// Checks the 16-byte trailer and (optionally) the checksum; returns where the prefix ends.
    static func checkTrailer(_ line: UnsafeBufferPointer<UInt8>, verifyChecksum: Bool) throws(Failure) -> Int {
        guard line.count > trailerLength + 2 else { throw Failure(reason: "line too short to be an event") }
        let prefixEnd = line.count - trailerLength
        let opening: StaticString = ",\"c\":\""
        for offset in 0..<6 where line[prefixEnd + offset] != opening.utf8Start[offset] {
            throw Failure(reason: "checksum trailer missing")
        }
        guard line[line.count - 2] == UInt8(ascii: "\""), line[line.count - 1] == UInt8(ascii: "}") else {
            throw Failure(reason: "checksum trailer missing")
        }
        var stored: UInt32 = 0
        for offset in 6..<14 {
            let byte = line[prefixEnd + offset]
            // Lowercase only: the encoder never writes uppercase, so anything else is damage.
            guard let digit = JSONStringScanner.hexValue(byte), !(UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            else { throw Failure(reason: "checksum is not 8 lowercase hex digits") }
            stored = stored << 4 | UInt32(digit)
        }
        if verifyChecksum {
            let actual = CRC32C.checksum(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[0..<prefixEnd])))
            guard actual == stored else {
                throw Failure(reason: "checksum mismatch (stored \(hex8(stored)), computed \(hex8(actual)))")
            }
        }
        return prefixEnd
    }

    static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func literal(_ text: StaticString) throws(Failure) {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { throw Failure(reason: "line ends early, expected \(text)") }
            let start = text.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                throw Failure(reason: "malformed envelope at byte \(index + offset), expected \(text)")
            }
            index += count
        }

        mutating func unsignedInteger(field: String) throws(Failure) -> UInt64 {
            let start = index
            var value: UInt64 = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[index] - 0x30))
                guard !overflow1, !overflow2 else { throw Failure(reason: "field \(field): number too large") }
                value = sum
                index += 1
            }
            guard index > start else { throw Failure(reason: "field \(field): number expected") }
            guard bytes[start] != UInt8(ascii: "0") || index - start == 1 else {
                throw Failure(reason: "field \(field): leading zero")
            }
            return value
        }

        mutating func string(field: String) throws(Failure) -> String {
            do {
                let (value, next) = try JSONStringScanner.scan(bytes, from: index)
                index = next
                return value
            } catch {
                throw Failure(reason: "field \(field): \(error.reason)")
            }
        }

        mutating func optionalString(field: String) throws(Failure) -> String? {
            if bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n") {
                try literal("null")
                return nil
            }
            return try string(field: field)
        }
    }
}
