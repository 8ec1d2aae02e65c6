import CursesTerminal
import Glibc
import TextCanvas
import XCTest

/// Drives real ncurses with output to /dev/null and reads the cells back with mvwin_wch.
final class HeadlessScreenTests: XCTestCase {
    private var nullIn: Int32 = -1
    private var nullOut: Int32 = -1

    override func setUp() {
        nullIn = open("/dev/null", O_RDONLY)
        nullOut = open("/dev/null", O_WRONLY)
    }

    override func tearDown() {
        close(nullIn)
        close(nullOut)
    }

    private func makeScreen(noColor: Bool = false, palette: TerminalPalette = .plain) throws -> CursesScreen {
        try CursesScreen(options: CursesOptions(inputFD: nullIn, outputFD: nullOut, terminalName: "xterm-256color",
                                                noColor: noColor, handleSignals: false),
                         palette: palette)
    }

    func testDrawsCJKAndEmojiIntoTheRightCells() throws {
        let screen = try makeScreen()
        defer { screen.stop() }
        XCTAssertGreaterThan(screen.size.width, 0)
        var canvas = Canvas(size: screen.size)
        canvas.put("A漢字😀é", at: Point(x: 2, y: 1), role: "title")
        canvas.box(Rect(x: 0, y: 3, width: 6, height: 3), role: "frame")
        canvas.cursor = Point(x: 2, y: 1)
        screen.draw(canvas)
        XCTAssertEqual(screen.cellContents(at: Point(x: 2, y: 1))?.text, "A")
        XCTAssertEqual(screen.cellContents(at: Point(x: 3, y: 1))?.text, "漢")
        XCTAssertEqual(screen.cellContents(at: Point(x: 5, y: 1))?.text, "字")
        XCTAssertEqual(screen.cellContents(at: Point(x: 7, y: 1))?.text, "😀")
        XCTAssertEqual(screen.cellContents(at: Point(x: 9, y: 1))?.text, "é")
        XCTAssertEqual(screen.cellContents(at: Point(x: 0, y: 3))?.text, "┌")
        XCTAssertEqual(screen.cellContents(at: Point(x: 5, y: 5))?.text, "┘")
    }

    func testIncrementalRedrawReplacesChangedCellsOnly() throws {
        let screen = try makeScreen()
        defer { screen.stop() }
        var canvas = Canvas(size: screen.size)
        canvas.put("漢字", at: .zero, role: .plain)
        screen.draw(canvas)
        canvas.put("ab", at: Point(x: 1, y: 0), role: .plain)  // splits both wide characters
        screen.draw(canvas)
        XCTAssertEqual(screen.cellContents(at: Point(x: 0, y: 0))?.text, " ")
        XCTAssertEqual(screen.cellContents(at: Point(x: 1, y: 0))?.text, "a")
        XCTAssertEqual(screen.cellContents(at: Point(x: 2, y: 0))?.text, "b")
        XCTAssertEqual(screen.cellContents(at: Point(x: 3, y: 0))?.text, " ")
    }

    func testStylesBecomeAttributesAndPairs() throws {
        let palette = TerminalPalette(styles: [
            "sel": ResolvedStyle(foreground: .indexed(15), background: .indexed(4), bold: true),
            "warn": ResolvedStyle(underline: true),
        ])
        let screen = try makeScreen(palette: palette)
        defer { screen.stop() }
        XCTAssertEqual(screen.colorDepth, .indexed256)
        var canvas = Canvas(size: screen.size)
        canvas.put("x", at: .zero, role: "sel")
        canvas.put("y", at: Point(x: 1, y: 0), role: "warn")
        screen.draw(canvas)
        let selected = try XCTUnwrap(screen.cellContents(at: .zero))
        XCTAssertNotEqual(selected.pair, 0)
        XCTAssertEqual(selected.attributes & screen.attributeBits(bold: true), screen.attributeBits(bold: true))
        let warn = try XCTUnwrap(screen.cellContents(at: Point(x: 1, y: 0)))
        XCTAssertEqual(warn.pair, 0)
        XCTAssertEqual(warn.attributes & screen.attributeBits(underline: true), screen.attributeBits(underline: true))
    }

    func testNoColorGivesMonochromeWithReverseSelection() throws {
        let palette = TerminalPalette(styles: ["sel": ResolvedStyle(foreground: .indexed(15), background: .indexed(4))])
        let screen = try makeScreen(noColor: true, palette: palette)
        defer { screen.stop() }
        XCTAssertEqual(screen.colorDepth, .monochrome)
        var canvas = Canvas(size: screen.size)
        canvas.put("x", at: .zero, role: "sel")
        screen.draw(canvas)
        let cell = try XCTUnwrap(screen.cellContents(at: .zero))
        XCTAssertEqual(cell.pair, 0)
        XCTAssertEqual(cell.attributes & screen.attributeBits(reverse: true), screen.attributeBits(reverse: true))
    }

    func testUnknownTerminalIsAClearError() {
        XCTAssertThrowsError(try CursesScreen(options: CursesOptions(
            inputFD: nullIn, outputFD: nullOut, terminalName: "no-such-terminal-xyz", handleSignals: false))) { error in
            XCTAssertEqual(error as? CursesError, .unknownTerminal("no-such-terminal-xyz"))
        }
    }

    /// QA: TERM=dumb (and TERM unset, which curses takes as dumb) drew one garbled line and took keys.
    func testATerminalThatCannotMoveTheCursorIsRefusedClearly() {
        XCTAssertThrowsError(try CursesScreen(options: CursesOptions(
            inputFD: nullIn, outputFD: nullOut, terminalName: "dumb", handleSignals: false))) { error in
            XCTAssertEqual(error as? CursesError, .cannotMoveCursor("dumb"))
            XCTAssertTrue("\(error)".contains("TERM=xterm-256color"), "\(error)")
        }
        XCTAssertNoThrow(try CursesScreen(options: CursesOptions(
            inputFD: nullIn, outputFD: nullOut, terminalName: "vt100", handleSignals: false)).stop())
    }

    func testWatchedDescriptorWakesTheLoopAndTimeoutExpires() throws {
        let screen = try makeScreen()
        defer { screen.stop() }
        var fds: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&fds), 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        // /dev/null input reads as end of file: the screen reports it as closed rather than spinning.
        XCTAssertEqual(screen.nextEvent(timeoutMs: 50, alsoWatch: []), .closed)
        var byte: UInt8 = 1
        XCTAssertEqual(write(fds[1], &byte, 1), 1)
        let event = screen.nextEvent(timeoutMs: 1000, alsoWatch: [fds[0]])
        XCTAssertTrue(event == .ready([fds[0]]) || event == .closed, "\(event)")
    }
}

/// The terminals the console must run on all start, draw and stop.
final class TerminalTypeTests: XCTestCase {
    func testSupportedTerminalTypesStartAndDraw() throws {
        let nullIn = open("/dev/null", O_RDONLY)
        let nullOut = open("/dev/null", O_WRONLY)
        defer {
            close(nullIn)
            close(nullOut)
        }
        let expectations: [(String, ColorDepth)] = [
            ("xterm-256color", .indexed256), ("tmux-256color", .indexed256), ("screen", .eight),
            ("linux", .eight), ("vt100", .monochrome),
        ]
        for (name, depth) in expectations {
            let screen = try CursesScreen(options: CursesOptions(inputFD: nullIn, outputFD: nullOut, terminalName: name,
                                                                 noColor: false, handleSignals: false),
                                          palette: TerminalPalette(styles: ["x": ResolvedStyle(background: .indexed(4))]))
            XCTAssertEqual(screen.colorDepth, depth, name)
            var canvas = Canvas(size: screen.size)
            canvas.put("Lapor 漢", at: .zero, role: "x")
            canvas.box(Rect(x: 0, y: 1, width: 4, height: 3), role: .plain)
            screen.draw(canvas)
            XCTAssertEqual(screen.cellContents(at: Point(x: 6, y: 0))?.text, "漢", name)
            XCTAssertEqual(screen.cellContents(at: Point(x: 0, y: 1))?.text, "┌", name)
            screen.stop()
        }
    }
}
