import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

final class ReportExportTests: XCTestCase {
    static let hostile = "Judul \"kutip\" \\ \n\r\t\u{0}\u{1B}]52;c;aGk=\u{7}\u{9B}\u{2028} =SUM(A1) 😀"

    /// Five reports: plain, anonymous, confidential, followed-up and closed, with an internal note.
    private func sampleDesk() -> Desk {
        Fx.desk([
            (Fx.intake(1), [.disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi, rule: "rute.toml:4",
                                                  note: "CATATAN-DISPOSISI")),
                            .noteAdded(text: "CATATAN-INTERNAL-XYZ")]),
            (Fx.intake(2, anonymous: true), []),
            (Fx.intake(3, body: "ISI-RAHASIA-333", confidential: true), []),
            (Fx.intake(4), [.disposed(Disposition(agency: "dinkes", kind: .disposisi)),
                            .followedUp(text: "Sudah diperbaiki", attachments: []), .accepted(text: nil)]),
            (Fx.intake(5, body: Self.hostile), [.titleEdited(title: Self.hostile), .tagged(add: ["=cmd", "jalan"], remove: [])]),
        ])
    }

    private func exporter(hoursAfter h: Double) -> ReportExport {
        ReportExport(deadlines: Fx.deadlines, now: Fx.received.addingTimeInterval(h * 3600))
    }

    private func identityStrings() -> [String] {
        (1...5).flatMap { n -> [String] in
            let p = Fx.intake(n).reporter
            return [p.name, p.nik, p.phone, p.email].compactMap { $0 } + ["ktp-pelapor-\(n)"]
        }
    }

    func testListLineHasTheContractFields() throws {
        let desk = sampleDesk()
        let r = try XCTUnwrap(desk["2600001"])
        let line = exporter(hoursAfter: 1).jsonLine(r, identityVisible: true)
        XCTAssertFalse(line.contains("\n"))
        let obj = try XCTUnwrap(Fx.foundationJSON(line) as? [String: Any])
        for key in ["id", "status", "title", "channel", "category", "region", "agency", "received_at", "due", "overdue",
                    "anonymous", "confidential", "external_id"] {
            XCTAssertNotNil(obj[key], "missing \(key)")
        }
        XCTAssertEqual(obj["id"] as? String, "2600001")
        XCTAssertEqual(obj["status"] as? String, "terdisposisi")
        XCTAssertEqual(obj["region"] as? String, "Kabupaten Sleman")
        XCTAssertEqual(obj["agency"] as? String, "pemkab-sleman")
        XCTAssertEqual(obj["received_at"] as? String, "2026-04-01T08:16:00+07:00")
        XCTAssertEqual(obj["external_id"] as? String, "ext-1")
        XCTAssertEqual((obj["reporter"] as? [String: Any])?["name"] as? String, "Pelapor Rahasia 1")
        XCTAssertTrue(line.hasPrefix(#"{"id":"2600001","status":"terdisposisi","title":"Judul 1","#), "fixed key order")
    }

    func testHiddenIdentityLeavesNoTrace() throws {
        let r = try XCTUnwrap(sampleDesk()["2600002"])
        let line = exporter(hoursAfter: 1).jsonLine(r, identityVisible: false)
        XCTAssertTrue(line.contains(#""reporter":{"hidden":true}"#))
        for s in identityStrings() { XCTAssertFalse(line.contains(s), s) }
    }

    func testDueAndOverdue() throws {
        let r = try XCTUnwrap(sampleDesk()["2600002"]) // baru: verification clock, 3 working days
        let due = "2026-04-04T08:17:00+07:00"
        let onTrack = try XCTUnwrap(Fx.foundationJSON(exporter(hoursAfter: 1).jsonLine(r, identityVisible: true)) as? [String: Any])
        XCTAssertEqual(onTrack["due"] as? String, due)
        XCTAssertEqual(onTrack["overdue"] as? Bool, false)
        XCTAssertEqual(onTrack["due_soon"] as? Bool, false)
        let soon = try XCTUnwrap(Fx.foundationJSON(exporter(hoursAfter: 60).jsonLine(r, identityVisible: true)) as? [String: Any])
        XCTAssertEqual(soon["due_soon"] as? Bool, true)
        let late = try XCTUnwrap(Fx.foundationJSON(exporter(hoursAfter: 100).jsonLine(r, identityVisible: true)) as? [String: Any])
        XCTAssertEqual(late["overdue"] as? Bool, true)
        let closed = try XCTUnwrap(sampleDesk()["2600004"])
        let c = try XCTUnwrap(Fx.foundationJSON(exporter(hoursAfter: 100).jsonLine(closed, identityVisible: true)) as? [String: Any])
        XCTAssertTrue(c["due"] is NSNull)
        XCTAssertEqual(c["overdue"] as? Bool, false)
    }

    func testHostileStringsAreEscapedAndSurviveFoundationParsing() throws {
        let r = try XCTUnwrap(sampleDesk()["2600005"])
        let line = exporter(hoursAfter: 1).jsonLine(r, identityVisible: true)
        XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" })
        let obj = try XCTUnwrap(Fx.foundationJSON(line) as? [String: Any])
        XCTAssertEqual(obj["title"] as? String, Self.hostile)
        let full = try exporter(hoursAfter: 1).jsonl([r], public: false)
        XCTAssertEqual(full.filter { $0 == "\n" }.count, 1)
        let fobj = try XCTUnwrap(Fx.foundationJSON(full) as? [String: Any])
        XCTAssertEqual((fobj["intake"] as? [String: Any])?["body"] as? String, Self.hostile)
    }

    func testFullExportCarriesIntakeAndState() throws {
        let text = try exporter(hoursAfter: 1).jsonl(Fx.reports(sampleDesk()), public: false)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5)
        let first = try XCTUnwrap(Fx.foundationJSON(lines[0]) as? [String: Any])
        XCTAssertEqual(first["status"] as? String, "terdisposisi")
        let dispositions = try XCTUnwrap(first["dispositions"] as? [[String: Any]])
        XCTAssertEqual(dispositions.first?["note"] as? String, "CATATAN-DISPOSISI")
        let intake = try XCTUnwrap(first["intake"] as? [String: Any])
        XCTAssertEqual((intake["reporter"] as? [String: Any])?["nik"] as? String, "3404010000000011")
        let trail = try XCTUnwrap(first["trail"] as? [[String: Any]])
        XCTAssertEqual(trail.map { $0["type"] as? String }, ["report.received", "report.disposed", "report.note-added"])
        XCTAssertTrue(text.contains("CATATAN-INTERNAL-XYZ"))
        // The exported intake is an intake line again.
        let again = IntakeDecoder.decode(line: try JSONValue.parse(lines[0])["intake"]?.compactText ?? "", file: "x", line: 1,
                                         importTime: Fx.importTime)
        XCTAssertEqual(Fx.accepted(again)?.0, sampleDesk()["2600001"]?.intake)
    }

    func testIdentityCallbackHidesPerReport() throws {
        let text = try exporter(hoursAfter: 1).jsonl(Fx.reports(sampleDesk()), public: false) { !$0.anonymous }
        XCTAssertFalse(text.contains("Pelapor Rahasia 2"))
        XCTAssertTrue(text.contains("Pelapor Rahasia 1"))
    }

    func testPublicExportsLeakNoIdentityNoConfidentialReportNoInternalNote() throws {
        let reports = Fx.reports(sampleDesk())
        let e = exporter(hoursAfter: 1)
        let outputs = [try e.jsonl(reports, public: true), e.csv(reports, public: true),
                       e.csv(reports, separator: .semicolon, public: true), try e.open311(reports)]
        for out in outputs {
            let bytes = Array(out.utf8)
            for secret in identityStrings() + ["ISI-RAHASIA-333", "2600003", "ext-3", "CATATAN-INTERNAL-XYZ",
                                               "CATATAN-DISPOSISI", "rute.toml", "rina"] {
                XCTAssertNil(find(Array(secret.utf8), in: bytes), "\(secret) leaked into \(out.prefix(80))")
            }
            XCTAssertNotNil(find(Array("2600001".utf8), in: bytes))
        }
        // The non-public export does carry them, so the check above can fail.
        let internalExport = Array(try e.jsonl(reports, public: false).utf8)
        XCTAssertNotNil(find(Array("3404010000000011".utf8), in: internalExport))
        XCTAssertNotNil(find(Array("ISI-RAHASIA-333".utf8), in: internalExport))
    }

    /// QA: tags and the priority officers set for themselves (the trail marks both internal) went out in
    /// `--public` exports.
    func testPublicExportsLeaveOutTheDesksWorkingLabels() throws {
        let reports = Fx.reports(sampleDesk())
        let e = exporter(hoursAfter: 1)
        XCTAssertFalse(ReportExport.csvColumns(public: true).contains("tags"))
        XCTAssertFalse(ReportExport.csvColumns(public: true).contains("priority"))
        XCTAssertTrue(ReportExport.csvColumns(public: false).contains("tags"))
        let csvLines = e.csv(reports, public: true).split(separator: "\r\n")
        XCTAssertEqual(Set(csvLines.map { CSVReader.records(Array($0.utf8), from: 0, separator: 0x2C).first?.fields.count ?? 0 }).count, 1,
                       "every row as wide as the header")
        for line in try e.jsonl(reports, public: true).split(separator: "\n") {
            let object = try JSONValue.parse(String(line))
            XCTAssertNil(object["tags"])
            XCTAssertNil(object["priority"])
        }
        XCTAssertNotNil(try JSONValue.parse(String(try e.jsonl(reports, public: false).split(separator: "\n")[0]))["priority"])
    }

    func testDeletedReportsStayOutOfPublicExports() {
        let desk = Fx.desk([(Fx.intake(1), [.deleted(reason: .spam, note: nil)]), (Fx.intake(2), [])])
        let e = exporter(hoursAfter: 1)
        XCTAssertEqual(try e.jsonl(Fx.reports(desk), public: true).split(separator: "\n").count, 1)
        XCTAssertFalse(try e.open311(Fx.reports(desk)).contains("2600001"))
        XCTAssertEqual(try e.jsonl(Fx.reports(desk), public: false).split(separator: "\n").count, 2)
    }

    func testCSVIsSpreadsheetFriendly() throws {
        let e = exporter(hoursAfter: 1)
        let text = e.csv(Fx.reports(sampleDesk()), separator: .semicolon, public: false)
        let bytes = Array(text.utf8)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let records = CSVReader.records(bytes, from: 3, separator: UInt8(ascii: ";"))
        XCTAssertEqual(records.count, 6)
        XCTAssertTrue(records.allSatisfy { $0.error == nil })
        let header = records[0].fields.map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(header, ReportExport.csvColumns(public: false))
        let hostileRow = records[5].fields.map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(hostileRow.count, header.count)
        XCTAssertEqual(hostileRow[header.firstIndex(of: "title") ?? 0], Self.hostile, "quoted, newlines kept")
        XCTAssertEqual(hostileRow[header.firstIndex(of: "tags") ?? 0], "'=cmd|jalan", "formula defused")
        XCTAssertEqual(hostileRow[header.firstIndex(of: "reporter_name") ?? 0], "Pelapor Rahasia 5")
    }

    func testCSVCellQuotingAndFormulaPrefix() {
        XCTAssertEqual(CSVWriter.cell("a,b", separator: .comma), "\"a,b\"")
        XCTAssertEqual(CSVWriter.cell("a,b", separator: .semicolon), "a,b")
        XCTAssertEqual(CSVWriter.cell("a;b", separator: .semicolon), "\"a;b\"")
        XCTAssertEqual(CSVWriter.cell("say \"hi\"", separator: .comma), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.cell("=1+2", separator: .comma), "'=1+2")
        XCTAssertEqual(CSVWriter.cell("+62811", separator: .comma), "'+62811")
        XCTAssertEqual(CSVWriter.cell("-x", separator: .comma), "'-x")
        XCTAssertEqual(CSVWriter.cell("@SUM(1)", separator: .comma), "'@SUM(1)")
        XCTAssertEqual(CSVWriter.cell("a=b", separator: .comma), "a=b")
        // QA: a spreadsheet drops a phone number's leading zero and rounds a 16-digit NIK.
        XCTAssertEqual(CSVWriter.cell("081234567890", separator: .comma), "'081234567890")
        XCTAssertEqual(CSVWriter.cell("3404012345670001", separator: .comma), "'3404012345670001")
        XCTAssertEqual(CSVWriter.cell("2600001", separator: .comma), "2600001", "tracking ids stay numbers")
        XCTAssertEqual(CSVWriter.cell("0", separator: .comma), "0")
    }

    func testCSVIdentityColumnsEmptyWhenNotVisible() {
        let text = exporter(hoursAfter: 1).csv(Fx.reports(sampleDesk()), public: false) { !$0.anonymous }
        XCTAssertFalse(text.contains("Pelapor Rahasia 2"))
        XCTAssertTrue(text.contains("Pelapor Rahasia 1"))
    }

    private func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        for k in 0...(hay.count - needle.count) where hay[k] == needle[0] && Array(hay[k..<k + needle.count]) == needle {
            return k
        }
        return nil
    }
}

final class ReportExportLineTests: XCTestCase {
    func testJSONLLineMatchesTheWholeExportAndSkipsUnpublishable() throws {
        let desk = Fx.desk([(Fx.intake(1), []), (Fx.intake(2, confidential: true), [])])
        let e = ReportExport(deadlines: Fx.deadlines, now: Fx.received)
        let reports = Fx.reports(desk)
        let lines = try reports.compactMap { try e.jsonlLine($0, public: true, identityVisible: true) }
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.map { $0 + "\n" }.joined(), try e.jsonl(reports, public: true))
        XCTAssertFalse(lines[0].contains("Pelapor Rahasia"), "public mode hides identity even if asked to show it")
        XCTAssertNotNil(try e.jsonlLine(reports[1], public: false, identityVisible: true))
    }
}
