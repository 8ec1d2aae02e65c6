/// The deepest nesting of tables and arrays a document may use. Deeper input is refused with an
/// error rather than risking the stack: desk files never need more than a handful of levels.
public let tomlMaximumDepth = 64

/// Parses a TOML document into its root table, keeping the position of every key and value.
///
/// Supports the TOML 1.0 features desk files use (see `TOMLValue` for date-times), plus two
/// TOML 1.1 relaxations: newlines, comments and a trailing comma inside inline tables. Never
/// crashes or hangs on any input: every problem is a `TOMLError` with line and column.
public func parseTOML(_ text: String) throws(TOMLError) -> TOMLTable {
    try parseTOML(utf8: Array(text.utf8))
}

/// Parses raw bytes, refusing invalid UTF-8 at the offending byte (a `String` cannot hold it).
public func parseTOML(utf8 bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
    var parser = TOMLParser(bytes: bytes)
    return try parser.parseDocument()
}
