import ArgumentParser
import Complaints
import ComplaintJournal
import DeskResources
import Foundation

/// `lapor-desk scenario list|check|copy`: the trainer's tools for bimtek scenarios.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Bimtek scenarios: list, check, copy to edit, create a practice desk, show lesson progress.",
        discussion: "Start one with `lapor-desk demo --scenario NAME|DIR --lesson`.",
        subcommands: [ScenarioList.self, ScenarioCheck.self, ScenarioCopy.self, ScenarioCreate.self, ScenarioProgress.self])

    /// Every subcommand takes `--data` (formats.md); these read only built-in or named scenarios.
    static let dataHelp: ArgumentHelp = "Accepted as everywhere; not used (scenarios are built in or named by folder)."
}

struct ScenarioList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shipped scenarios with their titles.")

    @Option(help: "Language of the titles: id or en.") var lang: String = "id"
    @Option(help: ScenarioCommand.dataHelp) var data: String?

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw Fail.usage("--lang: use id or en, not '\(lang)'") }
        let width = DeskResources.scenarioNames.map(\.count).max() ?? 0
        for name in DeskResources.scenarioNames {
            let package = try Scenarios.load(name, shippedOnly: true)
            let s = package.scenario
            let steps = language == .id ? "\(s.lesson.steps.count) langkah" : "\(s.lesson.steps.count) steps"
            Output.line(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s.title.text(language) + "  (\(steps))")
            // What the lesson teaches, for choosing one (QA: the description was never shown anywhere).
            let about = s.description.text(language)
            if !about.isEmpty { Output.line(String(repeating: " ", count: width + 2) + about) }
        }
    }
}

struct ScenarioCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a scenario (shipped name or folder); problems are printed as FILE:LINE: field: reason.")

    @Argument(help: "A shipped scenario name or a scenario folder.") var scenario: String
    @Option(help: ScenarioCommand.dataHelp) var data: String?

    func run() throws {
        let package = try Scenarios.load(scenario)
        let reports = (package.files[Scenario.reportsFileName] ?? "").split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }.count
        Output.line("\(package.origin): OK — \(reports) laporan, \(package.scenario.lesson.steps.count) langkah, "
            + "mulai \(ISOTime.format(package.scenario.startsAt, offsetSeconds: package.scenario.timeZone.secondsFromUTC)) "
            + package.scenario.timeZone.rawValue)
    }
}

struct ScenarioCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy a shipped scenario into a folder to edit (never overwrites).")

    @Argument(help: "A shipped scenario name.") var scenario: String
    @Argument(help: "The folder to create or fill.") var folder: String
    @Option(help: ScenarioCommand.dataHelp) var data: String?

    func run() throws {
        guard let files = DeskResources.scenario(named: scenario) else {
            throw Fail.usage("scenario '\(scenario)': not shipped (\(DeskResources.scenarioNames.joined(separator: ", ")))")
        }
        let target = URL(fileURLWithPath: folder)
        for name in files.keys where FileManager.default.fileExists(atPath: target.appendingPathComponent(name).path) {
            throw Fail.usage("\(target.appendingPathComponent(name).path): already exists; refusing to overwrite it")
        }
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: target.appendingPathComponent(name))
            }
        } catch {
            throw Fail.usage("\(target.path): cannot write: \(error.localizedDescription)")
        }
        Output.line("Skenario \(scenario) disalin ke \(target.path)")
        Output.line("Periksa setelah diubah: lapor-desk scenario check \(target.path)")
        Output.line("Mulai: lapor-desk demo --scenario \(target.path) --lesson")
    }
}
