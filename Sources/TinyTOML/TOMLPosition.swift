/// Where something starts in a TOML document (1-based line and column).
///
/// Kept with every key, value and table so that errors found long after parsing (a routing
/// rule naming an unknown agency, say) can still point at the right line.
public struct TOMLPosition: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    /// Counted in Unicode scalars from the start of the line.
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position used for values built in code rather than parsed.
    public static let unknown = TOMLPosition(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }
}
