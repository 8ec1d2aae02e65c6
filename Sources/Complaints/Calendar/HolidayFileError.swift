/// One problem in a holiday file, printed as `FILE:LINE: reason`.
///
/// Why: desk administrators edit these files by hand; every mistake must point at its line.
public struct HolidayFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// Every problem found in one parse (or merge), in line order. Thrown instead of stopping at the
/// first error so an administrator can fix a file in one pass.
public struct HolidayFileErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public let errors: [HolidayFileError]

    public init(_ errors: [HolidayFileError]) {
        self.errors = errors
    }

    /// One `FILE:LINE: reason` per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
