/// One problem in a theme file, worded `FILE:LINE: reason` so whoever edits the theme can jump
/// straight to the line. Line 0 means the file as a whole (a theme that does not exist).
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as the caller gave it (`default.toml`, or a path for user themes).
    public let file: String
    /// 1-based line; 0 when no single line is to blame.
    public let line: Int
    /// What is wrong, in English, usually starting with the field (`roles."badge.x": unknown role`).
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// Every problem found in a theme (or in the themes it inherits from), in file order, so one
/// attempt shows everything there is to fix instead of one error per run.
public struct ThemeErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public let errors: [ThemeError]

    public init(_ errors: [ThemeError]) {
        self.errors = errors
    }

    /// One `FILE:LINE: reason` per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
