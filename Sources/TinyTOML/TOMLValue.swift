/// One TOML value.
///
/// Offset and local date-times (`1979-05-27T07:32:00Z`, `1979-05-27 07:32:00`) and local times
/// (`07:32:00`) are checked for shape and kept as their source text in `.dateTime`: no desk file
/// needs instants yet, and keeping the text avoids guessing a zone. Local dates get `.date`.
/// Positions of values live in the enclosing `TOMLTable` / `TOMLArray`.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case date(TOMLDate)
    case dateTime(String)
    case array(TOMLArray)
    case table(TOMLTable)

    /// The kind with an article, for messages like "expected a string, found an integer".
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .date: return "a date"
        case .dateTime: return "a date-time"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The text if this is a string (quick checks; loaders use the typed accessors).
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var tableValue: TOMLTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    public var arrayValue: TOMLArray? {
        if case .array(let value) = self { return value }
        return nil
    }
}

/// Literals make expected values in tests and in-code tables short: `table["n"] == 3`.
extension TOMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(arrayLiteral elements: TOMLValue...) { self = .array(TOMLArray(elements)) }
}
