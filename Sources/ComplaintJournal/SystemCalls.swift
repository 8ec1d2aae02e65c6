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
    /// `open(2)`; returns the descriptor or -1 with the errno. Routed so a crash model can see creates.
    func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t) -> (Int32, Int32)
    /// `close(2)` of a descriptor from `openFile`.
    func closeFile(_ fd: Int32)
    /// `mkdir(2)`; returns 0 or the errno.
    func makeDirectory(_ path: String, _ permissions: mode_t) -> Int32
    /// `rename(2)`; returns 0 or the errno (for temp-file-then-rename writers such as snapshots).
    func renameFile(_ from: String, _ to: String) -> Int32
    /// `link(2)`; returns 0 or the errno (quarantine files are linked into place, never overwritten).
    func linkFile(_ from: String, _ to: String) -> Int32
    /// `unlink(2)`; returns 0 or the errno.
    func unlinkFile(_ path: String) -> Int32
    /// `fsync(2)` of a directory, making created, renamed and removed entries durable; 0 or the errno.
    func syncDirectory(_ path: String) -> Int32
    /// `statfs(2)` type of the file system holding `path` (0 and the errno on failure), so a writer
    /// can refuse network file systems (see `DataFolderSafety`).
    func fileSystemType(_ path: String) -> (UInt, Int32)
}

/// The real calls for every operation a conformer does not override, so a fault injector only
/// implements what it wants to break.
extension SystemCalls {
    func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t) -> (Int32, Int32) {
        let fd = ComplaintJournal.openFile(path, flags, permissions)
        return (fd, fd < 0 ? errno : 0)
    }

    func closeFile(_ fd: Int32) { _ = closeDescriptor(fd) }

    func makeDirectory(_ path: String, _ permissions: mode_t) -> Int32 {
        mkdir(path, permissions) == 0 ? 0 : errno
    }

    func renameFile(_ from: String, _ to: String) -> Int32 { rename(from, to) == 0 ? 0 : errno }

    func linkFile(_ from: String, _ to: String) -> Int32 { link(from, to) == 0 ? 0 : errno }

    func unlinkFile(_ path: String) -> Int32 { unlink(path) == 0 ? 0 : errno }

    func syncDirectory(_ path: String) -> Int32 {
        let fd = ComplaintJournal.openFile(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard fd >= 0 else { return errno }
        defer { _ = closeDescriptor(fd) }
        // Some file systems cannot sync a directory (EINVAL); there is nothing more to do there.
        return fsync(fd) == 0 || errno == EINVAL ? 0 : errno
    }
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

/// `close(2)` under a name that the protocol's `closeFile` cannot shadow.
func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}

/// `open(2)` under a name that `FileJournal.open` cannot shadow.
func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t = 0) -> Int32 {
    open(path, flags, permissions)
}
