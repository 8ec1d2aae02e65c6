import Foundation
import XCTest

/// `lapor-desk stats` and `lapor-desk export --format csv --report monthly` on a real data folder:
/// twenty reports, ten received on 2 June 2025 (`Fixtures.longAgo`) and ten now.
final class ReportsCLITests: DeskTestCase {
    let june = ["--from", "2025-06-01", "--to", "2025-06-30"]

    func makeTwenty() throws {
        try makeDesk()
        let text = Fixtures.twenty.map(\.jsonLine).joined(separator: "\n") + "\n"
        try expect(0, ["import", try writeFile("twenty.jsonl", Data(text.utf8))])
    }

    func statsJSON(_ extra: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let r = try expect(0, ["stats", "--json"] + extra, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.transcript)
    }

    func oldIDs() throws -> [String] {
        try listJSON(["--as", "rina"]).filter { ($0["received_at"] as? String)?.hasPrefix("2025-06-02") == true }
            .compactMap { $0["id"] as? String }.sorted()
    }

    func testStatsForAPastMonthCountsItsReportsAndKeepsTheOldKeys() throws {
        try makeTwenty()
        let o = try statsJSON(june + ["--as", "rina"])
        XCTAssertEqual(o["received"] as? Int, 10)
        // The old keys still describe the whole desk now.
        XCTAssertEqual(o["total"] as? Int, 20)
        XCTAssertEqual(o["overdue"] as? Int, 10)
        XCTAssertEqual((o["by_status"] as? [String: Int])?["baru"], 20)
        XCTAssertNotNil(o["by_channel"] as? [String: Int])
        XCTAssertNotNil(o["by_agency"] as? [String: Int])
        XCTAssertNotNil(o["due_soon"] as? Int)
        let days = try XCTUnwrap(o["received_per_day"] as? [[String: Any]])
        XCTAssertEqual(days.count, 30)
        XCTAssertEqual(days.first { $0["date"] as? String == "2025-06-02" }?["count"] as? Int, 10)
        XCTAssertEqual(days.compactMap { $0["count"] as? Int }.reduce(0, +), 10)
        // All ten still wait for verification, long overdue.
        let overdue = try XCTUnwrap(o["most_overdue"] as? [[String: Any]])
        XCTAssertEqual(overdue.count, 10)
        XCTAssertEqual((o["working_days"] as? [String: [String: Any]])?["verification"]?["waiting"] as? Int, 10)
        XCTAssertTrue((o["working_days"] as? [String: [String: Any]])?["verification"]?["median"] is NSNull)
    }

    func testDefaultPeriodIsThisMonthSoFar() throws {
        try makeTwenty()
        let o = try statsJSON(["--as", "rina"])
        XCTAssertEqual(o["received"] as? Int, 10)
        let period = try XCTUnwrap(o["period"] as? [String: Any])
        XCTAssertEqual((period["from"] as? String)?.suffix(2), "01")
    }

    func testAgencyScopeAndTheAgencyOfficersView() throws {
        try makeTwenty()
        let old = try oldIDs()
        XCTAssertEqual(old.count, 10)
        for id in old.prefix(2) { try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"]) }
        let scoped = try statsJSON(june + ["--agency", "pemkab-sleman", "--as", "rina"])
        XCTAssertEqual(scoped["received"] as? Int, 2)
        XCTAssertEqual(((scoped["counts"] as? [String: Any])?["status"] as? [String: Any])?["terdisposisi"] as? Int, 2)
        // Verification of both took from 2 June 2025 to today: samples, no longer waiting.
        XCTAssertEqual((scoped["working_days"] as? [String: [String: Any]])?["verification"]?["samples"] as? Int, 2)
        // Sleman's coordinator sees only those two, whatever the scope.
        XCTAssertEqual(try statsJSON(june + ["--as", "budi"])["received"] as? Int, 2)
        XCTAssertEqual(try statsJSON(june + ["--as", "made"])["received"] as? Int, 0)
        // Old reports 5 and 6 are in Kabupaten Bandung: two, which the whole desk's report shows as "< 5", so the
        // region's own report shows no figure at all (QA: narrowing printed "Diterima: 2").
        let region = try statsJSON(june + ["--region", "kabupaten bandung", "--as", "rina"])
        XCTAssertNil(region["received"])
        XCTAssertEqual(region["hidden"] as? String,
                       "This scope holds fewer than five reports: its figures are not shown, since they could point at a person.")
        let text = try expect(0, ["stats", "--region", "kabupaten bandung", "--as", "rina"] + june).stdout
        XCTAssertTrue(text.contains("Cakupan ini memuat kurang dari lima laporan"), text)
        XCTAssertFalse(text.contains("Diterima:"), text)
        let csv = try expect(0, ["export", "--format", "csv", "--report", "monthly", "--region", "kabupaten bandung", "--as", "rina"] + june).stdout
        XCTAssertTrue(csv.contains("hidden,scope,"), csv)
        XCTAssertFalse(csv.contains("received,total"), csv)
    }

    func testReadableStatsHaveABarChartAndNoIdentity() throws {
        try makeTwenty()
        let r = try expect(0, ["stats", "--as", "rina"] + june)
        XCTAssertTrue(r.stdout.contains("Diterima: 10"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2025-06-02 Sen ████████████████████████████████████████ 10"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2025-06-03 Sel"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Ke verifikasi"), r.stdout)
        // Labels are never cut: the id in brackets is what a script reads (QA: "(permintaan-inform…").
        XCTAssertTrue(r.stdout.contains("  Permintaan Informasi (permintaan-informasi) "), r.stdout)
        XCTAssertFalse(r.stdout.contains("…"), r.stdout)
        for secret in ["Pelapor Uji", "Wibowo", "34040123456700", "+62812999900", "@mail.example"] {
            XCTAssertFalse(r.stdout.contains(secret), "stats leaks \(secret)")
        }
        for c in r.stdout.unicodeScalars where c.value < 0x20 && c != "\n" {
            XCTFail("control character \(c.value) in the output")
        }
    }

    func testBadDatesAreUsageErrors() throws {
        try makeTwenty()
        for args in [["--from", "2025-13-01"], ["--to", "30-06-2025"], ["--to", "2025-02-30"],
                     ["--from", "2025-07-01", "--to", "2025-06-01"]] {
            let r = try expect(2, ["stats"] + args)
            XCTAssertTrue(r.stderr.contains("--from") || r.stderr.contains("--to"), r.transcript)
            XCTAssertTrue(r.stdout.isEmpty, r.transcript)
        }
        XCTAssertTrue(try expect(2, ["stats", "--from", "kemarin"]).stderr.contains("YYYY-MM-DD"))
        XCTAssertTrue(try expect(2, ["stats", "--agency", "tidak-ada"]).stderr.contains("tidak-ada"))
        // A mistyped region was an empty report that looked like a quiet month.
        XCTAssertTrue(try expect(2, ["stats", "--region", "Atlantis"]).stderr.contains("--region: no province or regency/city matches 'Atlantis'"))
        try expect(0, ["stats", "--region", "sleman"])
        try expect(0, ["stats", "--region", "DI Yogyakarta"])
    }

    /// `list` does not refuse names outside the reference data (reports may carry them), but a name that
    /// matches no report and nothing in the reference data is a usage error, for a topic as for a place, as
    /// in `stats` (QA: `--category nope` said nothing, then exited 0).
    func testAnEmptyListForAnUnknownTopicOrPlaceSaysSo() throws {
        try makeTwenty()
        let topic = try expect(2, ["list", "--category", "Atlantis"])
        XCTAssertTrue(topic.stderr.contains("--category: no topic in referensi/kategori.toml matches 'Atlantis'"), topic.transcript)
        let place = try expect(2, ["list", "--region", "Atlantis"])
        XCTAssertTrue(place.stderr.contains("--region: no province or regency/city in referensi/wilayah.toml matches 'Atlantis'"), place.transcript)
        let health = try expect(0, ["list", "--category", "Kesehatan"])
        XCTAssertFalse(health.stderr.contains("--category"))
        XCTAssertFalse(health.stdout.isEmpty)
        // Spacing, case and the topic's id name the same topic (QA: "Kesehatan " and `pendidikan` listed nothing).
        for variant in ["Kesehatan ", "  kesehatan", "KESEHATAN"] {
            XCTAssertEqual(try expect(0, ["list", "--category", variant]).stdout, health.stdout, variant)
        }
        XCTAssertEqual(try expect(0, ["list", "--category", "pendidikan"]).stdout,
                       try expect(0, ["list", "--category", "Pendidikan dan Kebudayaan"]).stdout)
        XCTAssertTrue(try expect(2, ["list", "--category", " "]).stderr.contains("--category: empty"))
        XCTAssertTrue(try expect(2, ["list", "--region", ""]).stderr.contains("--region: empty"))
        // A topic outside the reference data that a report carries is still a filter.
        let id = try intake(["--category", "Topik Luar Daftar"])
        XCTAssertEqual(try expect(0, ["list", "--category", "Topik Luar Daftar"]).stdout.split(separator: " ").first.map(String.init), id)
    }

    func testMonthlyCSVOpensCleanlyInASpreadsheet() throws {
        try makeTwenty()
        let r = try expect(0, ["export", "--format", "csv", "--report", "monthly", "--separator", ";", "--as", "rina"] + june)
        let bytes = [UInt8](r.stdoutData)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("section;key;value\r\n"), text)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let rows = Set(text.components(separatedBy: "\r\n"))
        for expected in ["received;total;10", "received_per_day;2025-06-02;10", "received_per_day;2025-06-30;0",
                         "period;from;2025-06-01", "period;to;2025-06-30", "samples;verification;0",
                         "median_working_days;verification;", "region;Kabupaten Sleman;7"] {
            XCTAssertTrue(rows.contains(expected), "missing \(expected)\n\(text)")
        }
        XCTAssertFalse(text.contains("Pelapor Uji"))
        // To a file, and with the default comma separator.
        let path = scratch.appendingPathComponent("bulanan.csv").path
        try expect(0, ["export", "--format", "csv", "--report", "monthly", "-o", path] + june)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(file.contains("\r\nreceived,total,10\r\n"))
    }

    func testPublicMonthlyCSVLeavesOutReportIDs() throws {
        try makeTwenty()
        let ids = try oldIDs()
        let r = try expect(0, ["export", "--format", "csv", "--report", "monthly", "--public"] + june)
        XCTAssertFalse(ids.contains { r.stdout.contains($0) }, r.stdout)
        let internalCopy = try expect(0, ["export", "--format", "csv", "--report", "monthly"] + june)
        XCTAssertTrue(internalCopy.stdout.contains("most_overdue_working_days;".replacingOccurrences(of: ";", with: ",") + ids[0]))
    }

    func testReportOptionsNeedEachOther() throws {
        try makeTwenty()
        XCTAssertTrue(try expect(2, ["export", "--format", "jsonl", "--report", "monthly"]).stderr.contains("--format csv"))
        XCTAssertTrue(try expect(2, ["export", "--format", "csv", "--from", "2025-06-01"]).stderr.contains("--report"))
        try expect(2, ["export", "--format", "csv", "--report", "yearly"])
        // Without --report the export is the report list it always was.
        let plain = try expect(0, ["export", "--format", "csv", "--as", "rina"])
        XCTAssertFalse(plain.stdout.contains("section,key,value"))
    }
}
