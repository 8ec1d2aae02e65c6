import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a watched file looks like from outside (size, modification and change times, inode), compared
/// between idle ticks: a file edited in place or replaced by an editor's rename changes at least one of
/// them, even one whose modification time was set back (`touch -r`, `cp -p`), which changes its ctime.
enum FileStamp {
    static func line(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) -" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_ino)"
    }
}

/// Files watched between idle ticks (the deadline rules, the reference data): `changed()` says whether any of
/// them looks different from the last call, or from when the watch began. `paths` is asked each time, so a
/// file added to a watched folder counts too.
struct WatchedFiles {
    private let paths: () -> [String]
    private var stamp: [String]

    init(paths: @escaping () -> [String]) {
        self.paths = paths
        stamp = paths().map(FileStamp.line)
    }

    /// A few `stat` calls when nothing changed: cheap enough for every idle tick.
    mutating func changed() -> Bool {
        let now = paths().map(FileStamp.line)
        guard now != stamp else { return false }
        stamp = now
        return true
    }
}
