import XCTest
@testable import Complaints

/// `isBlank` decides whether a title counts (else the body's start stands in) and whether a body or tag
/// is refused as empty: white space of every kind is blank, anything visible is not.
final class BlankTests: XCTestCase {
    func testWhiteSpaceOfEveryKindIsBlankAndAnythingVisibleIsNot() {
        for blank in ["", " ", "\t\n\r", "\u{0B}\u{0C}", "\u{A0}", "\u{3000}", " \u{2003}\u{85} "] {
            XCTAssertTrue(blank.isBlank, blank.debugDescription)
            XCTAssertTrue(blank[...].isBlank, blank.debugDescription)
        }
        for visible in ["a", " a", "~", "!", "\u{7F}", "é", "\u{A0}x", "\u{200B}", "日本", "\u{1F600}", "\t\t."] {
            XCTAssertFalse(visible.isBlank, visible.debugDescription)
            XCTAssertFalse(visible[...].isBlank, visible.debugDescription)
        }
    }
}
