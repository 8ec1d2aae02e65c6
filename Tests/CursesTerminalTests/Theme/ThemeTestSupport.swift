@testable import CursesTerminal
import Foundation
import TextCanvas
import XCTest

/// Theme test data and helpers.
enum ThemeFixtures {
    /// Every role the console draws with. This list mirrors `Roles.all` in
    /// Sources/Console/Render/Roles.swift (CursesTerminal cannot import Console); update both together.
    static let consoleRoles: [String] = [
        "title.bar", "title.practice", "title.health.ok", "title.health.bad", "tab", "tab.active", "tab.overdue",
        "pane.border", "pane.border.focused", "pane.title",
        "inbox.header", "inbox.row", "inbox.selected", "inbox.marked",
        "badge.overdue", "badge.due-soon", "badge.on-track", "badge.paused",
        "flag.anonim", "flag.rahasia",
        "detail.heading", "detail.label", "detail.text", "detail.muted", "detail.warning",
        "trail.public", "trail.internal", "trail.reporter",
        "routing.proposal", "routing.selected", "routing.item",
        "status.info", "status.success", "status.error",
        "hints", "hints.key",
        "overlay", "overlay.border", "overlay.title",
        "field.label", "field.input", "field.focused", "field.error",
        "presenter.strip", "presenter.key",
    ]
    static let knownRoles = Set(consoleRoles)
    static let shippedNames = ["default", "terang", "kontras-tinggi", "buta-warna", "mono"]

    /// The repository root, found from this file's path (Tests/CursesTerminalTests/Theme/...).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var themesFolder: URL { repositoryRoot.appendingPathComponent("themes") }
    static var embeddedFolder: URL { repositoryRoot.appendingPathComponent("Sources/DeskResources/Files/themes") }

    /// The shipped theme files as name → text.
    static func shippedTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        for name in shippedNames {
            texts[name] = try String(contentsOf: themesFolder.appendingPathComponent("\(name).toml"), encoding: .utf8)
        }
        return texts
    }

    static func shippedCatalog(user: [String: String] = [:]) throws -> ThemeCatalog {
        ThemeCatalog(builtin: try shippedTexts(), user: user, userFolder: "/home/u/.config/lapor-desk/themes",
                     knownRoles: knownRoles)
    }

    /// A minimal complete `default` for catalog tests that should not depend on the shipped files.
    static let tinyDefault = """
        name = "default"
        [palette]
        bg = "#000000"
        fg = "#c0c0c0"
        hot = "#ff0000"
        [roles]
        plain = { fg = "fg", bg = "bg" }
        badge = { fg = "hot", bold = true }
        "badge.overdue" = { fg = "white", bg = "hot", bold = true }
        "inbox.row" = {}
        "inbox.selected" = { reverse = true }
        """

    static func catalog(_ themes: [String: String], user: [String: String] = [:]) -> ThemeCatalog {
        ThemeCatalog(builtin: themes, user: user, knownRoles: knownRoles)
    }
}

/// The errors `body` throws, or a failure if it does not throw.
func themeErrors(_ body: () throws(ThemeErrors) -> Void, file: StaticString = #filePath, line: UInt = #line) -> [ThemeError] {
    do {
        try body()
        XCTFail("expected theme errors", file: file, line: line)
        return []
    } catch {
        return error.errors
    }
}

/// Asserts that parsing `text` fails with an error at `expectedLine` whose reason contains `fragment`.
func assertThemeError(_ text: String, fileName: String = "x.toml", line expectedLine: Int, contains fragment: String,
                      file: StaticString = #filePath, line: UInt = #line) {
    let errors = themeErrors({ () throws(ThemeErrors) in
        _ = try Theme.parse(text: text, fileName: fileName, knownRoles: ThemeFixtures.knownRoles)
    }, file: file, line: line)
    XCTAssertTrue(errors.contains { $0.line == expectedLine && $0.reason.contains(fragment) },
                  "no error at line \(expectedLine) containing '\(fragment)' in:\n\(ThemeErrors(errors))", file: file, line: line)
}

/// WCAG 2 contrast, for readability checks of shipped themes (xterm colours for palette indices).
enum Contrast {
    static func rgb(_ color: TerminalColor) -> (Int, Int, Int)? {
        switch color {
        case .terminalDefault: return nil
        case .indexed(let index): return XtermPalette.rgb(of: index)
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    static func luminance(_ c: (Int, Int, Int)) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// Contrast of the text as shown (reverse swaps foreground and background); nil with no colours.
    static func ratio(_ style: ResolvedStyle) -> Double? {
        guard let fg = rgb(style.foreground), let bg = rgb(style.background) else { return nil }
        let a = luminance(fg), b = luminance(bg)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
