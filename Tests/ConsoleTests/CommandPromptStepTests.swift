import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// The command prompt (`:`): opening a report by number, named commands, completion, and the language
/// commands — each step checks the whole visible state and the effects.
final class CommandPromptStepTests: XCTestCase {
    func testCommandPromptOpensAReportByNumber() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("2600005")
        let version = try XCTUnwrap(s.desk[Fixture.ID.postponed]?.version)
        // Not in the new queue: the inbox moves to a view that lists it and highlights it (QA: another row
        // stayed lit beside the report shown).
        step(&s, key: .enter) {
            $0.overlay = nil
            $0.focus = .detail
            $0.detail.reportID = Fixture.ID.postponed
            $0.detail.openedVersion = version
            $0.inbox.view = .tunda
            $0.inbox.rows = [Fixture.ID.postponed]
            $0.inbox.breakdown = Inbox.Breakdown(statuses: [.tunda: 1])
            $0.inbox.cursor = 0
        }
        s.press(.char(":"))
        s.type("#9999999")
        step(&s, key: .enter) { $0.overlay = nil; $0.message = msg(.error, "Laporan #9999999 tidak ditemukan.") }
    }

    /// QA: a deleted report (in no queue) opened by number, then Esc, left the cursor on another report than
    /// the one the officer had chosen: the next `d` would have acted on it.
    func testOpeningAReportInNoQueueLeavesTheInboxCursorWhereItWas() throws {
        var s = try Fixture.state()
        s.press(.down)
        let chosen = try XCTUnwrap(s.inbox.selectedID)
        let (view, rows) = (s.inbox.view, s.inbox.rows)
        s.press(.char(":"))
        s.type("\(Fixture.ID.deleted)")
        s.press(.enter)
        XCTAssertEqual(s.detail.reportID, Fixture.ID.deleted)
        XCTAssertEqual(s.inbox.view, view)
        XCTAssertEqual(s.inbox.rows, rows)
        XCTAssertEqual(s.inbox.selectedID, chosen)
        s.press(.escape)
        XCTAssertEqual(s.focus, .inbox)
        XCTAssertEqual(s.inbox.selectedID, chosen)
    }

    /// QA: an argument to a command that takes none was read as a report number (`:sort bogus` said report
    /// #bogus was not found) or ignored (`:replay 2600001` replayed the whole desk).
    func testACommandThatTakesNoArgumentRefusesOne() throws {
        var s = try Fixture.state()
        let before = s
        s.press(.char(":"))
        s.type("sort bogus")
        s.press(.enter)
        XCTAssertEqual(s.message, msg(.error, ":sort tidak memakai argumen; tidak dijalankan."))
        XCTAssertEqual(s.inbox.filter.sort, before.inbox.filter.sort, "the sort did not change")
        XCTAssertEqual(s.inbox.rows, before.inbox.rows)
        s.press(.char(":"))
        s.type("replay 2600001")
        s.press(.enter)
        XCTAssertEqual(s.message, msg(.error, ":replay tidak memakai argumen; tidak dijalankan. Satu laporan: :replay-report NOMOR."))
        XCTAssertNil(s.replay)
    }

    func testAgencyAdminCannotOpenAnotherAgencysReportByNumber() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.press(.char(":"))
        s.type("2600001")
        step(&s, key: .enter) { $0.overlay = nil; $0.message = msg(.error, "Laporan #2600001 tidak ditemukan.") }
    }

    /// QA: `:open 2600026x` (a typo) and `:open 9999999` opened the report under the cursor without a word,
    /// and the next key acted on it; an agency admin naming another agency's report was told "not found"
    /// and got the current row opened anyway.
    func testACommandNamingAReportThatIsNotThereDoesNotRun() throws {
        for (op, arg) in [(Fixture.national, "2600026x"), (Fixture.national, "9999999"), (Fixture.agencyAdmin, "2600001")] {
            var s = try Fixture.state(op)
            s.press(.char(":"))
            s.type("open \(arg)")
            s.press(.enter)
            XCTAssertNil(s.detail.reportID, "\(op.name) \(arg): nothing opened")
            XCTAssertEqual(s.focus, .inbox)
            XCTAssertEqual(s.message, msg(.error, "Laporan #\(arg) tidak ditemukan; :open tidak dijalankan."))
            s.press(.char(":"))
            s.type("archive \(arg)")
            s.press(.enter)
            XCTAssertNil(s.form, "\(arg): no form on another report")
        }
    }

    func testCommandPromptRunsNamedCommands() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("dispose")
        let version = try XCTUnwrap(s.desk[Fixture.ID.overdue]?.version)
        step(&s, key: .enter) {
            $0.overlay = nil
            $0.focus = .routing
            $0.routing.isOpen = true
            $0.detail.reportID = Fixture.ID.overdue
            $0.detail.openedVersion = version
        }
        s.press(.escape, .escape)
        s.press(.char(":"))
        s.type("archive 2600003")
        s.press(.enter)
        XCTAssertEqual(s.detail.reportID, Fixture.ID.wide)
        XCTAssertEqual(s.form?.purpose, .action(.archive))
        XCTAssertEqual(s.form?.targets, [Fixture.ID.wide])
        s.press(.escape)
        s.press(.char(":"))
        s.type("frobnicate")
        step(&s, key: .enter) {
            $0.overlay = nil
            $0.message = msg(.error, "Perintah tidak dikenal: frobnicate. Tekan Tab untuk melengkapi, ? untuk bantuan.")
        }
        // The next command's outcome replaces it (QA: the error stayed over the report opened next).
        s.press(.char(":"))
        s.type("\(Fixture.ID.overdue.rawValue)")
        s.press(.enter)
        XCTAssertEqual(s.detail.reportID, Fixture.ID.overdue)
        XCTAssertNotEqual(s.message?.kind, .error, "\(String(describing: s.message))")
        s.press(.char(":"))
        s.type("lang en")
        s.press(.enter)
        XCTAssertEqual(s.language, .en)
    }

    func testTabCompletesCommandNames() throws {
        var s = try Fixture.state()
        s.press(.char(":"))
        s.type("ar")
        s.press(.tab)
        XCTAssertEqual(s.prompt?.buffer.text, "archive")
        XCTAssertEqual(s.prompt?.completions, ["archive"])
        s.press(.escape)
        s.press(.char(":"))
        s.type("view-")
        s.press(.tab)
        XCTAssertEqual(s.prompt?.buffer.text, "view-", "ambiguous: the text stays")
        XCTAssertEqual(s.prompt?.completions, ["view-baru", "view-tunda", "view-instansi", "view-terlambat", "view-semua"])
        s.press(.escape)
        s.press(.char(":"))
        s.type("toggle-a")
        s.press(.tab)
        XCTAssertEqual(s.prompt?.buffer.text, "toggle-anonim")
        s.press(.enter)
        guard case let .confirm(c) = s.overlay else { return XCTFail("toggle-anonim asks first") }
        XCTAssertEqual(c.requests.map(\.command), [.setFlags(anonymous: true, confidential: nil)])
    }

    func testLanguageToggle() throws {
        var s = try Fixture.state()
        step(&s, key: .char("L")) { $0.language = .en; $0.message = msg(.info, "Language: English") }
        XCTAssertEqual(ConsoleRenderer.render(s).textRows()[1].contains("New (5)"), true)
        step(&s, key: .char("L")) { $0.language = .id; $0.message = msg(.info, "Bahasa: Indonesia") }
    }

    /// QA: `:language en` toggled (to Bahasa, when in English) and so did `:language xx`; `:lang en` left a
    /// stale "Language: English"; `:lang xx` said "Unknown command: lang".
    func testLanguageCommandSetsTheLanguageItNames() throws {
        var s = try Fixture.state()
        func command(_ text: String, _ change: (inout Visible) -> Void, line: UInt = #line) {
            s.press(.char(":"))
            s.type(text)
            step(&s, key: .enter, line: line) { $0.overlay = nil; change(&$0) }
        }
        command("language en") { $0.language = .en; $0.message = msg(.info, "Language: English") }
        command("language en") { $0.message = msg(.info, "Language: English") }  // already English: stays
        command("language xx") {
            $0.message = msg(.error, "Unknown language: “xx”. Use id (Bahasa Indonesia) or en (English).")
        }
        command("lang id") { $0.language = .id; $0.message = msg(.info, "Bahasa: Indonesia") }
        command("lang xx") {
            $0.message = msg(.error, "Bahasa tidak dikenal: “xx”. Pilih id (Bahasa Indonesia) atau en (English).")
        }
        command("bahasa EN") { $0.language = .en; $0.message = msg(.info, "Language: English") }
        command("language") { $0.language = .id; $0.message = msg(.info, "Bahasa: Indonesia") }  // no argument toggles
        command("lang") { $0.language = .en; $0.message = msg(.info, "Language: English") }
    }
}
