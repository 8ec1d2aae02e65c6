import XCTest
import TextCanvas

final class TextFitTests: XCTestCase {
    func testWrapAtSpaces() {
        XCTAssertEqual(TextFit.wrap("jalan rusak di depan sekolah", width: 10),
                       ["jalan", "rusak di", "depan", "sekolah"])
    }

    func testWrapKeepsExplicitNewlinesAndEmptyLines() {
        XCTAssertEqual(TextFit.wrap("a b\n\nc", width: 10), ["a b", "", "c"])
    }

    func testWrapBreaksLongWords() {
        XCTAssertEqual(TextFit.wrap("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
    }

    func testWrapToAFewLinesEndsTheLastInAnEllipsis() {
        XCTAssertEqual(TextFit.wrap("jalan rusak di depan sekolah", width: 10, maxLines: 2), ["jalan", "rusak di…"])
        XCTAssertEqual(TextFit.wrap("jalan rusak di depan sekolah", width: 10, maxLines: 4), ["jalan", "rusak di", "depan", "sekolah"])
        XCTAssertEqual(TextFit.wrap("jalan rusak", width: 10, maxLines: 0), [])
    }

    func testWrapCJKAnywhere() {
        XCTAssertEqual(TextFit.wrap("漢字仮名交じり文", width: 5), ["漢字", "仮名", "交じ", "り文"])
    }

    func testWrapMixedText() {
        let lines = TextFit.wrap("Lapor 漢字 😀 ok", width: 7)
        XCTAssertEqual(lines, ["Lapor", "漢字 😀", "ok"])
        for line in lines { XCTAssertLessThanOrEqual(line.displayWidth, 7) }
    }

    func testWrapKeepsParagraphIndent() {
        XCTAssertEqual(TextFit.wrap("  indented text", width: 20), ["  indented text"])
    }

    func testWrapSanitizes() {
        XCTAssertEqual(TextFit.wrap("a\u{1B}b", width: 10), ["a␛b"])
        XCTAssertEqual(TextFit.wrap("x", width: 0), [])
    }

    func testTruncate() {
        XCTAssertEqual(TextFit.truncate("Kabupaten Sleman", width: 8), "Kabupat…")
        XCTAssertEqual(TextFit.truncate("short", width: 8), "short")
        XCTAssertEqual(TextFit.truncate("漢字漢字", width: 4), "漢…")
        XCTAssertEqual(TextFit.truncate("漢字漢字", width: 6), "漢字…")
        XCTAssertEqual(TextFit.truncate("abc", width: 0), "")
        XCTAssertEqual(TextFit.truncate("abcdef", width: 3, ellipsis: "..."), "...")
    }

    func testPad() {
        XCTAssertEqual(TextFit.pad("ab", width: 5), "ab   ")
        XCTAssertEqual(TextFit.pad("ab", width: 5, alignment: .right), "   ab")
        XCTAssertEqual(TextFit.pad("ab", width: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextFit.pad("漢字漢", width: 5), "漢字…")
        XCTAssertEqual(TextFit.pad("漢字漢", width: 5).displayWidth, 5)
    }

    func testTableLayoutFixedAndFlex() {
        let table = TableLayout(columns: [
            TableColumn(.fixed(6)),
            TableColumn(.flex(weight: 1, min: 4)),
            TableColumn(.fixed(3), alignment: .right),
        ], totalWidth: 20)
        XCTAssertEqual(table.widths, [6, 9, 3])
        XCTAssertEqual(table.offsets, [0, 7, 17])
        XCTAssertEqual(table.rowWidth, 20)
        XCTAssertEqual(table.render(["LAP-12", "Jalan berlubang parah", "7"]), "LAP-12 Jalan be…   7")
    }

    func testTableLayoutTooNarrow() {
        let table = TableLayout(columns: [TableColumn(.fixed(6)), TableColumn(.flex(weight: 1, min: 4))],
                                totalWidth: 8)
        XCTAssertEqual(table.widths, [6, 1])
        XCTAssertEqual(table.render(["a"]).displayWidth, 8)
    }
}
