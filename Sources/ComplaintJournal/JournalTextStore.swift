import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads journal lines back by position for the report bodies start-up left in the journal
/// (`StoredText`), checking each line's checksum again. One per opened journal; the segments it has read
/// stay open (read-only) until it goes.
///
/// Positions stay valid because lines are only ever appended: recovery cuts only a torn tail that was
/// never folded, and quarantine moves damage aside without shifting the lines before it. Anything else
/// (a segment edited by hand) fails the checksum and the body says so.
public final class JournalTextStore: StoredTextSource, @unchecked Sendable {
    private let folder: JournalFolder
    private let lock = NSLock()
    private var descriptors: [Int: Int32] = [:]
    private var firstFailure: String?

    init(folder: JournalFolder) { self.folder = folder }

    /// For a data folder whose journal is not open (tests, tools reading a snapshot).
    public convenience init(dataFolder: URL) { self.init(folder: JournalFolder(dataFolder: dataFolder)) }

    deinit { for fd in descriptors.values { close(fd) } }

    /// The first line that could not be read back, if any: damage found after start-up, which the journal's
    /// health reports like damage found by a scan (`FileJournal.health`).
    public var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    public func line(segment: Int, offset: Int, length: Int, checksum: UInt32) -> Result<[UInt8], UnreadableLine> {
        let result = read(segment: segment, offset: offset, length: length, checksum: checksum)
        if case let .failure(problem) = result {
            lock.lock()
            if firstFailure == nil { firstFailure = problem.reason }
            lock.unlock()
        }
        return result
    }

    private func read(segment: Int, offset: Int, length: Int, checksum: UInt32) -> Result<[UInt8], UnreadableLine> {
        let name = SegmentName.fileName(segment)
        guard length > EnvelopeDecoder.trailerLength, length <= StoredText.maximumLineLength, offset >= 0 else {
            return .failure(UnreadableLine("\(name) byte \(offset): bad line length"))
        }
        guard let fd = descriptor(segment) else { return .failure(UnreadableLine("\(name): cannot open (errno \(errno))")) }
        let (line, _) = JournalFolder.readFully(fd, count: length, at: offset)
        guard line.count == length else { return .failure(UnreadableLine("\(name) byte \(offset): the line is no longer there")) }
        do throws(EnvelopeDecoder.Failure) {
            let stored = try line.withUnsafeBufferPointer { b throws(EnvelopeDecoder.Failure) in
                try EnvelopeDecoder.checkTrailer(b, verifyChecksum: true).stored
            }
            guard stored == checksum else {
                return .failure(UnreadableLine("\(name) byte \(offset): another line stands there now (checksum \(EnvelopeDecoder.hex8(stored)), "
                                                + "was \(EnvelopeDecoder.hex8(checksum)))"))
            }
        } catch {
            return .failure(UnreadableLine("\(name) byte \(offset): \(error.reason)"))
        }
        return .success(line)
    }

    private func descriptor(_ segment: Int) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let fd = descriptors[segment] { return fd }
        let fd = open(folder.segmentPath(segment), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        descriptors[segment] = fd
        return fd
    }
}
