import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IntakeFile {
    /// The bytes of an intake file, or nil when it cannot be read. A regular file is read straight into
    /// the array the way journal segments are (`JournalFolder.read`: a bulk import's file is tens of
    /// megabytes, no `Data` in between, no second copy); anything else (a pipe, a device) goes through
    /// `FileManager`.
    public static func readBytes(atPath path: String) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else { return FileManager.default.contents(atPath: path).map { Array($0) } }
        return try? JournalFolder.read(path, from: 0)
    }
}
