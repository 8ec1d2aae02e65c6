import Complaints
import Foundation

extension JournalScanner {
    /// As `forEachEntry`, but each line is decoded and handed to `transform` on every core; `body` still
    /// receives the results in journal order, on the calling thread. Start-up folds the journal this way:
    /// decoding is independent per line, only the fold must be sequential. Entries are decoded as
    /// `EnvelopeDecoder.decodeForFold` describes (no event id, timestamp text or payload copy); `transform`
    /// gets the payload in place, valid only during the call. Called with the resume point's own number (a
    /// start from the snapshot folding what came after it), every line past the point is handed out, one
    /// applied late (moved there, with an older number) too, as a cold start folds it.
    func forEachTransformed<T: Sendable>(
        after seq: UInt64, typeNames: [String],
        transform: @escaping @Sendable (FoldEntry, JournalLineSpan, LineParts) -> T, _ body: (T) throws -> Void
    ) throws {
        // After a snapshot's resume point only the lines past it can hold later sequences: start there.
        let start = resumedAt.flatMap { seq >= $0.seq ? $0 : nil }
        // Read from exactly that point (a start from the snapshot), every line past it is new to the caller,
        // whatever its number: one applied late (moved there) carries an older one.
        let pastPoint = start.map { $0.seq == seq } ?? false
        for summary in segments where summary.end > 0 {
            if let start, summary.number < start.segment { continue }
            guard pastPoint || summary.lastSeq.map({ $0 > seq }) == true else { continue }
            let segment = summary.number
            let base = start.flatMap { $0.segment == segment ? $0 : nil }
            let offset = base?.offset ?? 0
            let lineBase = base?.lines ?? 0
            let resumedAt = self.resumedAt
            let skipped = self.skipped
            let reReadDamage = self.reReadDamage
            // Sealed segments (a later one exists) are never written or truncated again, so they may be
            // mapped; the last one is read, since a writer may still roll back a failed append in it.
            let sealed = summary.number != segments.last?.number
            try JournalFolder.withSegment(folder.segmentPath(summary.number), from: offset, upTo: summary.end, mapped: sealed) { buffer in
                let shared = SharedReadOnly(buffer)
                let lines = ParallelLines.lines(buffer)
                // Chunks are decoded on the other cores while this thread folds the previous chunk.
                try ParallelLines.pipeline(count: lines.count, vacated: nil, work: { i -> T? in
                    let line = lines[i]
                    guard line.terminated else { return nil }
                    if !skipped.isEmpty, skipped.contains(LineKey(segment: segment, offset: offset + line.start)) { return nil }
                    // Lines inside the consumed region were verified when first read: no checksum again
                    // (unless they lie before a snapshot's resume point, read by another process).
                    let verify = !JournalScanner.wasVerified(segment: segment, offset: offset + line.start, resumedAt: resumedAt)
                    let position = JournalPosition(segment: segment, line: lineBase + i + 1)
                    let bytes = shared.line(line)
                    let decoded: EnvelopeDecoder.FoldParts
                    do {
                        decoded = try EnvelopeDecoder.decodeForFold(bytes, position: position, verifyChecksum: verify, typeNames: typeNames)
                    } catch {
                        if verify { reReadDamage.set(JournalScanner.reReadReason(position, error)) }
                        return nil
                    }
                    let (entry, checksum, _, parts) = decoded
                    guard pastPoint || entry.seq > seq else { return nil }
                    return transform(entry, JournalLineSpan(offset: offset + line.start, length: line.end - line.start, checksum: checksum), parts)
                }, consume: { r in
                    if let r { try body(r) }
                })
            }
        }
    }

    /// Verdicts of `EnvelopeDecoder.verify` for every line of `buffer`, computed on every core, in line
    /// order (nil for a last line without its newline, which the scan handles itself).
    static func verifyAll(_ buffer: UnsafeBufferPointer<UInt8>) -> [Result<UInt64, EnvelopeDecoder.Failure>?] {
        Array(verifyParts(buffer).joined())
    }

    private static func verifyParts(_ buffer: UnsafeBufferPointer<UInt8>) -> [[Result<UInt64, EnvelopeDecoder.Failure>?]] {
        let shared = SharedReadOnly(buffer)
        let lines = ParallelLines.lines(buffer)
        return ParallelLines.map(count: lines.count, workers: ParallelLines.workers(lines: lines.count)) { i in
            guard lines[i].terminated else { return nil }
            do throws(EnvelopeDecoder.Failure) {
                return .success(try EnvelopeDecoder.verify(shared.line(lines[i])))
            } catch {
                return .failure(error)
            }
        }
    }
}
