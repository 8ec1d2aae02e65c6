import Complaints
import Foundation

extension JournalScanner {
    /// What the scan did with one line.
    enum Taken { case applied, skipped, stop }

    /// One slice's lines of a folding scan (`LineSlices`), each with what the parallel half found on it.
    typealias FoldedSlice<Decoded: Sendable> = TakenInOrder<(LineSplitter.Line, FoldedLine<Decoded>)>

    /// The per-line half of a folding scan, run on every core: finds the lines of slice `k` of `buffer`
    /// (`LineSlices`), then verifies and decodes each (`ScanFold.decode`). `decode` and `typeNames` are the
    /// fold's, read once on the scanning thread.
    ///
    /// Lines are numbered only when taken in order, so the positions handed to `decode` have line 0 (the
    /// fold learns each line's place in `consume`).
    static func foldWork<F: ScanFold>(
        _ buffer: UnsafeBufferPointer<UInt8>, segment: Int, offset: Int, fold _: F.Type,
        decode: @escaping @Sendable (FoldEntry, JournalLineSpan, LineParts) -> F.Decoded, typeNames: [String]
    ) -> @Sendable (Int) -> FoldedSlice<F.Decoded> {
        let shared = SharedReadOnly(buffer)
        let position = JournalPosition(segment: segment, line: 0)
        return { k -> FoldedSlice<F.Decoded> in
            // Room for a slice of the shortest usual lines (events are 250 bytes and more): grown rarely.
            let found = FoldedSlice<F.Decoded>(capacity: LineSlices.defaultBytes / 256)
            LineSlices.forEachLine(in: shared.buffer, slice: k) { line in
                guard line.terminated else { return found.append((line, .unterminated)) }
                let bytes = shared.line(line)
                do throws(EnvelopeDecoder.Failure) {
                    let (entry, checksum, payloadStart, parts) = try EnvelopeDecoder.decodeForFold(
                        bytes, position: position, verifyChecksum: true, typeNames: typeNames, checkPayload: false)
                    let span = JournalLineSpan(offset: offset + line.start, length: line.end - line.start, checksum: checksum)
                    let payload = parts.payload
                    let seq = entry.seq
                    let decoded = decode(entry, span, parts)
                    // The payload check the walk left out, unless decoding already proved the payload: one parse
                    // of each payload instead of two. The decoder's grammar allows CR as whitespace; ours does not.
                    if !F.parsedPayload(decoded) || containsCR(payload) {
                        try EnvelopeDecoder.checkPayloadOfVerifiedLine(payload, payloadStart: payloadStart)
                    }
                    found.append((line, .good(seq: seq, checksum: checksum, decoded: consume decoded)))
                } catch {
                    found.append((line, .bad(error)))
                }
            }
            return found
        }
    }

    /// One segment of a folding scan: each slice's lines found, verified and decoded on every core
    /// (`foldWork`), then taken in order by `take` (exactly as the verifying scan takes them) and folded when
    /// applied, while the next slices are already being decoded. Stops where `take` says to.
    ///
    /// `prepared`: the segment's first chunks, begun while the previous segment was folded
    /// (`SegmentPrefetch`); `whenAllStarted` runs once every chunk of this segment is queued, so the next
    /// segment's can be queued behind them. `firstLine`: the number of the buffer's first line.
    static func foldSegment<F: ScanFold>(
        _ buffer: UnsafeBufferPointer<UInt8>, segment: Int, offset: Int, firstLine: Int, fold: F,
        prepared: SegmentPrefetch<F.Decoded>.Prepared? = nil, whenAllStarted: () -> Void = {},
        take: (LineSplitter.Line, UnsafeBufferPointer<UInt8>, () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?)) -> Taken
    ) {
        let work = prepared?.work
            ?? foldWork(buffer, segment: segment, offset: offset, fold: F.self, decode: fold.decode, typeNames: fold.typeNames)
        var lineNumber = firstLine - 1
        // What the pipeline leaves in a slot it has handed out.
        let drained = FoldedSlice<F.Decoded>(capacity: 1)
        // Throwing is only the way to stop the pipeline early (after it has waited for its running chunks).
        try? ParallelLines.pipeline(count: LineSlices.count(buffer.count), chunk: LineSlices.perChunk, parts: foldParts,
                                    started: prepared?.started ?? [], vacated: drained, work: work, whenAllStarted: whenAllStarted,
                                    consume: { (slice: consuming FoldedSlice<F.Decoded>) in
            while !slice.isDrained {
                // The decoded event is moved out of the slice straight into the fold: copying it retained every
                // string it holds, and dropping the slice released them again, a million times at start-up; and
                // each move through a variable between them was a copy of its 120 bytes (a twentieth of the
                // fold's thread in `memmove`).
                let (line, found) = slice.takeNext()
                lineNumber += 1
                let taken: Taken
                switch consume found {
                case .unterminated:
                    // `take` sets an unterminated line aside itself; the verdict is not asked.
                    taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in (0, nil, nil) }
                case let .bad(failure):
                    taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in throw failure }
                case let .good(seq, checksum, value):
                    taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in
                        (seq, nil, checksum)
                    }
                    if case .applied = taken { fold.consume(consume value, at: JournalPosition(segment: segment, line: lineNumber)) }
                }
                if case .stop = taken { throw ScanStopped() }
            }
        })
    }

    /// Parts of a folding chunk: four per core, so a core slowed by the fold takes less of the chunk.
    static var foldParts: Int { ParallelLines.workers(lines: .max) * 4 }

    private struct ScanStopped: Error {}

    private static func containsCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) != nil
    }
}
