import Foundation
import XCTest

/// Where a theme name comes from decides what a mistake in it does. QA: a theme in `desk.toml` or
/// `settings.toml` that does not exist stopped the console with a message blaming a `--theme` nobody
/// passed, and the flags' mistakes were hidden behind "must be a terminal".
final class ThemeChoiceTests: DeskTestCase {
    func testTheDesksOwnThemeFallsBackToTheDefaultAndSaysSo() throws {
        try makeDesk()
        let deskToml = dataURL.appendingPathComponent("desk.toml")
        var text = try String(contentsOf: deskToml, encoding: .utf8)
        text = text.replacingOccurrences(of: "theme = \"default\"", with: "theme = \"tidakada\"")
        XCTAssertTrue(text.contains("tidakada"), "the desk names a theme")
        try text.write(to: deskToml, atomically: true, encoding: .utf8)
        let s = try openConsole("--as rina")
        guard s.waitFor(text: "Tema: desk.toml: theme: unknown theme 'tidakada'") else { return }
        XCTAssertTrue(s.screen().contains("Kotak Masuk"), "the console started")
        try s.keys("q")
        s.waitFor(text: "LAPOR_EXIT=0")
    }

    func testAFlagOrSettingsFileMistakeIsNamedWithoutATerminal() throws {
        try makeDesk()
        let flag = try desk(["console", "--lang", "fr"])
        XCTAssertEqual(flag.code, 2, flag.transcript)
        XCTAssertTrue(flag.stderr.contains("--lang: use id or en, not 'fr'"), flag.stderr)
        let theme = try desk(["console", "--theme", "nosuch"])
        XCTAssertEqual(theme.code, 2, theme.transcript)
        XCTAssertTrue(theme.stderr.contains("--theme: unknown theme 'nosuch'"), theme.stderr)
        // The list a theme's description is written for (QA: no screen showed it).
        XCTAssertTrue(theme.stderr.contains("\n  terang: Terang — untuk proyektor dan ruangan terang"), theme.stderr)
        // `--theme ?` asks for that list: printed, exit 0 (QA: it was an unknown theme, exit 2).
        let asked = try desk(["--theme", "?"])
        XCTAssertEqual(asked.code, 0, asked.transcript)
        XCTAssertTrue(asked.stdout.contains("  terang: Terang — untuk proyektor dan ruangan terang"), asked.stdout)
        XCTAssertEqual(asked.stderr, "")
        // A theme file that does not load is listed with why (QA: a bare name, then the default theme).
        let themes = scratch.appendingPathComponent("cfg/lapor-desk/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "description = \"Tema rusak\"\n[roles]\n\"badge.tidakada\" = { fg = \"merahmuda\" }\n"
            .write(to: themes.appendingPathComponent("rusak.toml"), atomically: true, encoding: .utf8)
        let listed = try CLI.run(["--theme", "?", "--data", dataPath], env: ["XDG_CONFIG_HOME": scratch.appendingPathComponent("cfg").path])
        XCTAssertEqual(listed.code, 0, listed.transcript)
        XCTAssertTrue(listed.stdout.contains("  rusak (cannot be used: ") && listed.stdout.contains("unknown role"), listed.stdout)

        let config = scratch.appendingPathComponent("config/lapor-desk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "language = \"id\"\ntheme = \"nope\"\n".write(to: config.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8)
        let settings = try CLI.run(["console", "--data", dataPath], env: ["XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path])
        XCTAssertEqual(settings.code, 2, settings.transcript)
        XCTAssertTrue(settings.stderr.contains("settings.toml:2: theme: unknown theme 'nope'"), settings.stderr)
        XCTAssertFalse(settings.stderr.contains("--theme"), settings.stderr)
    }
}
