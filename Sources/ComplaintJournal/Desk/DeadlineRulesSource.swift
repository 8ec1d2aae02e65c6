import Complaints
import Foundation

/// The files a desk's deadline rules come from (`desk.toml`'s limits and time zone, `kalender/libur-*.txt`),
/// watched so a console open all day takes a holiday list or a limit edited under it without a restart:
/// deadlines are legal limits in working days, and a cuti bersama announced mid-year moves them.
public struct DeadlineRulesSource {
    let folder: DeskFolder
    let defaults: DeskDefaults
    private var files: WatchedFiles
    /// The zone the console shows times in: a changed one is only taken by a restart (deadlines counted in
    /// one zone beside times shown in another disagreed by hours: QA).
    let timeZone: DeskTimeZone

    public init(folder: DeskFolder, defaults: DeskDefaults, timeZone: DeskTimeZone) {
        self.folder = folder
        self.defaults = defaults
        self.timeZone = timeZone
        files = WatchedFiles { DeadlineRulesSource.paths(folder) }
    }

    /// What changed since the last call (or since the desk was opened); nil when no file did.
    public mutating func change() -> DeadlineRulesChange? {
        guard files.changed() else { return nil }
        var messages: [String] = []
        var settings = DeskSettings()
        if let text = OpenedDesk.read(folder.settingsFile, &messages) {
            do { settings = try DeskSettings.parse(text, fileName: folder.settingsFile.path) } catch {
                messages += error.errors.map(\.description)
            }
        }
        let holidays = OpenedDesk.holidayList(folder, defaults: defaults, &messages)
        if messages.isEmpty, settings.timeZone != timeZone {
            messages.append("\(folder.settingsFile.path): time_zone: \(settings.timeZone.rawValue) is taken when the console is opened again (it shows \(timeZone.rawValue))")
        }
        guard messages.isEmpty else { return .refused(messages) }
        return .reloaded(Deadlines(calendar: WorkingCalendar(holidays: holidays, timeZone: settings.timeZone), limits: settings.limits))
    }

    /// `desk.toml` and every holiday list in `kalender/`.
    static func paths(_ folder: DeskFolder) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.calendarFolder.path)) ?? []
        return [folder.settingsFile.path] + names.filter { $0.hasPrefix("libur-") && $0.hasSuffix(".txt") }.sorted()
            .map { folder.calendarFolder.appendingPathComponent($0).path }
    }
}
