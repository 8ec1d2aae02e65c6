/// A parsed TOML table: keys in document order, each with its value and position.
///
/// Tables remember their own header position and their field path (`agency[3].units[1]`,
/// array-of-tables indexes counted from 1 as a person counts blocks in a file), so typed accessors
/// can produce `TOMLFieldError`s that name both line and field without the caller tracking paths.
/// Equality compares content (keys and values, in any order), not positions or paths.
public struct TOMLTable: Equatable, Sendable {
    struct Entry: Sendable {
        let value: TOMLValue
        let position: TOMLPosition
    }

    /// Keys in the order they first appear in the document.
    public var keys: [String] { fields.keys }
    /// Each key's entry.
    let fields: KeyedValues<Entry>
    /// Where the table is defined: its `[header]`, its inline `{`, or 1:1 for the document root.
    public let position: TOMLPosition
    /// Dotted field path from the document root; empty for the root.
    public let path: String

    /// Builds a table in code (positions `.unknown`). Later duplicates replace earlier ones.
    public init(_ pairs: [(String, TOMLValue)], path: String = "") {
        var fields = KeyedValues<Entry>()
        for (key, value) in pairs { fields.set(key, Entry(value: value, position: .unknown)) }
        self.init(fields: fields, position: .unknown, path: path)
    }

    init(fields: KeyedValues<Entry>, position: TOMLPosition, path: String) {
        self.fields = fields
        self.position = position
        self.path = path
    }

    /// The line of the table's header (1 for the root).
    public var line: Int { position.line }
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of `key`, or nil if the table has no such key.
    public subscript(key: String) -> TOMLValue? { entry(key)?.value }

    /// Where `key` was written, or nil if the table has no such key.
    public func position(of key: String) -> TOMLPosition? { entry(key)?.position }

    /// The line `key` was written on, or nil if the table has no such key.
    public func line(of key: String) -> Int? { entry(key)?.position.line }

    func entry(_ key: String) -> Entry? { fields[key] }

    /// The field path of `key` in this table, for error messages (`agency[2].name`).
    public func fieldPath(_ key: String) -> String {
        let shown = TOMLTable.isBare(key) ? key : "\"\(key)\""
        return path.isEmpty ? shown : "\(path).\(shown)"
    }

    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
        }
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        return zip(lhs.keys, lhs.fields.values).allSatisfy { key, entry in rhs.entry(key)?.value == entry.value }
    }
}
