import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// A relative `$XDG_DATA_HOME` is ignored, as the XDG base directory rules say (QA: it named a folder under
    /// whatever directory the command ran in).
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DeskFolder {
        if let explicit, !explicit.isEmpty { return DeskFolder(url: URL(fileURLWithPath: explicit)) }
        if let env = environment["LAPOR_DESK_DATA"], !env.isEmpty { return DeskFolder(url: URL(fileURLWithPath: env)) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
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

    /// Total size of the journal's segment files (0 when unreadable): an estimate of the desk's size.
    var journalBytes: Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journalFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.reduce(0) { total, name in
            var info = stat()
            return total + (stat(journalFolder.path + "/" + name, &info) == 0 ? Int(info.st_size) : 0)
        }
    }

    public var exists: Bool { presence == .desk }

    /// What the folder holds, told apart by `stat`'s error: a folder that cannot be looked into must never
    /// pass for an empty one (`init` would then write over a desk, and read commands would advise it).
    public enum Presence: Equatable, Sendable {
        /// The settings file is there.
        case desk
        /// Nothing of a desk: `init` may create one here.
        case none
        /// A desk's journal or roster without its settings file (`missing` names it).
        case incomplete(missing: String)
        /// The folder (or a folder above it) cannot be looked into; `reason` says why.
        case unreadable(reason: String)
    }

    public var presence: Presence {
        switch DeskFolder.probe(settingsFile.path) {
        case .known(true): return .desk
        case let .unknown(reason): return .unreadable(reason: "\(path): \(reason)")
        case .known(false): break
        }
        for part in [journalFolder.path, rosterFile.path] {
            switch DeskFolder.probe(part) {
            case .known(true): return .incomplete(missing: settingsFile.path)
            case let .unknown(reason): return .unreadable(reason: "\(path): \(reason)")
            case .known(false): continue
            }
        }
        return .none
    }

    /// Whether `path` exists (false only when it certainly does not), or why that cannot be told.
    private static func probe(_ path: String) -> Probe {
        var info = stat()
        if stat(path, &info) == 0 { return .known(true) }
        switch errno {
        case ENOENT: return .known(false)
        // QA: a file given as --data was told to check its permissions.
        case ENOTDIR: return .unknown("a file, not a folder (give --data the desk's folder)")
        case let code: return .unknown(String(cString: strerror(code)) + " (check the folder's owner and permissions)")
        }
    }

    private enum Probe {
        /// Whether it exists, for certain.
        case known(Bool)
        /// Why that cannot be told (permissions, a file where a folder should be).
        case unknown(String)
    }
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
