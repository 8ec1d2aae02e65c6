/// A syntax or structure error in a TOML document.
///
/// Carries a 1-based line and column so the person editing the file can go straight to the spot;
/// `description` reads `LINE:COLUMN: message`, and loaders prefix the file name.
public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the offending character.
    public let line: Int
    /// 1-based column, counted in Unicode scalars (not bytes) from the start of the line.
    public let column: Int
    /// What is wrong, in English.
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
