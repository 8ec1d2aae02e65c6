import Complaints
import Foundation

/// The outcome of decoding one intake record.
public enum IntakeDecoding: Sendable {
    /// A valid intake; `warnings` name unknown fields that were kept verbatim in `intake.extra`.
    case accepted(Intake, warnings: [IntakeProblem])
    /// Every problem found in the record (all of them, not just the first).
    case rejected([IntakeProblem])
}

/// Turns one intake record (formats.md §2) into a validated `Intake`. Hand-written over `JSONValue` rather
/// than `JSONDecoder` so that every problem names its field path, null counts as missing, unknown fields
/// are kept verbatim, and nothing about the text is changed.
public enum IntakeDecoder {
    /// Top-level fields of the intake record.
    public static let knownFields: Set<String> = [
        "external_id", "channel", "received_at", "title", "body", "classification", "category", "subcategory",
        "location", "incident_date", "agency", "reporter", "anonymous", "confidential", "attachments", "tags",
    ]
    static let locationFields: Set<String> = ["province", "regency", "district", "detail"]
    static let reporterFields: Set<String> = ["name", "nik", "phone", "email", "groups"]
    static let attachmentFields: Set<String> = ["name", "ref"]

    /// Decodes one JSON line (without its line end). `importTime` stands in for a missing `received_at`.
    public static func decode(line bytes: [UInt8], file: String, line: Int, importTime: Date) -> IntakeDecoding {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            return .rejected([IntakeProblem(file: file, line: line, message: "not valid JSON: \(error.description)")])
        }
        // QA: an Open311 export given as JSON lines got only "expected a JSON object, found an array".
        if case .array = value {
            return .rejected([IntakeProblem(file: file, line: line, message:
                "expected a JSON object, found an array; an Open311 file is one JSON array: import it with --format open311")])
        }
        return decode(value: value, file: file, line: line, importTime: importTime)
    }

    /// Decodes one JSON line given as text.
    public static func decode(line text: String, file: String, line: Int, importTime: Date) -> IntakeDecoding {
        decode(line: Array(text.utf8), file: file, line: line, importTime: importTime)
    }

    /// Decodes an already parsed record (the CSV and Open311 decoders build one per row or element).
    public static func decode(value: JSONValue, file: String, line: Int, importTime: Date) -> IntakeDecoding {
        var r = IntakeFieldReader(file: file, line: line)
        guard case .object = value else {
            r.problem(nil, "expected a JSON object, found \(value.typeName)")
            return .rejected(r.problems)
        }
        // QA: a line of `export --format jsonl` was refused as missing its channel and body, which it holds
        // under `intake`: say what the line is and which export to import instead.
        if case let .object(members) = value, !members.contains(where: { $0.key == "channel" }),
           members.contains(where: { $0.key == "intake" }), members.contains(where: { $0.key == "trail" }) {
            r.problem(nil, "this is a report as `export --format jsonl` writes it (with its trail), not an intake record; "
                      + "to move reports between desks, `export --format intake` and import that")
            return .rejected(r.problems)
        }
        // The same for a line of `list --json` (QA: "body: missing" alone).
        if case let .object(members) = value, !members.contains(where: { $0.key == "body" }),
           ["id", "status", "due", "overdue"].allSatisfy({ key in members.contains { $0.key == key } }) {
            r.problem(nil, "this is a line of `list --json` (a report list, without the report text), not an intake record; "
                      + "to move reports between desks, `export --format intake` and import that")
            return .rejected(r.problems)
        }
        guard let top = r.members(of: value, path: nil, known: knownFields) else { return .rejected(r.problems) }

        var channel: Channel?
        if let v = top["channel"] {
            channel = r.enumValue(v, field: "channel")
        } else {
            let allowed = Channel.allCases.map(\.rawValue).joined(separator: ", ")
            r.problem("channel", "missing (required; one of: \(allowed))")
        }
        let body = r.string(top, "body", path: nil)
        if top["body"] == nil {
            r.problem("body", "missing (required)")
        } else if let body, body.isBlank {
            r.problem("body", "must not be empty")
        }
        var receivedAt = importTime
        if let text = r.string(top, "received_at", path: nil) {
            if let date = parseTimestamp(text) {
                receivedAt = date
                // QA: "…10:00:60+07:00" was stored as :59 without a word.
                if ISOTime.hasLeapSecond(text) { r.warning("received_at", "a leap second (:60) is recorded as :59") }
            } else {
                r.problem("received_at", "not an RFC 3339 time with offset like 2026-04-01T08:15:00+07:00: '\(QuotedValue.shown(text))'")
            }
        }
        var classification = Classification.pengaduan
        if let v = top["classification"], let c: Classification = r.enumValue(v, field: "classification") {
            classification = c
        }
        let incidentDate = r.string(top, "incident_date", path: nil)
        if let d = incidentDate, !isCalendarDate(d) {
            r.problem("incident_date", "not a date like 2026-03-28: '\(QuotedValue.shown(d))'")
        }
        let externalID = r.string(top, "external_id", path: nil)
        if let e = externalID, e.isEmpty { r.problem("external_id", "must not be empty when given") }
        let title = r.string(top, "title", path: nil)
        let category = r.string(top, "category", path: nil)
        let subcategory = r.string(top, "subcategory", path: nil)
        let agency = r.string(top, "agency", path: nil)
        let anonymous = r.bool(top, "anonymous", path: nil) ?? false
        let confidential = r.bool(top, "confidential", path: nil) ?? false
        // Tags are a set of words, as `act … tag` keeps them: a blank or repeated one is left out, said (QA:
        // `show` printed "a, a, " for an intake's ["a", "a", ""]).
        var tags: [String] = []
        for (k, tag) in (r.stringArray(top, "tags", path: nil) ?? []).enumerated() {
            if tag.isBlank {
                r.warning("tags[\(k)]", "blank tag left out")
            } else if tags.contains(tag) {
                r.warning("tags[\(k)]", "'\(QuotedValue.shown(tag))' repeats an earlier tag; kept once")
            } else {
                tags.append(tag)
            }
        }
        let location = top["location"].map { decodeLocation($0, &r) } ?? Location()
        let reporter = top["reporter"].map { decodeReporter($0, &r) } ?? Reporter()
        let attachments = r.array(top, "attachments", path: nil).map { decodeAttachments($0, &r) } ?? []

        guard r.problems.isEmpty, let channel, let body else { return .rejected(r.problems) }
        let intake = Intake(
            externalID: externalID, channel: channel, receivedAt: receivedAt, title: title, body: body,
            classification: classification, category: category, subcategory: subcategory, location: location,
            incidentDate: incidentDate, agency: agency, reporter: reporter, anonymous: anonymous,
            confidential: confidential, attachments: attachments, tags: tags, extra: r.extra)
        return .accepted(intake, warnings: r.warnings)
    }

    /// RFC 3339 date-time with an explicit offset (a bare date is refused: it has no time of day).
    static func parseTimestamp(_ text: String) -> Date? {
        guard text.utf8.count > 10 else { return nil }
        return ISOTime.parseWithOffset(text)?.date
    }

    /// `YYYY-MM-DD` naming a real calendar day.
    static func isCalendarDate(_ text: String) -> Bool {
        text.utf8.count == 10 && ISOTime.parse(text) != nil
    }

    private static func decodeLocation(_ v: JSONValue, _ r: inout IntakeFieldReader) -> Location {
        guard let m = r.members(of: v, path: "location", known: locationFields) else { return Location() }
        return Location(province: r.string(m, "province", path: "location"),
                        regency: r.string(m, "regency", path: "location"),
                        district: r.string(m, "district", path: "location"),
                        detail: r.string(m, "detail", path: "location"))
    }

    private static func decodeReporter(_ v: JSONValue, _ r: inout IntakeFieldReader) -> Reporter {
        guard let m = r.members(of: v, path: "reporter", known: reporterFields) else { return Reporter() }
        var groups: [ReporterGroup] = []
        for (k, item) in (r.array(m, "groups", path: "reporter") ?? []).enumerated() {
            if let g: ReporterGroup = r.enumValue(item, field: "reporter.groups[\(k)]"), !groups.contains(g) {
                groups.append(g)
            }
        }
        let nik = r.string(m, "nik", path: "reporter")
        if let nik, !Reporter.isNIK(nik) {
            r.problem("reporter.nik", "not a NIK (16 digits, as on the KTP): '\(QuotedValue.shown(nik))'")
        }
        return Reporter(name: r.string(m, "name", path: "reporter"), nik: nik,
                        phone: r.string(m, "phone", path: "reporter"), email: r.string(m, "email", path: "reporter"),
                        groups: groups)
    }

    private static func decodeAttachments(_ items: [JSONValue], _ r: inout IntakeFieldReader) -> [Attachment] {
        var out: [Attachment] = []
        for (k, item) in items.enumerated() {
            let path = "attachments[\(k)]"
            guard let m = r.members(of: item, path: path, known: attachmentFields) else { continue }
            let name = r.string(m, "name", path: path)
            let ref = r.string(m, "ref", path: path)
            guard let name, !name.isEmpty else {
                if m["name"] == nil { r.problem(path + ".name", "missing (required)") }
                else if name != nil { r.problem(path + ".name", "must not be empty") }
                continue
            }
            out.append(Attachment(name: name, ref: ref))
        }
        return out
    }
}
