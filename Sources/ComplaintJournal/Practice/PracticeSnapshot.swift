import Complaints
import Foundation

/// The pristine copy of a practice desk and the reset that brings it back byte for byte. Every training
/// command that writes goes through `requirePractice`, so a real desk is never touched.
public enum PracticeSnapshot {
    /// Relative path of the pristine copy inside the desk folder.
    public static let pristinePath = "latihan/awal"

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static func pristineFolder(_ folder: DeskFolder) -> URL { folder.url.appendingPathComponent(pristinePath) }

    /// The lock file carries no data and may be held by a running console: never copied or removed.
    static func skipped(_ relative: String) -> Bool {
        relative == pristinePath || relative.hasPrefix(pristinePath + "/") || relative == "journal/LOCK"
    }

    /// Refuses anything but a practice desk (`latihan = true` in desk.toml).
    public static func requirePractice(_ folder: DeskFolder) throws(Refusal) {
        guard folder.exists, let data = FileManager.default.contents(atPath: folder.settingsFile.path) else {
            throw Refusal(description: "\(folder.path): no desk here; nothing to reset")
        }
        let settings = try? DeskSettings.parse(String(decoding: data, as: UTF8.self))
        guard settings?.isPractice == true else {
            throw Refusal(description: "\(folder.path): this is a real desk (desk.toml has no `latihan = true`); "
                + "training commands never change a real desk")
        }
    }

    /// Copies every file of the desk folder into `latihan/awal/`.
    public static func keepPristineCopy(of folder: DeskFolder) throws {
        try requirePractice(folder)
        let target = pristineFolder(folder)
        try? FileManager.default.removeItem(at: target)
        try makeFolder(target)
        for rel in try files(under: folder.url) where !skipped(rel) {
            let bytes = try Data(contentsOf: folder.url.appendingPathComponent(rel))
            try write(Array(bytes), to: target.appendingPathComponent(rel))
        }
    }

    /// What a reset changed, for the message shown to the trainer.
    public struct Outcome: Sendable, Hashable {
        public var restored: Int
        public var removed: Int
        /// Removed files that were not the desk's own records (a trainer's notes, an export): named to the
        /// trainer (see `filesNotOfTheDesk`).
        public var removedOthers: [String] = []
    }

    /// Files a reset would delete that the desk did not make: not in the pristine copy, and not its journal,
    /// cache or practice bookkeeping. A trainer's notes or exports kept in the practice folder are lost at a
    /// reset (QA: deleted without a word); the prompt and the command name them first.
    public static func filesNotOfTheDesk(_ folder: DeskFolder) -> [String] {
        let pristine = Set((try? files(under: pristineFolder(folder))) ?? [])
        return ((try? files(under: folder.url)) ?? []).filter { !skipped($0) && !pristine.contains($0) && !isDeskRecord($0) }
    }

    /// The journal, the snapshot cache and the practice bookkeeping: what a reset removes without naming.
    static func isDeskRecord(_ relative: String) -> Bool {
        ["journal/", "cache/", "latihan/"].contains { relative.hasPrefix($0) }
    }

    /// Puts every file back as it was at creation (the practice clock back at the scenario's start) and
    /// removes files that were not there. Refuses a real
    /// desk and a practice desk without a pristine copy. Other consoles on the folder must be restarted.
    public static func reset(_ folder: DeskFolder) throws -> Outcome {
        try requirePractice(folder)
        let source = pristineFolder(folder)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDir), isDir.boolValue else {
            throw Refusal(description: "\(folder.path): no pristine copy in \(pristinePath)/ (the desk was made before reset existed); "
                + "make a new one with `lapor-desk demo --data DIR`")
        }
        let pristine = try files(under: source)
        // The journal lock keeps a writer from appending halfway through the restore.
        let lock = try FileLock(path: folder.journalFolder.appendingPathComponent("LOCK").path, create: true)
        guard try lock.lock(exclusive: true, timeout: 5) else {
            throw Refusal(description: "\(folder.path): the journal is busy; try again")
        }
        defer { lock.unlock() }
        let keep = Set(pristine)
        var removed = 0
        var others: [String] = []
        for rel in try files(under: folder.url) where !skipped(rel) && !keep.contains(rel) {
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent(rel))
            removed += 1
            if !isDeskRecord(rel) { others.append(rel) }
        }
        for rel in pristine {
            let bytes = try Data(contentsOf: source.appendingPathComponent(rel))
            try write(Array(bytes), to: folder.url.appendingPathComponent(rel))
        }
        try removeEmptyFolders(folder.url, keeping: Set(pristine.map(parent(of:))))
        // The clock file is not part of the copy (it was written after it): a scenario desk's clock starts
        // again at the scenario's start, a plain practice desk goes back to real time.
        if let recorded = try ScenarioDesk.recorded(in: folder) {
            try PracticeClock.start(in: folder, at: recorded.scenario.startsAt)
        }
        return Outcome(restored: pristine.count, removed: removed, removedOthers: others)
    }

    /// Relative paths of regular files under `root`, sorted.
    static func files(under root: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    /// The folder part of a relative path ("" at the top). Not `NSString.deletingLastPathComponent`: on
    /// Linux it traps on a one-letter name (QA: a file called `a` crashed the reset).
    static func parent(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    static func removeEmptyFolders(_ root: URL, keeping: Set<String>) throws {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return }
        var dirs: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(rel).path, isDirectory: &isDir), isDir.boolValue {
                dirs.append(rel)
            }
        }
        let needed = keeping.flatMap { path -> [String] in
            var parts: [String] = []
            var p = path
            while !p.isEmpty { parts.append(p); p = parent(of: p) }
            return parts
        }
        let keep = Set(needed).union(["latihan", pristinePath, "journal"])
        for d in dirs.sorted(by: { $0.count > $1.count }) where !keep.contains(d) && !skipped(d) {
            if (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(d).path))?.isEmpty == true {
                try FileManager.default.removeItem(at: root.appendingPathComponent(d))
            }
        }
    }

    static func makeFolder(_ u: URL) throws {
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Writes a practice file the way the journal replaces its small files (temp file, fsync, rename, folder
    /// fsync; 0600), creating folders as needed: a crash mid-reset leaves each file old or new, never torn.
    static func write(_ bytes: [UInt8], to u: URL) throws {
        try makeFolder(u.deletingLastPathComponent())
        try JournalFolder(dataFolder: u.deletingLastPathComponent()).replaceFile(u.path, with: bytes)
    }
}
