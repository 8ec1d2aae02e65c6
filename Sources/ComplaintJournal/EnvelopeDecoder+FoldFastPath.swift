import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EnvelopeDecoder {
    /// `decodeForFold`'s parts of a line laid out exactly as `EnvelopeEncoder` writes it, read by position
    /// with raw pointers; nil for any other line, which the general walk then reads (and names the problem
    /// of). A cold start's fold meets almost only such lines (all but the first of each actor on each
    /// decoding thread), and the general walk (a cursor, a scan and a typed error per field) spent about
    /// three thousand instructions on each envelope. Only the fold's decode takes it (`decodeForFold` with
    /// the checksum verified and the payload left to its decoder), not the snapshot start's later lines.
    ///
    /// It takes only what the walk accepts and returns the same parts (`FoldFastPathTests`): plain ASCII
    /// strings without escapes (the walk's scan accepts those as they are); a timestamp in the encoder's
    /// own layout, read by `JournalTimestamp.parseAsWritten`, which checks every one of its bytes (so none
    /// is a quote, and the string ends where the layout does); an actor this thread already decoded
    /// (`ActorSpanCache`); a type named in `DomainEvent.typeNames` itself, at its kind's place; a payload
    /// braced without blanks. `prefixEnd` and `checksum` come from `checkTrailer`, already run.
    static func foldFastPath(
        _ line: UnsafeBufferPointer<UInt8>, prefixEnd end: Int, checksum: UInt32, position: JournalPosition, typeNames: [String]
    ) -> FoldParts? {
        guard EnvelopeEncoder.currentVersion == 1, let p = line.baseAddress, end <= line.count else { return nil }
        var i = 0
        // The fixed text between fields, compared at once (its bytes are constants).
        func literal(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard end - i >= n, memcmp(p + i, text.utf8Start, n) == 0 else { return false }
            i += n
            return true
        }
        // A string from `i` (after its opening quote) to its closing quote, with no escape, control byte or
        // byte above ASCII: the index of the closing quote.
        func plainString() -> Int? {
            var high: UInt64 = 0
            let stop = ByteScan.nextStringSpecial(p, from: i, count: end, highBits: &high)
            guard stop < end, p[stop] == UInt8(ascii: "\""), high == 0 else { return nil }
            return stop
        }

        guard literal("{\"v\":1,\"seq\":") else { return nil }
        // Up to 18 digits (the walk reads 19 unchecked; 18 keeps this loop's bound simple), no leading zero,
        // at least 1; longer numbers take the general walk.
        let seqStart = i
        var seq: UInt64 = 0
        while i < end, i - seqStart < 19 {
            let digit = p[i] &- 0x30
            guard digit <= 9 else { break }
            seq = seq &* 10 &+ UInt64(digit)
            i += 1
        }
        guard i > seqStart, i - seqStart < 19, p[seqStart] != UInt8(ascii: "0"), literal(",\"id\":\""),
              let idEnd = plainString() else { return nil }
        i = idEnd + 1
        guard literal(",\"report\":\""), let reportEnd = plainString() else { return nil }
        let reportID = ByteScan.string(UnsafeBufferPointer(start: p + i, count: reportEnd - i))
        i = reportEnd + 1
        guard literal(",\"at\":\"") else { return nil }
        // The encoder's layout with milliseconds (29 bytes), or without (25).
        func timestamp(_ length: Int) -> Date? {
            guard end - i > length, p[i + length] == UInt8(ascii: "\""),
                  let (instant, _) = JournalTimestamp.parseAsWritten(UnsafeBufferPointer(start: p + i, count: length)) else { return nil }
            i += length + 1
            return instant
        }
        guard let at = timestamp(29) ?? timestamp(25), literal(",\"actor\":") else { return nil }
        let prefix = UnsafeBufferPointer(start: p, count: end)
        let actorStart = i
        guard let actorEnd = actorObjectEnd(prefix, from: actorStart),
              let known = ActorSpanCache.cached(UnsafeBufferPointer(rebasing: prefix[actorStart..<actorEnd])) else { return nil }
        i = actorEnd
        guard literal(",\"type\":\""), let typeEnd = plainString(),
              let kind = EventKind(typeBytes: UnsafeBufferPointer(start: p + i, count: typeEnd - i)),
              sameList(typeNames, DomainEvent.typeNames), kind.rawValue < typeNames.count else { return nil }
        i = typeEnd + 1
        guard literal(",\"data\":") else { return nil }
        let payloadStart = i
        guard end - payloadStart >= 2, p[payloadStart] == UInt8(ascii: "{"), p[end - 1] == UInt8(ascii: "}") else { return nil }
        let entry = FoldEntry(seq: seq, reportID: reportID, at: at, type: typeNames[kind.rawValue], position: position, kind: kind)
        return (entry, checksum, payloadStart,
                LineParts(payload: UnsafeBufferPointer(rebasing: line[payloadStart..<end]),
                          actor: UnsafeBufferPointer(rebasing: line[actorStart..<actorEnd]), knownActor: known))
    }

    /// Whether two arrays share their storage (the fold hands out `DomainEvent.typeNames` itself): the kind's
    /// own name is then at its place, with no string compared.
    private static func sameList(_ a: [String], _ b: [String]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
    }
}
