import ArgumentParser
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
    @Flag(help: "Presenter mode for a projector: key strip, roomier rows, terang theme by default.") var presenter = false

    func run() throws {
        try ConsoleLauncher.run(ConsoleLauncher.Request(desk: desk, theme: theme, lang: lang, demo: true, mouse: mouse,
                                                        presenter: presenter))
    }
}
