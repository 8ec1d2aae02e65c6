import ArgumentParser
import ComplaintJournal
import Foundation

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the console on the data folder.")

    @OptionGroup var desk: DeskOptions
    @Option(help: "Theme: default, terang, kontras-tinggi, buta-warna, mono (or your own).") var theme: String?
    @Option(help: "Language: id or en.") var lang: String?
    @Flag(help: "Let the mouse select rows and scroll (off by default: it takes over text selection).") var mouse = false
    @Flag(help: "Presenter mode for a projector: key strip, roomier rows, terang theme by default.") var presenter = false

    func run() throws {
        try ConsoleLauncher.run(ConsoleLauncher.Request(desk: desk, theme: theme, lang: lang, demo: false, mouse: mouse,
                                                        presenter: presenter))
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on a fresh practice desk with built-in sample reports.",
        discussion: "The practice desk lives in a temporary folder unless --data names one (an existing practice folder is reopened).")

    @OptionGroup var desk: DeskOptions
    @Option(help: "Theme name.") var theme: String?
    @Option(help: "Language: id or en.") var lang: String?
    @Flag(help: "Let the mouse select rows and scroll.") var mouse = false
    @Option(help: "Bimtek scenario: a shipped name (see `lapor-desk scenario list`) or a scenario folder.") var scenario: String?
    @Flag(help: "Show the scenario's lesson strip (} skips a step, { goes back).") var lesson = false
    @Flag(help: "Presenter mode for a projector: key strip, roomier rows, terang theme by default.") var presenter = false
    @Flag(help: "Return the practice desk in --data DIR to its starting point (refuses real desks).") var reset = false

    func run() throws {
        if reset { return try ScenarioLauncher.reset(desk.data) }
        if lesson, scenario == nil, desk.data == nil {
            throw Fail.usage("--lesson needs --scenario NAME (or --data DIR of a scenario desk)")
        }
        if let data = desk.data {
            // Training never opens a real desk: an existing folder must be a practice desk (QA: `demo --data`
            // on a real desk opened it as a demo, and a practice note went into its legal journal).
            let folder = DeskFolder(url: URL(fileURLWithPath: data))
            if folder.exists {
                do { try PracticeSnapshot.requirePractice(folder) } catch {
                    throw Fail.usage(error.description + "; to work on it, run `lapor-desk console --data \(data)`")
                }
            }
        }
        var request = ConsoleLauncher.Request(desk: desk, theme: theme, lang: lang, demo: true, mouse: mouse)
        request.scenario = scenario
        request.lesson = lesson
        request.presenter = presenter
        try ConsoleLauncher.run(request)
    }
}
