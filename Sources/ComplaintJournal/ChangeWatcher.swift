#if canImport(Glibc)
import Glibc
#endif

/// An inotify descriptor on the journal folder, so a console's run loop wakes up when another
/// process appends. Callers still poll on a timer: inotify misses changes on network file systems.
final class ChangeWatcher: @unchecked Sendable {
    let descriptor: Int32

    init?(directory: String) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        #else
        return nil
        #endif
    }

    /// Reads queued events until none are left.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { continue }
            if count < 0, errno == EINTR { continue }
            return
        }
    }

    deinit { close(descriptor) }
}
