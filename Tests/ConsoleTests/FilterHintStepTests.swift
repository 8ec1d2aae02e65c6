import Complaints
@testable import Console
import XCTest

/// The filter form (f) says when nothing matches because the desk does not know a value typed.
final class FilterHintStepTests: XCTestCase {
    /// QA: `pemkab-xyz` or `slemn` gave "0 laporan cocok" without a word; `lapor-desk list` refuses both.
    func testAnUnknownAgencyOrRegionIsNamed() throws {
        var s = try Fixture.state()
        s.press(.char("f"), .tab, .tab, .tab, .tab)
        XCTAssertEqual(s.form?.fields[s.form?.focus ?? 0].id, "agency")
        s.type("pemkab-xyz")
        s.press(.ctrl("s"))
        XCTAssertEqual(s.inbox.rows, [])
        XCTAssertEqual(s.message, msg(.error, "Tidak ada instansi berkode 'pemkab-xyz' di referensi/instansi.toml; 0 laporan cocok."))
        s.press(.char("F"), .char("f"), .tab, .tab, .tab)
        XCTAssertEqual(s.form?.fields[s.form?.focus ?? 0].id, "region")
        s.type("slemn")
        s.press(.ctrl("s"))
        XCTAssertEqual(s.message, msg(.info, "0 laporan cocok: tidak ada laporan di wilayah 'slemn' (periksa ejaannya)."))
    }
}
