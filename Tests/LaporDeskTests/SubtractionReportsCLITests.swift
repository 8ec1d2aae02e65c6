import Foundation
import XCTest

/// `stats`, `stats --json` and the monthly CSV never let a "< 5" be worked out by subtraction (QA: "laporan
/// 21 · selesai < 5 · terbuka 17 · diarsipkan 0" gave selesai = 4). Twelve reports by women received on
/// 2 June 2025, nine from Sleman and three from Bandung; two of them archived.
final class SubtractionReportsCLITests: DeskTestCase {
    let june = ["--from", "2025-06-01", "--to", "2025-06-30", "--as", "rina"]

    func makeTwelve() throws {
        try makeDesk()
        let lines = Fixtures.twenty.prefix(12).enumerated().map { i, r -> String in
            var r = r
            r.receivedAt = Fixtures.longAgo
            (r.province, r.regency) = i < 9 ? ("DI Yogyakarta", "Kabupaten Sleman") : ("Jawa Barat", "Kabupaten Bandung")
            var o = r.object
            var reporter = o["reporter"] as? [String: Any] ?? [:]
            reporter["groups"] = ["perempuan"]
            o["reporter"] = reporter
            let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        try expect(0, ["import", try writeFile("twelve.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8)), "--as", "rina"])
        let ids = try listJSON(["--as", "rina"]).compactMap { $0["id"] as? String }.sorted()
        XCTAssertEqual(ids.count, 12)
        for id in ids.prefix(2) { try expect(0, ["act", id, "archive", "--reason", "terlalu-umum", "--as", "rina"]) }
    }

    func testNoPrintedTotalMinusPrintedPartsGivesAHiddenCount() throws {
        try makeTwelve()
        let text = try expect(0, ["stats"] + june).stdout
        let lines = text.components(separatedBy: "\n")
        let received = try XCTUnwrap(lines.first { $0.hasPrefix("Diterima: ") }.flatMap { Int($0.dropFirst(10).prefix { $0.isNumber }) })
        XCTAssertEqual(received, 12)
        // Before: "Perempuan  12  0  10  < 5" (12 - 0 - 10 = 2 archived) and "Kabupaten Sleman 9,
        // Kabupaten Bandung < 5" (12 - 9 = 3). Then "12  0  ≥ 5  < 5": the open statuses, printed exactly, add
        // up to 10, so open ≤ 10 and archived ≥ 2, while the archived status says 2 (QA). The total goes too.
        let women = try XCTUnwrap(lines.first { $0.hasPrefix("  Perempuan") }, text)
        XCTAssertEqual(Self.cells(women), ["≥ 5", "0", "≥ 5", "< 5"], text)
        Self.assertNotDerivable(total: Self.cells(women)[0], parts: Array(Self.cells(women).dropFirst()), women)
        for title in ["Kategori", "Wilayah"] {
            let start = try XCTUnwrap(lines.firstIndex(of: title), text)
            let rows = lines[(start + 1)...].prefix { !$0.isEmpty }
            Self.assertNotDerivable(total: String(received), parts: rows.map { String($0.suffix(10)).trimmingCharacters(in: .whitespaces) },
                                    "\(title)\n" + rows.joined(separator: "\n"))
        }
        XCTAssertTrue(text.contains("\"≥ 5\""), "the footnote explains the withheld cells\n\(text)")

        // The JSON and the monthly CSV print the same cells.
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try expect(0, ["stats", "--json"] + june).stdout.utf8)) as? [String: Any])
        let group = (json["groups"] as? [String: [String: Any]])?["perempuan"]
        XCTAssertEqual(group?["reports"] as? String, "≥ 5")
        XCTAssertEqual(group?["open"] as? String, "≥ 5")
        XCTAssertEqual(group?["archived"] as? String, "< 5")
        let region = (json["counts"] as? [String: [String: Any]])?["region"]
        XCTAssertEqual(region?["Kabupaten Sleman"] as? String, "≥ 5")
        XCTAssertEqual(region?["Kabupaten Bandung"] as? String, "< 5")
        let csv = try expect(0, ["export", "--format", "csv", "--report", "monthly", "--separator", ";"] + june).stdout
        for row in ["group_reports;perempuan;≥ 5", "group_open;perempuan;≥ 5", "group_archived;perempuan;< 5",
                    "region;Kabupaten Sleman;≥ 5", "region;Kabupaten Bandung;< 5"] {
            XCTAssertTrue(csv.contains("\r\n\(row)\r\n"), "missing \(row)\n\(csv)")
        }
    }

    /// The value columns of a `stats` table row (after the 42-column label, 10 wide each).
    static func cells(_ line: String) -> [String] {
        var rest = Substring(line.dropFirst(42))
        var out: [String] = []
        while !rest.isEmpty {
            out.append(rest.prefix(10).trimmingCharacters(in: .whitespaces))
            rest = rest.dropFirst(10)
        }
        return out
    }

    /// A reader who takes `total` minus the shown parts learns the sum of the hidden ones: it must not
    /// be a single hidden cell, nor several "< 5" that can only be all ones or all fours.
    static func assertNotDerivable(total: String, parts: [String], _ context: String, line: UInt = #line) {
        guard let t = Int(total) else { return }
        let hidden = parts.filter { Int($0) == nil }
        let rest = t - parts.compactMap { Int($0) }.reduce(0, +)
        XCTAssertNotEqual(hidden.count, 1, "one hidden cell = \(rest)\n\(context)", line: line)
        if !hidden.isEmpty, hidden.allSatisfy({ $0 == "< 5" }) {
            XCTAssertFalse(rest == hidden.count || rest == 4 * hidden.count, "every hidden cell pinned\n\(context)", line: line)
        }
    }
}
