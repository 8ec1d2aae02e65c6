import XCTest
@testable import TextCanvas
import TextHazards

final class SanitizeTests: XCTestCase {
    private func assertNoRawControls(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            XCTAssertFalse(v < 0x20 || (0x7F..<0xA0).contains(v), "raw control U+\(String(v, radix: 16))",
                           file: file, line: line)
            XCTAssertFalse(TextHazards.isBidiControl(v), "raw bidi U+\(String(v, radix: 16))", file: file, line: line)
        }
    }

    func testOSC52ClipboardWriteIsDefused() {
        let hostile = "hi\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}there"
        let safe = Sanitize.line(hostile)
        XCTAssertEqual(safe, "hi␛]52;c;ZWNobyBwd25lZA==␇there")
        assertNoRawControls(safe)
    }

    func testCSIAndTitleSequencesAreDefused() {
        XCTAssertEqual(Sanitize.line("\u{1B}[2J\u{1B}[H"), "␛[2J␛[H")
        XCTAssertEqual(Sanitize.line("\u{1B}]0;pwned\u{1B}\\"), "␛]0;pwned␛\\")
    }

    func testC1ControlsIncludingEightBitCSI() {
        XCTAssertEqual(Sanitize.line("a\u{9B}31mb"), "a⟪U+009B⟫31mb")
        XCTAssertEqual(Sanitize.line("\u{9D}"), "⟪U+009D⟫")
        assertNoRawControls(Sanitize.line(String(String.UnicodeScalarView((0x80..<0xA0).compactMap(Unicode.Scalar.init)))))
    }

    func testNULAndDELAndBell() {
        XCTAssertEqual(Sanitize.line("a\u{0}b\u{7F}c\u{7}"), "a␀b␡c␇")
    }

    func testEveryC0ControlBecomesVisible() {
        for value in UInt32(0)..<0x20 where value != 0x09 {
            let text = String(Character(Unicode.Scalar(value)!))
            let safe = Sanitize.line(text)
            XCTAssertFalse(safe.isEmpty, "U+\(value)")
            assertNoRawControls(safe)
        }
    }

    func testBidiOverridesAndIsolatesAreMarked() {
        XCTAssertEqual(Sanitize.line("invoice\u{202E}fdp.exe"), "invoice⟪U+202E⟫fdp.exe")
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200F] {
            let safe = Sanitize.line("x" + String(Character(Unicode.Scalar(value)!)) + "y")
            XCTAssertTrue(safe.contains("⟪U+"), "U+\(String(value, radix: 16))")
            assertNoRawControls(safe)
        }
    }

    func testInvisibleFormatCharactersAreMarked() {
        XCTAssertEqual(Sanitize.line("pay\u{200B}ment"), "pay⟪U+200B⟫ment")
        XCTAssertEqual(Sanitize.line("\u{FEFF}x"), "⟪U+FEFF⟫x")
        XCTAssertEqual(Sanitize.line("a\u{E0041}"), "a⟪U+E0041⟫")  // tag smuggling
    }

    func testLegitimateJoinersAndFlagsSurvive() {
        // An emoji ZWJ sequence is shown as its emoji side by side (QA: the terminal showed only "👨" of a
        // family); every member stays, two columns each.
        let family = "👨‍👩‍👧‍👦"
        XCTAssertEqual(Sanitize.line(family), "👨👩👧👦")
        XCTAssertEqual(DisplayWidth.of(Sanitize.line(family)), 8)
        XCTAssertEqual(Sanitize.line("Keluarga 👩‍👩‍👧 dan 👨🏽‍💻."), "Keluarga 👩👩👧 dan 👨🏽💻.")
        XCTAssertEqual(Sanitize.line("❤️‍🔥"), "❤️🔥")
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        XCTAssertEqual(Sanitize.line(england), england)
        XCTAssertEqual(Sanitize.line("مي\u{200C}خواهم"), "مي\u{200C}خواهم")
        XCTAssertEqual(Sanitize.line("Jalan Sudirman 漢字 ꦗꦮ é"), "Jalan Sudirman 漢字 ꦗꦮ é")
    }

    func testInvalidUTF8BecomesReplacementCharacter() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3]
        XCTAssertEqual(Sanitize.decode(bytes), "a\u{FFFD}b\u{FFFD}")
    }

    func testNewlinesInLineAndTextModes() {
        XCTAssertEqual(Sanitize.line("a\nb\r\nc\rd"), "a␤b␤c␍d")
        // In multi-line text every kind of line end is one (a letter with old line ends reads as its lines);
        // on one line each is a placeholder.
        XCTAssertEqual(Sanitize.text("a\nb\r\nc\rd\u{2028}e\u{2029}f"), "a\nb\nc\nd\ne\nf")
        XCTAssertEqual(Sanitize.text("a\u{85}b\u{0B}c\u{0C}d"), "a\nb\nc\nd")
        XCTAssertEqual(Sanitize.line("a\u{85}b\u{0B}c"), "a␤b␤c")
    }

    func testNoncharactersAreShownNotDropped() {
        // Swift string literals refuse noncharacters, so they are built from their scalars.
        func text(_ values: [UInt32]) -> String { String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init))) }
        XCTAssertEqual(Sanitize.line(text([0x78, 0xFFFE, 0xFFFF, 0x79])), "x⟪U+FFFE⟫⟪U+FFFF⟫y")
        XCTAssertEqual(Sanitize.line(text([0x7A, 0xFDD0])), "z⟪U+FDD0⟫")
    }

    func testTabs() {
        XCTAssertEqual(Sanitize.line("a\tb"), "a    b")
        XCTAssertEqual(Sanitize.line("a\tb", tabs: .arrow), "a→b")
        XCTAssertEqual(Sanitize.line("a\tb", tabs: .spaces(0)), "a b")
    }

    func testDanglingCombiningMarkGetsABase() {
        XCTAssertEqual(Sanitize.line("\u{0301}x"), "\u{25CC}\u{0301}x")
        XCTAssertEqual(Sanitize.text("a\n\u{0301}"), "a\n\u{25CC}\u{0301}")
        XCTAssertEqual(DisplayWidth.of(Sanitize.line("\u{0301}")), 1)
    }

    func testSafeTextIsUnchanged() {
        XCTAssertTrue(Sanitize.isSafeLine("Pengaduan #123 — jalan rusak"))
        XCTAssertFalse(Sanitize.isSafeLine("x\u{1B}"))
    }
}
