import XCTest
import TextCanvas

final class TextEditBufferTests: XCTestCase {
    func testTypingAndBackspace() {
        var buffer = TextEditBuffer()
        for c in "halo" { buffer.insert(c) }
        buffer.backspace()
        XCTAssertEqual(buffer.text, "hal")
        XCTAssertEqual(buffer.cursor, TextPosition(line: 0, column: 3))
    }

    func testMovesAreByGrapheme() {
        var buffer = TextEditBuffer(text: "a👨‍👩‍👧b")
        XCTAssertEqual(buffer.cursor.column, 3)
        buffer.moveLeft()
        buffer.moveLeft()
        XCTAssertEqual(buffer.cursor.column, 1)
        buffer.deleteForward()
        XCTAssertEqual(buffer.text, "ab")
    }

    func testNewlineSplitsAndBackspaceJoins() {
        var buffer = TextEditBuffer(text: "abcd")
        buffer.moveLeft()
        buffer.moveLeft()
        buffer.insertNewline()
        XCTAssertEqual(buffer.lines, ["ab", "cd"])
        XCTAssertEqual(buffer.cursor, TextPosition(line: 1, column: 0))
        buffer.backspace()
        XCTAssertEqual(buffer.lines, ["abcd"])
        XCTAssertEqual(buffer.cursor, TextPosition(line: 0, column: 2))
        buffer.moveEnd()
        buffer.deleteForward()  // nothing to join
        XCTAssertEqual(buffer.text, "abcd")
    }

    func testVerticalMovesKeepDisplayColumnAcrossWideCharacters() {
        var buffer = TextEditBuffer(text: "abcdef\n漢字漢字\nxy")
        buffer.moveUp()  // from end of "xy" (column 2) to line 1
        XCTAssertEqual(buffer.cursor, TextPosition(line: 1, column: 1))  // after 漢 = display column 2
        XCTAssertEqual(buffer.cursorDisplayColumn, 2)
        buffer.moveHome()
        buffer.moveUp()
        buffer.moveEnd()  // line 0 end: column 6
        buffer.moveDown()  // display column 6 → after 3 wide chars
        XCTAssertEqual(buffer.cursor, TextPosition(line: 1, column: 3))
        buffer.moveUp()
        XCTAssertEqual(buffer.cursor, TextPosition(line: 0, column: 6))
    }

    func testVerticalMoveNeverLandsInsideAWideCharacter() {
        var buffer = TextEditBuffer(text: "abc\n漢字")
        buffer.moveUp()
        buffer.moveHome()
        buffer.moveRight()  // display column 1
        buffer.moveDown()
        XCTAssertEqual(buffer.cursor, TextPosition(line: 1, column: 0))
    }

    func testGoalColumnSurvivesShortLine() {
        var buffer = TextEditBuffer(text: "abcdef\nx\nabcdef")
        buffer.moveDown()  // already on last line: goes to end
        buffer.moveUp()
        XCTAssertEqual(buffer.cursor, TextPosition(line: 1, column: 1))
        buffer.moveUp()
        XCTAssertEqual(buffer.cursor, TextPosition(line: 0, column: 6))
    }

    func testUndoTypingRunIsOneStep() {
        var buffer = TextEditBuffer(text: "a")
        for c in "bcd" { buffer.insert(c) }
        XCTAssertEqual(buffer.text, "abcd")
        XCTAssertTrue(buffer.undo())
        XCTAssertEqual(buffer.text, "a")
        XCTAssertEqual(buffer.cursor.column, 1)
        XCTAssertFalse(buffer.undo())
    }

    func testUndoAfterMoveSeparatesSteps() {
        var buffer = TextEditBuffer()
        buffer.insert("a")
        buffer.moveLeft()
        buffer.insert("b")
        XCTAssertEqual(buffer.text, "ba")
        buffer.undo()
        XCTAssertEqual(buffer.text, "a")
        buffer.undo()
        XCTAssertEqual(buffer.text, "")
    }

    func testUndoPasteAndBackspace() {
        var buffer = TextEditBuffer(text: "x")
        buffer.insert("line1\nline2")
        XCTAssertEqual(buffer.lines, ["xline1", "line2"])
        buffer.backspace()
        buffer.backspace()
        XCTAssertEqual(buffer.text, "xline1\nlin")
        buffer.undo()
        XCTAssertEqual(buffer.text, "xline1\nline2")
        buffer.undo()
        XCTAssertEqual(buffer.text, "x")
    }

    func testPasteDropsControlAndBidiCharacters() {
        var buffer = TextEditBuffer()
        buffer.insert("a\u{1B}[31mb\u{202E}c\r\nd\te")
        XCTAssertEqual(buffer.lines, ["a[31mbc", "d    e"])
    }

    func testCombiningMarkMergesWithPreviousCharacter() {
        var buffer = TextEditBuffer(text: "e")
        buffer.insert(Character("\u{0301}"))
        XCTAssertEqual(buffer.text, "e\u{0301}")
        XCTAssertEqual(buffer.cursor.column, 1)
        buffer.backspace()
        XCTAssertEqual(buffer.text, "")
    }

    func testLayoutWrapsAndPlacesCursorInDisplayColumns() {
        let buffer = TextEditBuffer(text: "ab漢字cd")  // widths 1 1 2 2 1 1 = 8
        let layout = buffer.layout(width: 5, height: 3)
        XCTAssertEqual(layout.rows, ["ab漢", "字cd"])
        XCTAssertEqual(layout.cursor, Point(x: 4, y: 1))
        XCTAssertEqual(layout.totalRows, 2)
    }

    /// QA: a note being typed wrapped inside words ("diberi tegur|an").
    func testLayoutBreaksBetweenWordsAndBreaksOnlyAWordLongerThanARow() {
        var buffer = TextEditBuffer(text: "Sudah diberi teguran tertulis")
        XCTAssertEqual(buffer.layout(width: 12, height: 9).rows, ["Sudah ", "diberi ", "teguran ", "tertulis"])
        XCTAssertEqual(buffer.layout(width: 12, height: 9).cursor, Point(x: 8, y: 3))
        buffer = TextEditBuffer(text: "ab Jalankaliurangkm7 cd")
        XCTAssertEqual(buffer.layout(width: 6, height: 9).rows, ["ab ", "Jalank", "aliura", "ngkm7 ", "cd"])
        buffer = TextEditBuffer(text: "ab 漢字漢字")
        XCTAssertEqual(buffer.layout(width: 5, height: 9).rows, ["ab ", "漢字", "漢字"])
    }

    func testLayoutCursorAfterFullRowGoesToNextRow() {
        let buffer = TextEditBuffer(text: "abcd")
        let layout = buffer.layout(width: 4, height: 3)
        XCTAssertEqual(layout.rows, ["abcd", ""])
        XCTAssertEqual(layout.cursor, Point(x: 0, y: 1))
    }

    func testLayoutScrollsToCursor() {
        var buffer = TextEditBuffer(text: "1\n2\n3\n4\n5")
        var layout = buffer.layout(width: 10, height: 2)
        XCTAssertEqual(layout.rows, ["4", "5"])
        XCTAssertEqual(layout.scrollTop, 3)
        XCTAssertEqual(layout.cursor, Point(x: 1, y: 1))
        buffer.moveUp()
        buffer.moveUp()
        buffer.moveUp()
        layout = buffer.layout(width: 10, height: 2, scrollTop: layout.scrollTop)
        XCTAssertEqual(layout.rows, ["2", "3"])
        XCTAssertEqual(layout.cursor.y, 0)
    }

    func testLineLayoutUsesTheWholeWidthAndKeepsTheCaretVisible() {
        var buffer = TextEditBuffer(text: String(repeating: "abcdefghij", count: 10))  // 100 columns
        var line = buffer.lineLayout(width: 79)
        XCTAssertEqual(line.text, String(String(repeating: "abcdefghij", count: 10).suffix(78)), "the caret at the end keeps one free column")
        XCTAssertEqual(line.cursorX, 78)
        XCTAssertEqual(line.scrollLeft, 22)
        // Moving left inside the view does not scroll; past its left edge scrolls just enough.
        for _ in 0..<70 { buffer.moveLeft() }
        line = buffer.lineLayout(width: 79, scrollLeft: line.scrollLeft)
        XCTAssertEqual(line.scrollLeft, 22)
        XCTAssertEqual(line.cursorX, 8)
        buffer.moveHome()
        line = buffer.lineLayout(width: 79, scrollLeft: line.scrollLeft)
        XCTAssertEqual(line.scrollLeft, 0)
        XCTAssertEqual(line.text.count, 79)
        XCTAssertEqual(line.cursorX, 0)
        // Short text starts at the left edge whatever the earlier scroll.
        XCTAssertEqual(TextEditBuffer(text: "abc").lineLayout(width: 10, scrollLeft: 40), LineLayout(text: "abc", cursorX: 3, scrollLeft: 0))
    }

    func testLineLayoutNeverCutsAWideCharacterAtTheLeftEdge() {
        let buffer = TextEditBuffer(text: "漢字漢字ab")  // widths 2 2 2 2 1 1 = 10, caret at 10
        let line = buffer.lineLayout(width: 4)
        // The caret needs column 10, so the view starts at column 7 — inside 字: it starts after it instead.
        XCTAssertEqual(line.text, "ab")
        XCTAssertEqual(line.scrollLeft, 8)
        XCTAssertEqual(line.cursorX, 2)
    }

    func testApplyKeys() {
        var buffer = TextEditBuffer()
        XCTAssertTrue(buffer.apply(.char("a")))
        XCTAssertTrue(buffer.apply(.enter))
        XCTAssertTrue(buffer.apply(.paste("b\nc")))
        XCTAssertEqual(buffer.lines, ["a", "b", "c"])
        XCTAssertFalse(buffer.apply(.enter, multiline: false))
        XCTAssertFalse(buffer.apply(.f(2)))
        XCTAssertTrue(buffer.apply(.paste("x\ny"), multiline: false))
        XCTAssertEqual(buffer.lines, ["a", "b", "cx y"])
    }

    /// QA: a pre-filled field (the title to edit) could only be cleared with one Backspace per letter.
    func testLineKillKeysClearWhatTheOfficerWantsGoneAndUndoBringsItBack() {
        var b = TextEditBuffer(text: "Jalan rusak di depan sekolah")
        XCTAssertTrue(b.apply(.ctrl("w")))
        XCTAssertEqual(b.text, "Jalan rusak di depan ")
        b.moveHome()
        for _ in 0..<6 { b.apply(.right) }
        XCTAssertTrue(b.apply(.ctrl("k")))
        XCTAssertEqual(b.text, "Jalan ")
        XCTAssertTrue(b.apply(.ctrl("u")))
        XCTAssertEqual(b.text, "")
        b.undo()
        XCTAssertEqual(b.text, "Jalan ")
    }
}
