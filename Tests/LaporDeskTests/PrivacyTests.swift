import Foundation
import XCTest

/// Reporter identity and *rahasia* reports never leave where they must not.
final class PrivacyTests: DeskTestCase {
    static let secretMarkers = ["Pelapor Uji", "3404012345", "+6281299990", "@mail.example", "Wibowo"]

    /// Twenty reports, one anonymous (no 2), one confidential (no 3) with a telling title, all disposed
    /// to Sleman so the agency admin sees them.
    func makePrivateDesk() throws -> (anonymous: String, confidential: String) {
        try makeDesk()
        var reports = Fixtures.twenty
        reports[1].anonymous = true
        reports[1].name = "Pelapor Uji 2 Wibowo Sulastriyani"
        reports[2].confidential = true
        reports[2].title = "RAHASIA-JUDUL dugaan suap pegawai"
        let text = reports.map(\.jsonLine).joined(separator: "\n") + "\n"
        try expect(0, ["import", try writeFile("p.jsonl", Data(text.utf8))])
        let rows = try listJSON(["--as", "rina"])
        func id(_ ext: String) throws -> String {
            try XCTUnwrap(rows.first { ($0["external_id"] as? String) == ext }?["id"] as? String)
        }
        let anonymous = try id("SMS-2025-0002")
        let confidential = try id("SMS-2025-0003")
        for r in [anonymous, confidential, try id("SMS-2025-0001")] {
            try expect(0, ["act", r, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        }
        return (anonymous, confidential)
    }

    func assertNoIdentity(_ data: Data, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = String(decoding: data, as: UTF8.self)
        for marker in Self.secretMarkers {
            XCTAssertFalse(text.contains(marker), "\(what) leaks '\(marker)'", file: file, line: line)
        }
        XCTAssertFalse(text.contains("RAHASIA-JUDUL"), "\(what) contains the confidential report", file: file, line: line)
        XCTAssertFalse(text.contains("suap pegawai"), "\(what) contains the confidential report", file: file, line: line)
    }

    func testPublicExportsCarryNoIdentityAndNoConfidentialReport() throws {
        _ = try makePrivateDesk()
        let first = try XCTUnwrap(try listJSON(["--as", "rina"]).first { ($0["external_id"] as? String) == "SMS-2025-0001" }?["id"] as? String)
        try expect(0, ["act", first, "note", "--text", "CATATAN-INTERNAL pelapor kerabat kepala dinas", "--as", "budi"])
        for format in ["jsonl", "csv", "open311", "intake"] {
            let published = try expect(0, ["export", "--public", "--format", format, "--as", "rina"]).stdout
            XCTAssertFalse(published.contains("CATATAN-INTERNAL"), "\(format): internal note published")
            // The address detail is free text the redaction procedure treats as personal data (QA).
            XCTAssertFalse(published.contains("RT 03 RW 05"), "\(format): address detail published")
            XCTAssertFalse(published.contains("\"rina\"") || published.contains("\"budi\""), "\(format): officers' names published")
        }
        for format in ["jsonl", "csv", "open311"] {
            for who in ["rina", "budi"] {
                let r = try expect(0, ["export", "--public", "--format", format, "--as", who])
                XCTAssertFalse(r.stdoutData.isEmpty)
                assertNoIdentity(r.stdoutData, "export --public --format \(format) --as \(who)")
            }
        }
        let toFile = scratch.appendingPathComponent("publik.csv").path
        try expect(0, ["export", "--public", "--format", "csv", "-o", toFile])
        assertNoIdentity(try Data(contentsOf: URL(fileURLWithPath: toFile)), "export --public -o")
        // Open311 leaves identity out even without --public.
        assertNoIdentity(try expect(0, ["export", "--format", "open311", "--as", "rina"]).stdoutData, "export --format open311")
        // The internal export as the national desk does have them (so the checks above can fail).
        let internalExport = try expect(0, ["export", "--format", "jsonl", "--as", "rina"]).stdout
        XCTAssertTrue(internalExport.contains("Pelapor Uji 1 Wibowo") && internalExport.contains("RAHASIA-JUDUL"))
        XCTAssertTrue(internalExport.contains("RT 03 RW 05"))
        XCTAssertTrue(try expect(0, ["export", "--format", "open311", "--as", "rina"]).stdout.contains("RT 03 RW 05"),
                      "an agency's own Open311 feed keeps the street detail")
    }

    /// QA: an archived duplicate of a rahasia report was published with `"duplicate_of"` naming it, which
    /// told the public the confidential report exists and its id.
    func testAPublicExportNamesNoConfidentialReportThroughADuplicateLink() throws {
        let (_, confidential) = try makePrivateDesk()
        let rows = try listJSON(["--as", "rina"])
        let other = try XCTUnwrap(rows.first { ($0["external_id"] as? String) == "SMS-2025-0004" }?["id"] as? String)
        try expect(0, ["act", other, "archive", "--reason", "duplikat", "--duplicate-of", confidential, "--as", "rina"])
        let published = try expect(0, ["export", "--public", "--format", "jsonl", "--as", "rina"]).stdout
        let line = try XCTUnwrap(published.split(separator: "\n").first { $0.contains("\"id\":\"\(other)\"") }, published)
        XCTAssertTrue(line.contains("\"duplicate_of\":null"), String(line))
        XCTAssertFalse(published.contains(confidential), "the rahasia report's id is published")
        // The desk's own export keeps the link.
        XCTAssertTrue(try expect(0, ["export", "--format", "jsonl", "--as", "rina"]).stdout.contains("\"duplicate_of\":\"\(confidential)\""))
    }

    func testAnonymousIdentityHiddenFromAgencyShownToNationalDesk() throws {
        let (anonymous, _) = try makePrivateDesk()
        let agencyList = try expect(0, ["list", "--json", "--as", "budi"])
        XCTAssertEqual(try JSONLines.objects(agencyList.stdout).count, 3)
        let anonRow = try XCTUnwrap(try JSONLines.objects(agencyList.stdout).first { ($0["id"] as? String) == anonymous })
        XCTAssertEqual(anonRow["anonymous"] as? Bool, true)
        let agencyLine = agencyList.stdout.split(separator: "\n").first { $0.contains("\"\(anonymous)\"") }.map(String.init) ?? ""
        XCTAssertFalse(agencyLine.contains("Pelapor Uji 2") || agencyLine.contains("3404012345670002"), agencyLine)

        for args in [["show", anonymous, "--as", "budi"], ["show", anonymous, "--json", "--as", "budi"],
                     ["export", "--as", "budi"], ["export", "--format", "csv", "--as", "budi"]] {
            let out = try expect(0, args).stdout
            for marker in ["Pelapor Uji 2 Wibowo", "3404012345670002", "+628129999002"] {
                XCTAssertFalse(out.contains(marker), "\(args) shows the anonymous reporter's \(marker)")
            }
        }
        let national = try expect(0, ["show", anonymous, "--as", "rina"]).stdout
        XCTAssertTrue(national.contains("Pelapor Uji 2 Wibowo"), national)
        XCTAssertTrue(national.contains("3404012345670002"), national)
        let nationalJSON = try expect(0, ["show", anonymous, "--json", "--as", "rina"]).stdout
        XCTAssertTrue(nationalJSON.contains("3404012345670002"), nationalJSON)
    }

    /// QA: fields sent inside `reporter` that the intake format does not know (kept verbatim) reached the
    /// agency under *anonim* and could not be redacted. They are identity now: hidden with it, redactable.
    func testUnknownReporterFieldsAreIdentityAndCanBeRedacted() throws {
        try makeDesk()
        let line = #"{"external_id":"an-1","channel":"sms","body":"Jalan rusak","anonymous":true,"agency":"pemkab-sleman","#
            + #""reporter":{"name":"Siti Rahasia","address":"Jl. Rumah Siti 5","whatsapp":"+628111"},"kanal_lain":"biasa","#
            + #""reporter_name":"Siti Lain"}"#
        try expect(0, ["import", try writeFile("an.jsonl", Data((line + "\n").utf8))])
        let id = try XCTUnwrap(try listJSON(["--as", "rina"]).first?["id"] as? String)
        for args in [["show", id, "--json", "--as", "budi"], ["export", "--as", "budi"]] {
            let out = try expect(0, args).stdout
            // QA: a top-level `reporter_name` (any unknown field may name the reporter) reached the agency too.
            for marker in ["Siti Rahasia", "Jl. Rumah Siti 5", "+628111", "Siti Lain", "biasa"] {
                XCTAssertFalse(out.contains(marker), "\(args) shows the anonymous reporter's \(marker)\n\(out)")
            }
        }
        let national = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        for marker in ["Jl. Rumah Siti 5", "Siti Lain", "biasa"] { XCTAssertTrue(national.contains(marker), national) }
        try expect(0, ["act", id, "redact", "--field", "reporter.address", "--field", "reporter.whatsapp",
                       "--reason", "Permintaan pelapor (UU PDP)", "--as", "rina"])
        let after = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        XCTAssertFalse(after.contains("Jl. Rumah Siti 5") || after.contains("+628111"), after)
        XCTAssertTrue(after.contains("[dihapus]"), after)
        let refused = try desk(["act", id, "redact", "--field", "reporter.hobby", "--reason", "x", "--as", "rina"])
        XCTAssertNotEqual(refused.code, 0, "a field this report does not have is refused")
    }

    func testOtherAgenciesCannotSeeTheReport() throws {
        let (anonymous, confidential) = try makePrivateDesk()
        XCTAssertEqual(try listJSON(["--as", "made"]).count, 0)
        for id in [anonymous, confidential] {
            let r = try desk(["show", id, "--as", "made"])
            XCTAssertNotEqual(r.code, 0)
            XCTAssertFalse(r.stdout.contains("Wibowo"))
        }
        let exported = try expect(0, ["export", "--as", "made"]).stdoutData
        assertNoIdentity(exported, "export as another agency")
    }

    func testSearchIsNoOracleForHiddenIdentity() throws {
        let (anonymous, _) = try makePrivateDesk()
        for term in ["Sulastriyani", "3404012345670002", "+628129999002"] {
            XCTAssertEqual(try listJSON(["--as", "budi", "--search", term]).count, 0, "agency finds the anonymous report by '\(term)'")
        }
        let national = try listJSON(["--as", "rina", "--search", "Sulastriyani"]).compactMap { $0["id"] as? String }
        XCTAssertTrue(national.isEmpty || national == [anonymous], "\(national)")
    }

    func testCSVExportDefusesFormulas() throws {
        try makeDesk()
        _ = try intake(["--title", "=HYPERLINK(\"http://x.example\",\"klik\")"], body: "@SUM(1+1) isi")
        let csv = try expect(0, ["export", "--format", "csv", "--public"]).stdout
        XCTAssertFalse(csv.contains(",=HYPERLINK") || csv.contains(",\"=HYPERLINK"), csv)
        XCTAssertTrue(csv.contains("'=HYPERLINK"), csv)
    }

    func testFlagsSetByTheDeskAfterIntakeTakeEffectEverywhere() throws {
        try makeDesk()
        let id = try intake(["--reporter-name", "Budiman Saksi", "--reporter-nik", "3404111122223333"],
                            body: "Dugaan suap di kantor kecamatan BUKTI-X")
        XCTAssertTrue(try expect(0, ["export", "--public"]).stdout.contains("BUKTI-X"), "control: public before the flag")
        try expect(0, ["act", id, "set-flags", "--confidential", "true", "--anonymous", "true", "--as", "rina"])
        for format in ["jsonl", "csv", "open311"] {
            XCTAssertFalse(try expect(0, ["export", "--public", "--format", format]).stdout.contains("BUKTI-X"), format)
        }
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        let agencyView = try expect(0, ["show", id, "--as", "budi"]).stdout
        XCTAssertFalse(agencyView.contains("Budiman") || agencyView.contains("3404111122223333"), agencyView)
        XCTAssertTrue(agencyView.contains("ANONIM") && agencyView.contains("RAHASIA"), "flags must be impossible to miss:\n\(agencyView)")
        try expect(1, ["act", id, "set-flags", "--anonymous", "false", "--as", "budi"])
        // QA (high): replaying the report to an event before the flag showed the identity to the agency and
        // the observer. A report anonim now is anonim in its past too; the national desk still sees it.
        for who in ["budi", "pelatih"] {
            for args in [["show", id, "--at-event", "1", "--as", who], ["show", id, "--at-event", "1", "--json", "--as", who]] {
                let replay = try expect(0, args).stdout
                XCTAssertFalse(replay.contains("Budiman") || replay.contains("3404111122223333"), "\(args):\n\(replay)")
            }
        }
        XCTAssertTrue(try expect(0, ["show", id, "--at-event", "1", "--as", "rina"]).stdout.contains("Budiman"))
    }
}
