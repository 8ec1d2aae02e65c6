import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

/// `lapor-desk scenario create NAME|DIR --data DIR`: builds a scenario's practice desk without opening the
/// console (one folder per trainee, prepared before class; scripts and tests).
struct ScenarioCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Build a scenario's practice desk in --data DIR (an empty or new folder).")

    @Argument(help: "A shipped scenario name or a scenario folder.") var scenario: String
    @OptionGroup var desk: DeskOptions

    func run() throws {
        guard let data = desk.data else { throw Fail.usage("create needs --data DIR (the new practice folder)") }
        let folder = DeskFolder(url: URL(fileURLWithPath: data))
        if folder.exists { throw Fail.usage("\(folder.path): a desk already exists here; refusing to overwrite it") }
        try DeskAccess.requireEmptyOrNewPracticeFolder(folder)
        let package = try Scenarios.load(scenario)
        do {
            let opened = try ScenarioDesk.create(package, in: folder, defaults: DeskAccess.defaults)
            Output.line("Meja latihan \"\(package.scenario.deskName)\" dibuat di \(folder.path) (\(opened.desk.count) laporan).")
            Output.line("Mulai: lapor-desk demo --data \(folder.path) --lesson")
        } catch {
            throw Fail.damaged("\(folder.path): \(error)")
        }
    }
}

/// `lapor-desk scenario progress --data DIR`: the lesson's steps and which are done, from the journal.
struct ScenarioProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show the lesson's steps on a scenario desk and which are done (read-only).")

    @OptionGroup var desk: DeskOptions
    @Option(help: "Language: id or en.") var lang: String = "id"

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw Fail.usage("--lang: use id or en, not '\(lang)'") }
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        // Said in this command's own terms (the shared check speaks of the console's --lesson).
        if case .success(nil) = Result(catching: { try ScenarioDesk.recorded(in: opened.folder) }) {
            throw Fail.usage("scenario progress: \(opened.folder.path) was not built from a scenario "
                + "(`lapor-desk scenario create SCENARIO --data DIR` builds one)")
        }
        let session = try ScenarioLauncher.lessonSession(opened)
        let p = session.cursor.progress
        let done = language == .id ? "langkah selesai" : "steps done"
        Output.line("\(session.title.text(language)) — \(p.doneCount)/\(p.lesson.steps.count) \(done)")
        var stuck: [String] = []
        for (i, step) in p.lesson.steps.enumerated() {
            // A step the desk's state rules out is failed here too, as the console's strip says it.
            let ruledOut = p.completed[i] || p.failed[i] ? nil : step.stuckReport(on: opened.desk)
            Output.line("  \(p.completed[i] ? "✓" : p.failed[i] || ruledOut != nil ? "✗" : "·") \(i + 1). \(step.instruction.text(language))")
            if let report = ruledOut {
                stuck.append(language == .id ? "✗ Langkah \(i + 1) tak bisa dikerjakan lagi: #\(report.id) \(report.status.label.id) (Ctrl-R ulang)"
                             : "✗ Step \(i + 1) can no longer be done: #\(report.id) \(report.status.label.en) (Ctrl-R starts over)")
            }
        }
        for line in stuck { Output.line(line) }
        switch p.shownFeedback {
        case let .praise(_, t)?: Output.line("✓ " + t.text(language))
        case let .mistake(_, t)?: Output.line("✗ " + t.text(language))
        case nil: break
        }
    }
}
