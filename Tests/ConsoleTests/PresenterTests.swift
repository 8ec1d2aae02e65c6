import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Presenter mode: the key strip names each key's command from the key table, never echoes typed text,
/// and rows get room to breathe.
final class PresenterTests: XCTestCase {
    func presenter(size: Size = Size(width: 80, height: 24)) throws -> ConsoleState {
        var s = try Fixture.state(size: size)
        s.presenter = true
        ConsoleReducer.reduce(&s, .resize(size))
        return s
    }

    func stripRow(_ s: ConsoleState) -> String {
        ConsoleRenderer.render(s).textRows().last ?? ""
    }

    func testStripNamesCommandsFromTheKeyTableAndMarksUnboundKeys() throws {
        var s = try presenter()
        s.press(.char("j"), .char("z"))
        let row = stripRow(s)
        XCTAssertTrue(row.contains("j  ↓ turun"), row)
        XCTAssertTrue(row.contains("z  (tidak dipakai)"), row)
        s.press(.char("d"))
        XCTAssertTrue(stripRow(s).contains("d  Verifikasi & disposisi") || stripRow(s).contains("d  disposisi"), stripRow(s))
    }

    /// QA: after `L` the strip on the projector mixed the languages, keys pressed before the switch kept the
    /// old one (and lost their arrow).
    func testTheWholeStripFollowsTheLanguage() throws {
        var s = try presenter(size: Size(width: 120, height: 24))
        s.press(.char("j"), .char("L"), .char("j"))
        let english = stripRow(s)
        XCTAssertEqual(english.components(separatedBy: "j  ↓ down").count - 1, 2, english)
        XCTAssertFalse(english.contains("turun") || english.contains("bahasa"), english)
        s.press(.char("L"))
        let indonesian = stripRow(s)
        XCTAssertEqual(indonesian.components(separatedBy: "j  ↓ turun").count - 1, 2, indonesian)
        XCTAssertFalse(indonesian.contains("down") || indonesian.contains("language"), indonesian)
    }

    /// QA: in the routing pane Down chooses the agency Enter disposes to, as the pane's hint says; the strip
    /// read "↓ turun".
    func testMovingInTheRoutingPaneIsNamedChoosingTheAgency() throws {
        var s = try presenter()
        s.press(.enter, .char("d"), .down)
        XCTAssertEqual(s.focus, .routing)
        // The arrow key shows as an arrow in either language (QA: "Down" in the Indonesian strip), once.
        XCTAssertTrue(stripRow(s).contains("↓  pilih instansi"), stripRow(s))
        XCTAssertFalse(stripRow(s).contains("Down") || stripRow(s).contains("turun"), stripRow(s))
    }

    func testTypedTextIsNeverEchoed() throws {
        var s = try presenter()
        s.press(.char("c")) // internal note form
        XCTAssertNotNil(s.form)
        _ = s.type("Pelapor Sri Rahayu NIK 3404015505700001")
        let row = stripRow(s)
        XCTAssertTrue(row.contains("mengetik…"), row)
        XCTAssertFalse(row.contains("3404"), row)
        XCTAssertFalse(row.contains("R  "), "letters are not shown one by one: \(row)")
        XCTAssertEqual(s.keyLog.filter(\.typing).count, 1, "one entry for a run of typing")
    }

    /// Keys in a window are named by what they do there, as the window's hint row says: C-s saves a form.
    func testKeysInAWindowAreNamedByWhatTheyDo() throws {
        var s = try presenter()
        s.press(.char("c"))
        _ = s.type("Sudah ditelepon.")
        s.press(.ctrl("s"))
        XCTAssertTrue(stripRow(s).contains("C-s  simpan"), stripRow(s))
        XCTAssertFalse(stripRow(s).contains("formulir"), stripRow(s))
        s.env.language = .en
        s.press(.char("t"), .escape)
        XCTAssertTrue(stripRow(s).contains("Esc  cancel"), stripRow(s))
    }

    /// The strip names keys of the Laporan view and of help from the same table as their hint rows and help,
    /// also keys the short hint row leaves out (G, S-Tab).
    func testKeysInTheReportsViewAndFormsAreNamedFromTheirKeyTables() throws {
        var s = try presenter()
        s.press(.char("6"), .char("G"))
        XCTAssertTrue(stripRow(s).contains("G  ke akhir"), stripRow(s))
        s.press(.char("p"))
        XCTAssertTrue(stripRow(s).contains("p  periode"), stripRow(s))
        s.press(.char("q"), .char("c"), .backTab)
        XCTAssertTrue(stripRow(s).contains("S-Tab  kolom sebelumnya"), stripRow(s))
    }

    /// The English inbox header names the status as the view tab does ("2 Postponed").
    func testTheInboxHeaderAndTheTabNameThePostponedStatusAlike() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40), language: .en)
        s.press(.char("5"))
        let screen = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(screen[1].contains("2 Postponed (1)"), screen[1])
        XCTAssertTrue(screen[2].contains("Postponed 1"), screen[2])
        XCTAssertFalse(screen.joined().contains("Pending"))
    }

    func testRowsAreSpacedAndPagingFollows() throws {
        var plain = try Fixture.state(size: Size(width: 80, height: 24))
        plain.press(.char("5"))
        var s = try presenter()
        s.press(.char("5"))
        let rows = ConsoleRenderer.render(s).textRows()
        let first = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("│  " + s.inbox.rows[0].rawValue) })
        XCTAssertTrue(rows[first + 1].hasPrefix("│        "), "a blank line under each row: \(rows[first + 1])")
        XCTAssertTrue(rows[first + 2].hasPrefix("│  " + s.inbox.rows[1].rawValue), rows[first + 2])
        var p = s
        p.press(.pageDown)
        var q = plain
        q.press(.pageDown)
        XCTAssertLessThan(p.inbox.cursor, q.inbox.cursor, "a presenter page holds fewer rows")
    }

    /// QA: at 60x20 the inbox had seven lines for rows and showed three, two lines apart; a fourth fits (the
    /// last row needs no blank line after it).
    func testTheLastRowNeedsNoBlankLineAfterIt() throws {
        var s = try presenter(size: Size(width: 60, height: 20))
        s.press(.char("5"))
        let inner = try XCTUnwrap(s.layout.inbox).height - 3
        XCTAssertEqual(s.inboxPageSize, (inner + 1) / 2)
        let rows = ConsoleRenderer.render(s).textRows()
        let shown = s.inbox.rows.filter { id in rows.contains { $0.contains("│  " + id.rawValue) } }
        XCTAssertEqual(shown.count, min(s.inbox.rows.count, (inner + 1) / 2), rows.joined(separator: "\n"))
    }

    func testPresenterGolden() throws {
        var s = try presenter()
        s.press(.char("j"), .char("j"), .char("z"), .tab)
        assertGolden(ConsoleRenderer.render(s), "presenter-80x24")
    }
}

