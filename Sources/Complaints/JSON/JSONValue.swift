/// A parsed JSON value that keeps what the intake formats need and Foundation's decoders lose: the order
/// of object members, duplicate keys (so they can be refused), and the exact text of numbers (so unknown
/// fields are kept verbatim). Parsed by `JSONValue.parse`, written by `compactText`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written (validated against the JSON grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in input order; duplicate keys are kept so callers can decide what they mean.
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Builds an object from ordered pairs (exports use a fixed key order).
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// An integer number value.
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }

    /// A string, or `null` when nil (optional fields are written as null, never dropped silently).
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// The name of the JSON type, for "expected a string, found an array" messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The first member named `key` of an object (nil for non-objects).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? { if case let .string(s) = self { s } else { nil } }
    public var boolValue: Bool? { if case let .bool(b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { a } else { nil } }
    public var objectMembers: [Member]? { if case let .object(m) = self { m } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }
}
