@testable import CursesTerminal
import TextCanvas
import XCTest

final class ThemeInheritanceTests: XCTestCase {
    private let base = ResolvedStyle(foreground: .rgb(0xc0, 0xc0, 0xc0), background: .rgb(0, 0, 0))

    func testPartialThemeInheritsTheRestFromDefault() throws {
        let catalog = ThemeFixtures.catalog([
            "default": ThemeFixtures.tinyDefault,
            "mine": "[roles]\n\"inbox.selected\" = { fg = \"yellow\", bold = true }\n",
        ])
        let theme = try catalog.resolvedTheme(named: "mine")
        XCTAssertEqual(theme.base, base)
        XCTAssertEqual(theme.style(for: "inbox.selected"),
                       ResolvedStyle(foreground: .indexed(3), background: .rgb(0, 0, 0), bold: true))
        XCTAssertEqual(theme.style(for: "badge.overdue"),
                       ResolvedStyle(foreground: .indexed(7), background: .rgb(255, 0, 0), bold: true))
        XCTAssertEqual(theme.style(for: "inbox.row"), base, "an empty entry means the base colours")
    }

    func testRoleFallsBackToParentRoleThenToBase() throws {
        let palette = try ThemeFixtures.catalog(["default": ThemeFixtures.tinyDefault]).resolve(name: "default")
        let badge = ResolvedStyle(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 0), bold: true)
        XCTAssertEqual(palette.style(for: "badge.due-soon"), badge, "missing badge.due-soon → badge")
        XCTAssertNotEqual(palette.style(for: "badge.overdue"), badge, "an own entry wins over the parent")
        XCTAssertEqual(palette.style(for: "detail.text"), base, "no entry in the family → base style")
        XCTAssertEqual(palette.fallback, base)
    }

    func testChildPaletteRecoloursInheritedRoles() throws {
        let catalog = ThemeFixtures.catalog([
            "default": ThemeFixtures.tinyDefault,
            "warm": "[palette]\nhot = \"#ff8700\"\nbg = 17\n",
        ])
        let theme = try catalog.resolvedTheme(named: "warm")
        XCTAssertEqual(theme.style(for: "badge.overdue"),
                       ResolvedStyle(foreground: .indexed(7), background: .rgb(255, 0x87, 0), bold: true))
        XCTAssertEqual(theme.base.background, .indexed(17))
        XCTAssertEqual(theme.style(for: "inbox.row").background, .indexed(17), "omitted bg follows the new base")
    }

    func testNearestThemeWinsAlongAnExplicitChain() throws {
        let catalog = ThemeFixtures.catalog([
            "default": ThemeFixtures.tinyDefault,
            "b": "[palette]\nhot = \"#00ff00\"\n[roles]\ntab = { underline = true }\n",
            "c": "inherits = \"b\"\n[roles]\ntab = { dim = true }\n",
        ])
        let theme = try catalog.resolvedTheme(named: "c")
        XCTAssertEqual(theme.style(for: "tab"), ResolvedStyle(foreground: base.foreground, background: base.background, dim: true))
        XCTAssertEqual(theme.style(for: "badge").foreground, .rgb(0, 255, 0), "palette from b")
        XCTAssertEqual(theme.name, "c")
    }

    func testColourForms() throws {
        let text = """
            [palette]
            red = "#d75f5f"
            [roles]
            plain = { fg = "default", bg = "default" }
            tab = { fg = 196, bg = "bright-blue" }
            hints = { fg = "red", bg = "#0A0b0C" }
            "hints.key" = { fg = "default" }
            """
        let theme = try ThemeFixtures.catalog(["default": text]).resolvedTheme(named: "default")
        XCTAssertEqual(theme.base, .plain)
        XCTAssertEqual(theme.style(for: "tab"), ResolvedStyle(foreground: .indexed(196), background: .indexed(12)))
        XCTAssertEqual(theme.style(for: "hints"), ResolvedStyle(foreground: .rgb(0xd7, 0x5f, 0x5f), background: .rgb(10, 11, 12)),
                       "a palette entry shadows the colour name")
        XCTAssertEqual(theme.style(for: "hints.key").foreground, .terminalDefault)
    }

    func testDottedKeysAndSubTablesSpellDottedRoles() throws {
        let text = """
            [roles]
            badge.overdue = { bold = true }

            [roles.inbox]
            fg = "red"
            selected = { reverse = true }
            """
        let definition = try Theme.parse(text: text, fileName: "x.toml", knownRoles: ThemeFixtures.knownRoles)
        XCTAssertEqual(Set(definition.roles.keys), ["badge.overdue", "inbox", "inbox.selected"])
        XCTAssertEqual(definition.roles["inbox"]?.foreground, .named("red"))
        XCTAssertEqual(definition.roles["inbox.selected"]?.reverse, true)
        XCTAssertEqual(definition.roles["badge.overdue"]?.line, 2)
        XCTAssertEqual(definition.parent, "default")
    }

    func testUnknownPaletteNameFoundWhileResolvingNamesChildFileAndLine() {
        let catalog = ThemeFixtures.catalog(["default": ThemeFixtures.tinyDefault],
                                            user: ["mine": "[roles]\n\n\"tab.active\" = { fg = \"hott\" }\n"])
        let errors = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "mine") }
        XCTAssertEqual(errors.map(\.description),
                       ["mine.toml:3: roles.\"tab.active\".fg: unknown palette name \"hott\" (not in [palette] and not a colour name; did you mean \"hot\"?)"])
    }

    func testInheritsUnknownThemeAndCycles() {
        let catalog = ThemeFixtures.catalog([
            "default": ThemeFixtures.tinyDefault,
            "a": "inherits = \"b\"\n",
            "b": "\n\ninherits = \"a\"\n",
            "orphan": "\ninherits = \"nowhere\"\n",
        ])
        let cycle = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "a") }
        XCTAssertEqual(cycle.map(\.description), ["themes/b.toml:3: inherits: inherits cycle: a → b → a"])
        let orphan = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "orphan") }
        XCTAssertEqual(orphan.first?.line, 2)
        XCTAssertTrue(orphan.first?.reason.contains("inherits: no theme named \"nowhere\" (available: default, a, b, orphan)") ?? false,
                      "\(orphan)")
        let missing = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "x") }
        XCTAssertEqual(missing.first?.line, 0)
        XCTAssertEqual(missing.first?.file, "x.toml")
        // Both files of the cycle are to blame (each is reported when resolving the other).
        XCTAssertEqual(Set(catalog.problems().map(\.file)), ["themes/a.toml", "themes/b.toml", "themes/orphan.toml"])
    }

    func testCycleThroughDefault() {
        let catalog = ThemeFixtures.catalog(["default": "inherits = \"b\"\n", "b": "[roles]\ntab = {}\n"])
        let errors = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "b") }
        XCTAssertEqual(errors.map(\.reason), ["inherits: inherits cycle: b → default → b"])
    }

    func testParentParseErrorsSurfaceWhenResolvingAChild() {
        let catalog = ThemeFixtures.catalog(["default": "[palette]\nbg = \"#xyz\"\n", "child": ""])
        let errors = themeErrors { () throws(ThemeErrors) in _ = try catalog.resolve(name: "child") }
        XCTAssertEqual(errors.map(\.file), ["themes/default.toml"])
        XCTAssertEqual(errors.map(\.line), [2])
    }

    func testUserThemeOverridesBuiltinOfTheSameName() throws {
        let catalog = try ThemeFixtures.shippedCatalog(user: [
            "terang": "description = \"Punyaku\"\n[palette]\nbg = \"#eeeeee\"\n",
            "kantor": "description = \"Kantor\"\n",
        ])
        let terang = try catalog.resolvedTheme(named: "terang")
        XCTAssertEqual(terang.base.background, .rgb(0xee, 0xee, 0xee))
        XCTAssertEqual(terang.base.foreground, .rgb(0xd0, 0xd0, 0xd0), "the user file replaces the built-in terang entirely")
        let summaries = Dictionary(uniqueKeysWithValues: catalog.summaries.map { ($0.name, $0) })
        XCTAssertEqual(summaries["terang"]?.origin, .user)
        XCTAssertEqual(summaries["terang"]?.overridesBuiltin, true)
        XCTAssertEqual(summaries["kantor"]?.overridesBuiltin, false)
        XCTAssertEqual(summaries["mono"]?.origin, .builtin)
        XCTAssertEqual(summaries["terang"]?.description, "Punyaku")
        XCTAssertEqual(catalog.names.first, "default")
        let broken = try ThemeFixtures.shippedCatalog(user: ["bad": "[roles]\ntab = { blod = true }\n"])
        XCTAssertEqual(broken.problems().map(\.file), ["/home/u/.config/lapor-desk/themes/bad.toml"])
    }

    func testPaletteOrFallbackNeverFails() throws {
        let catalog = try ThemeFixtures.shippedCatalog(user: ["default": "[roles]\ntab = { blod = true }\n"])
        let (palette, problems) = catalog.paletteOrFallback(name: "default", depth: .indexed256)
        XCTAssertEqual(problems.map(\.line), [2])
        let builtin = try ThemeFixtures.shippedCatalog().resolve(name: "default")
        XCTAssertEqual(palette.style(for: "inbox.selected"), builtin.style(for: "inbox.selected"))
        let fallback = catalog.paletteOrFallback(name: "mono", depth: .monochrome)
        XCTAssertEqual(fallback.problems.count, 1, "mono inherits the broken user default")
        XCTAssertEqual(fallback.palette.style(for: "inbox.selected").background, .rgb(0, 0x5f, 0x87), "built-in default")
        let good = try ThemeFixtures.shippedCatalog().paletteOrFallback(name: "mono", depth: .monochrome)
        XCTAssertEqual(good.problems, [])
        XCTAssertEqual(good.palette.style(for: "inbox.selected"), ResolvedStyle(bold: true, reverse: true))
        let nothing = ThemeFixtures.catalog([:]).paletteOrFallback(name: "default", depth: .eight)
        XCTAssertEqual(nothing.palette.style(for: "tab"), .plain)
        XCTAssertEqual(nothing.problems.count, 1)
    }

    func testUserThemeFolderFollowsXDG() {
        XCTAssertEqual(ThemeCatalog.userThemeFolder(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]),
                       "/x/cfg/lapor-desk/themes")
        XCTAssertEqual(ThemeCatalog.userThemeFolder(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]),
                       "/home/u/.config/lapor-desk/themes")
        XCTAssertNil(ThemeCatalog.userThemeFolder(environment: [:]))
    }

    func testThemeNameComesFromTheFileName() {
        XCTAssertEqual(Theme.name(forFile: "/etc/x/kontras-tinggi.toml"), "kontras-tinggi")
        XCTAssertEqual(Theme.name(forFile: "mono.toml"), "mono")
        XCTAssertEqual(Theme.name(forFile: "plain"), "plain")
    }
}
