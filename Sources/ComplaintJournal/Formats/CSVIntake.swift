import TinyTOML
import Complaints
import Foundation

/// Intake records from a spreadsheet (formats.md §2, CSV): the intake field names as columns, nested ones
/// as `location.regency`, UTF-8 with or without a byte-order mark, comma or semicolon separated.
public enum CSVIntake {
    /// Columns holding text that is stored exactly as written (no trimming).
    static let textColumns: [String: [String]] = [
        "external_id": ["external_id"], "title": ["title"], "body": ["body"], "category": ["category"],
        "subcategory": ["subcategory"], "agency": ["agency"],
        "location.province": ["location", "province"], "location.regency": ["location", "regency"],
        "location.district": ["location", "district"], "location.detail": ["location", "detail"],
        "reporter.name": ["reporter", "name"], "reporter.nik": ["reporter", "nik"],
        "reporter.phone": ["reporter", "phone"], "reporter.email": ["reporter", "email"],
    ]
    /// Columns holding codes, where stray spaces around the value are dropped.
    static let codeColumns: Set<String> = ["channel", "classification", "received_at", "incident_date"]
    static let boolColumns: Set<String> = ["anonymous", "confidential"]

    /// Decodes a CSV file. Problems name the line the CSV record starts on; a header without `channel` or
    /// `body`, or with a column twice, rejects the file as a whole (every row would be ambiguous).
    public static func decode(bytes: [UInt8], fileName: String, importTime: Date) -> IntakeBatch {
        var builder = IntakeBatchBuilder(fileName: fileName)
        let start = IntakeFile.hasBOM(bytes) ? 3 : 0
        let separator = CSVReader.detectSeparator(bytes, from: start)
        var records = CSVReader.records(bytes, from: start, separator: separator)[...]
        while let first = records.first, first.isBlank { records = records.dropFirst() }
        guard let header = records.popFirst() else {
            builder.reject([IntakeProblem(file: fileName, line: 1, message: "no header line (empty file)")])
            return builder.batch
        }
        if let bad = headerProblem(header) {
            builder.reject([IntakeProblem(file: fileName, line: header.line, message: bad)])
            return builder.batch
        }
        let columns = header.fields.enumerated().map { k, raw in
            let name = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? "column \(k + 1)" : canonicalColumn(name)
        }
        // A header with our export's own column names: the file is that export, edited; its `'` markers are ours.
        let fromOurExport = header.fields.contains {
            columnAliases[String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()] != nil
        }
        for record in records where !record.isBlank {
            switch decodeRecord(record, columns: columns, fileName: fileName, importTime: importTime, fromOurExport: fromOurExport) {
            case let .accepted(intake, warnings): builder.accept(intake, line: record.line, warnings: warnings)
            case let .rejected(problems): builder.reject(problems)
            }
        }
        return builder.batch
    }

    private static func headerProblem(_ header: CSVRecord) -> String? {
        if let error = header.error { return "header: \(error)" }
        if let bad = header.fields.lazy.compactMap({ UTF8Validation.firstInvalidOffset($0) }).first {
            return "header: invalid UTF-8 (byte \(bad + 1) of a column name)"
        }
        let names = header.fields.map {
            canonicalColumn(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
        var seen: Set<String> = []
        for n in names where !n.isEmpty && !seen.insert(n).inserted {
            return "header: column '\(QuotedValue.shown(n))' appears more than once"
        }
        let missing = ["channel", "body"].filter { !seen.contains($0) }
        if !missing.isEmpty {
            let listing = seen.contains("id") && seen.contains("status") && !seen.contains("body")
                ? " (this looks like a report list from `export --format csv`, which has no report text: to move reports "
                    + "between desks, `export --format intake` and import that)" : ""
            return "header: required column \(missing.joined(separator: " and ")) missing" + listing
        }
        return nil
    }

    /// `fromOurExport`: the header is our export's (see `unmarked(_:column:fromOurExport:)`).
    static func decodeRecord(_ record: CSVRecord, columns: [String], fileName: String,
                             importTime: Date, fromOurExport: Bool = false) -> IntakeDecoding {
        var problems: [IntakeProblem] = []
        func problem(_ field: String?, _ message: String) {
            problems.append(IntakeProblem(file: fileName, line: record.line, field: field, message: message))
        }
        if let error = record.error { problem(nil, error) }
        if record.fields.count > columns.count,
           record.fields[columns.count...].contains(where: { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) {
            problem(nil, "record has \(record.fields.count) fields but the header has \(columns.count)")
        }
        var top: [JSONValue.Member] = []
        var nested: [String: [JSONValue.Member]] = [:]
        for (k, column) in columns.enumerated() where k < record.fields.count {
            let raw = record.fields[k]
            if let bad = UTF8Validation.firstInvalidOffset(raw) {
                problem(column, "invalid UTF-8 at byte \(bad + 1) of the cell")
                continue
            }
            let cell = unmarked(String(decoding: raw, as: UTF8.self), column: column, fromOurExport: fromOurExport)
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue } // an empty cell is a missing value
            if let path = textColumns[column] {
                if path.count == 1 { top.append(.init(column, .string(cell))) }
                else { nested[path[0], default: []].append(.init(path[1], .string(cell))) }
            } else if codeColumns.contains(column) {
                top.append(.init(column, .string(trimmed)))
            } else if boolColumns.contains(column) {
                guard let b = parseBool(trimmed) else {
                    problem(column, "expected true/false/ya/tidak/1/0, found '\(QuotedValue.shown(trimmed))'")
                    continue
                }
                top.append(.init(column, .bool(b)))
            } else if column == "reporter.groups" {
                let groups = split(trimmed, by: ["|", ","]).map(JSONValue.string)
                nested["reporter", default: []].append(.init("groups", .array(groups)))
            } else if column == "tags" {
                top.append(.init(column, .array(split(trimmed, by: ["|"]).map(JSONValue.string))))
            } else if column == "attachments" {
                let items = split(trimmed, by: ["|"]).map { item -> JSONValue in
                    guard let eq = item.firstIndex(of: "=") else { return .object(["name": .string(item)]) }
                    let name = item[..<eq].trimmingCharacters(in: .whitespaces)
                    let ref = item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                    return .object(["name": .string(name), "ref": ref.isEmpty ? .null : .string(ref)])
                }
                top.append(.init(column, .array(items)))
            } else {
                // Unknown column: kept verbatim by the intake decoder (as extra) with a warning.
                top.append(.init(column, .string(cell)))
            }
        }
        for (key, members) in nested.sorted(by: { $0.key < $1.key }) { top.append(.init(key, .object(members))) }
        var decoded = IntakeDecoder.decode(value: .object(top), file: fileName, line: record.line, importTime: importTime)
        // Fewer cells than columns: often a separator dropped, shifting values into the wrong columns; recorded
        // (the missing cells are empty) but said, naming the line (QA: it was silent).
        if record.fields.count < columns.count, case let .accepted(intake, warnings) = decoded {
            decoded = .accepted(intake, warnings: warnings + [IntakeProblem(
                file: fileName, line: record.line, field: nil,
                message: "record has \(record.fields.count) fields but the header has \(columns.count); the missing ones are taken as empty")])
        }
        guard !problems.isEmpty else { return decoded }
        // A cell already refused here is missing to the intake decoder: do not report it twice.
        let refused = Set(problems.compactMap(\.field))
        if case let .rejected(more) = decoded {
            problems.append(contentsOf: more.filter { !refused.contains($0.field ?? "") })
        }
        return .rejected(problems)
    }

    /// Every column this format knows.
    static let knownColumns: Set<String> = Set(textColumns.keys).union(codeColumns).union(boolColumns)
        .union(["reporter.groups", "tags", "attachments"])

    /// A known column name however it was capitalised (`Channel` → `channel`); others unchanged.
    static func canonicalColumn(_ name: String) -> String {
        let lower = name.lowercased()
        if knownColumns.contains(lower) { return lower }
        // The names of our own CSV export (and of many spreadsheets): `reporter_nik`, `regency`. Read as the
        // intake fields they are, so a NIK is checked and a reporter's name is identity, hidden under anonim
        // (QA: as unknown columns they were kept as plain extras an agency officer could read).
        if let alias = columnAliases[lower] { return alias }
        return name
    }

    /// Our own export keeps formulas and digits a spreadsheet would damage as text behind a `'` (`CSVWriter`):
    /// read back, such a cell gives the value, so an exported NIK, phone or `=…` title imports as it was. Only
    /// where the `'` can be ours: a NIK or phone (digits, where a `'` is never data), or any column our export
    /// writes when the header is that export's. Otherwise text is stored exactly as received (QA: a body
    /// "'=SUM(A1) kata warga" from another system lost its apostrophe; our export never writes a body).
    static func unmarked(_ cell: String, column: String, fromOurExport: Bool) -> String {
        switch column {
        case "reporter.nik", "reporter.phone": return CSVWriter.unmarked(cell)
        case "body": return cell
        default: return fromOurExport ? CSVWriter.unmarked(cell) : cell
        }
    }

    static let columnAliases: [String: String] = [
        "reporter_name": "reporter.name", "reporter_nik": "reporter.nik", "reporter_phone": "reporter.phone",
        "reporter_email": "reporter.email", "reporter_groups": "reporter.groups",
        "province": "location.province", "regency": "location.regency", "district": "location.district",
    ]

    /// Spreadsheet-friendly booleans, in English and Indonesian.
    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "ya", "1", "yes": true
        case "false", "tidak", "0", "no": false
        default: nil
        }
    }

    private static func split(_ text: String, by separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
