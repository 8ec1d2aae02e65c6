import Foundation
import XCTest

/// The redaction procedure (README "Erasing personal data"): one journaled `report.redacted` event per
/// erasure, naming the fields and the legal basis; afterwards no output path shows the erased data, while
/// the journal keeps every event, including the redaction itself.
final class RedactionProcedureTests: DeskTestCase {
    static let markers = ["NAMA-RAHASIA-X", "3404999988887777", "+6281277776666", "erase.me@mail.example",
                          "ISI-PRIBADI-X", "JUDUL-PRIBADI-X", "RUMAH-NO-13-X", "ktp-scan-X.jpg", "JUDUL-EDIT-X"]

    func makeRedactedDesk() throws -> String {
        try makeDesk()
        let object: [String: Any] = [
            "channel": "web", "external_id": "ERASE-1", "title": "JUDUL-PRIBADI-X jalan rusak",
            "body": "ISI-PRIBADI-X tinggal di RT 03", "category": "Kesehatan",
            "location": ["province": "DI Yogyakarta", "regency": "Kabupaten Sleman", "detail": "RUMAH-NO-13-X"],
            "reporter": ["name": "NAMA-RAHASIA-X", "nik": "3404999988887777", "phone": "+6281277776666", "email": "erase.me@mail.example"],
            "attachments": [["name": "ktp-scan-X.jpg", "ref": "sha256:abc"]],
        ]
        try expect(0, ["import", try writeFile("e.jsonl", try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8))])
        let id = try XCTUnwrap(try listJSON(["--as", "rina"]).first?["id"] as? String)
        // Control: before the redaction every marker is shown to the national desk.
        let before = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        for m in Self.markers.dropLast() { XCTAssertTrue(before.contains(m), "control: \(m) shown before redaction") }
        try expect(0, ["act", id, "edit-title", "--title", "JUDUL-EDIT-X untuk NAMA-RAHASIA-X", "--as", "rina"])
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        try expect(0, ["act", id, "redact", "--field", "reporter.name", "--field", "reporter.nik", "--field", "reporter.phone",
                       "--field", "reporter.email", "--field", "body", "--field", "title", "--field", "location.detail",
                       "--field", "attachments", "--reason", "Permintaan penghapusan data pribadi, UU 27/2022 Pasal 8", "--as", "rina"])
        return id
    }

    func testAfterRedactionNoOutputPathShowsTheErasedData() throws {
        let id = try makeRedactedDesk()
        var paths: [[String]] = [["show", id], ["show", id, "--json"], ["list"], ["list", "--json"], ["stats"], ["stats", "--json"]]
        for format in ["jsonl", "csv", "open311"] {
            paths.append(["export", "--format", format])
            paths.append(["export", "--format", format, "--public"])
        }
        for role in ["rina", "budi", "pelatih"] {
            for args in paths {
                let r = try expect(0, args + ["--as", role])
                for m in Self.markers {
                    XCTAssertFalse(r.stdout.contains(m) || r.stderr.contains(m), "\(args.joined(separator: " ")) --as \(role) still shows \(m)")
                }
            }
            for m in Self.markers {
                let found = try listJSON(["--as", role, "--search", m]).compactMap { $0["id"] as? String }
                XCTAssertFalse(found.contains(id), "search as \(role) still finds the report by \(m)")
            }
        }
        let shown = try expect(0, ["show", id, "--as", "rina"]).stdout
        XCTAssertTrue(shown.contains("[dihapus]"), "the erasure is visible as such:\n\(shown)")
        // The intake format leaves erased identity fields out, so `import` reads the export back (QA: it
        // refused "[dihapus]" as a NIK); nothing erased comes back.
        let intake = try expect(0, ["export", "--format", "intake", "--as", "rina"]).stdout
        for m in Self.markers { XCTAssertFalse(intake.contains(m), "intake export shows \(m)") }
        let copy = scratch.appendingPathComponent("salinan").path
        XCTAssertEqual(try CLI.run(["init", "--data", copy]).code, 0)
        let back = try CLI.run(["import", "--data", copy, try writeFile("kembali.jsonl", Data(intake.utf8))])
        XCTAssertEqual(back.code, 0, back.transcript)
        XCTAssertTrue(shown.contains("report.redacted") && shown.contains("UU 27/2022"), "the trail shows the redaction and its basis")
    }

    func testTheJournalKeepsTheTrailAndTheRedactionEvent() throws {
        let id = try makeRedactedDesk()
        let events = try journalObjects()
        XCTAssertEqual(events.compactMap { $0["type"] as? String },
                       ["report.received", "report.title-edited", "report.disposed", "report.redacted"], "history is appended to, never rewritten")
        let redaction = try XCTUnwrap(events.last)
        XCTAssertEqual(redaction["report"] as? String, id)
        XCTAssertEqual((redaction["actor"] as? [String: Any])?["name"] as? String, "rina")
        let data = try XCTUnwrap(redaction["data"] as? [String: Any])
        XCTAssertEqual((data["fields"] as? [String])?.count, 8)
        XCTAssertTrue((data["reason"] as? String)?.contains("UU 27/2022") ?? false)
        XCTAssertFalse(try String(contentsOf: journalFile, encoding: .utf8).split(separator: "\n").last?.contains("NAMA-RAHASIA-X") ?? true,
                       "the redaction event does not repeat what it erases")
        try expect(0, ["check"])
        // A reopened desk (new process) still applies the redaction.
        XCTAssertFalse(try expect(0, ["export", "--as", "rina"]).stdout.contains("3404999988887777"))
    }

    func testOnlyTheNationalDeskRedactsAndOnlyKnownFieldsWithAReason() throws {
        try makeDesk()
        let id = try intake(["--reporter-name", "Siti Redaksi"])
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        try expect(1, ["act", id, "redact", "--field", "reporter.name", "--reason", "x", "--as", "budi"])
        try expect(1, ["act", id, "redact", "--field", "reporter.name", "--reason", "x", "--as", "pelatih"])
        try expect(1, ["act", id, "redact", "--field", "reporter.alamat", "--reason", "x", "--as", "rina"])
        XCTAssertNotEqual(try desk(["act", id, "redact", "--field", "reporter.name", "--as", "rina"]).code, 0, "a legal basis is required")
        XCTAssertFalse(try journalObjects().contains { ($0["type"] as? String) == "report.redacted" })
    }
}
