import Complaints
import Foundation

/// A desk's data folder: settings, roster, reference data, holiday calendars and the journal.
///
///     DIR/desk.toml               settings (name, time zone, language, theme, deadline limits)
///     DIR/operator.toml           the roster for `--as NAME`
///     DIR/referensi/*.toml        categories, regions, agencies, routing rules
///     DIR/kalender/libur-YYYY.txt holiday and cuti bersama lists
///     DIR/journal/                the append-only event journal
///
/// Files missing from the folder fall back to the copies shipped in the binary, so an old folder keeps
/// working when new reference data ships, and a desk overrides only what it edits.
public struct DeskFolder: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// `--data DIR`, else `$LAPOR_DESK_DATA`, else `$XDG_DATA_HOME/lapor-desk`, else `~/.local/share/lapor-desk`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DeskFolder {
        if let explicit, !explicit.isEmpty { return DeskFolder(url: URL(fileURLWithPath: explicit)) }
        if let env = environment["LAPOR_DESK_DATA"], !env.isEmpty { return DeskFolder(url: URL(fileURLWithPath: env)) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return DeskFolder(url: URL(fileURLWithPath: xdg).appendingPathComponent("lapor-desk"))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return DeskFolder(url: URL(fileURLWithPath: home).appendingPathComponent(".local/share/lapor-desk"))
    }

    public var path: String { url.path }
    public var settingsFile: URL { url.appendingPathComponent(DeskSettings.fileName) }
    public var rosterFile: URL { url.appendingPathComponent(Roster.fileName) }
    public var referenceFolder: URL { url.appendingPathComponent("referensi") }
    public var calendarFolder: URL { url.appendingPathComponent("kalender") }
    public var journalFolder: URL { url.appendingPathComponent("journal") }

    public var exists: Bool { FileManager.default.fileExists(atPath: settingsFile.path) }
}

/// What a new desk starts with: the shipped reference data and calendars, default settings and roster.
public struct DeskDefaults: Sendable {
    public var reference: [String: String]
    public var calendars: [String: String]
    public var settingsText: String
    public var rosterText: String

    public init(reference: [String: String], calendars: [String: String], settingsText: String = DeskSettings.defaultText,
                rosterText: String = Roster.defaultText) {
        self.reference = reference
        self.calendars = calendars
        self.settingsText = settingsText
        self.rosterText = rosterText
    }
}
