import Foundation
import XCTest
@testable import Complaints

/// The JSON object of `stats --json` and the monthly CSV.
final class DeskReportOutputTests: XCTestCase {
    let report = WeekDesk.report()

    func object() throws -> [String: Any] {
        let data = Data(report.json.compactText.utf8)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testJSONKeepsTheOldKeysFirstAndAddsThePeriod() throws {
        guard case let .object(members) = report.json else { return XCTFail("not an object") }
        XCTAssertEqual(members.prefix(6).map(\.key), ["total", "overdue", "due_soon", "by_status", "by_channel", "by_agency"])
        let o = try object()
        XCTAssertEqual(o["total"] as? Int, 9)
        XCTAssertEqual(o["overdue"] as? Int, 3)
        XCTAssertEqual((o["by_agency"] as? [String: Int])?["pemkab-sleman"], 5)
        let period = try XCTUnwrap(o["period"] as? [String: Any])
        XCTAssertEqual(period["from"] as? String, "2026-04-06")
        XCTAssertEqual(period["to"] as? String, "2026-04-19")
        XCTAssertEqual(period["time_zone"] as? String, "WIB")
        XCTAssertTrue(period["agency"] is NSNull)
        XCTAssertEqual(o["received"] as? Int, 8)
        let days = try XCTUnwrap(o["received_per_day"] as? [[String: Any]])
        XCTAssertEqual(days.count, 14)
        XCTAssertEqual(days.first?["count"] as? Int, 3)
    }

    func testJSONFiguresAndHiddenCounts() throws {
        let o = try object()
        let counts = try XCTUnwrap(o["counts"] as? [String: [String: Any]])
        // Three regions of one and one of five: whatever is hidden, the eight received give the ones away, so
        // the breakdown is one concealed row.
        XCTAssertEqual(counts["region"]?.count, 1)
        XCTAssertEqual(counts["region"]?["*"] as? String, "*")
        XCTAssertEqual(counts["category"]?["-"] as? String, "< 5")
        XCTAssertEqual(counts["status"]?["tunda"] as? Int, 0)
        let wd = try XCTUnwrap(o["working_days"] as? [String: [String: Any]])
        XCTAssertEqual(wd["verification"]?["median"] as? Double, 0.5)
        XCTAssertEqual(wd["verification"]?["p90"] as? Double, 4)
        XCTAssertEqual(wd["follow-up"]?["samples"] as? Int, 4)
        let met = try XCTUnwrap(o["deadlines_met"] as? [String: [String: Any]])
        XCTAssertEqual(met["verification"]?["met"] as? Int, 5)
        XCTAssertEqual(met["verification"]?["share"] as? Double, 0.7143)
        XCTAssertEqual(met["agency-follow-up"]?["late"] as? Int, 1)
        let overdue = try XCTUnwrap(o["most_overdue"] as? [[String: Any]])
        XCTAssertEqual(overdue.compactMap { $0["id"] as? String }, ["2600006", "2600002"])
        XCTAssertEqual(overdue.first?["working_days_late"] as? Double, 2.33)
        XCTAssertEqual(overdue.first?["overdue_since"] as? String, "2026-04-15T09:00:00+07:00")
        let groups = try XCTUnwrap(o["groups"] as? [String: [String: Any]])
        XCTAssertEqual(groups["perempuan"]?["reports"] as? String, "*", "one selesai in the period would pin its selesai")
        XCTAssertEqual(groups["lansia"]?["archived"] as? Int, 0)
    }

    func testCSVIsSpreadsheetReady() {
        let text = report.csv(separator: ";")
        XCTAssertTrue(text.hasPrefix("\u{FEFF}section;key;value\r\n"))
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let lines = Set(text.dropFirst().components(separatedBy: "\r\n"))
        for expected in [
            "period;from;2026-04-06", "period;to;2026-04-19", "received;total;8",
            "received_per_day;2026-04-06;3", "received_per_day;2026-04-08;0",
            "region;*;*", "category;-;< 5", "status;tunda;0",
            // Indonesian-locale spreadsheets read "0.5" as a date; with ";" the decimal mark is a comma.
            "median_working_days;verification;0,5", "p90_working_days;disposition;2,3",
            "deadline_met;verification;5", "deadline_late;verification;2", "deadline_met_percent;verification;71,4",
            "most_overdue_working_days;2600006;2,3", "group_reports;perempuan;*", "group_archived;lansia;0",
            "overdue_open;total;2", "period;agency;",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing row \(expected)")
        }
        let comma = Set(report.csv().dropFirst().components(separatedBy: "\r\n"))
        XCTAssertTrue(comma.contains("median_working_days,verification,0.5"))
    }

    func testCSVQuotesAndDefusesDataCells() {
        var j = JournalBuilder()
        j.add("1", at(0, 9), .received(reportIntake(at(0, 9), category: "Air; \"bersih\"", regency: "=HYPERLINK(\"x\")")))
        // Four more elsewhere: one to four reports in the period are not broken down at all.
        for n in 2...5 { j.add(ReportID(String(n)), at(0, 10), .received(reportIntake(at(0, 10), category: "Kesehatan", regency: "Kabupaten Sleman"))) }
        let r = DeskReport.compute(desk: j.desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines,
                                   now: WeekDesk.now, viewer: nasional)
        let text = r.csv(separator: ";")
        XCTAssertTrue(text.contains("\r\ncategory;\"Air; \"\"bersih\"\"\";< 5\r\n"), text)
        XCTAssertTrue(text.contains("\r\nregion;\"'=HYPERLINK(\"\"x\"\")\";< 5\r\n"), text)
        // Every record still has exactly three fields.
        for line in text.dropFirst().components(separatedBy: "\r\n") where !line.isEmpty {
            XCTAssertEqual(Self.fields(line, ";").count, 3, line)
        }
    }

    /// A minimal RFC 4180 field splitter for one record.
    static func fields(_ line: String, _ sep: Character) -> [String] {
        var out: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == sep { out.append(cell); cell = "" } else { cell.append(c) }
        }
        out.append(cell)
        return out
    }
}
