import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IntakeFile {
    /// The bytes of an intake file, or nil when it cannot be read. A regular file is read straight into
    /// the array the way journal segments are (`JournalFolder.read`: a bulk import's file is tens of
    /// megabytes, no `Data` in between, no second copy); anything else that reads as a stream (a pipe, a
    /// process substitution such as `<(zcat f.gz)`, `/dev/stdin`, `/dev/null`) is read to its end.
    public static func readBytes(atPath path: String) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return try? JournalFolder.read(path, from: 0)
        case S_IFDIR: return nil
        default: return readStream(atPath: path)
        }
    }

    /// Everything `path` yields until its end, read in blocks (nil when it cannot be opened or read).
    static func readStream(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return out }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            out.append(contentsOf: block[0..<n])
        }
    }
}
