import TinyTOML

/// Collects the errors of one reference file while a loader keeps going, so all of them can be
/// reported together.
struct ReferenceIssues {
    let file: String
    private(set) var errors: [ReferenceDataError] = []

    init(file: String) {
        self.file = file
    }

    mutating func add(_ error: TOMLFieldError) {
        errors.append(ReferenceDataError(file: file, line: error.line, field: error.field, reason: error.reason))
    }

    mutating func add(line: Int, field: String, reason: String) {
        errors.append(ReferenceDataError(file: file, line: line, field: field, reason: reason))
    }

    /// Runs one typed read; on failure records the error and returns nil.
    mutating func read<T>(_ body: () throws(TOMLFieldError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error)
            return nil
        }
    }

    /// Records an error for every key of `table` not in `allowed`.
    mutating func checkKeys(_ table: TOMLTable, allowed: Set<String>) {
        for error in table.unknownKeys(allowed: allowed) { add(error) }
    }

    /// Parses `file` from `files`; records a missing file or a syntax error and returns nil.
    static func parse(_ file: String, from files: [String: String], into errors: inout [ReferenceDataError]) -> TOMLTable? {
        guard let text = files[file] else {
            errors.append(ReferenceDataError(file: file, line: 0, field: "(file)", reason: "reference file is missing"))
            return nil
        }
        do {
            return try parseTOML(text)
        } catch {
            errors.append(ReferenceDataError(file: file, line: error.line, field: "syntax",
                                             reason: "\(error.message) (column \(error.column))"))
            return nil
        }
    }
}
