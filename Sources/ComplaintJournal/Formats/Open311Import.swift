import Complaints
import Foundation

/// Open311 GeoReport v2 service requests (formats.md §4): the open interchange format for civic requests,
/// so other desks and city systems can hand reports over without a custom converter.
public enum Open311 {
    /// GeoReport v2 request fields that map to intake fields, with the intake field each becomes.
    static let mapped: [String: String] = [
        "service_request_id": "external_id", "description": "body", "service_name": "category",
        "requested_datetime": "received_at", "address": "location.detail",
    ]
    /// GeoReport v2's fields about the person who made the request: they are the reporter's identity, so they
    /// go to the reporter (hidden under *anonim*, left out of public exports, redactable), never to `extra`
    /// as plain text. Device and account ids are kept under `reporter.` names for the same reasons.
    static let identity: Set<String> = ["email", "phone", "device_id", "account_id"]

    /// Fields the intake decoder does not know but GeoReport v2 has: no warning for them (the requester's
    /// device and account ids arrive as reporter extras).
    static let expectedUnknown = knownUnmapped.union(["reporter.device_id", "reporter.account_id"])

    /// Other GeoReport v2 fields: kept in `Intake.extra` verbatim, but expected, so no warning.
    static let knownUnmapped: Set<String> = [
        "agency_responsible", "status", "status_notes", "service_code", "service_notice", "updated_datetime",
        "expected_datetime", "address_id", "zipcode", "lat", "long", "media_url", "token",
    ]

    /// Decodes a JSON array of service requests into intakes with channel `api`. A problem's line is the text
    /// line where the element starts (`FILE:LINE:` as everywhere), and its message names the element's
    /// position in the array; a JSON syntax error names the text line and byte column and rejects the file.
    public static func decode(bytes: [UInt8], fileName: String, importTime: Date) -> IntakeBatch {
        var builder = IntakeBatchBuilder(fileName: fileName)
        let start = IntakeFile.hasBOM(bytes) ? 3 : 0
        let body = Array(bytes[start...])
        let root: JSONValue
        do {
            root = try JSONValue.parse(body)
        } catch {
            let (line, column) = position(of: error.offset, in: body)
            builder.reject([IntakeProblem(file: fileName, line: line,
                                          message: "not valid JSON: \(error.message) at byte column \(column)")])
            return builder.batch
        }
        guard case let .array(items) = root else {
            builder.reject([IntakeProblem(file: fileName, line: 1,
                                          message: "expected a JSON array of service requests, found \(root.typeName)")])
            return builder.batch
        }
        let starts = elementLines(body)
        for (index, item) in items.enumerated() {
            let element = index + 1
            let line = starts.count == items.count ? starts[index] : element
            let note = " (service request \(element) of the array)"
            switch decodeRequest(item, fileName: fileName, element: line, importTime: importTime) {
            case let .accepted(intake, warnings):
                builder.accept(intake, line: line, warnings: warnings.map { renamed($0, note: note) }, note: note)
            case let .rejected(problems):
                builder.reject(problems.map { problem in
                    var p = renamed(problem, note: note)
                    p.record = element
                    return p
                })
            }
        }
        return builder.batch
    }

    private static func decodeRequest(_ item: JSONValue, fileName: String, element: Int,
                                      importTime: Date) -> IntakeDecoding {
        guard case let .object(members) = item else {
            return IntakeDecoder.decode(value: item, file: fileName, line: element, importTime: importTime)
        }
        var top: [JSONValue.Member] = [.init("channel", .string(Channel.api.rawValue))]
        var location: [JSONValue.Member] = []
        var reporter: [JSONValue.Member] = []
        var names: [String] = []
        for m in members {
            if m.key == "first_name" || m.key == "last_name" {
                if case let .string(text) = m.value, !text.isEmpty { names.append(text) }
                continue
            }
            if identity.contains(m.key) {
                if m.value != .null { reporter.append(m) }
                continue
            }
            switch mapped[m.key] {
            case "location.detail"?: location.append(.init("detail", m.value))
            case let target?:
                // Ids are often numbers in GeoReport servers; keep their text.
                if target == "external_id", case let .number(n) = m.value { top.append(.init(target, .string(n))) }
                else { top.append(.init(target, m.value)) }
            case nil where mapped.values.contains(m.key) || m.key == "channel" || m.key == "location":
                // Would collide with a mapped field: kept verbatim under a distinct name.
                top.append(.init("open311." + m.key, m.value))
            case nil: top.append(m) // unknown to the intake: kept verbatim in `extra`
            }
        }
        if !location.isEmpty { top.append(.init("location", .object(location))) }
        if !names.isEmpty { reporter.append(.init("name", .string(names.joined(separator: " ")))) }
        if !reporter.isEmpty { top.append(.init("reporter", .object(reporter))) }
        let decoded = IntakeDecoder.decode(value: .object(top), file: fileName, line: element, importTime: importTime)
        guard case let .accepted(intake, warnings) = decoded else { return decoded }
        var kept = warnings.filter { !expectedUnknown.contains($0.field ?? "") }
        // GeoReport v2 knows two statuses; another is kept verbatim like the rest, but said (QA: "weird" passed).
        if let status = members.first(where: { $0.key == "status" })?.value, status != .null,
           status != .string("open"), status != .string("closed") {
            kept.append(IntakeProblem(file: fileName, line: element, field: "status",
                                      message: "\(status.compactText) is neither open nor closed (GeoReport v2); kept verbatim"))
        }
        return .accepted(intake, warnings: kept)
    }

    /// Names fields as the Open311 sender wrote them and says the "line" is an array element.
    private static func renamed(_ p: IntakeProblem, note: String) -> IntakeProblem {
        var p = p
        if let field = p.field {
            let back = mapped.first { $0.value == field }?.key
            p.field = back ?? (field == "channel" ? nil : field)
        }
        p.message += note
        return p
    }

    /// The text line on which each element of the top-level array starts (the text is valid JSON: it parsed).
    static func elementLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var expectElement = false
        for b in bytes {
            if b == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            let blank = b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
            if expectElement, !blank, b != 0x5D {
                lines.append(line)
                expectElement = false
            }
            switch b {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth == 1 { expectElement = true }
            case 0x5D, 0x7D: depth -= 1
            case 0x2C where depth == 1: expectElement = true
            default: break
            }
        }
        return lines
    }

    /// 1-based text line and byte column of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return (line, offset - lineStart + 1)
    }
}
