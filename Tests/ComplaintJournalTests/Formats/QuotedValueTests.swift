import ComplaintJournal
import XCTest

/// Values quoted in messages about input: one style for every character that could hide, reorder or
/// break the line (QA: one import run showed `\u{1b}` for one value and a `⟪U+202E⟫` marker for another).
final class QuotedValueTests: XCTestCase {
    func testControlsAndInvisibleCharactersAreSpelledOut() {
        XCTAssertEqual(QuotedValue.shown("sms\u{1B}[31m"), "sms\\u{1B}[31m")
        XCTAssertEqual(QuotedValue.shown("\u{202E}Kesehatan"), "\\u{202E}Kesehatan")
        XCTAssertEqual(QuotedValue.shown("a\u{200B}b\u{2028}c\u{FEFF}"), "a\\u{200B}b\\u{2028}c\\u{FEFF}")
        XCTAssertEqual(QuotedValue.shown("line\nnext\u{85}"), "line\\nnext\\u{85}")
        XCTAssertEqual(QuotedValue.shown("Dinas Kesehatan — Sleman é 中文"), "Dinas Kesehatan — Sleman é 中文")
    }

    func testALongValueIsShortened() {
        XCTAssertEqual(QuotedValue.shown(String(repeating: "x", count: 61)), String(repeating: "x", count: 60) + "…")
    }
}
