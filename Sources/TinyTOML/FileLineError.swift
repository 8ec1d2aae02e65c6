/// A problem in a hand-edited file, printed as `FILE:LINE: reason` so whoever edits the file can jump
/// straight to the line. Line 0 means the file as a whole. Shared by every loader of desk files (holiday
/// lists, themes) so they all report the same way.
public struct FileLineError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based line; 0 when no single line is to blame.
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(OneLineText.escape(reason))" }
}

/// Every problem found in one load, in file order: thrown instead of stopping at the first error, so one
/// attempt shows everything there is to fix.
public struct FileLineErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public let errors: [FileLineError]

    public init(_ errors: [FileLineError]) {
        self.errors = errors
    }

    /// One `FILE:LINE: reason` per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
