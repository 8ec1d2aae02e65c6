import Foundation

/// An event's payload read straight from its bytes, when it is laid out exactly as this program writes it
/// (`EventPayloadBytes`): members in that order, no whitespace, no `null`, no attachments and no intake
/// `extra` members. Start-up reads a million payloads, and building a tape of nodes for each, then
/// searching the tape's members, was about a seventh of a cold start's instructions.
///
/// Anything else (another order, a space, an unknown member, a value of the wrong kind, a missing one,
/// a rare event type) makes `read` answer nil, and the tape reads the payload with every rule and
/// message. What `read` accepts, the tape accepts too and reads to the same event: strings are checked by
/// the tape's own `PayloadTape.scanString`, decoded by `decodeString`, and words shared by
/// `PayloadTape.word` (`WrittenPayloadReaderTests` compare both on written, hostile and damaged payloads).
struct WrittenPayloadReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The event of kind `kind` in `payload`, or nil when the tape must read it. With `origin`, a long
    /// report body is left in the journal by the rule the tape's reader follows.
    static func read(_ kind: EventKind, _ payload: UnsafeBufferPointer<UInt8>, origin: PayloadOrigin?) -> DomainEvent? {
        var reader = WrittenPayloadReader(payload)
        guard let event = reader.event(kind, origin: origin), reader.i == payload.count else { return nil }
        return event
    }

    // MARK: - Objects and members

    /// The member `name` (its opening, `"name":`) next in an object read in straight-line code, after a
    /// comma unless it is the object's first: consumed, and `first` cleared, when it is there; otherwise
    /// nothing is consumed. An object is read by looking for each of its members in the written order, one
    /// after another in straight-line code: that accepts members in that order, each at most once, comma-
    /// separated; a member out of order, repeated or unknown is left before the closing brace, which the
    /// caller then does not find, and the tape reads the payload. (A member search in a loop, calling a
    /// closure for each value, was about a third of an intake's instructions.)
    @inline(__always)
    mutating func opens(_ name: StaticString, _ first: inout Bool) -> Bool {
        let start = i
        guard first || literal(","), literal(name) else {
            i = start
            return false
        }
        first = false
        return true
    }

    // MARK: - Values

    /// A string value: where it is (quotes included) and whether it holds an escape.
    struct Text {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    mutating func text() -> Text? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let start = i
        guard let escaped = PayloadTape.scanString(bytes, &i) else { return nil }
        return Text(start: start, end: i, escaped: escaped)
    }

    func inner(_ t: Text) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(t.start + 1)..<(t.end - 1)])
    }

    func decode(_ t: Text) -> String { PayloadTape.decodeString(inner(t), escaped: t.escaped) }

    mutating func string() -> String? { text().map(decode) }

    mutating func word() -> String? {
        guard let t = text() else { return nil }
        return PayloadTape.word(inner(t), escaped: t.escaped)
    }

    /// A case of `E` written as its plain raw value.
    mutating func enumValue<E>(_ names: CaseNames<E>) -> E? {
        guard let t = text(), !t.escaped else { return nil }
        return names.find(inner(t))
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// An array of strings, each read by `item`.
    mutating func array<T>(_ item: (inout WrittenPayloadReader) -> T?) -> [T]? {
        guard literal("[") else { return nil }
        var out: [T] = []
        if literal("]") { return out }
        repeat {
            guard let x = item(&self) else { return nil }
            out.append(x)
        } while literal(",")
        return literal("]") ? out : nil
    }

    /// Consumes `text` when the bytes at `i` are exactly it.
    mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard bytes.count - i >= n, let base = bytes.baseAddress else { return false }
        if n == 1 {
            guard base[i] == text.utf8Start.pointee else { return false }
        } else if memcmp(base + i, text.utf8Start, n) != 0 {
            return false
        }
        i += n
        return true
    }
}
