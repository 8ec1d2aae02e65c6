import Complaints

/// Reads typed fields out of JSON objects for the intake decoders, collecting every problem with its field
/// path instead of stopping at the first, and keeping unknown fields verbatim.
struct IntakeFieldReader {
    let file: String
    let line: Int
    private(set) var problems: [IntakeProblem] = []
    private(set) var warnings: [IntakeProblem] = []
    /// Unknown fields: path → compact JSON text.
    private(set) var extra: [String: String] = [:]

    init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    mutating func problem(_ field: String?, _ message: String) {
        problems.append(IntakeProblem(file: file, line: line, field: field, message: message))
    }

    /// Something recorded other than as written (kept, said).
    mutating func warning(_ field: String?, _ message: String) {
        warnings.append(IntakeProblem(file: file, line: line, field: field, message: message))
    }

    static func join(_ parent: String?, _ key: String) -> String {
        guard let parent else { return key }
        return parent + "." + key
    }

    /// The members of an object as a dictionary without nulls (null is like missing). Refuses non-objects
    /// and duplicate keys; unknown keys go to `extra` with a warning.
    mutating func members(of value: JSONValue, path: String?, known: Set<String>) -> [String: JSONValue]? {
        guard case let .object(list) = value else {
            problem(path, "expected an object, found \(value.typeName)")
            return nil
        }
        var dict: [String: JSONValue] = [:]
        var seen: Set<String> = []
        var ok = true
        for m in list {
            let fieldPath = IntakeFieldReader.join(path, m.key)
            guard seen.insert(m.key).inserted else {
                problem(fieldPath, "appears more than once")
                ok = false
                continue
            }
            guard known.contains(m.key) else {
                // The protections under their Indonesian names: kept as unknown text, the report was recorded
                // without them and its reporter's name reached the agency (QA). Refused, naming the field to use.
                if path == nil, let meant = IntakeFieldReader.protectionAliases[m.key.lowercased()] {
                    problem(fieldPath, "not an intake field: use \"\(meant)\" (true or false); the report was not recorded "
                        + "so it cannot reach an agency without the protection it asks for")
                    ok = false
                    continue
                }
                // A dotted top-level key and a nested field can read the same ("reporter.rt"): keeping one
                // would lose the other, so the line is refused with both named.
                guard extra[fieldPath] == nil else {
                    problem(fieldPath, "two unknown fields read as '\(fieldPath)' (a key with dots in it and a field "
                        + "inside an object); rename one")
                    ok = false
                    continue
                }
                extra[fieldPath] = m.value.compactText
                warnings.append(IntakeProblem(file: file, line: line, field: fieldPath,
                                              message: IntakeProblem.unknownFieldMessage))
                continue
            }
            if !m.value.isNull { dict[m.key] = m.value }
        }
        return ok ? dict : nil
    }

    /// Indonesian names of the protection flags, and the intake fields they mean.
    static let protectionAliases = ["anonim": "anonymous", "rahasia": "confidential"]

    mutating func string(_ dict: [String: JSONValue], _ key: String, path: String?) -> String? {
        guard let v = dict[key] else { return nil }
        guard case let .string(s) = v else {
            problem(IntakeFieldReader.join(path, key), "expected a string, found \(v.typeName)")
            return nil
        }
        return s
    }

    mutating func bool(_ dict: [String: JSONValue], _ key: String, path: String?) -> Bool? {
        guard let v = dict[key] else { return nil }
        guard case let .bool(b) = v else {
            problem(IntakeFieldReader.join(path, key), "expected true or false, found \(v.typeName)")
            return nil
        }
        return b
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ value: JSONValue, field: String) -> E?
        where E.RawValue == String
    {
        guard case let .string(s) = value else {
            problem(field, "expected a string, found \(value.typeName)")
            return nil
        }
        guard let e = E(rawValue: s) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            problem(field, "unknown value '\(QuotedValue.shown(s))' (expected one of: \(allowed))")
            return nil
        }
        return e
    }

    mutating func array(_ dict: [String: JSONValue], _ key: String, path: String?) -> [JSONValue]? {
        guard let v = dict[key] else { return nil }
        guard case let .array(items) = v else {
            problem(IntakeFieldReader.join(path, key), "expected an array, found \(v.typeName)")
            return nil
        }
        return items
    }

    mutating func stringArray(_ dict: [String: JSONValue], _ key: String, path: String?) -> [String]? {
        guard let items = array(dict, key, path: path) else { return nil }
        var out: [String] = []
        let base = IntakeFieldReader.join(path, key)
        for (k, item) in items.enumerated() {
            guard case let .string(s) = item else {
                problem("\(base)[\(k)]", "expected a string, found \(item.typeName)")
                continue
            }
            out.append(s)
        }
        return out
    }
}
