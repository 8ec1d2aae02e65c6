import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension JournalFolder {
    /// Runs `body` over bytes `offset..<limit` of the segment at `path`. With `mapped`, the file is mapped
    /// read-only rather than copied: a copy of a 64 MiB segment into fresh memory cost a page fault per
    /// 4 KiB besides the copy (and a start from a snapshot reads a segment twice: verify, then fold).
    /// Falls back to `read` where mapping fails.
    ///
    /// `mapped` only for files nobody truncates while they are mapped (sealed segments: a later one exists;
    /// the active one while the caller holds the journal's lock, which every writer takes): a truncation
    /// under a mapping would end the process with SIGBUS.
    static func withSegment<R>(
        _ path: String, from offset: Int = 0, upTo limit: Int = .max, mapped: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        if mapped, let region = MappedRegion(path: path, limit: limit) {
            defer { region.unmap() }
            return try body(region.bytes(from: offset))
        }
        let bytes = try read(path, from: offset, upTo: limit == .max ? nil : limit)
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }

    /// As `withSegment`, for a body that cannot fail (the recovery scan).
    static func withSegmentBytes<R>(
        _ path: String, from offset: Int, mapped: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(JournalError) -> R {
        if mapped, let region = MappedRegion(path: path, limit: .max) {
            defer { region.unmap() }
            return body(region.bytes(from: offset))
        }
        let bytes = try read(path, from: offset)
        return bytes.withUnsafeBufferPointer { body($0) }
    }
}

/// A read-only private mapping of the first `length` bytes of a file.
struct MappedRegion {
    let base: UnsafeMutableRawPointer?
    let length: Int

    init?(path: String, limit: Int) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        length = min(Int(info.st_size), limit)
        guard length > 0 else {
            base = nil
            return
        }
        guard let map = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        _ = madvise(map, length, MADV_WILLNEED)
        base = map
    }

    func bytes(from offset: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, offset < length else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + offset, count: length - offset)
    }

    /// Off the calling thread: unmapping a 64 MB segment the scan is done with held up the next one.
    func unmap() {
        guard let base else { return }
        let (address, count) = (UInt(bitPattern: base), length)
        DispatchQueue.global(qos: .utility).async { _ = munmap(UnsafeMutableRawPointer(bitPattern: address), count) }
    }
}
