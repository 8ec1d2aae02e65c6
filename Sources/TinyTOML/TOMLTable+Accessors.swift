/// Typed accessors, so loaders read fields in one line each and every mistake in a data file
/// becomes a `TOMLFieldError` naming the line and the field path.
extension TOMLTable {
    /// An error about `key`, at the key's line (or the table's line if the key is absent).
    public func fieldError(_ key: String, _ reason: String) -> TOMLFieldError {
        TOMLFieldError(line: line(of: key) ?? line, field: fieldPath(key), reason: reason)
    }

    /// An error about this table as a whole, at its header line.
    public func tableError(_ reason: String) -> TOMLFieldError {
        TOMLFieldError(line: line, field: path.isEmpty ? "(top level)" : path, reason: reason)
    }

    func mismatch(_ key: String, expected: String, found value: TOMLValue) -> TOMLFieldError {
        fieldError(key, "expected \(expected), found \(value.kindName)")
    }

    /// A non-blank string. A missing key, or a blank string, is "missing required field".
    public func requiredString(_ key: String) throws(TOMLFieldError) -> String {
        guard let text = try optionalString(key) else { throw fieldError(key, "missing required field") }
        guard !TOMLTable.isBlank(text) else { throw fieldError(key, "must not be empty") }
        return text
    }

    /// True if every character of `text` is whitespace (or there is none). A character starting with a
    /// printable ASCII scalar is not, so nearly every value is answered from its first byte without walking
    /// its characters.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// A string if the key is present (any text, even empty); nil if absent.
    public func optionalString(_ key: String) throws(TOMLFieldError) -> String? {
        guard let value = self[key] else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, expected: "a string", found: value) }
        return text
    }

    /// An integer that must be present.
    public func requiredInt(_ key: String) throws(TOMLFieldError) -> Int {
        guard let number = try optionalInt(key) else { throw fieldError(key, "missing required field") }
        return number
    }

    /// An integer if present; nil if absent; an error if another kind.
    public func optionalInt(_ key: String) throws(TOMLFieldError) -> Int? {
        guard let value = self[key] else { return nil }
        guard case .integer(let number) = value else { throw mismatch(key, expected: "an integer", found: value) }
        return number
    }

    /// A float; an integer is accepted too (`limit = 5` where `5.0` was meant).
    public func requiredFloat(_ key: String) throws(TOMLFieldError) -> Double {
        guard let number = try optionalFloat(key) else { throw fieldError(key, "missing required field") }
        return number
    }

    /// A number if present (integers accepted); nil if absent.
    public func optionalFloat(_ key: String) throws(TOMLFieldError) -> Double? {
        switch self[key] {
        case nil: return nil
        case .float(let number)?: return number
        case .integer(let number)?: return Double(number)
        case let value?: throw mismatch(key, expected: "a number", found: value)
        }
    }

    /// `true`/`false` that must be present.
    public func requiredBool(_ key: String) throws(TOMLFieldError) -> Bool {
        guard let flag = try optionalBool(key) else { throw fieldError(key, "missing required field") }
        return flag
    }

    /// `true`/`false` if present; nil if absent.
    public func optionalBool(_ key: String) throws(TOMLFieldError) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .boolean(let flag) = value else { throw mismatch(key, expected: "a boolean", found: value) }
        return flag
    }

    /// A local date that must be present (bare or quoted ISO form).
    public func requiredDate(_ key: String) throws(TOMLFieldError) -> TOMLDate {
        guard let date = try optionalDate(key) else { throw fieldError(key, "missing required field") }
        return date
    }

    /// A local date written bare (`2026-01-01`) or as a quoted ISO string (`"2026-01-01"`).
    public func optionalDate(_ key: String) throws(TOMLFieldError) -> TOMLDate? {
        switch self[key] {
        case nil: return nil
        case .date(let date)?: return date
        case .string(let text)?:
            guard let date = TOMLTable.isoDate(text) else {
                throw fieldError(key, "expected a date like 2026-01-01, found \"\(text)\"")
            }
            return date
        case let value?: throw mismatch(key, expected: "a date", found: value)
        }
    }

    static func isoDate(_ text: String) -> TOMLDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return TOMLDate(year: year, month: month, day: day)
    }

    /// An array of strings; an absent key is an empty array.
    public func stringArray(_ key: String) throws(TOMLFieldError) -> [String] {
        try optionalStringArray(key) ?? []
    }

    /// An array of strings, or nil if absent. A single string is refused (say `["x"]`).
    public func optionalStringArray(_ key: String) throws(TOMLFieldError) -> [String]? {
        guard let value = self[key] else { return nil }
        guard case .array(let array) = value else { throw mismatch(key, expected: "an array of strings", found: value) }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard case .string(let text) = element else {
                throw TOMLFieldError(line: array.line(at: index), field: "\(fieldPath(key))[\(index + 1)]",
                                     reason: "expected a string, found \(element.kindName)")
            }
            strings.append(text)
        }
        return strings
    }

    /// A sub-table (`[key]` or `key = { ... }`) that must be present.
    public func requiredTable(_ key: String) throws(TOMLFieldError) -> TOMLTable {
        guard let table = try optionalTable(key) else { throw fieldError(key, "missing required table") }
        return table
    }

    /// A sub-table if present; nil if absent.
    public func optionalTable(_ key: String) throws(TOMLFieldError) -> TOMLTable? {
        guard let value = self[key] else { return nil }
        guard case .table(let table) = value else { throw mismatch(key, expected: "a table", found: value) }
        return table
    }

    /// The tables of an `[[key]]` array (or an array of inline tables); absent means none.
    public func tables(_ key: String) throws(TOMLFieldError) -> [TOMLTable] {
        guard let value = self[key] else { return [] }
        guard case .array(let array) = value else {
            throw mismatch(key, expected: "an array of tables ([[\(fieldPath(key))]])", found: value)
        }
        var tables: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard case .table(let table) = element else {
                throw TOMLFieldError(line: array.line(at: index), field: "\(fieldPath(key))[\(index + 1)]",
                                     reason: "expected a table, found \(element.kindName)")
            }
            tables.append(table)
        }
        return tables
    }
}
