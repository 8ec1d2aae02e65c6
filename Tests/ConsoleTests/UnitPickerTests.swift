import Complaints
@testable import Console
import TextCanvas
import XCTest

/// The work-unit picker of an agency admin (QA: it opened on the first unit, and typing "perhub" jumped to
/// another unit letter by letter).
final class UnitPickerTests: XCTestCase {
    func agencyAdminOnTheDisposedReport() throws -> ConsoleState {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.env.propose = { _ in
            RoutingSuggestion(agencyID: "pemkab-sleman", unitID: "disdukcapil", ruleRef: "rute.toml:9",
                              reason: Localized("uji", en: "test"), alternatives: [])
        }
        ConsoleReducer.open(&s, Fixture.ID.disposed)
        s.focus = .detail
        s.press(.char("u"))
        return s
    }

    func testThePickerOpensOnTheRulesUnit() throws {
        let s = try agencyAdminOnTheDisposedReport()
        XCTAssertEqual(s.form?.choice("unit"), "disdukcapil")
    }

    /// QA: a report routed to a province, whose proposal a regency rule won, opened on the province's first
    /// unit (the health office for a labour complaint), and Ctrl-S saved it.
    func testAnotherAgencysProposalStillGivesThisAgencysRuleUnit() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.env.propose = { _ in
            RoutingSuggestion(agencyID: "pemprov-diy", unitID: nil, ruleRef: "rute.toml:4", reason: Localized("uji", en: "test"),
                              alternatives: ["pemkab-sleman"], unitsByAgency: ["pemkab-sleman": "dlh"])
        }
        ConsoleReducer.open(&s, Fixture.ID.disposed)
        s.focus = .detail
        s.press(.char("u"))
        XCTAssertEqual(s.form?.choice("unit"), "dlh")
    }

    /// With no rule naming a unit of the agency, the picker names none: Ctrl-S asks for one.
    func testWithoutARuleTheOfficerMustPickAUnit() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.env.propose = { _ in nil }
        ConsoleReducer.open(&s, Fixture.ID.disposed)
        s.focus = .detail
        s.press(.char("u"))
        XCTAssertEqual(s.form?.choice("unit"), "", "the placeholder, not the first unit")
        s.press(.ctrl("s"))
        XCTAssertNotNil(s.form, "not saved")
        XCTAssertEqual(s.form?.error, "Harus diisi: Unit kerja")
        s.press(.right)
        XCTAssertEqual(s.form?.choice("unit"), "dinkes", "the first real unit after the placeholder")
    }

    func testLettersTypedInARowSearchTheUnitsWords() throws {
        var s = try agencyAdminOnTheDisposedReport()
        s.press(.char("l"), .char("i"), .char("n"), .char("g"))
        XCTAssertEqual(s.form?.choice("unit"), "dlh", "'ling' is a word of Dinas Lingkungan Hidup")
        s.press(.tab, .backTab, .char("k"), .char("e"), .char("s"))
        XCTAssertEqual(s.form?.choice("unit"), "dinkes", "after another key the search starts over: 'kes'")
    }
}

/// QA: with rows marked, `u` opened on the unmarked row under the cursor. It now acts on the marked rows;
/// actions that take one report are refused while rows are marked, saying so.
final class MarkedRowsSingleActionTests: XCTestCase {
    func testUnitAssignmentActsOnTheMarkedRowsAndSingleActionsSaySo() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        let rows = s.inbox.rows
        XCTAssertGreaterThanOrEqual(rows.count, 2)
        let disposed = try XCTUnwrap(rows.first { s.desk[$0]?.status == .terdisposisi })
        s.inbox.marked = [disposed]
        s.inbox.cursor = try XCTUnwrap(rows.firstIndex { $0 != disposed })
        s.press(.char("u"))
        XCTAssertEqual(s.form?.targets, [disposed], "the marked row, not the one under the cursor")
        s.press(.escape)
        s.press(.char("e")) // edit title: one report only
        XCTAssertNil(s.form)
        XCTAssertTrue(s.message?.text.contains("hanya untuk satu laporan") ?? false, s.message?.text ?? "")
    }
}
