import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IntakeFile {
    /// The bytes of an intake file, or nil when it cannot be read. A regular file is read straight into
    /// the array (a bulk import's file is tens of megabytes: no `Data` in between, no second copy);
    /// anything else (a pipe, `/dev/stdin`) goes through `FileManager`.
    public static func readBytes(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else { return FileManager.default.contents(atPath: path).map { Array($0) } }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size, let base = buffer.baseAddress {
                let got = read(fd, base + filled, size - filled)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                filled += got
            }
            initialized = filled
        }
        return failed ? nil : bytes
    }
}
