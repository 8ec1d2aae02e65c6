import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension JournalFolder {
    /// Runs `body` over bytes `0..<limit` of the file at `path`, mapped read-only rather than copied: the
    /// start-up decode reads every segment once more after verification, and a copy into fresh memory
    /// cost a page fault per 4 KiB besides the copy. Falls back to `read` where mapping fails.
    ///
    /// Only for regions already verified and never truncated while open (the consumed part of a segment).
    static func withMapped<R>(
        _ path: String, upTo limit: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0 {
                let length = min(Int(info.st_size), limit)
                if length == 0 { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
                if let map = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
                    defer { munmap(map, length) }
                    _ = madvise(map, length, MADV_WILLNEED)
                    return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: length))
                }
            }
        }
        let bytes = try read(path, from: 0, upTo: limit)
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }
}
