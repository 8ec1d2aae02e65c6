import Complaints
import ComplaintJournal
import Console
import Foundation

/// The training side of `lapor-desk demo`: scenario desks, their lessons, and reset.
enum ScenarioLauncher {
    /// A fresh desk built from the scenario (in a temporary folder unless `--data` names one); an existing
    /// folder is reopened as it is, so a trainee can close and come back.
    static func open(_ nameOrDir: String, options: DeskOptions) throws -> OpenedDesk {
        if let data = options.data, DeskFolder(url: URL(fileURLWithPath: data)).exists {
            // A folder built from another scenario would open that lesson without a word (QA: a trainer
            // reusing one folder got yesterday's class).
            let folder = DeskFolder(url: URL(fileURLWithPath: data))
            let wanted = try Scenarios.load(nameOrDir).scenario.name
            if let recorded = try? ScenarioDesk.recorded(in: folder), recorded.scenario.name != wanted {
                throw Fail.usage("\(folder.path) was built from the scenario '\(recorded.scenario.name)', not '\(wanted)': "
                                 + "use a new folder for '\(wanted)', or open this one without --scenario")
            }
            return try ConsoleLauncher.openDesk(options)
        }
        let package = try Scenarios.load(nameOrDir)
        let folder: DeskFolder
        if let data = options.data {
            folder = DeskFolder(url: URL(fileURLWithPath: data))
            try DeskAccess.requireEmptyOrNewPracticeFolder(folder)
        } else {
            var template = Array((NSTemporaryDirectory() + "lapor-desk-\(package.scenario.name)-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw Fail.usage("demo: cannot create a temporary folder") }
            folder = DeskFolder(url: URL(fileURLWithPath: String(cString: made)))
        }
        do {
            return try ScenarioDesk.create(package, in: folder, defaults: DeskAccess.defaults, lockTimeout: ConsoleLauncher.consoleLockTimeout)
        } catch {
            throw Fail.damaged("demo --scenario: \(error)")
        }
    }

    /// The lesson recorded in the desk folder, ready for the console.
    static func lessonSession(_ opened: OpenedDesk) throws -> LessonSession {
        let recorded: ScenarioDesk.Recorded?
        do { recorded = try ScenarioDesk.recorded(in: opened.folder) } catch {
            throw Fail.damaged("\(ScenarioDesk.practiceFolder(opened.folder).path): \(error)")
        }
        guard let recorded else {
            throw Fail.usage("--lesson: \(opened.folder.path) was not built from a scenario (use --scenario NAME)")
        }
        let names = Dictionary(opened.reference.agencies.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let progress = ScenarioDesk.progress(recorded, desk: opened.desk, agencyNames: names)
        return LessonSession(title: recorded.scenario.title, cursor: LessonCursor(progress: progress))
    }

    /// The operator a scenario's trainee signs in as, unless `--as` names another.
    static func trainee(_ opened: OpenedDesk) -> String? {
        (try? ScenarioDesk.recorded(in: opened.folder))??.scenario.trainee
    }

    /// `lapor-desk demo --reset --data DIR`.
    static func reset(_ data: String?) throws {
        guard let data else { throw Fail.usage("--reset needs --data DIR (the practice folder to reset)") }
        let folder = DeskFolder(url: URL(fileURLWithPath: data))
        do {
            let outcome = try PracticeSnapshot.reset(folder)
            // The desk's own later files (new segments, the clock, the snapshot) apart from those it did not make,
            // which are named (QA: "2 dihapus" beside one name).
            let deskMade = outcome.removed - outcome.removedOthers.count
            Output.line("Meja latihan \(folder.path) kembali ke awal (\(outcome.restored) berkas dipulihkan, \(deskMade) berkas buatan meja dihapus).")
            if !outcome.removedOthers.isEmpty {
                Output.line("Berkas yang bukan bagian meja ikut dihapus: " + outcome.removedOthers.map(ReportText.clean).joined(separator: ", "))
            }
        } catch let refusal as PracticeSnapshot.Refusal {
            throw Fail.usage(refusal.description)
        } catch {
            throw Fail.damaged("\(folder.path): reset failed: \(error)")
        }
    }
}
