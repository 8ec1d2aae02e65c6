import TinyTOML
import XCTest

/// A string written for a settings file parses back to itself, whatever it holds (QA: a desk name with
/// an ESC made a desk.toml every command refused).
final class TOMLQuotedTests: XCTestCase {
    func testEveryStringReadsBackAsWritten() throws {
        for text in ["Meja Pengaduan", "Meja \"Kota\" \\ Bandung", "Meja\u{1B}[31m\u{7F}\u{0}", "a\tb\nc\rd", "⟪U+202E⟫ \u{202E}kebalik 中文"] {
            let table = try parseTOML("name = " + TOMLQuoted.basicString(text) + "\n")
            XCTAssertEqual(try table.optionalString("name"), text)
        }
    }
}
