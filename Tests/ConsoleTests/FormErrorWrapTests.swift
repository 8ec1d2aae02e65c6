import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// QA: in the Laporan view's `f` dialog, a range from 2026-11-30 to 2026-11-01 said "✗ Tanggal tidak valid:
/// gunakan YYYY-MM-DD, dan 'dari' tidak setelah" and the rest was never shown. A form's error wraps; a row
/// that must still be cut ends in "…".
final class FormErrorWrapTests: XCTestCase {
    func backwardsRange(_ size: Size, language: Language = .id) throws -> ConsoleState {
        var s = try Fixture.state(size: size, language: language)
        s.press(.char("6"), .char("f"))
        for _ in 0..<12 { s.press(.backspace) }
        s.type("2026-11-30")
        s.press(.tab)
        for _ in 0..<12 { s.press(.backspace) }
        s.type("2026-11-01")
        s.press(.enter)
        XCTAssertEqual(s.form?.purpose, .reportScope)
        XCTAssertNotNil(s.form?.error)
        return s
    }

    /// The rows inside the form's box, as text (borders and margins removed).
    func formText(_ s: ConsoleState) -> [String] {
        let r = OverlayView.boxRect(s, width: OverlayView.formWidth, height: 1).inset(top: 0, left: 2, bottom: 0, right: 2)
        return ConsoleRenderer.render(s).textRows().map { row in
            String(row.dropFirst(r.x).prefix(r.width)).trimmingCharacters(in: .whitespaces)
        }
    }

    func testTheReportRangeErrorIsShownWhole() throws {
        for (language, text) in [(Language.id, "✗ Tanggal tidak valid: gunakan YYYY-MM-DD, dan 'dari' tidak setelah 'sampai'."),
                                 (.en, "✗ Invalid dates: use YYYY-MM-DD, with 'from' not after 'to'.")] {
            for size in [Size(width: 80, height: 24), Size(width: 60, height: 20), Size(width: 120, height: 40), Size(width: 44, height: 12)] {
                let s = try backwardsRange(size, language: language)
                let rows = formText(s)
                let first = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("✗ ") }, rows.joined(separator: "\n"))
                // The error runs up to the first field's label (required fields end in " *").
                let label = try XCTUnwrap(rows[first...].firstIndex { $0.hasSuffix(" *") }, rows.joined(separator: "\n"))
                XCTAssertEqual(rows[first..<label].joined(separator: " "), text, "\(language) \(size):\n" + rows.joined(separator: "\n"))
            }
        }
        assertGolden(ConsoleRenderer.render(try backwardsRange(Size(width: 80, height: 24))), "reports-range-error-80x24")
    }

    /// An error too long for the rows it may take shows that it was cut.
    func testAnErrorCutShort() throws {
        var s = try Fixture.state(size: Layout.minimum)
        s.press(.char("6"), .char("f"))
        guard case var .form(f) = s.overlay else { return XCTFail("no form") }
        f.error = String(repeating: "sangat panjang ", count: 20) + "AKHIR"
        s.overlay = .form(f)
        let rows = formText(s)
        let first = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("✗ ") }, rows.joined(separator: "\n"))
        let label = try XCTUnwrap(rows[first...].firstIndex { $0.hasSuffix(" *") }, rows.joined(separator: "\n"))
        XCTAssertEqual(label - first, OverlayView.formErrorMaxRows, rows.joined(separator: "\n"))
        XCTAssertTrue(rows[label - 1].hasSuffix("…"), rows.joined(separator: "\n"))
        XCTAssertTrue(rows[label].hasPrefix("Dari tanggal"), "the field is still shown: \(rows.joined(separator: "\n"))")
    }

    /// QA: at 80×24 with the lesson and presenter strips (a bimtek projector) the archive form ran over the
    /// key-hint row, which read "C-s└────┘l" instead of telling the trainee how to save.
    func testAFormNeverCoversTheHintRowAboveTheTrainingStrips() throws {
        var s = try Fixture.state(size: Size(width: 80, height: 24))
        s.showLessonStrips(instruction: "Naikkan prioritas laporan yang sudah lewat tenggat verifikasi dan menyangkut obat lansia.",
                           verb: .priority)
        s.press(.char("a"))
        XCTAssertNotNil(s.form)
        let rows = ConsoleRenderer.render(s).textRows()
        let hints = s.layout.hints.y
        XCTAssertTrue(rows[hints].contains("C-s/F2 simpan"), rows.joined(separator: "\n"))
        XCTAssertFalse(rows[hints].contains("└"), rows[hints])
    }
}
