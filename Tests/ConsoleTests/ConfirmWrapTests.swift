import Complaints
@testable import Console
import TextCanvas
import XCTest

/// A confirmation's warning is shown whole however narrow the terminal: the box takes the rows it wraps to.
final class ConfirmWrapTests: XCTestCase {
    /// QA: at 44 columns the un-anonymise warning lost its last line ("dan pengamat.") without a sign.
    func testTheWholeWarningIsShownAt44Columns() throws {
        for (language, end) in [(Language.id, "pengamat."), (Language.en, "observers.")] {
            var s = try Fixture.state(size: Size(width: 44, height: 24))
            s.env.language = language
            s.press(.char("j"), .enter, .char("A"))
            guard case .confirm? = s.overlay else { return XCTFail("no confirmation") }
            let screen = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
            XCTAssertTrue(screen.contains(end), screen)
            XCTAssertTrue(screen.contains(language == .id ? "Lanjutkan? y = ya" : "Go ahead? y = yes"), screen)
        }
    }
}
