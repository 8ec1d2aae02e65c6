import Foundation

/// Turns domain events into the journal's `type` + `data` JSON object and back. Pure: no files.
///
/// Written by hand over `JSONValue` rather than with Foundation's coders: start-up folds every event of
/// the journal, and a schema-aware mapping is many times faster. Decoding checks that every key a type
/// needs is present and well typed, so a damaged or foreign event is refused with the field's name.
public enum EventCodec {
    public struct DecodeError: Error, CustomStringConvertible, Equatable {
        public var type: String
        public var field: String?
        public var reason: String
        public var description: String {
            if let field { return "\(type): \(field): \(reason)" }
            return "\(type): \(reason)"
        }
    }

    /// JSON bytes of the `data` object for `event`; times are written in the zone `offsetSeconds`.
    /// Written straight into bytes (`EventPayloadBytes`): a bulk import encodes one payload per report.
    public static func encode(_ event: DomainEvent, offsetSeconds: Int = 7 * 3600) -> [UInt8] {
        encodeLocatingBody(event, offsetSeconds: offsetSeconds).payload
    }

    /// As `encode`, also saying where a receipt's body string is in the payload (quotes included): a bulk
    /// import then leaves the body of each report it has just written in the journal, as a later start-up
    /// would (`Intake.leaveBody`), without decoding the payload it has just encoded.
    public static func encodeLocatingBody(_ event: DomainEvent, offsetSeconds: Int = 7 * 3600) -> (payload: [UInt8], body: Range<Int>?) {
        var writer = EventPayloadBytes(offset: offsetSeconds, capacity: estimatedSize(event))
        writer.write(event)
        return (writer.out, writer.bodySpan)
    }

    /// Bytes the payload of `event` will take unless its text needs escapes: room reserved up front, so
    /// the payload of a long report is not copied into a larger buffer twice while it is written, and the
    /// size an import checks against the journal's line limit.
    /// Bytes `s` takes as the journal writes it: escapes make a bidi control 6 bytes instead of 3 (QA: a body
    /// of them fitted the limit as read, and its intake export was then refused by `import`). Only text long
    /// enough to matter is written out to count.
    private static func written(_ s: String?) -> Int {
        guard let s else { return 0 }
        let plain = s.utf8.count
        guard plain > 256 << 10 else { return plain }
        var out: [UInt8] = []
        out.reserveCapacity(plain + plain / 8)
        JSONStringWriter.appendQuoted(s, to: &out)
        return out.count - 2
    }

    public static func estimatedSize(_ event: DomainEvent) -> Int {
        guard case let .received(i) = event else { return 256 }
        func length(_ s: String?) -> Int { s?.utf8.count ?? 0 }
        let l = i.location, r = i.reporter
        var n = 480 + written(i.body) + written(i.title) + length(i.externalID) + length(i.category) + length(i.subcategory)
        n += length(i.incidentDate) + length(i.agency) + length(l.province) + length(l.regency) + length(l.district)
        n += length(l.detail) + length(r.name) + length(r.nik) + length(r.phone) + length(r.email) + 16 * r.groups.count
        n += i.attachments.reduce(0) { $0 + 24 + $1.name.utf8.count + length($1.ref) }
        n += i.tags.reduce(0) { $0 + 3 + $1.utf8.count }
        n += i.extra.reduce(0) { $0 + 6 + $1.key.utf8.count + $1.value.utf8.count }
        return n
    }

    /// Decodes the `data` object of an event of `type`. Start-up calls this for every line: the payload is
    /// read through a `PayloadTape` (no tree); only a payload the tape refuses is parsed again as a
    /// `JSONValue`, which names the problem exactly as before.
    public static func decode(type: String, payload: [UInt8]) throws(DecodeError) -> DomainEvent {
        try payload.withUnsafeBufferPointer { buffer throws(DecodeError) in try decode(type: type, payloadBytes: buffer) }
    }

    /// As above, reading the payload in place (start-up decodes it straight from the journal's bytes).
    /// With `origin` (where the payload sits in the journal) a long report body is left there (`StoredText`).
    /// A payload laid out as this program writes it is read without a tape (`WrittenPayloadReader`).
    public static func decode(type: String, payloadBytes buffer: UnsafeBufferPointer<UInt8>, origin: PayloadOrigin? = nil)
        throws(DecodeError) -> DomainEvent
    {
        try decode(type: type, kind: EventKind(typeName: type), payloadBytes: buffer, origin: origin)
    }

    /// As above with `type`'s kind already found (`EventKind(typeName: type)`, which it must be): start-up
    /// needs the kind before decoding too, and finds it once.
    public static func decode(type: String, kind: EventKind?, payloadBytes buffer: UnsafeBufferPointer<UInt8>, origin: PayloadOrigin?)
        throws(DecodeError) -> DomainEvent
    {
        assert(kind == EventKind(typeName: type), "the kind is the type's")
        if let kind, let event = WrittenPayloadReader.read(kind, buffer, origin: origin) { return event }
        return try decodeThroughTape(type: type, kind: kind, payloadBytes: buffer, origin: origin)
    }

    /// `decode` without `WrittenPayloadReader`: the tape, or the tree when the tape refuses the payload.
    static func decodeThroughTape(type: String, kind: EventKind?, payloadBytes buffer: UnsafeBufferPointer<UInt8>,
                                  origin: PayloadOrigin?) throws(DecodeError) -> DomainEvent {
        let fast: Result<DomainEvent, DecodeError>? = {
            let scratch = PayloadTape.Scratch.perThread.value
            guard var tape = PayloadTape.parse(buffer, reusing: scratch.take()) else { return nil }
            let result = tape.withRoot { root -> Result<DomainEvent, DecodeError> in
                guard root.isObject else { return .failure(DecodeError(type: type, field: nil, reason: "not a JSON object")) }
                do throws(DecodeError) {
                    return .success(try EventPayloadReader(type: type, kind: kind, root: root, origin: origin).event())
                } catch {
                    return .failure(error)
                }
            }
            // A huge payload's room is not kept: one 10 MB line would otherwise pin its nodes for good.
            if tape.nodes.capacity <= 4_096 { scratch.nodes = tape.takeStorage() }
            return result
        }()
        if let fast { return try fast.get() }
        return try decodeTree(type: type, payload: Array(buffer))
    }

    /// The reference decoder: parses `payload` into a `JSONValue` tree, then reads it. Kept for messages
    /// about payloads that are not JSON, and as the baseline the tape is tested against.
    public static func decodeTree(type: String, payload: [UInt8]) throws(DecodeError) -> DomainEvent {
        let value: JSONValue
        do { value = try JSONValue.parse(payload) } catch {
            throw DecodeError(type: type, field: nil, reason: "not JSON: \(error)")
        }
        guard value.objectMembers != nil else { throw DecodeError(type: type, field: nil, reason: "not a JSON object") }
        return try EventPayloadReader(type: type, root: value).event()
    }
}
