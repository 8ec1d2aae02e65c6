import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a forward scan treats what it finds; chosen by who is scanning and which lock is held.
struct ScanPolicy {
    enum Tail {
        /// Leave bad or unterminated bytes at the end alone: a writer may still be busy (poll).
        case wait
        /// Report them as a torn tail but modify nothing (read-only open, `verify()`).
        case report
        /// Quarantine and truncate them (writer, under the exclusive lock).
        case truncate
    }

    var tail: Tail
    /// Copy damaged lines to quarantine (writers only).
    var quarantineDamage: Bool
    /// Keep decoded entries (false while only verifying).
    var collect: Bool
    /// Read on past a missing segment number (listing the folder) instead of stopping before it. The scans
    /// that read the journal whole (open, `verify`, repair) do; catch-up and polls, which run on every
    /// append and change, only look for the next number: a segment missing at open is already behind them.
    var lookPastMissingSegments = false
}

/// The reading side of one journal instance: a cursor after the last consumed line, the global
/// sequence seen so far, which lines were skipped, and what was found on the way.
///
/// Rules: a bad line is only called *damaged* once a good line follows it; bad or unterminated
/// bytes after the last good line are the *tail*, handled by `ScanPolicy.Tail`. The cursor never
/// moves past an unresolved tail, so a later truncation can never leave it beyond end of file.
struct JournalScanner {
    struct SegmentSummary {
        var number: Int
        /// End of the consumed region (a line boundary).
        var end: Int
        var lines: Int
        var firstSeq: UInt64?
        var lastSeq: UInt64?
        /// See `JournalResumePoint.Segment.digest`.
        var digest: UInt64 = 0
    }

    struct LineKey: Hashable {
        var segment: Int
        var offset: Int
    }

    struct PendingLine {
        var segment: Int
        var offset: Int
        var line: Int
        var bytes: [UInt8]
        var reason: String
        var terminated: Bool
        /// A complete event line (envelope start, checksum trailer, newline) that no longer checks out:
        /// damage to a line once written whole, never a write cut short by a crash (`isWholeLine`).
        var changedAfterWriting = false
    }

    let folder: JournalFolder
    var now: @Sendable () -> Date
    var acknowledged: Set<String>
    /// Consumed segments in order; the last one holds the cursor.
    private(set) var segments: [SegmentSummary]
    private(set) var lastSeq: UInt64 = 0
    var skipped = Set<LineKey>()
    /// Sequence numbers a gap jumped over and no line has brought since: a line that brings one later is out
    /// of place (lines moved), not a duplicate, and is applied late rather than skipped.
    private(set) var missing: [ClosedRange<UInt64>] = []
    /// The lines behind `skipped` and those applied late, in journal order: what a snapshot's resume point
    /// records once every finding is acknowledged.
    var marked: [JournalResumePoint.MarkedLine] = []
    /// The last number of a run of lines applied late: the next one in that run is not a finding of its own.
    private var lateRunEnd: UInt64?
    /// Damaged lines set aside since the last line applied in order: a gap no wider than their count is
    /// their own numbers, not a second finding (QA: one damaged line was counted twice, and repaired twice).
    var damagedSinceApplied: UInt64 = 0
    /// The highest number those lines name: a lost newline merges two events into one damaged line.
    var damagedNamedSinceApplied: UInt64 = 0
    /// The highest sequence number any damaged line named, now or acknowledged earlier (`AcknowledgedDamage`).
    var seqNamedByDamage: UInt64 = 0
    /// The number the next event gets: after every number given out, also those only damaged lines still name.
    var nextSeq: UInt64 { max(lastSeq, seqNamedByDamage) + 1 }
    /// The file each segment was when this scanner first looked at it (see `checkSegmentsUnreplaced`).
    private var identities: [Int: FileIdentity] = [:]
    /// The first segment found deleted or replaced; from then on every scan stops with it.
    private(set) var replacedSegment: String?
    /// Everything found so far.
    var report = RecoveryReport()
    /// Set by a caller holding the journal's lock (shared or exclusive) for the scan: no other process may
    /// then truncate the active segment, so it is mapped like a sealed one instead of copied (a copy of a
    /// 62 MB last segment kept the start-up's scanning thread alone in the kernel for ~40 ms).
    var activeSegmentIsLocked = false
    /// Segments whose fold began while the one before was still being folded (`SegmentPrefetch`).
    private(set) var segmentsPrefetched = 0
    /// Set when the scan resumed at a projection snapshot's point: lines before it were verified by the
    /// process that wrote the snapshot, not by this one, so re-reading them verifies their checksums.
    private(set) var resumedAt: ResumeCursor?
    /// The first line before the resume point that failed its check when re-read (it is not handed out;
    /// a writer's health turns damaged with this reason, so the loss is not silent; `repair` clears it).
    let reReadDamage = FirstFailure<String>()

    init(folder: JournalFolder, firstSegment: Int, acknowledged: Set<String>, now: @escaping @Sendable () -> Date) {
        self.folder = folder
        self.acknowledged = acknowledged
        self.now = now
        segments = [SegmentSummary(number: firstSegment, end: 0, lines: 0)]
    }

    /// Continues from `point` instead of the start (the caller has checked the journal still matches it).
    mutating func resume(at point: JournalResumePoint) {
        guard let last = point.segments.last else { return }
        segments = point.segments.map {
            SegmentSummary(number: $0.number, end: $0.end, lines: $0.lines, firstSeq: $0.firstSeq, lastSeq: $0.lastSeq, digest: $0.digest)
        }
        lastSeq = point.lastSeq
        marked = point.marked
        missing = point.missing
        for m in point.marked where m.kind == .setAside { skipped.insert(LineKey(segment: m.segment, offset: m.offset)) }
        resumedAt = ResumeCursor(segment: last.number, offset: last.end, lines: last.lines, seq: point.lastSeq)
    }

    /// Every segment this scanner has read must still be the same file: writers only append to segments
    /// and add new ones, so a segment deleted or put back as another file (a practice desk reset from
    /// another shell, a restore from a backup under a running console) means the lines already read no
    /// longer match the folder. Throws `segmentReplaced` then; segments not seen before are remembered.
    mutating func checkSegmentsUnreplaced() throws(JournalError) {
        if let replacedSegment { throw .segmentReplaced(path: replacedSegment) }
        let consumed = Dictionary(segments.map { ($0.number, $0.end) }, uniquingKeysWith: { _, last in last })
        // One `stat` per segment: a segment not seen before is remembered as it is now.
        for number in Set(identities.keys).union(consumed.keys).sorted() {
            let path = folder.segmentPath(number)
            let now = FileIdentity.withSize(path: path)
            guard let known = identities[number] else {
                identities[number] = now?.0
                continue
            }
            // The same file cut shorter than what was read (an older copy written over it in place) is
            // replaced too: the lines read no longer match (QA: it was later taken for damage at the wrong line).
            guard let (identity, size) = now, identity == known, size >= consumed[number] ?? 0 else {
                replacedSegment = path
                throw .segmentReplaced(path: path)
            }
        }
    }

    /// The file a writer appends to (checked to be the file at the segment's path), when not known yet.
    mutating func remember(segment: Int, _ identity: () -> FileIdentity?) {
        if identities[segment] == nil { identities[segment] = identity() }
    }

    /// A writer found the segment it appends to replaced (`FileJournal.checkIdentity`).
    mutating func noteReplaced(_ path: String) {
        if replacedSegment == nil { replacedSegment = path }
    }


    var cursorSegment: Int { segments[segments.count - 1].number }
    var cursorOffset: Int { segments[segments.count - 1].end }

    /// Reads forward from the cursor to the end of the journal under `policy`.
    /// Returns the newly applied entries (when `policy.collect`) and the new findings.
    mutating func advance(_ policy: ScanPolicy) throws(JournalError) -> ([JournalEntry], RecoveryReport) {
        try advance(policy, fold: nil as NoFold?)
    }

    /// As `advance(_:)`; with `fold` (and `policy.collect` false) every line the scan applies is also
    /// decoded and folded (`ScanFold`): the cold start's single pass over the journal.
    mutating func advance<F: ScanFold>(_ policy: ScanPolicy, fold: F?) throws(JournalError) -> ([JournalEntry], RecoveryReport) {
        try checkSegmentsUnreplaced()
        var entries: [JournalEntry] = []
        var findings = RecoveryReport()
        var pending: [PendingLine] = []
        var segment = cursorSegment
        var offset = cursorOffset
        var lineNumber = segments[segments.count - 1].lines
        let fold = policy.collect ? nil : fold
        // The next segment, begun while this one's last lines are folded (`SegmentPrefetch`).
        var prefetched: SegmentPrefetch<F.Decoded>?
        defer { prefetched?.finish() }
        while true {
            let path = folder.segmentPath(segment)
            // Before reading: a file replaced after this is then noticed by the next scan.
            if identities[segment] == nil { identities[segment] = FileIdentity(path: path) }
            // Check for the next segment first: once it exists, writers are done with this one, so
            // reading in this order can never miss lines even without a lock.
            let next = try nextSegment(after: segment, lookPastMissing: policy.lookPastMissingSegments)
            let nextExists = next != nil
            // This segment's prefetch, when the last one began it from its first line.
            let current = prefetched?.segment == segment && offset == 0 ? prefetched : nil
            if current == nil { prefetched?.finish() }
            prefetched = nil
            defer { current?.finish() }
            /// Begins the next segment once every chunk of this one is queued (a scan under the lock only).
            func prefetchNext() {
                guard let fold, let next, activeSegmentIsLocked else { return }
                let nextPath = folder.segmentPath(next)
                if identities[next] == nil { identities[next] = FileIdentity(path: nextPath) }
                prefetched = SegmentPrefetch(path: nextPath, segment: next, fold: F.self, decode: fold.decode, typeNames: fold.typeNames)
            }
            var failure: JournalError?
            // One line, in order: `verdict` is its sequence number (and, when built, its entry; when known, the
            // checksum it records) or why it is bad.
            func take(_ line: LineSplitter.Line, _ buffer: UnsafeBufferPointer<UInt8>,
                      _ verdict: () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?)) -> Taken {
                lineNumber += 1
                let absolute = offset + line.start
                let lineBytes = UnsafeBufferPointer(rebasing: buffer[line.start..<line.end])
                guard line.terminated else {
                    let reason = nextExists ? "line has no newline" : "incomplete last line (no newline)"
                    pending.append(PendingLine(
                        segment: segment, offset: absolute, line: lineNumber, bytes: Array(lineBytes),
                        reason: reason, terminated: false))
                    return .skipped
                }
                do throws(EnvelopeDecoder.Failure) {
                    let (seq, entry, recorded) = try verdict()
                    do throws(JournalError) {
                        try flushDamaged(&pending, policy: policy, into: &findings)
                    } catch {
                        failure = error
                        return .stop
                    }
                    let applied = apply(seq: seq, entry: entry, key: LineKey(segment: segment, offset: absolute), bytes: lineBytes,
                                        recorded: recorded, end: offset + line.nextStart, lineNumber: lineNumber,
                                        entries: &entries, findings: &findings)
                    return applied ? .applied : .skipped
                } catch {
                    pending.append(PendingLine(
                        segment: segment, offset: absolute, line: lineNumber, bytes: Array(lineBytes),
                        reason: error.reason, terminated: true, changedAfterWriting: JournalScanner.isWholeLine(lineBytes, error)))
                    return .skipped
                }
            }
            if let fold, let ready = current?.prepared() {
                segmentsPrefetched += 1
                JournalScanner.foldSegment(ready.buffer, segment: segment, offset: 0, firstLine: 1, fold: fold, prepared: ready,
                                           whenAllStarted: prefetchNext, take: take)
            } else {
                // A sealed segment (the next one exists) is mapped rather than copied: see `withSegment`. So is the
                // active one while the lock keeps writers out (this scan truncates a torn tail only after it),
                // when read from its start: from a snapshot's point, only the tail after it is read.
                let mapActive = activeSegmentIsLocked && offset == 0
                try JournalFolder.withSegmentBytes(path, from: offset, mapped: nextExists || mapActive) { buffer in
                    if let fold {
                        JournalScanner.foldSegment(buffer, segment: segment, offset: offset, firstLine: lineNumber + 1, fold: fold,
                                                   whenAllStarted: prefetchNext, take: take)
                        return
                    }
                    // Verifying is independent per line: done on every core first, consumed in order below.
                    let verdicts = policy.collect ? nil : JournalScanner.verifyAll(buffer)
                    var ordinal = -1
                    LineSplitter.forEachLine(buffer) { line in
                        ordinal += 1
                        let position = JournalPosition(segment: segment, line: lineNumber + 1)
                        let taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in
                            if policy.collect {
                                let decoded = try EnvelopeDecoder.decode(lineBytes(line, buffer), position: position, lineOffset: offset + line.start)
                                return (decoded.seq, decoded, decoded.span?.checksum)
                            }
                            if let verdict = verdicts.flatMap({ ordinal < $0.count ? $0[ordinal] : nil }) {
                                return (try verdict.get(), nil, nil)
                            }
                            return (try EnvelopeDecoder.verify(lineBytes(line, buffer)), nil, nil)
                        }
                        return taken != .stop
                    }
                }
            }
            if let failure { throw failure }
            guard let next else { break }
            segment = next
            offset = 0
            lineNumber = 0
        }
        try handleTail(pending, policy: policy, into: &findings)
        report.merge(findings)
        return (entries, findings)
    }

    private func lineBytes(_ line: LineSplitter.Line, _ buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[line.start..<line.end])
    }

    /// True when the line was applied (false for a duplicate, which is skipped).
    private mutating func apply(
        seq: UInt64, entry: JournalEntry?, key: LineKey, bytes: UnsafeBufferPointer<UInt8>, recorded: UInt32?, end: Int, lineNumber: Int,
        entries: inout [JournalEntry], findings: inout RecoveryReport
    ) -> Bool {
        func lineChecksum() -> UInt32 { CRC32C.checksum(UnsafeRawBufferPointer(bytes)) }
        func mark(_ kind: JournalResumePoint.MarkedLine.Kind, _ checksum: UInt32) {
            marked.append(.init(segment: key.segment, offset: key.offset, checksum: checksum, kind: kind))
        }
        func duplicate(appliedLate: Bool, _ checksum: UInt32) -> SequenceDuplicate {
            var d = SequenceDuplicate(file: SegmentName.fileName(key.segment), line: lineNumber, seq: seq, acknowledged: false,
                                      appliedLate: appliedLate, lineChecksum: checksum)
            d.acknowledged = d.isAcknowledged(in: acknowledged)
            return d
        }
        moveCursor(segment: key.segment, end: end, lines: lineNumber)
        if seq <= lastSeq, let k = missing.firstIndex(where: { $0.contains(seq) }) {
            // QA: two lines swapped far apart made every good line between them a "duplicate" of the early
            // one's number, and a repair then set them all aside. Only the moved lines are findings now.
            let range = missing.remove(at: k)
            if range.lowerBound < seq { missing.append(range.lowerBound...(seq - 1)) }
            if seq < range.upperBound { missing.append((seq + 1)...range.upperBound) }
            // One finding per run of lines in order among themselves: the first of the run names it, and its key
            // covers every line of the run (another line put inside an acknowledged run is new damage).
            let checksum = lineChecksum()
            if lateRunEnd.map({ seq != $0 + 1 }) ?? true {
                findings.duplicates.append(duplicate(appliedLate: true, checksum))
            } else if let last = findings.duplicates.indices.last, findings.duplicates[last].appliedLate {
                AcknowledgedDamage.extendRun(&findings.duplicates[last], with: checksum, registry: acknowledged)
            }
            lateRunEnd = seq
            mark(.appliedLate, checksum)
            if let entry { entries.append(entry) }
            return true
        }
        lateRunEnd = nil
        if seq <= lastSeq {
            let checksum = lineChecksum()
            findings.duplicates.append(duplicate(appliedLate: false, checksum))
            skipped.insert(key)
            mark(.setAside, checksum)
            return false
        }
        let afterGap = seq != lastSeq + 1
        if afterGap {
            let checksum = lineChecksum()
            if seq - lastSeq - 1 > damagedSinceApplied, damagedNamedSinceApplied < seq - 1 {
                var gap = SequenceGap(file: SegmentName.fileName(key.segment), line: lineNumber, expected: lastSeq + 1, found: seq,
                                      acknowledged: false, lineChecksum: checksum)
                gap.acknowledged = gap.isAcknowledged(in: acknowledged)
                findings.gaps.append(gap)
            }
            if missing.count < 10_000 { missing.append((lastSeq + 1)...(seq - 1)) }
            mark(.afterGap, checksum)
        }
        lastSeq = seq
        damagedSinceApplied = 0
        damagedNamedSinceApplied = 0
        let index = segments.count - 1
        if segments[index].firstSeq == nil { segments[index].firstSeq = seq }
        segments[index].lastSeq = seq
        // A marked line is checked by its own checksum; every other one counts in the segment's digest.
        if !afterGap {
            // The decoding core's reading of the checksum when it has one: reading the line here again
            // brought every line's bytes to this core a second time.
            let checksum = recorded ?? EnvelopeDecoder.recordedChecksum(ofVerified: bytes)
            segments[index].digest &+= JournalResumePoint.lineDigest(line: lineNumber, checksum: checksum)
        }
        if let entry { entries.append(entry) }
        return true
    }

    /// Moves the cursor to the end of a consumed line in `segment`.
    mutating func moveCursor(segment: Int, end: Int, lines: Int) {
        // The next segment, or the next that exists past missing ones (never a summary for a lost file).
        if cursorSegment < segment {
            segments.append(SegmentSummary(number: segment, end: 0, lines: 0))
        }
        segments[segments.count - 1].end = end
        segments[segments.count - 1].lines = lines
    }

    /// The segment a reader moves to after `segment`: the next number, or (when segments are missing,
    /// which `reportMissingSegments` reports) the next one that exists, so that nothing after a lost file
    /// is left unread and a writer never appends to a segment that is no longer the last.
    private func nextSegment(after segment: Int, lookPastMissing: Bool) throws(JournalError) -> Int? {
        if JournalFolder.exists(folder.segmentPath(segment + 1)) { return segment + 1 }
        guard lookPastMissing else { return nil }
        return try folder.segmentNumbers().first { $0 > segment }
    }

    /// Records lines this instance wrote itself (already at end of file under the lock).
    mutating func recordOwnWrite(_ entries: ArraySlice<JournalEntry>, segment: Int, newEnd: Int) {
        moveCursor(segment: segment, end: newEnd, lines: entries.last?.position.line ?? segments[segments.count - 1].lines)
        guard let first = entries.first, let last = entries.last else { return }
        let index = segments.count - 1
        if segments[index].firstSeq == nil { segments[index].firstSeq = first.seq }
        segments[index].lastSeq = last.seq
        lastSeq = last.seq
        // Lines this process wrote count in the segment's digest as lines it read do: a snapshot written
        // after them must find its digest again at the next start.
        for entry in entries {
            segments[index].digest &+= JournalResumePoint.lineDigest(line: entry.position.line, checksum: entry.span?.checksum ?? 0)
        }
    }

    /// Starts a new, empty segment after the cursor's (used when the writer rolls).
    mutating func startSegment(_ number: Int) {
        moveCursor(segment: number, end: 0, lines: 0)
    }

    /// Lines consumed so far in the cursor's segment.
    var cursorLines: Int { segments[segments.count - 1].lines }

    /// Re-reads consumed lines with `seq > after`, skipping damaged and duplicate lines.
    func entries(after seq: UInt64) throws -> [JournalEntry] {
        var result: [JournalEntry] = []
        result.reserveCapacity(Int(min(lastSeq > seq ? lastSeq - seq : 0, 50_000_000)))
        try forEachEntry(after: seq) { result.append($0) }
        return result
    }

    /// Streams consumed lines with `seq > after` to `body`, one segment in memory at a time.
    func forEachEntry(after seq: UInt64, _ body: (JournalEntry) throws -> Void) throws {
        var failure: (any Error)?
        for summary in segments where summary.end > 0 {
            guard let last = summary.lastSeq, last > seq else { continue }
            let bytes = try JournalFolder.read(folder.segmentPath(summary.number), from: 0, upTo: summary.end)
            var lineNumber = 0
            let checkSkips = !skipped.isEmpty
            bytes.withUnsafeBufferPointer { buffer in
                LineSplitter.forEachLine(buffer) { line in
                    lineNumber += 1
                    guard line.terminated else { return false }
                    if checkSkips, skipped.contains(LineKey(segment: summary.number, offset: line.start)) { return true }
                    let lineBytes = UnsafeBufferPointer(rebasing: buffer[line.start..<line.end])
                    let position = JournalPosition(segment: summary.number, line: lineNumber)
                    // Lines inside the consumed region were verified when first read: no checksum again
                    // (unless they lie before a snapshot's resume point).
                    let verify = !JournalScanner.wasVerified(segment: summary.number, offset: line.start, resumedAt: resumedAt)
                    let decoded: JournalEntry
                    do {
                        decoded = try EnvelopeDecoder.decode(lineBytes, position: position, verifyChecksum: verify, lineOffset: line.start)
                    } catch {
                        if verify { reReadDamage.set(JournalScanner.reReadReason(position, error)) }
                        return true
                    }
                    if decoded.seq > seq {
                        do {
                            try body(decoded)
                        } catch {
                            failure = error
                            return false
                        }
                    }
                    return true
                }
            }
            if let failure { throw failure }
        }
    }
}
