import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// QA: under the minimum size the size to enlarge to was cut off ("Perbesar terminal k…" at 20×6,
/// "Perbesar terminal ke 44…" at 24×8), with a form open the typing hint came before the heading, and at
/// 44×12 a form's border covered the first rows of a wrapped message.
final class TooSmallScreenTests: XCTestCase {
    func rows(_ s: ConsoleState) -> [String] { ConsoleRenderer.render(s).textRows().map { $0.trimmingCharacters(in: .whitespaces) } }

    func withTypedNote(_ size: Size, language: Language = .id) throws -> ConsoleState {
        var s = try Fixture.state(size: Size(width: 80, height: 24), language: language)
        s.press(.char("c"))
        s.type("Sudah ditelepon")
        ConsoleReducer.reduce(&s, .resize(size))
        return s
    }

    /// Heading, the size needed, then the hints, at every small size, with and without a form's typing.
    func testTheNeededSizeIsAlwaysShownAfterTheHeadingAndBeforeTheHints() throws {
        for language in [Language.id, .en] {
            let heading = language == .id ? "Layar terlalu kecil" : "Terminal too small"
            let hint = language == .id ? "Ketikan di formulir" : "Your typing is kept"
            for size in [Size(width: 20, height: 6), Size(width: 24, height: 8), Size(width: 30, height: 8), Size(width: 43, height: 12),
                         Size(width: 44, height: 11)] {
                for typed in [false, true] {
                    let s = typed ? try withTypedNote(size, language: language) : try Fixture.state(size: size, language: language)
                    let shown = rows(s)
                    let context = "\(language) \(size) typed: \(typed)\n" + shown.joined(separator: "\n")
                    let need = try XCTUnwrap(shown.firstIndex(of: "Min 44×12"), "the size needed, whole: \(context)")
                    let head = try XCTUnwrap(shown.firstIndex(of: heading), context)
                    XCTAssertLessThan(head, need, context)
                    if typed {
                        let warning = try XCTUnwrap(shown.firstIndex { $0.hasPrefix(hint) }, context)
                        XCTAssertLessThan(need, warning, "the hint comes after the size: \(context)")
                    }
                    XCTAssertFalse(shown.contains { $0.contains("…") }, "nothing cut at \(size): \(context)")
                }
            }
        }
        // Rows run out: the size stays, the heading is shortened with "…" rather than dropped first.
        XCTAssertEqual(rows(try Fixture.state(size: Size(width: 10, height: 2))), ["Layar ter…", "Min 44×12"])
        XCTAssertEqual(rows(try Fixture.state(size: Size(width: 12, height: 1))), ["Min 44×12"])
        assertGolden(ConsoleRenderer.render(try withTypedNote(Size(width: 20, height: 6), language: .en)), "too-small-typed-20x6")
        assertGolden(ConsoleRenderer.render(try Fixture.state(size: Size(width: 24, height: 8))), "too-small-24x8")
    }

    /// At the minimum size a wrapped refusal under an open form is shown whole: the form ends above it and
    /// its input keeps rows of its own.
    func testAFormEndsAboveAWrappedMessage() throws {
        for language in [Language.id, .en] {
            var s = try Fixture.state(size: Layout.minimum, language: language)
            s.press(.char("c"))
            s.type("abc")
            let text = "#2600001: Report #2600001 changed since you opened it (version 3, now 4). Review the change and try again."
            s.message = msg(.error, text)
            let shown = ConsoleRenderer.render(s).textRows()
            let status = s.layout.statusLine
            XCTAssertGreaterThan(status.height, 1)
            let message = shown[status.y..<status.maxY].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertEqual(message, "✗ " + text, shown.joined(separator: "\n"))
            let bottomBorder = try XCTUnwrap(shown.lastIndex { $0.contains("└──") }, shown.joined(separator: "\n"))
            XCTAssertLessThan(bottomBorder, status.y, shown.joined(separator: "\n"))
            XCTAssertTrue(shown[..<bottomBorder].contains { $0.contains("│ abc ") }, "the typed text is on screen: \(shown.joined(separator: "\n"))")
            if language == .en { assertGolden(ConsoleRenderer.render(s), "form-long-message-44x12") }
        }
    }
}
