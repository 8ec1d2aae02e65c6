import Complaints
import Foundation

/// Turns a `NewEntry` plus its sequence number into one complete journal line (with `\n`).
///
/// Layout: PREFIX + `,"c":"xxxxxxxx"}` + `\n`, where the checksum covers PREFIX, so the trailer is
/// always the last 16 bytes before the newline and the line remains valid JSON.
enum EnvelopeEncoder {
    static let currentVersion = 1

    /// `atText`, when given, is `entry.at` already formatted at `entry.utcOffsetSeconds` (a batch shares it).
    static func encode(_ entry: NewEntry, seq: UInt64, atText formatted: String? = nil) throws(JournalError) -> [UInt8] {
        guard !entry.eventID.isEmpty else { throw .invalidEntry(field: "id", reason: "event id is empty") }
        guard !entry.type.isEmpty else { throw .invalidEntry(field: "type", reason: "event type is empty") }
        guard !entry.actor.name.isEmpty else {
            throw .invalidEntry(field: "actor.name", reason: "actor name is empty")
        }
        let atText: String
        if let formatted {
            atText = formatted
        } else {
            do {
                atText = try JournalTimestamp.format(entry.at, utcOffsetSeconds: entry.utcOffsetSeconds)
            } catch {
                throw .invalidEntry(field: "at", reason: error.reason)
            }
        }
        let payload = try validatedPayload(entry.payload)

        var line: [UInt8] = []
        // Every part counted (unless it needs escapes), so the line is never copied into a larger buffer.
        let actor = entry.actor
        let optionals = (actor.agency?.utf8.count ?? 4) + (actor.unit?.utf8.count ?? 4) + (actor.osUser?.utf8.count ?? 4)
        line.reserveCapacity(
            192 + payload.count + entry.eventID.utf8.count + entry.reportID.utf8.count + atText.utf8.count
                + actor.name.utf8.count + actor.role.utf8.count + optionals + entry.type.utf8.count)
        func raw(_ text: StaticString) {
            line.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        raw("{\"v\":")
        DecimalDigits.append(UInt64(currentVersion), to: &line)
        raw(",\"seq\":")
        DecimalDigits.append(seq, to: &line)
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
        CRC32C.appendHexDigits(checksum, to: &line)
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

    /// A batch of prepared lines (each with its `\n`) and the entries they decode to, index for index
    /// (positions still unset).
    struct EncodedBatch {
        var lines: [[UInt8]]
        var entries: [JournalEntry]
    }

    /// Where `line` (an encoded line with its `\n`) sits once written at `offset` of its segment, with the
    /// checksum its trailer records. Nil only for bytes `encodeBatch` never produces.
    static func span(of line: [UInt8], at offset: Int) -> JournalLineSpan? {
        line.withUnsafeBufferPointer { b -> JournalLineSpan? in
            guard b.count > 1 else { return nil }
            let withoutNewline = UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)])
            guard let (_, stored) = try? EnvelopeDecoder.checkTrailer(withoutNewline, verifyChecksum: false) else { return nil }
            return JournalLineSpan(offset: offset, length: withoutNewline.count, checksum: stored)
        }
    }

    /// `encodeBatch` as one value per line (the in-memory journal and tests).
    static func encodeAll(_ newEntries: [NewEntry], firstSeq: UInt64) throws(JournalError) -> [EncodedLine] {
        let batch = try encodeBatch(newEntries, firstSeq: firstSeq)
        return zip(batch.lines, batch.entries).map { EncodedLine(bytes: $0, entry: $1) }
    }

    /// Encodes a batch before anything is written, so a bad entry never leaves half a batch, and
    /// decodes each line back so what is returned is exactly what a later read will see. Lines are
    /// independent (each one's seq is known up front), so a large batch is encoded on every core, each
    /// line and entry written straight into place; the first bad entry in batch order is the one
    /// reported. A batch usually shares one time: it is formatted once.
    static func encodeBatch(_ newEntries: [NewEntry], firstSeq: UInt64) throws(JournalError) -> EncodedBatch {
        let count = newEntries.count
        let shared = newEntries.first.flatMap { first in
            (try? JournalTimestamp.format(first.at, utcOffsetSeconds: first.utcOffsetSeconds))
                .map { (at: first.at, offset: first.utcOffsetSeconds, text: $0) }
        }
        @Sendable func atText(_ entry: NewEntry) -> String? {
            shared.flatMap { $0.at == entry.at && $0.offset == entry.utcOffsetSeconds ? $0.text : nil }
        }
        var lines: [[UInt8]] = []
        let entries = [JournalEntry](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = SharedSlots(base)
            lines = ParallelLines.contiguousMap(count: count, workers: ParallelLines.workers(lines: count)) { index in
                let entry = newEntries[index]
                switch encodeChecked(entry, seq: firstSeq + UInt64(index), atText: atText(entry), entry: count > 1 ? index + 1 : nil) {
                case let .success(line):
                    (slots.base + index).initialize(to: line.entry)
                    return line.bytes
                case .failure:
                    // An encoded line is never empty: an empty one marks the failure, found again below.
                    (slots.base + index).initialize(to: placeholder)
                    return []
                }
            }
            initialized = count
        }
        // The first bad entry in batch order, whichever worker met it first: encoded again for its error.
        if let bad = lines.firstIndex(where: \.isEmpty),
           case let .failure(error) = encodeChecked(newEntries[bad], seq: firstSeq + UInt64(bad), atText: atText(newEntries[bad]),
                                                    entry: count > 1 ? bad + 1 : nil) {
            throw error
        }
        return EncodedBatch(lines: lines, entries: entries)
    }

    /// Stands in for an entry that failed to encode (the batch is then refused as a whole).
    private static let placeholder = JournalEntry(
        version: currentVersion, seq: 0, eventID: "", reportID: "", at: Date(timeIntervalSince1970: 0), atText: "",
        utcOffsetSeconds: 0, actor: JournalActor(name: "", role: ""), type: "", payload: [],
        position: JournalPosition(segment: 0, line: 0))

    /// One line, encoded and decoded back; errors name the entry (1-based, when the batch has several).
    /// The decode skips what `encode` has just done on these very bytes (the checksum, the payload
    /// check) and proves the rest: the envelope reads back as the entry later reads will see.
    private static func encodeChecked(_ newEntry: NewEntry, seq: UInt64, atText: String?, entry: Int?)
        -> Result<EncodedLine, JournalError>
    {
        var label: String { entry.map { "entry \($0): " } ?? "" }
        let bytes: [UInt8]
        do {
            bytes = try encode(newEntry, seq: seq, atText: atText)
        } catch {
            if case let .invalidEntry(field, reason) = error { return .failure(.invalidEntry(field: label + field, reason: reason)) }
            return .failure(error)
        }
        let decoded: Result<JournalEntry, EnvelopeDecoder.Failure> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(EnvelopeDecoder.Failure) -> JournalEntry in
                try EnvelopeDecoder.decode(
                    UnsafeBufferPointer(rebasing: buffer.dropLast()), position: JournalPosition(segment: 0, line: 0),
                    verifyChecksum: false)
            }
        }
        switch decoded {
        case let .success(entry):
            return .success(EncodedLine(bytes: bytes, entry: entry))
        case let .failure(failure):
            return .failure(.invalidEntry(field: label + "line", reason: "encodes to an unreadable line: \(failure.reason)"))
        }
    }
}
