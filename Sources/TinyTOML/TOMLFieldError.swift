/// A problem with one field of an otherwise well-formed document: missing, wrong kind, unknown
/// or invalid. Loaders turn it into `FILE:LINE: field: reason` by adding the file name.
public struct TOMLFieldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the field, or of its table when the field is missing.
    public let line: Int
    /// Dotted path from the document root, e.g. `agency[3].units[1].name`.
    public let field: String
    /// What is wrong, in English ("missing required field", "expected a string, found an integer").
    public let reason: String

    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// `LINE: field: reason`.
    public var description: String { "\(line): \(field): \(reason)" }
}
