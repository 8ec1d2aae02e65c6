/// Turns a `NewEntry` plus its sequence number into one complete journal line (with `\n`).
///
/// Layout: PREFIX + `,"c":"xxxxxxxx"}` + `\n`, where the checksum covers PREFIX, so the trailer is
/// always the last 16 bytes before the newline and the line remains valid JSON.
enum EnvelopeEncoder {
    static let currentVersion = 1

    static func encode(_ entry: NewEntry, seq: UInt64) throws(JournalError) -> [UInt8] {
        guard !entry.eventID.isEmpty else { throw .invalidEntry(field: "id", reason: "event id is empty") }
        guard !entry.type.isEmpty else { throw .invalidEntry(field: "type", reason: "event type is empty") }
        guard !entry.actor.name.isEmpty else {
            throw .invalidEntry(field: "actor.name", reason: "actor name is empty")
        }
        let atText: String
        do {
            atText = try JournalTimestamp.format(entry.at, utcOffsetSeconds: entry.utcOffsetSeconds)
        } catch {
            throw .invalidEntry(field: "at", reason: error.reason)
        }
        let payload = try validatedPayload(entry.payload)

        var line: [UInt8] = []
        line.reserveCapacity(160 + payload.count + entry.eventID.utf8.count + entry.reportID.utf8.count)
        func raw(_ text: StaticString) {
            line.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        raw("{\"v\":")
        line.append(contentsOf: String(currentVersion).utf8)
        raw(",\"seq\":")
        line.append(contentsOf: String(seq).utf8)
        raw(",\"id\":")
        JSONStringEscaping.appendQuoted(entry.eventID, to: &line)
        raw(",\"report\":")
        JSONStringEscaping.appendQuoted(entry.reportID, to: &line)
        raw(",\"at\":")
        JSONStringEscaping.appendQuoted(atText, to: &line)
        raw(",\"actor\":{\"name\":")
        JSONStringEscaping.appendQuoted(entry.actor.name, to: &line)
        raw(",\"role\":")
        JSONStringEscaping.appendQuoted(entry.actor.role, to: &line)
        raw(",\"agency\":")
        JSONStringEscaping.appendOptional(entry.actor.agency, to: &line)
        raw(",\"unit\":")
        JSONStringEscaping.appendOptional(entry.actor.unit, to: &line)
        raw(",\"os\":")
        JSONStringEscaping.appendOptional(entry.actor.osUser, to: &line)
        raw("},\"type\":")
        JSONStringEscaping.appendQuoted(entry.type, to: &line)
        raw(",\"data\":")
        line.append(contentsOf: payload)
        let checksum = CRC32C.checksum(line)
        raw(",\"c\":\"")
        line.append(contentsOf: CRC32C.hexDigits(checksum))
        raw("\"}\n")
        return line
    }

    /// The payload without surrounding spaces or tabs, after a strict check that it is one object.
    static func validatedPayload(_ payload: [UInt8]) throws(JournalError) -> ArraySlice<UInt8> {
        var start = payload.startIndex
        var end = payload.endIndex
        while start < end, payload[start] == 0x20 || payload[start] == 0x09 { start += 1 }
        while end > start, payload[end - 1] == 0x20 || payload[end - 1] == 0x09 { end -= 1 }
        let trimmed = payload[start..<end]
        let failure: JSONPayloadValidator.Failure? = trimmed.withUnsafeBufferPointer { buffer -> JSONPayloadValidator.Failure? in
            do throws(JSONPayloadValidator.Failure) {
                try JSONPayloadValidator.validateObject(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            throw .invalidEntry(field: "data", reason: "\(failure.reason) at byte \(failure.offset)")
        }
        return trimmed
    }

    /// A prepared line and the entry it decodes to (position still unset).
    struct EncodedLine {
        var bytes: [UInt8]
        var entry: JournalEntry
    }

    /// Encodes a batch before anything is written, so a bad entry never leaves half a batch, and
    /// decodes each line back so what is returned is exactly what a later read will see.
    static func encodeAll(_ newEntries: [NewEntry], firstSeq: UInt64) throws(JournalError) -> [EncodedLine] {
        var lines: [EncodedLine] = []
        lines.reserveCapacity(newEntries.count)
        for (index, newEntry) in newEntries.enumerated() {
            let label = newEntries.count > 1 ? "entry \(index + 1): " : ""
            let bytes: [UInt8]
            do {
                bytes = try encode(newEntry, seq: firstSeq + UInt64(index))
            } catch {
                if case let .invalidEntry(field, reason) = error { throw .invalidEntry(field: label + field, reason: reason) }
                throw error
            }
            let decoded: Result<JournalEntry, EnvelopeDecoder.Failure> = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(EnvelopeDecoder.Failure) -> JournalEntry in
                    try EnvelopeDecoder.decode(
                        UnsafeBufferPointer(rebasing: buffer.dropLast()), position: JournalPosition(segment: 0, line: 0))
                }
            }
            switch decoded {
            case let .success(entry):
                lines.append(EncodedLine(bytes: bytes, entry: entry))
            case let .failure(failure):
                throw .invalidEntry(field: label + "line", reason: "encodes to an unreadable line: \(failure.reason)")
            }
        }
        return lines
    }
}
