import Foundation
import XCTest

/// The practice clock on the command line: one file, many processes; real desks refused; replay of one
/// report with `show --at-event`.
final class PracticeClockCLITests: DeskTestCase {
    /// A desk from `init` marked as practice (what `demo` and scenarios create).
    func makePracticeDesk() throws {
        try makeDesk()
        let settings = dataURL.appendingPathComponent("desk.toml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        // Before any [table], so the key belongs to the top level.
        try ("latihan = true\n" + text).write(to: settings, atomically: true, encoding: .utf8)
    }

    func instant(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    func overdueIDs() throws -> [String] {
        try listJSON(["--overdue"]).compactMap { $0["id"] as? String }
    }

    func testEveryProcessOnTheFolderReadsTheSameAdvancedClock() throws {
        try makePracticeDesk()
        let id = try intake([])
        XCTAssertEqual(try overdueIDs(), [], "fresh report: on time")
        // Process 1 advances five working days: verification (3 working days) is now overdue.
        let advanced = try expect(0, ["clock", "advance", "--days", "5"])
        let times = (advanced.stdout.split(separator: "\n").first.map(String.init) ?? "").components(separatedBy: " -> ")
        guard times.count == 2 else { return XCTFail(advanced.transcript) }
        let from = try XCTUnwrap(instant(times[0]))
        let to = try XCTUnwrap(instant(times[1]))
        XCTAssertGreaterThanOrEqual(to.timeIntervalSince(from), 5 * 86400, "five working days are at least five days")
        XCTAssertTrue(advanced.stdout.contains("1 terlambat"), advanced.stdout)
        // Process 2 (show) reads the same time; process 3 (list) sees the report overdue.
        let shown = try expect(0, ["clock", "show"])
        let shownTime = try XCTUnwrap(instant(String(shown.stdout.split(separator: " ").first ?? "")))
        XCTAssertLessThan(abs(shownTime.timeIntervalSince(to)), 30, shown.stdout)
        XCTAssertEqual(try overdueIDs(), [id])
        // Process 4 (act) records its event at the practice time, not the real one.
        try expect(0, ["act", id, "note", "--text", "dicek di kelas", "--as", "rina"])
        let last = try XCTUnwrap(try journalObjects().last)
        let at = try XCTUnwrap(instant(try XCTUnwrap(last["at"] as? String)))
        XCTAssertLessThan(abs(at.timeIntervalSince(to)), 30, "event at \(at), practice time \(to)")
        XCTAssertGreaterThan(at.timeIntervalSinceNow, 4 * 86400)
        // Process 5 (intake) receives a new report at the practice time: it is not overdue on arrival.
        let second = try intake([])
        XCTAssertNotEqual(second, id)
        XCTAssertEqual(try overdueIDs(), [id])
        // --deadline with nothing ahead is refused (exit 1), and the clock does not move.
        try expect(0, ["act", id, "archive", "--reason", "terlalu-umum", "--as", "rina"])
        try expect(0, ["act", second, "archive", "--reason", "terlalu-umum", "--as", "rina"])
        let refused = try desk(["clock", "advance", "--deadline"])
        XCTAssertEqual(refused.code, 1, refused.transcript)
        XCTAssertTrue(refused.stderr.contains("No deadline ahead"), refused.transcript)
        // A --to that is not ahead of the practice clock is a bad option value: exit 2, as --days 0 (QA).
        let back = try desk(["clock", "advance", "--to", "2020-01-01T09:00:00+07:00"])
        XCTAssertEqual(back.code, 2, back.transcript)
        XCTAssertTrue(back.stderr.contains("--to:"), back.transcript)
    }

    func testRealDesksAreRefusedAndNotTouched() throws {
        try makeDesk()
        _ = try intake([])
        let before = try String(contentsOf: journalFile, encoding: .utf8)
        for args in [["clock", "advance"], ["clock", "show"], ["clock", "advance", "--deadline"]] {
            let r = try desk(args)
            XCTAssertEqual(r.code, 2, r.transcript)
            XCTAssertTrue(r.stderr.contains("not a practice desk"), r.transcript) // in English, as every CLI error
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataURL.appendingPathComponent("latihan").path))
        XCTAssertEqual(try String(contentsOf: journalFile, encoding: .utf8), before)
    }

    func testShowAtEventReplaysOneReport() throws {
        try makeDesk()
        let id = try intake([])
        try expect(0, ["act", id, "postpone", "--question", "Mohon kirim foto lokasi.", "--as", "rina"])
        let first = try expect(0, ["show", id, "--at-event", "1"])
        XCTAssertTrue(first.stdout.hasPrefix("PUTAR ULANG · peristiwa 1/2 · "), first.stdout)
        XCTAssertTrue(first.stdout.contains("report.received"), first.stdout)
        XCTAssertFalse(first.stdout.contains("Mohon kirim foto lokasi."), "the postponement has not happened yet")
        let second = try expect(0, ["show", id, "--at-event", "2"])
        XCTAssertTrue(second.stdout.contains("Mohon kirim foto lokasi."), second.stdout)
        try expect(2, ["show", id, "--at-event", "3"])
        try expect(2, ["show", id, "--at-event", "0"])
        // QA: a negative number was taken for an option ("missing value"); it is refused by name instead.
        let negative = try expect(2, ["show", id, "--at-event", "-1"])
        XCTAssertTrue(negative.stderr.contains("has events 1…2, not -1"), negative.transcript)
    }

    func testANegativeDayCountIsRefusedByName() throws {
        try makePracticeDesk()
        let r = try expect(2, ["clock", "advance", "--days", "-2"])
        XCTAssertTrue(r.stderr.contains("--days: at least 1, not -2"), r.transcript)
    }

    /// QA: a desk whose deadlines ran into a year without a holiday list counted Christmas as a working day
    /// without a word. `check` (and the console's first frame) say which list is missing.
    func testCheckSaysWhenNextYearsHolidayListIsMissing() throws {
        try expect(0, ["scenario", "create", "dasar"])
        XCTAssertFalse(try expect(0, ["check"]).stderr.contains("no holiday list"))
        try expect(0, ["clock", "advance", "--to", "2027-12-30T09:00:00+07:00"])
        let r = try expect(0, ["check"])
        XCTAssertTrue(r.stderr.contains("no holiday list for 2028") && r.stderr.contains("kalender/libur-2028.txt"), r.stderr)
    }

    /// QA: in the `tenggat` lesson the first `*` (to the next deadline) auto-closed the report its last step
    /// needs. The first jump now makes a fresh report overdue, and every step's report stays open.
    func testTheFirstJumpInTheDeadlineLessonLeavesEveryStepDoable() throws {
        try expect(0, ["scenario", "create", "tenggat"])
        let before = try expect(0, ["list", "--overdue"]).stdout
        try expect(0, ["clock", "advance", "--deadline"])
        let closed = try expect(0, ["list", "--status", "selesai", "--json"]).stdout
        XCTAssertTrue(closed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, closed)
        let after = try expect(0, ["list", "--overdue"]).stdout
        XCTAssertGreaterThan(after.split(separator: "\n").count, before.split(separator: "\n").count, "one more report went overdue")
    }
}
