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

    func testLettersTypedInARowSearchTheUnitsWords() throws {
        var s = try agencyAdminOnTheDisposedReport()
        s.press(.char("l"), .char("i"), .char("n"), .char("g"))
        XCTAssertEqual(s.form?.choice("unit"), "dlh", "'ling' is a word of Dinas Lingkungan Hidup")
        s.press(.tab, .backTab, .char("k"), .char("e"), .char("s"))
        XCTAssertEqual(s.form?.choice("unit"), "dinkes", "after another key the search starts over: 'kes'")
    }
}
