import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `flock` on `journal/LOCK` shared by every console on the machine: exclusive for writers,
/// shared for readers so they never see a write that might still be rolled back.
final class FileLock: @unchecked Sendable {
    let path: String
    /// -1 when there is no lock file (read-only open of a folder no writer has touched yet);
    /// opening is retried on every lock so a reader starts locking once a writer appears.
    private(set) var descriptor: Int32

    init(path: String, create: Bool, calls: any SystemCalls = PosixSystemCalls()) throws(JournalError) {
        self.path = path
        if create {
            let (fd, code) = calls.openFile(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            descriptor = fd
            guard descriptor >= 0 else { throw .io(operation: "open lock file", path: path, errno: code) }
        } else {
            descriptor = openFile(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) // a named pipe put there must not hold a reader (QA)
            if descriptor < 0, errno != ENOENT { throw .io(operation: "open lock file", path: path, errno: errno) }
        }
    }

    /// Takes the lock; nil `timeout` waits as long as it takes. Returns false on timeout.
    func lock(exclusive: Bool, timeout: Double?) throws(JournalError) -> Bool {
        if descriptor < 0 { descriptor = openFile(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return true }
        let operation = exclusive ? LOCK_EX : LOCK_SH
        guard let timeout else {
            while flock(descriptor, operation) != 0 {
                guard errno == EINTR else { throw .io(operation: "flock", path: path, errno: errno) }
            }
            return true
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var pause = 1
        while true {
            if flock(descriptor, operation | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .io(operation: "flock", path: path, errno: errno)
            }
            if ContinuousClock.now >= deadline { return false }
            usleep(UInt32(pause * 1000))
            pause = min(pause * 2, 20)
        }
    }

    func unlock() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
