import Foundation
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// System calls of a data folder that cannot be written: every open for writing, mkdir of a new
/// folder, write and truncate fails with `code` (EROFS for read-only media, EACCES for missing
/// permission), as the kernel would. Needed because tests run as root, which ignores permissions,
/// and a read-only bind mount is not available. Optionally reports a file-system type (NFS...).
struct RefusingCalls: SystemCalls {
    var code: Int32 = EROFS
    var refuseWrites = true
    var fileSystem: UInt?
    private let real = PosixSystemCalls()

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (Int, Int32) {
        refuseWrites ? (-1, code) : real.write(fd, buffer)
    }
    func dataSync(_ fd: Int32) -> Int32 { real.dataSync(fd) }
    func fullSync(_ fd: Int32) -> Int32 { real.fullSync(fd) }
    func truncate(_ fd: Int32, _ length: Int) -> Int32 { refuseWrites ? code : real.truncate(fd, length) }

    func openFile(_ path: String, _ flags: Int32, _ permissions: mode_t) -> (Int32, Int32) {
        if refuseWrites, flags & (O_WRONLY | O_RDWR | O_CREAT) != 0 { return (-1, code) }
        return real.openFileReal(path, flags, permissions)
    }

    func makeDirectory(_ path: String, _ permissions: mode_t) -> Int32 {
        guard refuseWrites else { return mkdir(path, permissions) == 0 ? 0 : errno }
        return JournalFolder.exists(path) ? EEXIST : code
    }

    func fileSystemType(_ path: String) -> (UInt, Int32) {
        if let fileSystem { return (fileSystem, 0) }
        return PosixSystemCalls().fileSystemType(path)
    }
}
