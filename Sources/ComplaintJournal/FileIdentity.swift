#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names (device and inode): tells a segment still being the file that was read from one
/// deleted and put back with the same name.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The file at `path` and its size now (nil when nothing is there).
    static func withSize(path: String) -> (FileIdentity, Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileIdentity(info), Int(info.st_size))
    }

    /// The file open at `fd`.
    init?(descriptor fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }

    /// Nil when nothing (readable) is at `path`.
    init?(path: String) {
        guard let (identity, _) = FileIdentity.withSize(path: path) else { return nil }
        self = identity
    }
}
