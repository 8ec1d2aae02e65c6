@testable import CursesTerminal
import TextCanvas
import XCTest

final class ColorTests: XCTestCase {
    func testDepthDetection() {
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: false), .indexed256)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 88, noColor: false), .sixteen)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 8, noColor: false), .eight)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: true), .monochrome)
        XCTAssertEqual(ColorDepth.detect(hasColors: false, colors: 0, noColor: false), .monochrome)
    }

    func testRGBMapsToNearestCubeEntry() {
        XCTAssertEqual(ColorDepth.indexed256.index(for: .rgb(255, 0, 0)), 196)
        XCTAssertEqual(ColorDepth.indexed256.index(for: .rgb(0, 0, 0)), 16)
        XCTAssertEqual(ColorDepth.indexed256.index(for: .rgb(128, 128, 128)), 244)
        XCTAssertEqual(ColorDepth.indexed256.index(for: .indexed(33)), 33)
        XCTAssertEqual(ColorDepth.indexed256.index(for: .terminalDefault), -1)
    }

    func testDegradeTo16And8() {
        XCTAssertEqual(ColorDepth.sixteen.index(for: .indexed(196)), 9)  // bright red
        XCTAssertEqual(ColorDepth.eight.index(for: .indexed(196)), 1)  // red
        XCTAssertEqual(ColorDepth.eight.index(for: .indexed(2)), 2)
        XCTAssertEqual(ColorDepth.sixteen.index(for: .rgb(255, 255, 255)), 15)
        XCTAssertEqual(ColorDepth.eight.index(for: .terminalDefault), -1)
        XCTAssertNil(ColorDepth.monochrome.index(for: .indexed(1)))
    }

    func testMonochromeKeepsAttributesAndReversesBackgrounds() {
        let selected = ResolvedStyle(foreground: .indexed(15), background: .indexed(4), bold: true)
        let mono = DegradedStyle(selected, depth: .monochrome)
        XCTAssertEqual(mono.foreground, -1)
        XCTAssertEqual(mono.background, -1)
        XCTAssertTrue(mono.bold)
        XCTAssertTrue(mono.reverse)
        let plainText = DegradedStyle(ResolvedStyle(foreground: .indexed(3)), depth: .monochrome)
        XCTAssertFalse(plainText.reverse)
        let colour = DegradedStyle(selected, depth: .indexed256)
        XCTAssertEqual(colour.background, 4)
        XCTAssertFalse(colour.reverse)
    }

    func testPaletteFallsBackAlongRoleFamily() {
        let inbox = ResolvedStyle(bold: true)
        let selected = ResolvedStyle(reverse: true)
        let palette = TerminalPalette(styles: ["inbox": inbox, "inbox.selected": selected],
                                      fallback: ResolvedStyle(dim: true))
        XCTAssertEqual(palette.style(for: "inbox.selected"), selected)
        XCTAssertEqual(palette.style(for: "inbox.row.overdue"), inbox)
        XCTAssertEqual(palette.style(for: "status"), ResolvedStyle(dim: true))
        let computed = TerminalPalette { role in role.name.hasPrefix("badge") ? inbox : nil }
        XCTAssertEqual(computed.style(for: "badge.overdue"), inbox)
        XCTAssertEqual(computed.style(for: "other"), .plain)
    }

    func testGlyphsKeepNcursesAndTerminalWidthsInStep() {
        XCTAssertEqual(TerminalGlyphs.cells(for: "a", canvasWidth: 1), [[0x61]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "漢", canvasWidth: 2), [[0x6F22]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "e\u{301}", canvasWidth: 1), [[0x65, 0x301]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "❤️", canvasWidth: 2), [[0x2764], [0x20]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "🇮🇩", canvasWidth: 2), [[0x1F1EE], [0x1F1E9]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "👨‍👩‍👧‍👦", canvasWidth: 2), [[0x1F468]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "👍🏽", canvasWidth: 2), [[0x1F44D]])
        XCTAssertEqual(TerminalGlyphs.cells(for: "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", canvasWidth: 1).first?.count, 5)
        XCTAssertEqual(TerminalGlyphs.cells(for: "", canvasWidth: 1), [])
    }
}
