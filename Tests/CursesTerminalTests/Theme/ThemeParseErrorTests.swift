@testable import CursesTerminal
import TextCanvas
import XCTest

/// Every way a theme file can be wrong is reported as `FILE:LINE: reason`.
final class ThemeParseErrorTests: XCTestCase {
    func testSyntaxErrorNamesLineAndColumn() {
        assertThemeError("name = \"x\"\n[roles\n", line: 2, contains: "expected ']'")
        assertThemeError("a = \"open\n", line: 1, contains: "unterminated string")
    }

    func testUnknownTopLevelKeyWithHint() {
        assertThemeError("name = \"x\"\ndescripton = \"oops\"\n", line: 2, contains: "unknown field 'descripton' (did you mean 'description'?)")
        assertThemeError("\n\n[colours]\nbg = 1\n", line: 3, contains: "unknown field 'colours'")
    }

    func testNameMustMatchFileName() {
        assertThemeError("\nname = \"gelap\"\n", fileName: "themes/terang.toml", line: 2,
                         contains: "\"gelap\" does not match the file name")
        XCTAssertNoThrow(try Theme.parse(text: "name = \"terang\"", fileName: "/a/b/terang.toml", knownRoles: []))
    }

    func testWrongTypes() {
        assertThemeError("description = 3\n", line: 1, contains: "description: expected a string, found an integer")
        assertThemeError("inherits = true\n", line: 1, contains: "inherits: expected a string, found a boolean")
        assertThemeError("palette = \"dark\"\n", line: 1, contains: "palette: expected a table, found a string")
        assertThemeError("x = 1\nroles = [1]\n", line: 2, contains: "roles: expected a table, found an array")
        assertThemeError("[roles]\n\"inbox.row\" = \"red\"\n", line: 2,
                         contains: "expected a table like { fg = \"red\", bold = true }, found a string")
        assertThemeError("[roles]\ntab = { bold = \"yes\" }\n", line: 2, contains: "expected a boolean, found a string")
        assertThemeError("[roles]\ntab = { fg = true }\n", line: 2, contains: "expected a palette name or colour (a string or 0–255), found a boolean")
        assertThemeError("[palette]\nbg = 1.5\n", line: 2, contains: "palette.bg: expected a colour (a string or 0–255), found a float")
    }

    func testBadColours() {
        assertThemeError("[palette]\nbg = \"#12345\"\n", line: 2, contains: "bad colour \"#12345\" (expected #rrggbb)")
        assertThemeError("[palette]\n\nbg = \"#gg0000\"\n", line: 3, contains: "bad colour \"#gg0000\" (expected #rrggbb with hex digits")
        assertThemeError("[palette]\nbg = 256\n", line: 2, contains: "bad colour 256 (palette index must be 0–255)")
        assertThemeError("[palette]\nbg = -1\n", line: 2, contains: "bad colour -1")
        assertThemeError("[palette]\nbg = \"purple\"\n", line: 2, contains: "bad colour \"purple\" (use \"#rrggbb\"")
        assertThemeError("[roles]\n\ntab = { fg = \"#abc\" }\n", line: 3, contains: "roles.tab.fg: bad colour \"#abc\"")
        assertThemeError("[roles]\ntab = { bg = 300 }\n", line: 2, contains: "bad colour 300")
        assertThemeError("[roles]\ntab = { bg = \"\" }\n", line: 2, contains: "bad colour \"\"")
        assertThemeError("[palette]\ndefault = \"#000000\"\n", line: 2, contains: "palette name \"default\" would be read as a colour")
    }

    func testUnknownAttributeWithHint() {
        assertThemeError("[roles]\n\"inbox.selected\" = { blod = true }\n", line: 2,
                         contains: "unknown attribute 'blod' (did you mean 'bold'?)")
        assertThemeError("[roles]\ntab = { colour = \"red\" }\n", line: 2, contains: "unknown attribute 'colour'")
    }

    func testUnknownRoleWithHintButParentsAndPlainAllowed() throws {
        assertThemeError("[roles]\n\"inbox.selcted\" = { bold = true }\n", line: 2,
                         contains: "unknown role \"inbox.selcted\" (did you mean \"inbox.selected\"?)")
        assertThemeError("[roles]\nplain = {}\n\"badge.overdue.x\" = {}\n", line: 3, contains: "unknown role \"badge.overdue.x\"")
        assertThemeError("[roles]\nsidebar = {}\n", line: 2, contains: "unknown role \"sidebar\"")
        let definition = try Theme.parse(text: "[roles]\nbadge = { bold = true }\ntitle = {}\n\"title.health\" = {}\nplain = {}\n",
                                         fileName: "x.toml", knownRoles: ThemeFixtures.knownRoles)
        XCTAssertEqual(Set(definition.roles.keys), ["badge", "title", "title.health", "plain"])
    }

    func testRoleStyledTwiceByQuotedAndDottedKeys() {
        assertThemeError("[roles]\n\"badge.overdue\" = { bold = true }\nbadge.overdue = { dim = true }\n", line: 3,
                         contains: "role \"badge.overdue\" is styled twice (first at line 2)")
    }

    func testInheritsProblemsFoundWhileParsing() {
        assertThemeError("inherits = \"\"\n", line: 1, contains: "inherits: must name a theme")
        assertThemeError("\ninherits = \"x\"\n", fileName: "x.toml", line: 2, contains: "inherits cycle: x → x")
    }

    func testUnknownPaletteNameInDefaultIsAParseError() {
        let text = "[palette]\naccent = \"#5fafd7\"\n[roles]\nplain = {}\ntab = { fg = \"acent\" }\n"
        assertThemeError(text, fileName: "default.toml", line: 5,
                         contains: "roles.\"tab\".fg: unknown palette name \"acent\" (not in [palette] and not a colour name; did you mean \"accent\"?)")
        // In a theme with a parent the name may come from the parent: checked when resolving.
        XCTAssertNoThrow(try Theme.parse(text: text, fileName: "other.toml", knownRoles: ThemeFixtures.knownRoles))
    }

    func testAllErrorsAreCollectedInLineOrderAndDescribedAsFileLineReason() {
        let text = """
            name = "x"
            bogus = 1
            [palette]
            bg = "#zzzzzz"
            [roles]
            tab = { blod = true }
            "nope" = {}
            """
        let errors = themeErrors { () throws(ThemeErrors) in
            _ = try Theme.parse(text: text, fileName: "themes/x.toml", knownRoles: ThemeFixtures.knownRoles)
        }
        XCTAssertEqual(errors.map(\.line), [2, 4, 6, 7])
        XCTAssertTrue(errors.allSatisfy { $0.file == "themes/x.toml" })
        XCTAssertEqual(errors.first?.description, "themes/x.toml:2: unknown field 'bogus'; a theme has name, description, inherits, [palette] and [roles]")
        XCTAssertEqual(ThemeErrors(errors).description.split(separator: "\n").count, 4)
    }
}
