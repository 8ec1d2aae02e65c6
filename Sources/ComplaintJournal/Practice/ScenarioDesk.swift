import Complaints
import Foundation
import TinyTOML

/// Builds a practice desk from a scenario and remembers which lesson it belongs to, so any later process
/// on the folder (a restarted console, `lapor-desk act`, `--reset`) knows the lesson and its baseline.
///
///     DIR/latihan/skenario/      copy of the scenario's files
///     DIR/latihan/pelajaran.toml scenario name and the last journal sequence of the desk as built
///     DIR/latihan/awal/          pristine copy of every file, for `lapor-desk demo --reset`
public enum ScenarioDesk {
    public static let lessonFileName = "pelajaran.toml"

    public static func practiceFolder(_ folder: DeskFolder) -> URL { folder.url.appendingPathComponent("latihan") }
    static func scenarioCopyFolder(_ folder: DeskFolder) -> URL { practiceFolder(folder).appendingPathComponent("skenario") }

    /// Settings of a scenario's practice desk: its name, practice marker and the scenario's time zone.
    public static func settingsText(_ scenario: Scenario) -> String {
        PracticeDesk.settingsText(name: scenario.deskName)
            .replacingOccurrences(of: "time_zone = \"WIB\"", with: "time_zone = \"\(scenario.timeZone.rawValue)\"")
    }

    /// Creates the practice desk in an empty `folder` with `now` = the scenario's start, records the lesson,
    /// keeps the pristine copy and sets the practice clock to the scenario's start. Returns the opened desk.
    /// `lockTimeout` as `PracticeDesk.create`'s.
    public static func create(_ package: ScenarioPackage, in folder: DeskFolder, defaults: DeskDefaults,
                              lockTimeout: Double = 10) throws -> OpenedDesk {
        var deskDefaults = defaults
        deskDefaults.reference = package.referenceTexts(defaults: defaults)
        let scenario = package.scenario
        let opened = try PracticeDesk.create(
            in: folder, defaults: deskDefaults, name: scenario.deskName, rosterText: package.files[Scenario.rosterFileName] ?? "",
            laporanText: package.files[Scenario.reportsFileName] ?? "", laporanFile: Scenario.reportsFileName,
            now: scenario.startsAt, settingsText: settingsText(scenario), lockTimeout: lockTimeout)
        let copy = scenarioCopyFolder(folder)
        try PracticeSnapshot.makeFolder(copy)
        for (name, text) in package.files.sorted(by: { $0.key < $1.key }) {
            try PracticeSnapshot.write(Array(text.utf8), to: copy.appendingPathComponent(name))
        }
        let record = "# Pelajaran latihan (dibuat oleh lapor-desk demo --scenario). Jangan diubah.\n"
            + "scenario = \"\(scenario.name)\"\nbaseline_seq = \(opened.journal.lastSequence)\n"
        try PracticeSnapshot.write(Array(record.utf8), to: practiceFolder(folder).appendingPathComponent(lessonFileName))
        try PracticeSnapshot.keepPristineCopy(of: folder)
        // After the pristine copy: a reset removes the clock file and starts the clock here again.
        try PracticeClock.start(in: folder, at: scenario.startsAt)
        return opened
    }

    /// The lesson recorded in a practice folder, or nil when the folder was not built from a scenario.
    public struct Recorded: Sendable {
        public var scenario: Scenario
        /// Events up to this sequence were part of the scenario as built.
        public var baselineSeq: UInt64
    }

    public static func recorded(in folder: DeskFolder) throws -> Recorded? {
        let lessonFile = practiceFolder(folder).appendingPathComponent(lessonFileName)
        guard let data = FileManager.default.contents(atPath: lessonFile.path) else { return nil }
        let table = try parseTOML(String(decoding: data, as: UTF8.self))
        let name = try table.requiredString("scenario")
        let baseline = try table.requiredInt("baseline_seq")
        let manifestURL = scenarioCopyFolder(folder).appendingPathComponent(Scenario.manifestFileName)
        guard let manifest = FileManager.default.contents(atPath: manifestURL.path) else { return nil }
        let scenario = try Scenario.parse(String(decoding: manifest, as: UTF8.self), name: name, fileName: manifestURL.path)
        return Recorded(scenario: scenario, baselineSeq: UInt64(max(0, baseline)))
    }

    /// External id → public tracking id, to name reports in lesson texts.
    public static func reportIDs(_ desk: Desk) -> [String: ReportID] {
        var ids: [String: ReportID] = [:]
        for r in desk.all { if let ext = r.externalID { ids[ext] = r.id } }
        return ids
    }

    /// The lesson's progress folded from the desk's reports (their trails hold every recorded event).
    /// `agencyNames` (by id) name agencies in the feedback.
    public static func progress(_ recorded: Recorded, desk: Desk, agencyNames: [String: String] = [:]) -> LessonProgress {
        var progress = LessonProgress(lesson: recorded.scenario.lesson.naming(reportIDs(desk), agencyNames: agencyNames),
                                      baselineSeq: recorded.baselineSeq)
        for e in DeskHistory.events(of: desk, after: recorded.baselineSeq) {
            progress.observe(seq: e.seq, event: e.event, externalID: desk[e.reportID]?.externalID)
        }
        return progress
    }
}
