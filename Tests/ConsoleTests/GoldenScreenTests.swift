import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// Every pane at every layout width, overlays, forms, wide and hostile text, tiny terminals. The golden
/// files are the spec: review a re-recorded file before committing it.
final class GoldenScreenTests: XCTestCase {
    static let sizes = [Size(width: 60, height: 20), Size(width: 80, height: 24), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    func render(_ s: ConsoleState) -> Canvas { ConsoleRenderer.render(s) }

    func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.width)x\(size.height)" }

    // MARK: Panes at every width

    func testInboxAtEveryWidth() throws {
        for size in Self.sizes {
            let s = try Fixture.state(size: size)
            assertGolden(render(s), name("inbox", size))
        }
    }

    func testOpenReportAtEveryWidth() throws {
        for size in Self.sizes {
            var s = try Fixture.state(size: size)
            s.press(.enter)
            XCTAssertEqual(s.focus, .detail)
            assertGolden(render(s), name("detail", size))
        }
    }

    func testRoutingAtEveryWidth() throws {
        for size in Self.sizes {
            var s = try Fixture.state(size: size)
            s.press(.char("d"))
            XCTAssertEqual(s.focus, .routing)
            assertGolden(render(s), name("routing", size))
        }
    }

    /// QA: at two-pane widths the routing pane covered the detail's ANONIM/RAHASIA banners at the moment of
    /// verification. It repeats them (and, for marked rows, names which of them carry a flag).
    func testRoutingRepeatsTheFlagsItCovers() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("j"))
        XCTAssertEqual(s.inbox.selectedID, Fixture.ID.secret)
        s.press(.char("d"))
        assertGolden(render(s), "routing-flags-80x24")
        let rows = render(s).textRows()
        XCTAssertTrue(rows[4].contains("▌ANONIM▐ identitas tersembunyi"), rows[4])
        XCTAssertTrue(rows[5].contains("▌RAHASIA▐ tidak dipublikasikan"), rows[5])
        // Marked rows: the flagged ones are named.
        var m = try Fixture.state(size: Size(width: 80, height: 24))
        m.press(.char(" "), .char(" "), .char("d"))
        let marked = render(m).textRows().joined(separator: "\n")
        XCTAssertTrue(marked.contains("▌ANONIM▐ #2600002") && marked.contains("▌RAHASIA▐ #2600002"), marked)
    }

    /// QA: at a small height the proposal stopped mid-name ("… › Dinas") with no sign that more was left out.
    func testRoutingCutShort() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 12))
        s.press(.char("d"))
        assertGolden(render(s), "routing-cut-120x12")
        let rows = render(s).textRows()
        XCTAssertTrue(rows.contains { $0.contains("…│") || $0.contains("… │") || $0.contains("…  │") }, rows.joined(separator: "\n"))
    }

    func testRoutingWithTypedFilter() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("d"))
        s.type("kemen")
        assertGolden(render(s), "routing-filtered-80x24")
    }

    func testMarkedRows() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char(" "), .char("j"), .char(" "))
        XCTAssertEqual(s.inbox.marked, [Fixture.ID.overdue, Fixture.ID.returned])
        assertGolden(render(s), "marked-rows-120x40")
    }

    func testAllViewAtWideSizes() throws {
        for size in [Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            var s = try Fixture.state(size: size)
            s.press(.char("5"))
            assertGolden(render(s), name("view-semua", size))
        }
    }

    func testOverdueView() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("4"))
        assertGolden(render(s), "view-terlambat-120x40")
    }

    // MARK: Long, wide and hostile text

    func testWideTextReport() throws {
        for size in [Size(width: 60, height: 20), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var s = try Fixture.state(size: size)
            s.press(.char(":"))
            s.type("2600003")
            s.press(.enter)
            XCTAssertEqual(s.detail.reportID, Fixture.ID.wide)
            assertGolden(render(s), name("wide-text", size))
        }
    }

    func testHostileTitleIsNeutralised() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char(":"))
        s.type("2600004")
        s.press(.enter)
        let canvas = render(s)
        let text = canvas.textRows().joined(separator: "\n")
        XCTAssertFalse(text.contains("\u{1B}"), "no raw ESC reaches the screen")
        XCTAssertFalse(text.contains("\u{202E}"), "no bidi override reaches the screen")
        XCTAssertFalse(text.contains("\u{07}"), "no BEL reaches the screen")
        assertGolden(canvas, "hostile-title-120x40")
    }

    func testLongBodyScrolledInDetail() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char(":"))
        s.type("2600001")
        s.press(.enter, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
        XCTAssertEqual(s.detail.scroll, 6)
        assertGolden(render(s), "long-body-scrolled-80x24")
    }

    // MARK: Overlays

    func testHelpOverlay() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var s = try Fixture.state(size: size)
            s.press(.char("?"))
            assertGolden(render(s), name("help", size))
        }
    }

    func testCommandPromptWithCompletions() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char(":"))
        s.type("a")
        s.press(.tab)
        XCTAssertEqual(s.prompt?.completions, ["actions", "archive", "assign-unit", "accept"])
        assertGolden(render(s), "prompt-completions-80x24")
    }

    func testSearchWithResults() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40))
        s.press(.char("/"))
        s.type("ktp")
        assertGolden(render(s), "search-typing-120x40")
        s.press(.enter)
        assertGolden(render(s), "search-results-120x40")
    }

    func testFilterForm() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char("f"))
        assertGolden(render(s), "filter-form-80x24")
        // The last fields do not fit at 80×24: moving the focus there scrolls the form.
        s.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        XCTAssertEqual(s.form?.fields[s.form?.focus ?? 0].id, "sort")
        let canvas = render(s)
        XCTAssertTrue(canvas.textRows().contains { $0.contains("Urutan") }, "the focused last field is on screen")
        assertGolden(canvas, "filter-form-last-field-80x24")
        var wide = try Fixture.state(size: Size(width: 120, height: 40))
        wide.press(.char("f"))
        assertGolden(render(wide), "filter-form-120x40")
    }

    func testActionForms() throws {
        let cases: [(Key, String)] = [(.char("t"), "form-postpone"), (.char("a"), "form-archive"), (.char("c"), "form-note"),
                                      (.char("K"), "form-classify"), (.char("e"), "form-edit-title")]
        for (key, base) in cases {
            var s = try Fixture.state(size: Size(width: 80, height: 24))
            s.press(.enter, key)
            XCTAssertNotNil(s.form, base)
            assertGolden(render(s), base + "-80x24")
        }
    }

    func testFormWithValidationError() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.enter, .char("t"), .ctrl("s"))
        XCTAssertNotNil(s.form?.error)
        assertGolden(render(s), "form-postpone-error-80x24")
    }

    func testAnonimConfirmation() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.char(":"))
        s.type("2600002")
        s.press(.enter, .char("A"))
        assertGolden(render(s), "confirm-anonim-off-80x24")
        var r = try Fixture.state(size: Size(width: 120, height: 40))
        r.press(.enter, .char("R"))
        assertGolden(render(r), "confirm-rahasia-on-120x40")
    }

    func testActionMenu() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.press(.enter, .char("m"))
        assertGolden(render(s), "action-menu-80x24")
    }

    func testTooSmall() throws {
        for size in [Size(width: 30, height: 8), Size(width: 43, height: 12), Size(width: 10, height: 2)] {
            let s = try Fixture.state(size: size)
            assertGolden(render(s), name("too-small", size))
        }
    }

    func testSmallestUsableSize() throws {
        var s = try Fixture.state(size: Layout.minimum)
        assertGolden(render(s), name("minimum", Layout.minimum))
        s.press(.enter)
        assertGolden(render(s), name("minimum-detail", Layout.minimum))
    }

    // MARK: Roles, language, changes underneath

    func testAgencyAdminSeesAnonimMasked() throws {
        var s = try Fixture.state(Fixture.agencyAdmin, size: Size(width: 120, height: 40))
        s.press(.char("3"))
        s.press(.char(":"))
        s.type("2600006")
        s.press(.enter)
        XCTAssertEqual(s.detail.reportID, Fixture.ID.disposed)
        let canvas = render(s)
        let text = canvas.textRows().joined(separator: "\n")
        XCTAssertFalse(text.contains("Hendra"), "the reporter's name must not reach an agency admin")
        XCTAssertFalse(text.contains("3404010101900003"), "the NIK must not reach an agency admin")
        assertGolden(canvas, "agency-admin-anonim-120x40")
    }

    func testObserverReadOnly() throws {
        let s = try Fixture.state(Fixture.observer, size: Size(width: 80, height: 24))
        assertGolden(render(s), "observer-80x24")
    }

    func testEnglish() throws {
        var s = try Fixture.state(size: Size(width: 120, height: 40), language: .en)
        s.press(.enter)
        assertGolden(render(s), "english-detail-120x40")
        s.press(.char("?"))
        assertGolden(render(s), "english-help-120x40")
    }

    func testChangedUnderneath() throws {
        let journal = InMemoryJournal()
        let store = try Fixture.makeStore(journal: journal)
        var s = try Fixture.state(size: Size(width: 120, height: 40), store: store)
        s.press(.enter)
        let id = try XCTUnwrap(s.detail.reportID)
        let foreign = try store.perform(.setPriority(.mendesak), on: id, as: Fixture.otherOfficer, now: Fixture.now)
        ConsoleReducer.reduce(&s, .journalEvents(foreign))
        XCTAssertTrue(s.detail.changedUnderneath)
        assertGolden(render(s), "changed-underneath-120x40")
    }
}
