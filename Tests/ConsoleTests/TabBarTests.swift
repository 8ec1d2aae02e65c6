import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// QA: at 80×24 the English tab bar dropped "6 Reports" and the Indonesian one dropped the names of the other
/// views ("2 (7)  3 (25)"). Every tab is drawn at every width down to the minimum, with its name from 80
/// columns, and the tab shown is always in brackets.
final class TabBarTests: XCTestCase {
    static let names: [Language: [String]] = [
        .id: ["Baru", "Ditunda", "Di instansi", "Terlambat", "Semua", "Laporan"],
        .en: ["New", "Postponed", "At agencies", "Overdue", "All", "Reports"],
    ]
    /// The counts QA saw on the real desk, and a big desk's, besides the fixture's own.
    static let qaCounts: [Language: [InboxQuery.SavedView: Int]] = [
        .id: [.baru: 16, .tunda: 7, .instansi: 25, .terlambat: 16, .semua: 64],
        .en: [.baru: 14, .tunda: 8, .instansi: 32, .terlambat: 13, .semua: 71],
    ]
    static let bigCounts: [InboxQuery.SavedView: Int] = [.baru: 1234, .tunda: 2345, .instansi: 3456, .terlambat: 4567, .semua: 12345]

    func tabRow(_ s: ConsoleState) -> String { ConsoleRenderer.render(s).textRows()[1] }

    /// Key `k` starts a tab: at the start of the bar, or after a space, a separator or an opening bracket,
    /// and followed by a space, a separator, a closing bracket or the end.
    func hasTab(_ row: String, key k: Int) -> Bool {
        row.range(of: "(^|[ │\\[])\(k)([ │\\]]|$)", options: .regularExpression) != nil
    }

    func testEveryTabWithItsNameAtEveryWidthInBothLanguages() throws {
        for language in [Language.id, .en] {
            let names = try XCTUnwrap(Self.names[language])
            for counts in [nil, Self.qaCounts[language], Self.bigCounts] {
                for width in [44, 60, 70, 80, 100, 120] {
                    var s = try Fixture.state(size: Size(width: width, height: 24), language: language)
                    if let counts { s.inbox.viewCounts = counts }
                    let row = tabRow(s)
                    let context = "\(language) \(width) \(counts.map { "\($0[.semua] ?? 0)" } ?? "fixture"): |\(row)|"
                    for k in 1...6 { XCTAssertTrue(hasTab(row, key: k), "tab \(k) missing at \(context)") }
                    if width >= 80 && counts != Self.bigCounts {
                        for (k, name) in zip(1..., names) {
                            XCTAssertTrue(row.contains("\(k) \(name)"), "'\(k) \(name)' missing at \(context)")
                        }
                    }
                    XCTAssertTrue(row.hasPrefix("[1 \(names[0])") || row.hasPrefix("[ 1 \(names[0])"), "selected tab at \(context)")
                    XCTAssertEqual(row.filter { $0 == "[" }.count, 1, "one selected tab at \(context)")
                }
            }
        }
    }

    /// The QA screens, exactly: at 80 columns with the real desk's counts.
    func testTheQADesksAt80Columns() throws {
        var en = try Fixture.state(size: Size(width: 80, height: 24), language: .en)
        en.inbox.viewCounts = try XCTUnwrap(Self.qaCounts[.en])
        XCTAssertEqual(tabRow(en), "[1 New 14]  2 Postponed 8  3 At agencies 32  4 Overdue 13  5 All 71  6 Reports  ")
        var id = try Fixture.state(size: Size(width: 80, height: 24))
        id.inbox.viewCounts = try XCTUnwrap(Self.qaCounts[.id])
        XCTAssertEqual(tabRow(id), "[1 Baru 16] 2 Ditunda 7│3 Di instansi 25│4 Terlambat 16│5 Semua 64│6 Laporan    ")
        // Narrower, the names shorten before they go; the selected tab keeps its full name.
        id.size = Size(width: 70, height: 24)
        XCTAssertEqual(tabRow(id), "[1 Baru 16] 2 Tunda 7│3 Inst. 25│4 Telat 16│5 Semua 64│6 Lap.         ")
        id.size = Size(width: 60, height: 24)
        XCTAssertEqual(tabRow(id), "[1 Baru (16)] 2 (7)│3 (25)│4 (16)│5 (64)│6 Lap.             ")
    }

    /// Wide terminals keep the roomy bar they always had.
    func testWideTerminalsKeepTheRoomyBar() throws {
        let s = try Fixture.state(size: Size(width: 120, height: 24))
        XCTAssertTrue(tabRow(s).hasPrefix("[ 1 Baru (5) ]  2 Ditunda (1)    3 Di instansi (3)    4 Terlambat (2)    5 Semua (11)    6 Laporan  "),
                      tabRow(s))
    }

    func testTheSelectedTabMovesWithTheViewAndTheMouseHitsTheTabDrawn() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("4"))
        var row = tabRow(s)
        XCTAssertTrue(row.contains("[4 Terlambat 2]"), row)
        XCTAssertEqual(row.filter { $0 == "[" }.count, 1, row)
        // A click on "3 Di instansi" selects that view; a click on "6 Laporan" opens the Laporan view.
        let at3 = try XCTUnwrap(row.range(of: "3 Di instansi")).lowerBound
        s.press(.mouse(MouseEvent(button: .left, at: Point(x: row.distance(from: row.startIndex, to: at3) + 4, y: 1))))
        XCTAssertEqual(s.inbox.view, .instansi)
        row = tabRow(s)
        let at6 = try XCTUnwrap(row.range(of: "6 Laporan")).lowerBound
        s.press(.mouse(MouseEvent(button: .left, at: Point(x: row.distance(from: row.startIndex, to: at6), y: 1))))
        XCTAssertEqual(s.overlay, .reports)
    }
}
