import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The built-in practice desk must build under the real rules, whatever day a class starts.
final class PracticeDeskTests: XCTestCase {
    var files: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files")
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: files.appendingPathComponent(path), encoding: .utf8)
    }

    func reference() throws -> ReferenceData {
        var f: [String: String] = [:]
        for name in ReferenceData.fileNames { f[name] = try text("reference/" + name) }
        return try ReferenceData.load(files: f)
    }

    func build(now: Date) throws -> DeskStore {
        let ref = try reference()
        let roster = try Roster.parse(try text("demo/operator.toml"), directory: ref)
        let entries = try PracticeDesk.parse(try text("demo/laporan.jsonl"), fileName: "laporan.jsonl", now: now)
        let store = try DeskStore(journal: InMemoryJournal(), directory: ref,
                                  deadlines: Deadlines(calendar: WorkingCalendar()))
        try PracticeDesk.populate(store, entries: entries, roster: roster, fileName: "laporan.jsonl", now: now)
        return store
    }

    func testDemoBuildsOnEveryWeekdayWithEveryStatus() throws {
        let monday = ISOTime.parse("2026-11-30T09:00:00+07:00")!
        for day in 0..<7 {
            let now = monday.addingTimeInterval(Double(day) * 86400)
            let store = try build(now: now)
            XCTAssertGreaterThanOrEqual(store.desk.count, 60)
            let statuses = Set(store.desk.reports.values.map(\.status))
            XCTAssertEqual(statuses, Set(ReportStatus.allCases), "day \(day)")
            XCTAssertTrue(store.desk.reports.values.contains { $0.returned != nil }, "a report waits for pelimpahan")
            XCTAssertTrue(store.desk.reports.values.contains { $0.dispositions.contains { $0.kind == .pelimpahan } })
            let overdue = store.desk.reports.values.filter { store.deadlines.urgency(of: $0, now: now).isOverdue }
            XCTAssertGreaterThan(overdue.count, 3, "day \(day): overdue work to show")
            XCTAssertEqual(Set(store.desk.reports.values.map(\.channel)), Set(Channel.allCases))
        }
    }

    func testBrokenPracticeFileIsRefusedWithFileAndLine() throws {
        let now = Date()
        let bad = """
        {"channel": "sms", "body": "x", "age_hours": 5}
        {"channel": "fax", "body": "x", "age_hours": 5}
        {"channel": "sms", "body": "x", "age_hours": -1}
        {"channel": "sms", "body": "x", "age_hours": 5, "script": [{"after_hours": 9, "as": "rina", "do": "dispose", "agency": "x"}]}
        {"channel": "sms", "body": "x", "age_hours": 5, "script": [{"after_hours": 1, "as": "rina", "do": "fly"}]}
        """
        XCTAssertThrowsError(try PracticeDesk.parse(bad, fileName: "p.jsonl", now: now)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("p.jsonl:2: channel"), text)
            XCTAssertTrue(text.contains("p.jsonl:3: age_hours"), text)
            XCTAssertTrue(text.contains("p.jsonl:4: script"), text)
            XCTAssertTrue(text.contains("p.jsonl:5: script[1].do: unknown verb 'fly'"), text)
            XCTAssertFalse(text.contains("p.jsonl:1:"), text)
        }
    }

    /// QA: a repeated external id (same channel or not) passed `scenario check`; the desk then lost a report
    /// or a lesson step named the wrong one. Lessons name reports by that id alone.
    func testARepeatedExternalIDIsRefusedNamingBothLines() throws {
        let text = """
        {"channel": "sms", "external_id": "A-1", "body": "x", "age_hours": 5}
        {"channel": "web", "external_id": "A-1", "body": "y", "age_hours": 5}
        """
        XCTAssertThrowsError(try PracticeDesk.parse(text, fileName: "laporan.jsonl", now: Date())) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("laporan.jsonl:2: external_id: 'A-1' is already the id of the report on line 1"), text)
        }
    }

    func testStepsTheRulesRefuseAreReported() throws {
        let now = Date()
        let ref = try reference()
        let roster = Roster(operators: [Operator(name: "rina", role: .adminNasional), Operator(name: "tina", role: .pengamat)])
        let entries = try PracticeDesk.parse("""
        {"channel": "sms", "body": "x", "age_hours": 5, "script": [{"after_hours": 1, "as": "tina", "do": "note", "text": "hai"}]}
        """, fileName: "p.jsonl", now: now)
        let store = try DeskStore(journal: InMemoryJournal(), directory: ref, deadlines: Deadlines(calendar: WorkingCalendar()))
        XCTAssertThrowsError(try PracticeDesk.populate(store, entries: entries, roster: roster, fileName: "p.jsonl", now: now)) {
            XCTAssertTrue(String(describing: $0).contains("p.jsonl:1: script[1]: note refused"), String(describing: $0))
        }
    }
}
