import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Schema-aware decoder for one journal line (without its `\n`).
///
/// The envelope's keys come in a fixed order (only the encoder writes lines, and the checksum
/// protects them), so decoding is a single forward pass over raw bytes: no JSONDecoder, no
/// dictionaries. The payload is sliced out and structure-checked, never parsed into values.
enum EnvelopeDecoder {
    /// Why a line was rejected; `reason` is shown to operators as `FILE:LINE: reason`.
    struct Failure: Error, Equatable {
        var reason: String
        /// The line has its checksum trailer and the checksum does not match its bytes: a whole line that
        /// changed after it was written, not the end of a write cut short (see `JournalScanner.handleTail`).
        var checksumMismatch = false
        /// The line's checksum matched and something else is wrong (a newer envelope version, a bad field):
        /// a whole line as it was written, never the end of a write cut short.
        var checksumVerified = false
    }

    static let trailerLength = 16

    /// How much work a decode does.
    enum Mode {
        /// Checksum, structure, strings, timestamp and payload structure; builds the entry.
        case full
        /// The same checks without building anything: start-up verification of every line.
        case verifyOnly
        /// Builds the entry from a line this process already verified: no checksum, no payload check.
        case trusted
    }

    /// Decodes and verifies `line`. With `verifyChecksum` false (lines verified earlier by this
    /// process) the CRC is skipped; everything else is still checked. `lineOffset` (where the line starts
    /// in its segment file) gives the entry its `span`.
    static func decode(
        _ line: UnsafeBufferPointer<UInt8>, position: JournalPosition, verifyChecksum: Bool = true, lineOffset: Int? = nil
    ) throws(Failure) -> JournalEntry {
        let (_, built, _, checksum, _, _) = try walk(line, position: position, mode: verifyChecksum ? .full : .trusted, lean: nil)
        guard case var .entry(entry) = built else { throw Failure(reason: "internal: entry not built") }
        if let lineOffset { entry.span = JournalLineSpan(offset: lineOffset, length: line.count, checksum: checksum) }
        return entry
    }

    /// Decodes `line` for the start-up fold, which keeps no event ids or timestamp texts: those are checked,
    /// not built (a `FoldEntry` has neither), a `type` found in `typeNames` is that shared string, and the
    /// payload is not copied: it is `line[payloadStart..<payloadEnd]`. Nor is the actor built: it is the
    /// object `line[actor]`, checked, for the fold to share one decoded actor among the many lines that
    /// carry the same bytes (`actor(fromObject:)`).
    /// Saves up to nine allocations per line of a million-line start-up.
    ///
    /// With `checkPayload` false the payload is only seen to be braced: the caller parses it anyway and
    /// checks it with `checkPayload(_:payloadStart:)` unless its own parse proved it (see `ScanFold`).
    ///
    /// `knownActor`: the actor when the `actor` object's bytes are ones this thread already decoded
    /// (`ActorSpanCache`); the object was then not checked again, its bytes being those of a checked one.
    ///
    /// With the checksum verified and `checkPayload` false (the start-up fold), a line as the encoder writes
    /// it whose actor this thread knows takes `foldFastPath` instead (the same parts); any other line, every
    /// other call, and every call with `fastPath` false (tests), the general walk.
    static func decodeForFold(
        _ line: UnsafeBufferPointer<UInt8>, position: JournalPosition, verifyChecksum: Bool, typeNames: [String],
        checkPayload: Bool = true, fastPath: Bool = true
    ) throws(Failure) -> FoldParts {
        var trailer: (prefixEnd: Int, stored: UInt32)?
        if fastPath, verifyChecksum, !checkPayload, let checked = try? checkTrailer(line, verifyChecksum: true) {
            if let parts = foldFastPath(line, prefixEnd: checked.prefixEnd, checksum: checked.stored, position: position,
                                        typeNames: typeNames) {
                return parts
            }
            trailer = checked
        }
        let (_, built, payloadStart, checksum, actor, knownActor) = try walk(
            line, position: position, mode: verifyChecksum ? .full : .trusted, lean: typeNames, checkPayload: checkPayload,
            trailer: trailer)
        guard case let .lean(entry) = built else { throw Failure(reason: "internal: entry not built") }
        // A tuple, not a struct: the entry is moved out of it, where a struct's field was copied (its
        // strings retained and released once more per line).
        return (entry, checksum, payloadStart,
                LineParts(payload: UnsafeBufferPointer(rebasing: line[payloadStart..<(line.count - trailerLength)]),
                          actor: UnsafeBufferPointer(rebasing: line[actor]), knownActor: knownActor))
    }

    /// What `decodeForFold` finds on a line: the entry, the checksum its trailer records, where the payload
    /// starts in the line (for a problem's byte position), and the payload and actor object (`LineParts`).
    typealias FoldParts = (entry: FoldEntry, checksum: UInt32, payloadStart: Int, parts: LineParts)

    /// What `walk` built: a whole entry, or (given the fold's type names) the fold's lean one.
    private enum Built {
        case entry(JournalEntry)
        case lean(FoldEntry)
    }

    /// The actor of an `actor` object as `decodeForFold` hands it out (already checked as part of its line).
    static func actor(fromObject object: UnsafeBufferPointer<UInt8>) throws(Failure) -> JournalActor {
        var cursor = Cursor(bytes: object, materialize: true)
        let actor = try cursor.actor(build: true)
        guard cursor.index == object.count else { throw Failure(reason: "field actor: unexpected bytes after the object") }
        return actor ?? JournalActor(name: "", role: "")
    }

    /// The sequence number at the start of a line (`{"v":1,"seq":N,`), without checking the rest; nil when the
    /// line does not start so.
    static func sequenceNumber(_ line: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let head: StaticString = "{\"v\":1,\"seq\":"
        let count = head.utf8CodeUnitCount
        guard line.count > count, let base = line.baseAddress, memcmp(base, head.utf8Start, count) == 0 else { return nil }
        var value: UInt64 = 0
        var index = count
        while index < line.count, line[index] >= 0x30, line[index] <= 0x39, index - count < 19 {
            value = value * 10 + UInt64(line[index] - 0x30)
            index += 1
        }
        return index > count && index < line.count && line[index] == UInt8(ascii: ",") ? value : nil
    }

    /// Verifies `line` completely and returns its sequence number, allocating nothing.
    static func verify(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> UInt64 {
        try walk(line, position: JournalPosition(segment: 0, line: 0), mode: .verifyOnly, lean: nil).0
    }

    /// The payload check `walk` skipped for `decodeForFold(checkPayload: false)`, failing as `walk` would
    /// have: `payload` is the line's payload, which starts at byte `payloadStart` of its line.
    static func checkPayload(_ payload: UnsafeBufferPointer<UInt8>, payloadStart: Int) throws(Failure) {
        do {
            try JSONPayloadValidator.validateObject(payload)
        } catch {
            throw Failure(reason: "field data: \(error.reason) at byte \(payloadStart + error.offset)")
        }
    }

    /// As `checkPayload`, for a line whose checksum matched (the folding scan checks after the walk).
    static func checkPayloadOfVerifiedLine(_ payload: UnsafeBufferPointer<UInt8>, payloadStart: Int) throws(Failure) {
        do throws(Failure) {
            try checkPayload(payload, payloadStart: payloadStart)
        } catch {
            var failure = error
            failure.checksumVerified = true
            throw failure
        }
    }

    /// `lean` (the known type names) builds the entry `decodeForFold` describes.
    ///
    /// Inlined (with `walkEnvelope`) into each caller, so the fold's copy knows it is lean and builds no
    /// `Built` enum, no optional strings it then releases, no tuple it copies out of: a tenth of the
    /// decoding workers' instructions at start-up (callgrind, 20,000-report desk: 719 → 646 M).
    ///
    /// `trailer`: what `checkTrailer` found on this line already (the fold's fast path checked it first).
    @inline(__always) private static func walk(
        _ line: UnsafeBufferPointer<UInt8>, position: JournalPosition, mode: Mode, lean typeNames: [String]?,
        checkPayload: Bool = true, trailer: (prefixEnd: Int, stored: UInt32)? = nil
    ) throws(Failure) -> (UInt64, Built?, Int, UInt32, Range<Int>, ActorRef?) {
        let prefixEnd: Int, checksum: UInt32
        if let trailer { (prefixEnd, checksum) = trailer } else { (prefixEnd, checksum) = try checkTrailer(line, verifyChecksum: mode != .trusted) }
        do throws(Failure) {
            return try walkEnvelope(line, prefixEnd: prefixEnd, checksum: checksum, position: position, mode: mode, lean: typeNames,
                                    checkPayload: checkPayload)
        } catch {
            var failure = error
            failure.checksumVerified = mode != .trusted
            throw failure
        }
    }

    /// `walk` after the trailer: the envelope's fields and the payload.
    @inline(__always) private static func walkEnvelope(
        _ line: UnsafeBufferPointer<UInt8>, prefixEnd: Int, checksum: UInt32, position: JournalPosition, mode: Mode,
        lean typeNames: [String]?, checkPayload: Bool
    ) throws(Failure) -> (UInt64, Built?, Int, UInt32, Range<Int>, ActorRef?) {
        let materialize = mode != .verifyOnly
        let prefix = UnsafeBufferPointer(rebasing: line[0..<prefixEnd])
        var cursor = Cursor(bytes: prefix, materialize: materialize)
        try cursor.literal("{\"v\":")
        let version = try cursor.unsignedInteger(field: "v")
        guard version == UInt64(EnvelopeEncoder.currentVersion) else {
            throw Failure(reason: "unsupported envelope version \(version)")
        }
        try cursor.literal(",\"seq\":")
        let seq = try cursor.unsignedInteger(field: "seq")
        guard seq > 0 else { throw Failure(reason: "field seq: must be at least 1") }
        try cursor.literal(",\"id\":")
        // The fold (`typeNames` given) keeps no event id or timestamp text, and takes `type` from its names.
        let lean = typeNames != nil
        let eventID = try cursor.string(field: "id", build: !lean)
        try cursor.literal(",\"report\":")
        let reportID = try cursor.string(field: "report")
        try cursor.literal(",\"at\":")
        let atStart = cursor.index
        let atText = try cursor.string(field: "at", build: !lean)
        let (at, offset): (Date, Int)
        do {
            // Timestamps are plain ASCII; an escaped one fails here as malformed, which is right.
            (at, offset) = try JournalTimestamp.parse(UnsafeBufferPointer(rebasing: prefix[(atStart + 1)..<(cursor.index - 1)]))
        } catch {
            throw Failure(reason: "field at: \(error.reason)")
        }
        try cursor.literal(",\"actor\":")
        let actorStart = cursor.index
        var actor: JournalActor?
        var knownActor: ActorRef?
        // The fold: an actor object whose bytes this thread already decoded is that actor, checked then (a
        // million lines carry a few hundred actors; checking each object's five strings again was 5 % of a
        // cold start). Any other object is checked here as before.
        if lean, let end = Self.actorObjectEnd(prefix, from: actorStart),
           let known = ActorSpanCache.cached(UnsafeBufferPointer(rebasing: prefix[actorStart..<end])) {
            knownActor = known
            cursor.index = end
        } else {
            actor = try cursor.actor(build: !lean)
        }
        let actorEnd = cursor.index
        try cursor.literal(",\"type\":")
        let typeStart = cursor.index
        var type = try cursor.string(field: "type", build: !lean)
        var kind: EventKind?
        if let typeNames {
            let (known, knownKind) = EnvelopeDecoder.named(UnsafeBufferPointer(rebasing: prefix[typeStart..<cursor.index]), among: typeNames)
            kind = knownKind
            if let known {
                type = known
            } else {
                var again = Cursor(bytes: prefix, materialize: true, index: typeStart)
                type = try again.string(field: "type")
            }
        }
        try cursor.literal(",\"data\":")
        let payload = UnsafeBufferPointer(rebasing: prefix[cursor.index...])
        // The payload check allows spaces and tabs around the object (another tool may write them).
        let braced = { () -> Bool in
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = payload.firstIndex(where: { !blank($0) }), let last = payload.lastIndex(where: { !blank($0) }) else { return false }
            return payload[first] == UInt8(ascii: "{") && payload[last] == UInt8(ascii: "}")
        }()
        if mode == .trusted {
            guard braced else { throw Failure(reason: "field data: not an object") }
        } else if checkPayload || !braced {
            try EnvelopeDecoder.checkPayload(payload, payloadStart: cursor.index)
        }
        guard materialize else { return (seq, nil, 0, checksum, actorStart..<actorEnd, nil) }
        let payloadStart = prefixEnd - payload.count
        if lean {
            let entry = FoldEntry(seq: seq, reportID: reportID ?? "", at: at, type: type ?? "", position: position, kind: kind)
            return (seq, .lean(entry), payloadStart, checksum, actorStart..<actorEnd, knownActor)
        }
        let entry = JournalEntry(
            version: Int(version), seq: seq, eventID: eventID ?? "", reportID: reportID ?? "", at: at,
            atText: atText ?? "", utcOffsetSeconds: offset,
            actor: actor ?? JournalActor(name: "", role: ""),
            type: type ?? "", payload: Array(payload), position: position)
        return (seq, .entry(entry), payloadStart, checksum, actorStart..<actorEnd, knownActor)
    }

    /// One past the `}` that ends the `actor` object starting at `start`, if it is followed by `,"type":`:
    /// those bytes cannot occur inside a JSON string (the quote would be escaped), and an actor object has no
    /// other `}` outside its strings, so the first of them ends the object whenever the object is valid.
    static func actorObjectEnd(_ prefix: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let marker: StaticString = "},\"type\":"
        let m = marker.utf8CodeUnitCount
        guard let base = prefix.baseAddress else { return nil }
        var at = start
        while prefix.count - at >= m, let raw = memchr(base + at, Int32(UInt8(ascii: "}")), prefix.count - at - m + 1) {
            let hit = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + hit, marker.utf8Start, m) == 0 { return hit + 1 }
            at = hit + 1
        }
        return nil
    }

    /// The event kind written as `quoted` (a plain string, no escapes), and the name in `names` with those
    /// bytes, without building a string. The fold's names are `DomainEvent.typeNames`, in `EventKind`'s
    /// order, so the kind's own slot is tried first; any other list is searched.
    private static func named(_ quoted: UnsafeBufferPointer<UInt8>, among names: [String]) -> (String?, EventKind?) {
        guard quoted.count >= 2, let base = quoted.baseAddress else { return (nil, nil) }
        let kind = EventKind(typeBytes: UnsafeBufferPointer(start: base + 1, count: quoted.count - 2))
        if let kind, kind.rawValue < names.count {
            var name = names[kind.rawValue]
            let same = name.withUTF8 { n in
                n.count == quoted.count - 2 && n.baseAddress.map { memcmp($0, base + 1, n.count) == 0 } == true
            }
            if same { return (name, kind) }
        }
        return (shared(quoted, among: names), kind)
    }

    /// The name in `names` whose quoted form is `quoted` (a plain string, no escapes), without building one.
    private static func shared(_ quoted: UnsafeBufferPointer<UInt8>, among names: [String]) -> String? {
        guard quoted.count >= 2, let base = quoted.baseAddress else { return nil }
        let count = quoted.count - 2
        for name in names where name.utf8.count == count {
            let same = name.utf8.withContiguousStorageIfAvailable { n in n.baseAddress.map { memcmp($0, base + 1, count) == 0 } }
            if same == .some(.some(true)) { return name }
        }
        return nil
    }

    /// Checks the 16-byte trailer and (optionally) the checksum; returns where the prefix ends and the
    /// checksum the line records.
    static func checkTrailer(_ line: UnsafeBufferPointer<UInt8>, verifyChecksum: Bool) throws(Failure)
        -> (prefixEnd: Int, stored: UInt32)
    {
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
                throw Failure(reason: "checksum mismatch (stored \(hex8(stored)), computed \(hex8(actual)))", checksumMismatch: true)
            }
        }
        return (prefixEnd, stored)
    }

    /// The checksum the trailer of a line records, read without any check: only for a line already
    /// verified (the scan's digest of applied lines, `JournalResumePoint.Segment.digest`), where parsing
    /// the trailer again with `checkTrailer` cost a tenth of the fold's thread.
    static func recordedChecksum(ofVerified line: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard line.count >= trailerLength, let base = line.baseAddress else { return 0 }
        let digits = base + (line.count - 10)
        var value: UInt32 = 0
        for k in 0..<8 {
            let c = UInt32(digits[k])
            value = value << 4 | (c <= 0x39 ? c &- 0x30 : c &- 0x57)
        }
        return value
    }

    static func hex8(_ value: UInt32) -> String { String(decoding: CRC32C.hexDigits(value), as: UTF8.self) }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        /// When false, strings are validated but not built.
        let materialize: Bool
        var index = 0

        // Inlined: each call site's key is then a constant, and the comparison a few loads instead of a call.
        @inline(__always) mutating func literal(_ text: StaticString) throws(Failure) {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { throw Failure(reason: "line ends early, expected \(text)") }
            if let base = bytes.baseAddress, memcmp(base + index, text.utf8Start, count) == 0 {
                index += count
                return
            }
            let start = text.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                throw Failure(reason: "malformed envelope at byte \(index + offset), expected \(text)")
            }
            index += count
        }

        mutating func unsignedInteger(field: StaticString) throws(Failure) -> UInt64 {
            let start = index
            var value: UInt64 = 0
            // Up to 19 digits cannot overflow (UInt64 holds 1.8e19): read them without the per-digit checks
            // (every line has two numbers; the checked loop was 1.6 % of a cold start's instructions), then
            // go on checked should more digits follow.
            if let base = bytes.baseAddress {
                let end = min(bytes.count, start + 19)
                while index < end {
                    let digit = base[index] &- 0x30
                    guard digit <= 9 else { break }
                    value = value &* 10 &+ UInt64(digit)
                    index += 1
                }
            }
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

        /// The string value (nil when not materialising, or when `build` is false: checked, not built).
        mutating func string(field: StaticString, build: Bool = true) throws(Failure) -> String? {
            do {
                let (value, next) = try JSONStringScanner.scan(bytes, from: index, materialize: materialize && build)
                index = next
                return build ? value : nil
            } catch {
                throw Failure(reason: "field \(field): \(error.reason)")
            }
        }

        /// The `actor` object, its strings checked; built only when materialising and `build` is set.
        mutating func actor(build: Bool) throws(Failure) -> JournalActor? {
            try literal("{\"name\":")
            let name = try string(field: "actor.name", build: build)
            try literal(",\"role\":")
            let role = try string(field: "actor.role", build: build)
            try literal(",\"agency\":")
            let agency = try optionalString(field: "actor.agency", build: build)
            try literal(",\"unit\":")
            let unit = try optionalString(field: "actor.unit", build: build)
            try literal(",\"os\":")
            let osUser = try optionalString(field: "actor.os", build: build)
            try literal("}")
            guard let name, let role else { return nil }
            return JournalActor(name: name, role: role, agency: agency ?? nil, unit: unit ?? nil, osUser: osUser ?? nil)
        }

        /// `.some(nil)` for JSON null; nil when not materialising.
        mutating func optionalString(field: StaticString, build: Bool = true) throws(Failure) -> String?? {
            if bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n") {
                try literal("null")
                return .some(nil)
            }
            guard let value = try string(field: field, build: build) else { return nil }
            return .some(value)
        }
    }
}
