import TinyTOML

/// One problem in a reference-data file, worded `FILE:LINE: field: reason` so a desk
/// administrator can open the file at the line and fix it.
public struct ReferenceDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// File name as given to `ReferenceData.load`, e.g. `rute.toml`.
    public let file: String
    /// 1-based line; 0 when the problem is the file as a whole (e.g. missing).
    public let line: Int
    /// Field path inside the file (`instansi[4].unit[2].id`), or `syntax` for TOML errors.
    public let field: String
    /// What is wrong, in English.
    public let reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(OneLineText.escape(field)): \(OneLineText.escape(reason))" }
}

/// Every problem found while loading reference data, in file order, so one run shows the
/// administrator all there is to fix rather than one error at a time.
public struct ReferenceDataErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public let errors: [ReferenceDataError]

    public init(_ errors: [ReferenceDataError]) {
        self.errors = errors
    }

    /// One `FILE:LINE: field: reason` per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
