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
    public static func encode(_ event: DomainEvent, offsetSeconds: Int = 7 * 3600) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        EventPayloadWriter(offset: offsetSeconds).object(for: event).write(into: &out)
        return out
    }

    public static func decode(type: String, payload: [UInt8]) throws(DecodeError) -> DomainEvent {
        let value: JSONValue
        do { value = try JSONValue.parse(payload) } catch {
            throw DecodeError(type: type, field: nil, reason: "not JSON: \(error)")
        }
        guard value.objectMembers != nil else { throw DecodeError(type: type, field: nil, reason: "not a JSON object") }
        return try EventPayloadReader(type: type, root: value).event()
    }
}
