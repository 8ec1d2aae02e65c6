import TinyTOML

/// A problem in a desk settings file, named by file and line so an administrator can fix it.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    public var reason: String

    public init(file: String, line: Int, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        if let field { return "\(file):\(line): \(OneLineText.escape(field)): \(OneLineText.escape(reason))" }
        return "\(file):\(line): \(OneLineText.escape(reason))"
    }
}

/// All problems found in one load (not just the first).
public struct SettingsErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [SettingsError]
    public init(_ errors: [SettingsError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension SettingsErrors {
    /// The TOML of a settings file, or its syntax error as a one-problem `SettingsErrors` naming the file.
    static func parse(_ text: String, fileName: String) throws(SettingsErrors) -> TOMLTable {
        do { return try parseTOML(text) } catch {
            throw SettingsErrors([SettingsError(file: fileName, line: error.line, reason: error.message)])
        }
    }
}

extension SettingsError {
    /// A field problem found by TinyTOML's accessors, in `fileName`.
    init(_ problem: TOMLFieldError, in fileName: String) {
        self.init(file: fileName, line: problem.line, field: problem.field, reason: problem.reason)
    }
}
