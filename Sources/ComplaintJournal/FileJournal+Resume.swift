import Complaints
import Foundation

extension FileJournal {
    /// Where the journal stands now, for a projection snapshot folded up to here. Nil when a snapshot
    /// must not be taken: the scan found damage, gaps, duplicates or a torn tail (a snapshot would have
    /// to carry those findings; folding the journal reports them afresh instead), or nothing is written.
    public func resumePoint() -> JournalResumePoint? {
        // Never a snapshot over lines not checked yet, or found changed since the last one.
        awaitSnapshotRegionCheck()
        mutex.lock()
        defer { mutex.unlock() }
        guard scanner.reReadDamage.value == nil, snapshotRegionDamage.value == nil else { return nil }
        // Findings an operator acknowledged (`check --repair`) go into the point instead: their lines are
        // marked, so a start from it skips and applies what a cold start does.
        let r = scanner.report
        guard r.unacknowledgedDescriptions.isEmpty, r.tornTails.isEmpty, undelivered.isEmpty, scanner.lastSeq > 0 else { return nil }
        var segments: [JournalResumePoint.Segment] = []
        for s in scanner.segments {
            var trailer: [UInt8] = []
            if s.end > 0 {
                guard let t = try? Self.trailer(folder.segmentPath(s.number), end: s.end) else { return nil }
                trailer = t
            }
            segments.append(JournalResumePoint.Segment(
                number: s.number, end: s.end, lines: s.lines, firstSeq: s.firstSeq, lastSeq: s.lastSeq, trailer: trailer,
                digest: s.digest))
        }
        return JournalResumePoint(segments: segments, lastSeq: scanner.lastSeq, marked: scanner.marked, missing: scanner.missing,
                                  acknowledgements: AcknowledgedDamage.fingerprint(folder.acknowledgedPath))
    }

    /// Whether the scan resumed at a snapshot's point rather than reading the journal from the start.
    public var resumedFromSnapshot: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return scanner.resumedAt != nil
    }

    /// Why a snapshot taken at `point` can no longer be used (the journal changed under it), reading every
    /// line it covers; nil when it still can. For `check`: a console that started from such a snapshot
    /// turned read-only, and only `check --repair` (which removes it) lets it start cleanly again.
    public func snapshotNoLongerMatches(_ point: JournalResumePoint) -> String? {
        mismatch(point) ?? FileJournal.changedBeforeResume(point, folder: folder)
    }

    /// Why the files on disk are not (or no longer) the journal `point` was taken from; nil when they
    /// still are. Cheap: one `stat` and one 17-byte read per segment, whatever the journal's size.
    func mismatch(_ point: JournalResumePoint) -> String? {
        guard let firstSaved = point.segments.first, let lastSaved = point.segments.last else { return "empty resume point" }
        guard let numbers = try? folder.segmentNumbers() else { return "cannot list the journal's segments" }
        guard numbers.first == firstSaved.number else { return "the journal's first segment changed" }
        guard AcknowledgedDamage.fingerprint(folder.acknowledgedPath) == point.acknowledgements else {
            return "the acknowledged findings (journal/quarantine/acknowledged.jsonl) changed since the snapshot was taken"
        }
        // The segments the point saw, in order, are the journal's first ones now (a point may skip a segment that
        // was already missing when it was taken; QA: one put back was reported as the next one "missing").
        let saw = point.segments.map(\.number)
        let now = numbers.filter { $0 <= lastSaved.number }
        if now != saw {
            if let added = now.first(where: { !saw.contains($0) }) {
                return "segment \(SegmentName.fileName(added)) appeared since the snapshot was taken"
            }
            if let gone = saw.first(where: { !now.contains($0) }) { return "segment \(SegmentName.fileName(gone)) missing" }
        }
        for saved in point.segments {
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

    /// The first line before `point` whose checksum no longer matches its bytes, as why the snapshot cannot
    /// be used; nil when every line still verifies. `mismatch` proves the journal is the one the snapshot saw
    /// by lengths and last lines only: a bit flipped in the middle since then went unnoticed, writers wrote
    /// on and a new snapshot carried it forward, while a cold start found the damage (QA). A snapshot is
    /// only ever written over a journal whose findings were all acknowledged, their lines marked in the
    /// point, so any other failure here is new damage: the journal is then read whole, which finds and
    /// reports it. Checksums only (no JSON), on every core.
    static func changedBeforeResume(_ point: JournalResumePoint, folder: JournalFolder) -> String? {
        let last = point.segments.last?.number
        let marks = Dictionary(point.marked.map { (JournalScanner.LineKey(segment: $0.segment, offset: $0.offset), $0) },
                               uniquingKeysWith: { first, _ in first })
        // Sequence numbers must rise from line to line too: swapped lines keep their checksums (QA: a snapshot
        // start went on as if nothing had happened; a cold start found them).
        var previous: UInt64 = 0
        for saved in point.segments where saved.end > 0 {
            let path = folder.segmentPath(saved.number)
            let number = saved.number
            // Sealed segments are mapped; the last is read (a writer may still roll back a failed append in it).
            let found: String?? = try? JournalFolder.withSegment(path, upTo: saved.end, mapped: saved.number != last) { buffer -> String? in
                let shared = SharedReadOnly(buffer)
                let lines = ParallelLines.lines(buffer)
                let verdicts = ParallelLines.map(count: lines.count, workers: ParallelLines.workers(lines: lines.count)) { i -> RegionVerdict in
                    guard lines[i].terminated else { return .changed }
                    let line = shared.line(lines[i])
                    if !marks.isEmpty, let mark = marks[JournalScanner.LineKey(segment: number, offset: lines[i].start)] {
                        return CRC32C.checksum(UnsafeRawBufferPointer(line)) == mark.checksum ? .marked : .markMoved
                    }
                    guard let (_, stored) = try? EnvelopeDecoder.checkTrailer(line, verifyChecksum: true),
                          let seq = EnvelopeDecoder.sequenceNumber(line) else { return .changed }
                    return .inOrder(seq, JournalResumePoint.lineDigest(line: i + 1, checksum: stored))
                }
                var index = 0
                var matched = 0
                var digest: UInt64 = 0
                for part in verdicts {
                    for verdict in part {
                        index += 1
                        let seq: UInt64
                        switch verdict {
                        case .marked:
                            matched += 1
                            continue
                        case .changed: return "\(index): the line no longer matches its checksum (damaged since the snapshot was taken)"
                        case .markMoved: return "\(index): " + FileJournal.markedLineMoved
                        case let .inOrder(s, share):
                            seq = s
                            digest &+= share
                        }
                        guard seq > previous else {
                            return "\(index): sequence number \(seq) after \(previous): lines moved since the snapshot was taken"
                        }
                        previous = seq
                    }
                }
                // Every marked line must still be where it was: lines put back in order (a restored backup)
                // verify and rise, yet the desk the snapshot holds was folded from the moved ones (QA).
                let expected = point.marked.lazy.filter { $0.segment == number && $0.offset < saved.end }.count
                guard matched == expected else { return " " + FileJournal.markedLineMoved }
                // Each line verifies and they rise, yet one was rewritten (a checksum made anew for new bytes).
                guard digest == saved.digest else { return " " + FileJournal.lineRewritten }
                return nil
            }
            guard let found else { return "\(SegmentName.fileName(saved.number)): cannot be read to check it" }
            if let why = found { return "\(SegmentName.fileName(saved.number)):\(why)" }
        }
        return nil
    }

    /// One line of a snapshot's region: its sequence number, a line the point marks (still the same bytes),
    /// or changed since the snapshot was taken.
    private enum RegionVerdict {
        /// Its sequence number and its share of the segment's digest.
        case inOrder(UInt64, UInt64)
        case marked
        /// Another line stands where the point marks one.
        case markMoved
        case changed
    }

    static let markedLineMoved = "a line an acknowledged finding was about moved or changed since the snapshot was taken"

    static let lineRewritten = "a line was rewritten since the snapshot was taken (its recorded checksum is not the one the snapshot saw)"

    /// Starts `changedBeforeResume` on another core (`Options.checkSnapshotRegionInBackground`), once: the
    /// console calls it after its first frame, which it would otherwise slow. A failure makes the journal's
    /// health damaged, with the line, as a failed re-read does.
    public func startSnapshotRegionCheck() {
        snapshotRegionLock.lock()
        defer { snapshotRegionLock.unlock() }
        guard let point = pendingSnapshotRegion else { return }
        pendingSnapshotRegion = nil
        let check = DispatchGroup()
        let damage = snapshotRegionDamage
        let folder = folder
        check.enter()
        DispatchQueue.global(qos: .utility).async {
            if let why = FileJournal.changedBeforeResume(point, folder: folder) {
                damage.set(why + "; run `lapor-desk check`")
            }
            check.leave()
        }
        snapshotRegionCheck = check
    }

    /// As `snapshotRegionFailure`, without waiting: nil while the check runs (the console asks on idle ticks).
    public var snapshotRegionFailureSoFar: String? { snapshotRegionDamage.value }

    /// Why the lines a snapshot start took on trust failed their check after the first frame (waiting for
    /// it), or nil: the start was right to trust them, or did not.
    public var snapshotRegionFailure: String? {
        awaitSnapshotRegionCheck()
        return snapshotRegionDamage.value
    }

    /// Waits for the check of the snapshot's lines (starting it if nobody has).
    func awaitSnapshotRegionCheck() {
        startSnapshotRegionCheck()
        snapshotRegionLock.lock()
        let check = snapshotRegionCheck
        snapshotRegionLock.unlock()
        check?.wait()
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
