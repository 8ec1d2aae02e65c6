import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension JournalScanner {
    /// `20261129T021934Z`, for quarantine file names.
    static func compactTimestamp(_ date: Date) -> String {
        let text = (try? JournalTimestamp.format(date, utcOffsetSeconds: 0)) ?? "unknown"
        return String(text.prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    /// Cuts a segment back to `length` bytes (a torn tail set aside), durably.
    static func truncate(_ path: String, to length: Int) throws(JournalError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw .io(operation: "ftruncate", path: path, errno: errno) }
        guard fsync(fd) == 0 else { throw .io(operation: "fsync", path: path, errno: errno) }
    }
}
