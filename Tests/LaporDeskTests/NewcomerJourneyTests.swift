import Foundation
import XCTest

/// The issue's "done when": a newcomer creates a desk, imports a real-looking file and walks one report
/// from the national desk to the agency, its work unit and back with a follow-up.
final class NewcomerJourneyTests: DeskTestCase {
    func testNewcomerJourneyFromInitToFollowUp() throws {
        try makeDesk()
        let path = try writeFile("laporan.jsonl", Fixtures.dirtyFile.bytes)

        // Import: the bad line is named, the rest (BOM, CRLF and blank line included) is recorded.
        let imported = try expect(1, ["import", path])
        XCTAssertTrue(imported.stderr.contains("\(path):\(Fixtures.dirtyFile.badLine): body:"),
                      "bad line must be named FILE:LINE: field:\n\(imported.stderr)")
        XCTAssertTrue(imported.stderr.contains("Diimpor 20 laporan"), imported.stderr)
        let all = try listJSON(["--as", "rina"])
        XCTAssertEqual(all.count, 20)
        XCTAssertEqual(Set(all.compactMap { $0["external_id"] as? String }).count, 20)
        XCTAssertTrue(all.allSatisfy { ($0["status"] as? String) == "baru" })
        let first = try XCTUnwrap(all.first { ($0["external_id"] as? String) == "SMS-2025-0001" })
        XCTAssertEqual(first["title"] as? String, "Puskesmas Depok antre sampai sore", "BOM must not leak into the first line")
        for key in ["id", "status", "title", "channel", "category", "region", "agency", "received_at", "due", "overdue",
                    "anonymous", "confidential", "external_id"] {
            XCTAssertTrue(first.keys.contains(key), "list --json lacks \(key): \(first)")
        }

        // Overdue: the ten received long ago, and only those.
        let overdue = try listJSON(["--overdue", "--as", "rina"])
        XCTAssertEqual(overdue.count, 10, "\(overdue.map { $0["external_id"] ?? "" })")
        XCTAssertTrue(overdue.allSatisfy { ($0["overdue"] as? Bool) == true })
        let text = try expect(0, ["list", "--overdue", "--as", "rina"]).stdout
        XCTAssertTrue(text.contains("TERLAMBAT"), text)
        // The day count of an overdue report is never cut off (it was "TERLAMBAT 15…" for three-digit counts).
        let badges = text.split(separator: "\n").compactMap { $0.range(of: #"TERLAMBAT [0-9]+h "#, options: .regularExpression) }
        XCTAssertEqual(badges.count, 10, text)
        let overdueStats = try expect(0, ["stats", "--from", "2020-01-01", "--as", "rina"]).stdout
        XCTAssertTrue(overdueStats.contains("hari kerja") && !overdueStats.contains("kerjasejak"), overdueStats)

        // The health complaint in Sleman walks the whole lifecycle.
        let id = try XCTUnwrap(first["id"] as? String)
        let disposed = try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        XCTAssertTrue(disposed.stdout.contains("report.disposed"), disposed.stdout)
        try expect(0, ["act", id, "assign-unit", "--unit", "pemkab-sleman/dinkes", "--as", "budi"])
        try expect(0, ["act", id, "follow-up", "--text", "Jadwal dokter ditambah mulai Senin.", "--as", "sari"])

        let shown = try expect(0, ["show", id, "--as", "rina"]).stdout
        XCTAssertTrue(shown.contains("ditindaklanjuti"), shown)
        for (actor, type) in [("rina", "report.disposed"), ("budi", "report.assigned-to-unit"), ("sari", "report.followed-up")] {
            XCTAssertTrue(shown.split(separator: "\n").contains { $0.contains(actor) && $0.contains(type) },
                          "trail lacks \(type) by \(actor):\n\(shown)")
        }
        XCTAssertTrue(shown.contains("report.received"), shown)
        XCTAssertTrue(shown.contains("Jadwal dokter ditambah mulai Senin."), shown)

        let json = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["status"] as? String, "ditindaklanjuti")
        XCTAssertEqual(object["agency"] as? String, "pemkab-sleman")
        let trail = try XCTUnwrap(object["trail"] as? [[String: Any]])
        XCTAssertEqual(trail.compactMap { $0["type"] as? String },
                       ["report.received", "report.disposed", "report.assigned-to-unit", "report.followed-up"])
        XCTAssertEqual(trail.compactMap { ($0["actor"] as? [String: Any])?["name"] as? String }.suffix(3), ["rina", "budi", "sari"])

        // The report left the overdue list of the national desk's verification clock only if it is now
        // on a fresh clock; the stats still count twenty reports.
        let stats = try expect(0, ["stats", "--json", "--as", "rina"]).stdout
        let s = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any])
        XCTAssertEqual(s["total"] as? Int, 20)
    }

    func testEveryActorSeesOnlyTheirQueue() throws {
        try makeDesk()
        let a = try intake(["--regency", "Kabupaten Sleman", "--province", "DI Yogyakarta", "--category", "Kesehatan"])
        _ = try intake(["--regency", "Kabupaten Bandung", "--province", "Jawa Barat"], body: "Jalan rusak di Soreang.")
        XCTAssertEqual(try listJSON(["--as", "budi"]).count, 0, "an agency sees nothing before disposition")
        try expect(0, ["act", a, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        XCTAssertEqual(try listJSON(["--as", "budi"]).compactMap { $0["id"] as? String }, [a])
        XCTAssertEqual(try listJSON(["--as", "made"]).count, 0)
        XCTAssertEqual(try listJSON(["--as", "rina"]).count, 2)
    }
}
