import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// A holiday list or a deadline limit edited under a running console: every badge and count follows the
/// new rules at once; rules read with mistakes are refused with the place, and the old ones stay.
final class DeadlineRulesStepTests: XCTestCase {
    func rows(_ s: ConsoleState) -> [String] { ConsoleRenderer.render(s).textRows() }

    func row(_ s: ConsoleState, _ id: ReportID) -> String { rows(s).first { $0.contains("│  \(id) ") } ?? "" }

    func testNewRulesRecountEveryDeadlineAndSaySo() throws {
        var s = try Fixture.state()
        XCTAssertEqual(s.inbox.viewCounts[.terlambat], 2)
        XCTAssertTrue(row(s, Fixture.ID.overdue).contains("TERLAMBAT"), row(s, Fixture.ID.overdue))
        // Verification allowed 30 working days instead of 3: nothing is late any more.
        var limits = DeadlineLimits()
        limits.verification = 30
        let relaxed = Deadlines(calendar: try Fixture.calendar(), limits: limits)
        ConsoleReducer.reduce(&s, .deadlineRules(.reloaded(relaxed)))
        XCTAssertEqual(s.env.deadlines.limits.verification, 30)
        XCTAssertEqual(s.inbox.viewCounts[.terlambat], 1, "only the returned report, whose agency clock is not verification's")
        XCTAssertFalse(row(s, Fixture.ID.overdue).contains("TERLAMBAT"), row(s, Fixture.ID.overdue))
        XCTAssertEqual(s.message, msg(.info, "Kalender atau batas tenggat diubah: semua tenggat dihitung ulang."))
        // The detail pane's deadline follows too (it reads the same rules).
        s.press(.enter)
        XCTAssertFalse(rows(s).joined().contains("TERLAMBAT 2h"), rows(s).joined(separator: "\n"))
    }

    func testRulesWithMistakesAreRefusedWithThePlaceAndTheOldOnesStay() throws {
        var s = try Fixture.state(size: Size(width: 200, height: 30))
        let before = row(s, Fixture.ID.overdue)
        ConsoleReducer.reduce(&s, .deadlineRules(.refused([
            "/meja/kalender/libur-2027.txt:4: bad date '2027-13-01'\n    (expected YYYY-MM-DD, a real calendar day)",
            "/meja/desk.toml:9: verification: not a number",
        ])))
        XCTAssertEqual(s.env.deadlines.limits.verification, 3)
        XCTAssertEqual(row(s, Fixture.ID.overdue), before)
        XCTAssertEqual(s.message, msg(.error, "Kalender/desk.toml tidak terbaca, tenggat tetap dengan aturan lama: "
            + "/meja/kalender/libur-2027.txt:4: bad date '2027-13-01' (expected YYYY-MM-DD, a real calendar day) (+1)"))
    }
}
