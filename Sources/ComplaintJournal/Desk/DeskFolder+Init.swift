import Complaints
import Foundation

extension DeskFolder {
    public enum InitError: Error, CustomStringConvertible {
        case alreadyExists(String)
        /// The folder holds other files: a desk is made in a new or empty folder only.
        case notEmpty(String)
        case cannotWrite(String, String)
        /// The folder cannot be looked into, so whether it holds a desk is unknown: never written.
        case cannotLookInside(String)

        public var description: String {
            switch self {
            case let .alreadyExists(p): "\(p): a desk already exists here; refusing to overwrite it"
            case let .notEmpty(p): "\(p): the folder holds other files; a desk is made in a new or empty folder (nothing was written)"
            case let .cannotWrite(p, why): "\(p): cannot write: \(why)"
            case let .cannotLookInside(why): "\(why); cannot tell whether a desk is there, so nothing was written"
            }
        }
    }

    /// Creates the folder with default settings and the shipped reference data. Refuses to touch a folder
    /// that already holds a desk. Folders are 0700 and files 0600: complaints carry citizens' identities.
    @discardableResult
    public func initialize(defaults: DeskDefaults, settingsText: String? = nil, rosterText: String? = nil) throws(InitError) -> [String] {
        switch presence {
        case .none: break
        case .desk, .incomplete: throw .alreadyExists(path)
        case let .unreadable(why): throw .cannotLookInside(why)
        }
        // Its files would mix with the desk's, and the folder would be made private (QA: `init` and `generate`
        // wrote a desk into a folder of other files, and `generate --out ''` into the working folder, 0700).
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: path), !entries.isEmpty { throw .notEmpty(path) }
        var written: [String] = []
        func dir(_ u: URL) throws(InitError) {
            do {
                try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: u.path)
            } catch {
                throw .cannotWrite(u.path, error.localizedDescription)
            }
        }
        func file(_ u: URL, _ text: String) throws(InitError) {
            guard FileManager.default.createFile(atPath: u.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw .cannotWrite(u.path, String(cString: strerror(errno)))
            }
            written.append(u.path)
        }
        try dir(url)
        try dir(referenceFolder)
        try dir(calendarFolder)
        try file(settingsFile, settingsText ?? defaults.settingsText)
        try file(rosterFile, rosterText ?? defaults.rosterText)
        for (name, text) in defaults.reference.sorted(by: { $0.key < $1.key }) {
            try file(referenceFolder.appendingPathComponent(name), text)
        }
        for (name, text) in defaults.calendars.sorted(by: { $0.key < $1.key }) {
            try file(calendarFolder.appendingPathComponent(name), text)
        }
        return written
    }
}
