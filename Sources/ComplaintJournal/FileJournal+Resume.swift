import Foundation

extension FileJournal {
    /// Where the journal stands now, for a projection snapshot folded up to here. Nil when a snapshot
    /// must not be taken: the scan found damage, gaps, duplicates or a torn tail (a snapshot would have
    /// to carry those findings; folding the journal reports them afresh instead), or nothing is written.
    public func resumePoint() -> JournalResumePoint? {
        mutex.lock()
        defer { mutex.unlock() }
        let r = scanner.report
        guard r.damagedLines.isEmpty, r.gaps.isEmpty, r.duplicates.isEmpty, r.tornTails.isEmpty,
              scanner.skipped.isEmpty, undelivered.isEmpty, scanner.lastSeq > 0 else { return nil }
        var segments: [JournalResumePoint.Segment] = []
        for s in scanner.segments {
            var trailer: [UInt8] = []
            if s.end > 0 {
                guard let t = try? Self.trailer(folder.segmentPath(s.number), end: s.end) else { return nil }
                trailer = t
            }
            segments.append(JournalResumePoint.Segment(
                number: s.number, end: s.end, lines: s.lines, firstSeq: s.firstSeq, lastSeq: s.lastSeq, trailer: trailer))
        }
        return JournalResumePoint(segments: segments, lastSeq: scanner.lastSeq)
    }

    /// Whether the scan resumed at a snapshot's point rather than reading the journal from the start.
    public var resumedFromSnapshot: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return scanner.resumedAt != nil
    }

    /// Why the files on disk are not (or no longer) the journal `point` was taken from; nil when they
    /// still are. Cheap: one `stat` and one 17-byte read per segment, whatever the journal's size.
    func mismatch(_ point: JournalResumePoint) -> String? {
        guard let firstSaved = point.segments.first, let lastSaved = point.segments.last else { return "empty resume point" }
        guard let numbers = try? folder.segmentNumbers() else { return "cannot list the journal's segments" }
        guard numbers.first == firstSaved.number else { return "the journal's first segment changed" }
        for (i, saved) in point.segments.enumerated() {
            guard saved.number == firstSaved.number + i, numbers.count > i, numbers[i] == saved.number else {
                return "segment \(SegmentName.fileName(saved.number)) missing"
            }
            let path = folder.segmentPath(saved.number)
            guard let size = try? JournalFolder.size(path) else { return "segment \(SegmentName.fileName(saved.number)) missing" }
            let sealed = saved.number != lastSaved.number
            if sealed ? size != saved.end : size < saved.end {
                return "\(SegmentName.fileName(saved.number)) is \(size) bytes, the snapshot expects \(sealed ? "" : "at least ")\(saved.end)"
            }
            if saved.end > 0 {
                guard let trailer = try? Self.trailer(path, end: saved.end), trailer == saved.trailer else {
                    return "\(SegmentName.fileName(saved.number)): the line before byte \(saved.end) is not the one the snapshot saw"
                }
            }
        }
        return nil
    }

    /// The checksum trailer of the line ending (with its newline) at `end`.
    static func trailer(_ path: String, end: Int) throws(JournalError) -> [UInt8]? {
        let length = JournalResumePoint.trailerLength + 1
        guard end >= length else { return nil }
        let bytes = try JournalFolder.read(path, from: end - length, upTo: end)
        guard bytes.count == length, bytes.last == 0x0A else { return nil }
        return Array(bytes.dropLast())
    }
}
