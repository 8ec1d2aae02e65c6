import XCTest
import TinyTOML

/// `requiredString` answers most values from their first byte; it must refuse exactly the texts whose
/// every character is whitespace, as walking the characters does.
final class TOMLBlankStringTests: XCTestCase {
    func testBlankMeansEveryCharacterIsWhitespace() {
        let texts = ["", " ", "\t", "\r\n", "a", " a", "a ", "\u{A0}", "\u{3000}x", "\u{301}", " \u{301}", "a\u{301}",
                     "!", "~", "\u{7F}", "\u{85}", "\u{1F}", "\u{2028}", "\u{200B}", "é"]
        for text in texts {
            let table = TOMLTable([("k", .string(text))])
            let refused: Bool
            do {
                _ = try table.requiredString("k")
                refused = false
            } catch {
                XCTAssertEqual(error.reason, "must not be empty")
                refused = true
            }
            XCTAssertEqual(refused, text.allSatisfy(\.isWhitespace), text.debugDescription)
        }
    }
}
