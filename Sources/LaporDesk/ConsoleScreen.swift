import ArgumentParser
import Complaints
import ComplaintJournal
import CursesTerminal
import Foundation

/// Starts curses once, with the officer's theme, when the console first has something to draw: the
/// first frame from a snapshot (before the desk is decoded) or the console after opening. Whatever goes
/// wrong after it started must stop it before the error is printed.
final class ConsoleScreen {
    private(set) var screen: CursesScreen?
    /// Problems with the chosen theme (a fallback was used): printed by `stop`, as curses owns the
    /// terminal until then.
    private(set) var themeWarnings: [String] = []
    private let request: ConsoleLauncher.Request
    private let user: UserSettings
    private let catalog = Themes.catalog()

    init(request: ConsoleLauncher.Request, user: UserSettings) {
        self.request = request
        self.user = user
    }

    var isStarted: Bool { screen != nil }

    /// Refuses an unknown `--theme` or settings theme before the desk is opened (the desk's own theme is
    /// checked when the screen starts).
    func checkChosenTheme() throws {
        if let name = request.theme {
            try check(name, source: "--theme")
        } else if let name = user.theme {
            try check(name, source: user.themeSource)
        }
    }

    /// `source` names where the name came from (QA: a theme set in a settings file was blamed on `--theme`).
    private func check(_ themeName: String, source: String) throws {
        // `--theme ?` asks for the list (README; QA: it was called an unknown theme, exit 2).
        if themeName == "?", source == "--theme" { throw CleanExit.message(themeList()) }
        guard catalog.names.contains(themeName) else {
            throw Fail.usage("\(source): unknown theme '\(QuotedValue.shown(themeName))'; the themes are:\n" + themeList())
        }
    }

    /// The list a theme file's `description` is written for: one theme per line, with it; a theme that does
    /// not load with its first problem (QA: a broken file showed as a bare name). Built only when printed:
    /// it loads every theme, which a console start with a good theme has no need of.
    private func themeList() -> String {
        catalog.summaries.map { summary in
            var problem: String?
            do throws(ThemeErrors) { _ = try catalog.resolvedTheme(named: summary.name) } catch { problem = error.errors.first.map { "\($0)" } }
            return "  \(summary.name)" + (summary.description.map { ": \(ReportText.clean($0))" } ?? "")
                + (problem.map { " (cannot be used: \(ReportText.clean($0)))" } ?? "")
        }.joined(separator: "\n")
    }


    /// The screen, started on first use with the theme from `--theme`, the officer's settings, presenter
    /// mode or the desk's settings (an unknown name from the first two is a usage error, before curses
    /// starts; from the desk's, the default theme and a warning).
    func start(settings: DeskSettings) throws -> CursesScreen {
        if let screen { return screen }
        // `--theme` and the settings file's theme were checked before the desk opened (`checkChosenTheme`).
        var themeName = request.theme ?? user.theme ?? (request.presenter ? "terang" : settings.theme)
        // The desk's own theme is every officer's: a mistake there must not keep the desk's consoles from
        // starting. The default is used, and the message line says so (QA: the console refused to start).
        var deskThemeWarning: String?
        if !catalog.names.contains(themeName) {
            deskThemeWarning = "desk.toml: theme: unknown theme '\(ReportText.clean(themeName))' (\(catalog.names.joined(separator: ", "))); "
                + "the default theme is used"
            themeName = "default"
        }
        let started: CursesScreen
        do {
            started = try CursesScreen(options: CursesOptions(mouse: request.mouse || (user.mouse ?? false)), palette: .plain)
        } catch {
            throw Fail.usage("console: \(error)")
        }
        let (palette, themeProblems) = catalog.paletteOrFallback(name: themeName, depth: started.colorDepth)
        started.palette = palette
        themeWarnings = (deskThemeWarning.map { [$0] } ?? []) + themeProblems.map { "\($0)" }
        screen = started
        return started
    }

    /// Gives the terminal back (if curses was started), then prints the theme's warnings.
    func stop() {
        screen?.stop()
        for w in themeWarnings { Output.error("warning: \(w)") }
        themeWarnings = []
    }
}
