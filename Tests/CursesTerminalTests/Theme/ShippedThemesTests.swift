@testable import CursesTerminal
import Foundation
import TextCanvas
import XCTest

final class ShippedThemesTests: XCTestCase {
    func testEveryShippedThemeParsesAndResolvesWithoutErrors() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        XCTAssertEqual(catalog.names, ["default", "buta-warna", "kontras-tinggi", "mono", "terang"])
        XCTAssertEqual(catalog.problems(), [])
        for (name, text) in try ThemeFixtures.shippedTexts() {
            let definition = try Theme.parse(text: text, fileName: "\(name).toml", knownRoles: ThemeFixtures.knownRoles)
            XCTAssertEqual(definition.name, name)
            XCTAssertNotNil(definition.description, name)
            XCTAssertNoThrow(try catalog.resolve(name: name), name)
        }
    }

    func testDefaultStylesEveryConsoleRoleDeliberately() throws {
        let definition = try ThemeFixtures.shippedCatalog().definition(named: "default")
        for role in ThemeFixtures.consoleRoles {
            XCTAssertNotNil(definition.roles[role], "default.toml must style \(role) itself")
        }
        XCTAssertNotNil(definition.roles["plain"])
        XCTAssertNil(definition.parent)
    }

    func testEveryRoleResolvesToAVisibleDeliberateStyleInEveryTheme() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        for name in ThemeFixtures.shippedNames {
            let theme = try catalog.resolvedTheme(named: name)
            for role in ThemeFixtures.consoleRoles {
                XCTAssertNotNil(theme.styles[StyleRole(role)], "\(name): \(role) comes from fallback")
            }
            for role in ["inbox.selected", "badge.overdue", "badge.due-soon", "flag.anonim", "flag.rahasia",
                         "status.error", "field.error", "pane.border.focused", "title.bar"] {
                XCTAssertNotEqual(theme.style(for: StyleRole(role)), theme.base, "\(name): \(role) looks like plain text")
            }
        }
    }

    func testMonoUsesNoColourAtAll() throws {
        let theme = try ThemeFixtures.shippedCatalog().resolvedTheme(named: "mono")
        for (role, style) in theme.styles {
            XCTAssertEqual(style.foreground, .terminalDefault, "mono: \(role)")
            XCTAssertEqual(style.background, .terminalDefault, "mono: \(role)")
        }
        XCTAssertEqual(theme.base, .plain)
    }

    /// Without colour (NO_COLOR, monochrome terminals) the important roles must still differ, both
    /// through the depth-aware palette and through the plain palette degraded by the backend.
    func testImportantRolesStayDistinctWhenDegradedToMonochrome() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        for name in ThemeFixtures.shippedNames {
            let palettes = [("full palette", try catalog.resolve(name: name)),
                            ("monochrome palette", try catalog.resolve(name: name, depth: .monochrome))]
            for (kind, palette) in palettes {
                func mono(_ role: String) -> DegradedStyle { DegradedStyle(palette.style(for: StyleRole(role)), depth: .monochrome) }
                let context = "\(name) (\(kind))"
                XCTAssertNotEqual(mono("inbox.selected"), mono("inbox.row"), context)
                XCTAssertNotEqual(mono("inbox.marked"), mono("inbox.row"), context)
                XCTAssertNotEqual(mono("badge.overdue"), mono("badge.on-track"), context)
                XCTAssertNotEqual(mono("badge.due-soon"), mono("badge.on-track"), context)
                XCTAssertNotEqual(mono("pane.border.focused"), mono("pane.border"), context)
                XCTAssertNotEqual(mono("routing.selected"), mono("routing.item"), context)
                XCTAssertNotEqual(mono("tab.active"), mono("tab"), context)
                // QA: in mono the overdue tab was reversed like the active one, and beside it read as a second one.
                XCTAssertNotEqual(mono("tab.overdue"), mono("tab.active"), context)
                XCTAssertNotEqual(mono("tab.overdue"), mono("tab"), context)
                for flag in ["flag.anonim", "flag.rahasia"] {
                    XCTAssertNotEqual(mono(flag), mono("plain"), "\(context): \(flag)")
                    XCTAssertNotEqual(mono(flag), mono("detail.text"), "\(context): \(flag)")
                    XCTAssertNotEqual(mono(flag), mono("inbox.selected"), "\(context): \(flag) vanishes on the selected row")
                }
                for error in ["status.error", "field.error"] {
                    XCTAssertNotEqual(mono(error), mono("plain"), "\(context): \(error)")
                    XCTAssertNotEqual(mono(error), mono("status.info"), "\(context): \(error)")
                }
            }
        }
    }

    /// The depth-aware palette keeps ordinary text out of reverse video in monochrome, so only real
    /// highlights are reversed (the backend reverses anything with a background colour).
    func testMonochromePaletteReversesOnlyHighlights() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        for name in ThemeFixtures.shippedNames {
            let palette = try catalog.resolve(name: name, depth: .monochrome)
            func mono(_ role: String) -> DegradedStyle { DegradedStyle(palette.style(for: StyleRole(role)), depth: .monochrome) }
            for role in ["plain", "inbox.row", "detail.text", "routing.item", "overlay", "hints"] {
                XCTAssertFalse(mono(role).reverse, "\(name): \(role) reversed without colour")
            }
            for role in ["inbox.selected", "badge.overdue", "flag.anonim", "flag.rahasia", "status.error", "title.bar"] {
                XCTAssertTrue(mono(role).reverse, "\(name): \(role) not reversed without colour")
            }
        }
    }

    /// No role may end up with the same foreground and background index on 8-, 16- or 256-colour
    /// terminals (text that vanishes after the backend picks the nearest colour).
    func testNoRoleBecomesInvisibleAtAnyColourDepth() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        for name in ThemeFixtures.shippedNames {
            for depth in [ColorDepth.eight, .sixteen, .indexed256] {
                let palette = try catalog.resolve(name: name, depth: depth)
                for role in ThemeFixtures.consoleRoles + ["plain"] {
                    let degraded = DegradedStyle(palette.style(for: StyleRole(role)), depth: depth)
                    guard degraded.foreground != -1 || degraded.background != -1 else { continue }
                    XCTAssertNotEqual(degraded.foreground, degraded.background, "\(name) at \(depth): \(role)")
                }
            }
        }
    }

    /// On 8- and 16-colour terminals the colour themes keep their important differences.
    func testImportantRolesStayDistinctOnSmallPalettes() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        for name in ["default", "terang", "kontras-tinggi", "buta-warna"] {
            for depth in [ColorDepth.eight, .sixteen] {
                let palette = try catalog.resolve(name: name, depth: depth)
                func look(_ role: String) -> DegradedStyle { DegradedStyle(palette.style(for: StyleRole(role)), depth: depth) }
                let context = "\(name) at \(depth)"
                XCTAssertNotEqual(look("inbox.selected").background, look("inbox.row").background, context)
                XCTAssertNotEqual(look("badge.overdue"), look("badge.on-track"), context)
                XCTAssertNotEqual(look("title.bar"), look("plain"), context)
                for flag in ["flag.anonim", "flag.rahasia"] {
                    XCTAssertNotEqual(look(flag), look("plain"), "\(context): \(flag)")
                    XCTAssertNotEqual(look(flag), look("inbox.selected"), "\(context): \(flag)")
                }
            }
        }
    }

    /// Soft greys must not fold to black on 8-colour terminals (the generic path goes through
    /// "bright black", which 8 colours show as black), and a colour equal to its background is
    /// swapped for black or white.
    func testSmallPaletteMappingKeepsGreysVisible() {
        let eight = SmallPaletteMapper(size: 8)
        XCTAssertEqual(eight.index(for: .rgb(0x8a, 0x8a, 0x8a)), 7)
        XCTAssertEqual(ColorDepth.eight.index(for: .rgb(0x8a, 0x8a, 0x8a)), 0, "generic path folds grey to black")
        XCTAssertEqual(eight.index(for: .rgb(0x5f, 0xaf, 0xd7)), 6)
        XCTAssertEqual(eight.index(for: .indexed(3)), 3)
        XCTAssertNil(eight.index(for: .terminalDefault))
        XCTAssertEqual(eight.index(for: .rgb(0x87, 0xd7, 0x87)), 2, "pastel green stays green")
        XCTAssertEqual(eight.index(for: .rgb(0xff, 0xaf, 0x5f)), 3, "amber becomes yellow")
        XCTAssertEqual(eight.index(for: .indexed(12)), 4, "bright blue folds to blue")
        XCTAssertEqual(SmallPaletteMapper(size: 16).index(for: .rgb(0xff, 0x87, 0x87)), 9, "light red is bright red")
        XCTAssertEqual(SmallPaletteMapper(size: 16).index(for: .rgb(0xd7, 0x5f, 0x5f)), 1)
        XCTAssertEqual(SmallPaletteMapper(size: 16).index(for: .rgb(0x8a, 0x8a, 0x8a)), 8)
        XCTAssertEqual(SmallPaletteMapper(size: 16).index(for: .rgb(0xff, 0xff, 0x00)), 11, "pure yellow is bright yellow")
        XCTAssertEqual(SmallPaletteMapper(size: 16).index(for: .rgb(0xaf, 0x00, 0x00)), 1)
        let invisible = eight.map(ResolvedStyle(foreground: .rgb(0x30, 0x30, 0x30), background: .rgb(0x1c, 0x1c, 0x1c)))
        XCTAssertEqual(invisible.foreground, .indexed(7))
        XCTAssertEqual(invisible.background, .indexed(0))
        let onWhite = SmallPaletteMapper(size: 16).map(ResolvedStyle(foreground: .rgb(250, 250, 250), background: .rgb(255, 255, 255)))
        XCTAssertEqual(onWhite.foreground, .indexed(0))
        XCTAssertEqual(onWhite.background, .indexed(15))
        let brownOnWhite = eight.map(ResolvedStyle(foreground: .rgb(0x5f, 0x37, 0x00), background: .rgb(255, 255, 255)))
        XCTAssertEqual(brownOnWhite.foreground, .indexed(0), "dark brown would become yellow on white")
        let kept = eight.map(ResolvedStyle(foreground: .rgb(255, 255, 255), background: .rgb(0xaf, 0, 0), bold: true))
        XCTAssertEqual(kept, ResolvedStyle(foreground: .indexed(7), background: .indexed(1), bold: true))
    }

    /// Readability in full colour (WCAG 2 contrast): the high-contrast and projector themes reach
    /// AAA (7:1) on every text role, the others AA (4.5:1); pane frames need 3:1.
    func testContrastMeetsTheThemesPromise() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        let required: [String: Double] = ["default": 4.5, "buta-warna": 4.5, "terang": 7, "kontras-tinggi": 7]
        for (name, minimum) in required {
            let theme = try catalog.resolvedTheme(named: name)
            for role in ThemeFixtures.consoleRoles + ["plain"] {
                let style = theme.style(for: StyleRole(role))
                guard let ratio = Contrast.ratio(style) else { XCTFail("\(name): \(role) has no colours"); continue }
                let needed = role.hasPrefix("pane.border") || role == "overlay.border" ? min(minimum, 3) : minimum
                XCTAssertGreaterThanOrEqual(ratio, needed, "\(name): \(role) contrast \(ratio)")
            }
        }
    }

    func testLightThemeIsLightAndDarkThemesAreDark() throws {
        let catalog = try ThemeFixtures.shippedCatalog()
        func backgroundLuminance(_ name: String) throws -> Double {
            let base = try catalog.resolvedTheme(named: name).base
            return Contrast.rgb(base.background).map(Contrast.luminance) ?? -1
        }
        XCTAssertGreaterThan(try backgroundLuminance("terang"), 0.9)
        for name in ["default", "kontras-tinggi", "buta-warna"] {
            XCTAssertLessThan(try backgroundLuminance(name), 0.02, name)
        }
    }

    /// Colour-blind safety: overdue and on track must not be a red/green pair and must differ in
    /// attributes too, so they never rely on colour.
    func testColourBlindThemeUsesBlueAndOrangeAndAttributes() throws {
        let theme = try ThemeFixtures.shippedCatalog().resolvedTheme(named: "buta-warna")
        let overdue = theme.style(for: "badge.overdue")
        let onTrack = theme.style(for: "badge.on-track")
        XCTAssertEqual(overdue.background, .rgb(0xE6, 0x9F, 0x00))  // Okabe–Ito orange
        XCTAssertEqual(onTrack.foreground, .rgb(0x56, 0xB4, 0xE9))  // Okabe–Ito sky blue
        let badges = ["badge.overdue", "badge.due-soon", "badge.on-track", "badge.paused"].map { role -> [Bool] in
            let s = theme.style(for: StyleRole(role))
            return [s.bold, s.underline, s.reverse, s.dim, s.italic, s.background != theme.base.background]
        }
        XCTAssertEqual(Set(badges).count, badges.count, "badges must differ in more than colour")
    }

    /// The example in themes/README.md is a working user theme.
    func testReadmeExampleIsAValidUserTheme() throws {
        let readme = try String(contentsOf: ThemeFixtures.themesFolder.appendingPathComponent("README.md"), encoding: .utf8)
        let parts = readme.components(separatedBy: "```toml\n")
        XCTAssertEqual(parts.count, 2, "one toml example expected")
        let example = try XCTUnwrap(parts.last?.components(separatedBy: "```").first)
        let catalog = try ThemeFixtures.shippedCatalog(user: ["mine": example])
        XCTAssertEqual(catalog.problems(), [])
        let theme = try catalog.resolvedTheme(named: "mine")
        XCTAssertEqual(theme.base.background, .rgb(0xfd, 0xf6, 0xe3))
        XCTAssertEqual(theme.style(for: "badge.overdue"), ResolvedStyle(foreground: .indexed(7), background: .rgb(0xaf, 0, 0), bold: true))
        XCTAssertEqual(theme.style(for: "badge.due-soon").foreground, .rgb(0x5f, 0x37, 0x00), "warn from terang")
        XCTAssertEqual(theme.style(for: "inbox.row").background, .rgb(0xfd, 0xf6, 0xe3))
    }

    func testEmbeddedCopiesAreByteIdenticalToThemesFolder() throws {
        let manager = FileManager.default
        let shipped = try manager.contentsOfDirectory(atPath: ThemeFixtures.themesFolder.path).filter { $0.hasSuffix(".toml") }.sorted()
        let embedded = try manager.contentsOfDirectory(atPath: ThemeFixtures.embeddedFolder.path).filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(shipped, ThemeFixtures.shippedNames.map { "\($0).toml" }.sorted())
        XCTAssertEqual(embedded, shipped, "Sources/DeskResources/Files/themes must hold exactly the files in themes/")
        for file in shipped {
            let original = try Data(contentsOf: ThemeFixtures.themesFolder.appendingPathComponent(file))
            let copy = try Data(contentsOf: ThemeFixtures.embeddedFolder.appendingPathComponent(file))
            XCTAssertEqual(original, copy, "\(file): copy differs; run cp themes/*.toml Sources/DeskResources/Files/themes/")
        }
    }
}
