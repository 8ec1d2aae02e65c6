import Complaints
@testable import Console
import TextCanvas
import XCTest

/// The hint row on narrow terminals: hints that do not fit are dropped with "…", never the last one, which
/// says how to leave the window (QA: at 44 columns a form's row ended before "Esc batal").
final class HintRowTests: XCTestCase {
    func testANarrowFormKeepsTheWayOutAndSaysHintsWereLeftOut() throws {
        var s = try Fixture.state(size: Size(width: 44, height: 20))
        s.press(.char("c"))
        XCTAssertNotNil(s.form)
        let row = ConsoleRenderer.render(s).textRows()[s.layout.hints.y]
        XCTAssertTrue(row.contains("…  Esc batal"), row)
        XCTAssertTrue(row.hasPrefix(" C-s/F2 simpan"), row)
    }

    func testAWideEnoughRowShowsEveryHintWithoutAnEllipsis() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("c"))
        let row = ConsoleRenderer.render(s).textRows()[s.layout.hints.y]
        XCTAssertFalse(row.contains("…"), row)
        XCTAssertTrue(row.contains("C-z urungkan ketikan  Esc batal"), row)
    }

    /// QA: on an empty view the row offered every action, also those the role may not take.
    func testAnEmptyViewOffersOnlyWhatTheRoleMayDo() throws {
        let liaison = Operator(name: "sari", role: .penghubung, agency: "pemkab-sleman", unit: "pemkab-sleman/dlh", displayName: "Sari")
        var s = try Fixture.state(liaison, size: Size(width: 160, height: 40))
        s.press(.char("/"))
        s.type("tidak ada yang cocok sama sekali")
        s.press(.enter)
        XCTAssertTrue(s.inbox.rows.isEmpty)
        let row = ConsoleRenderer.render(s).textRows()[s.layout.hints.y]
        XCTAssertFalse(row.contains("Verifikasi & disposisi") || row.contains("Tunda") || row.contains("Arsipkan"), row)
        XCTAssertTrue(row.contains("Tindak lanjut"), "a liaison officer posts follow-ups: \(row)")
    }
}

/// QA: in Indonesian the inbox cut badges of ten working days and more ("TERLAMBAT 1…").
final class InboxBadgeWidthTests: XCTestCase {
    func testLongOverdueBadgesAreShownWhole() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        ConsoleReducer.reduce(&s, .tick(Fixture.now.addingTimeInterval(30 * 86400)))
        let rows = ConsoleRenderer.render(s).textRows()
        let overdue = try XCTUnwrap(rows.first { $0.contains("│  \(Fixture.ID.overdue.rawValue) ") })
        XCTAssertNotNil(overdue.range(of: #"TERLAMBAT [0-9]{2}h"#, options: .regularExpression), overdue)
        XCTAssertFalse(overdue.contains("TERLAMBAT 2…"), overdue)
    }
}
