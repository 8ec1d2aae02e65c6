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

    /// Segment numbers missing between existing segments (a file lost or deleted): reported as damage,
    /// since their events are gone; the reader goes on with the segments after them (`nextSegment`).
    mutating func reportMissingSegments() throws(JournalError) {
        let numbers = try folder.segmentNumbers()
        // Journals start at segment 1: a later first segment means the earlier ones are gone (QA: a missing
        // first segment was reported only as a sequence gap).
        let firstMissing = numbers.first.map { $0 > 1 ? [(0, $0)] : [] } ?? []
        for (earlier, later) in firstMissing + Array(zip(numbers, numbers.dropFirst())) where later > earlier + 1 {
            for number in (earlier + 1)..<later {
                let file = SegmentName.fileName(number)
                let key = "missing \(file)"
                report.damagedLines.append(DamagedLine(
                    file: file, line: 0, byteOffset: 0,
                    reason: "segment missing: its events are lost (the segments after it are read)",
                    acknowledged: acknowledged.contains(key), quarantineFile: nil, key: key))
            }
        }
    }
}
