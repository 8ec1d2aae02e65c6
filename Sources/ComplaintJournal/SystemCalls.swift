#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls the write path depends on, behind a protocol so tests can inject
/// ENOSPC/EIO failures and prove that partial lines are rolled back.
protocol SystemCalls: Sendable {
    /// `write(2)`; returns bytes written or -1 with the errno.
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (Int, Int32)
    /// `fdatasync(2)`; returns 0 or the errno.
    func dataSync(_ fd: Int32) -> Int32
    /// `fsync(2)`; returns 0 or the errno.
    func fullSync(_ fd: Int32) -> Int32
    /// `ftruncate(2)`; returns 0 or the errno.
    func truncate(_ fd: Int32, _ length: Int) -> Int32
}

/// The real system calls.
struct PosixSystemCalls: SystemCalls {
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (Int, Int32) {
        let written = buffer.baseAddress.map { Glibc_write(fd, $0, buffer.count) } ?? 0
        return (written, written < 0 ? errno : 0)
    }

    func dataSync(_ fd: Int32) -> Int32 {
        #if os(Linux)
        return fdatasync(fd) == 0 ? 0 : errno
        #else
        return fsync(fd) == 0 ? 0 : errno
        #endif
    }

    func fullSync(_ fd: Int32) -> Int32 {
        fsync(fd) == 0 ? 0 : errno
    }

    func truncate(_ fd: Int32, _ length: Int) -> Int32 {
        ftruncate(fd, off_t(length)) == 0 ? 0 : errno
    }
}

/// `write` is shadowed inside the struct; this reaches the libc one.
@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}

/// `strerror` text for error messages.
func strerrorText(_ code: Int32) -> String? {
    guard let pointer = strerror(code) else { return nil }
    return String(cString: pointer)
}

/// `open(2)` under a name that `FileJournal.open` cannot shadow.
func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t = 0) -> Int32 {
    open(path, flags, permissions)
}
