import Complaints
import Foundation

extension JournalScanner {
    /// What the scan did with one line.
    enum Taken { case applied, skipped, stop }

    /// The per-line half of a folding scan, run on every core: verifies and decodes line `i` of `lines`
    /// (`ScanFold.decode`). `decode` and `typeNames` are the fold's, read once on the scanning thread.
    static func foldWork<F: ScanFold>(
        _ buffer: UnsafeBufferPointer<UInt8>, lines: [LineSplitter.Line], segment: Int, offset: Int, firstLine: Int, fold _: F.Type,
        decode: @escaping @Sendable (FoldEntry, JournalLineSpan, LineParts) -> F.Decoded, typeNames: [String]
    ) -> @Sendable (Int) -> FoldedLine<F.Decoded> {
        let shared = SharedReadOnly(buffer)
        return { i -> FoldedLine<F.Decoded> in
            let line = lines[i]
            guard line.terminated else { return .unterminated }
            let bytes = shared.line(line)
            do throws(EnvelopeDecoder.Failure) {
                let (entry, checksum, payloadStart, parts) = try EnvelopeDecoder.decodeForFold(
                    bytes, position: JournalPosition(segment: segment, line: firstLine + i), verifyChecksum: true, typeNames: typeNames,
                    checkPayload: false)
                let span = JournalLineSpan(offset: offset + line.start, length: line.end - line.start, checksum: checksum)
                let payload = parts.payload
                let seq = entry.seq
                let decoded = decode(entry, span, parts)
                // The payload check the walk left out, unless decoding already proved the payload: one parse
                // of each payload instead of two. The decoder's grammar allows CR as whitespace; ours does not.
                if !F.parsedPayload(decoded) || containsCR(payload) {
                    try EnvelopeDecoder.checkPayloadOfVerifiedLine(payload, payloadStart: payloadStart)
                }
                return .good(seq: seq, checksum: checksum, decoded: decoded)
            } catch {
                return .bad(error)
            }
        }
    }

    /// One segment of a folding scan: each line verified and decoded on every core (`foldWork`), then
    /// taken in order by `take` (exactly as the verifying scan takes it) and folded when applied, while the
    /// next lines are already being decoded. Stops where `take` says to.
    ///
    /// `prepared`: the segment's lines and first chunks, begun while the previous segment was folded
    /// (`SegmentPrefetch`); `whenAllStarted` runs once every chunk of this segment is queued, so the next
    /// segment's can be queued behind them.
    static func foldSegment<F: ScanFold>(
        _ buffer: UnsafeBufferPointer<UInt8>, segment: Int, offset: Int, firstLine: Int, fold: F,
        prepared: SegmentPrefetch<F.Decoded>.Prepared? = nil, whenAllStarted: () -> Void = {},
        take: (LineSplitter.Line, UnsafeBufferPointer<UInt8>, () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?)) -> Taken
    ) {
        let lines = prepared?.lines ?? ParallelLines.lines(buffer)
        let work = prepared?.work
            ?? foldWork(buffer, lines: lines, segment: segment, offset: offset, firstLine: firstLine, fold: F.self, decode: fold.decode,
                        typeNames: fold.typeNames)
        var index = 0
        // Throwing is only the way to stop the pipeline early (after it has waited for its running chunks).
        try? ParallelLines.pipeline(count: lines.count, started: prepared?.started ?? [], vacated: .unterminated, work: work,
                                    whenAllStarted: whenAllStarted, consume: { (found: consuming FoldedLine<F.Decoded>) in
            let line = lines[index]
            index += 1
            // The decoded event is moved out of the line straight into the fold: copying it retained every
            // string it holds, and dropping the line released them again, a million times at start-up; and
            // each move through a variable between them was a copy of its 120 bytes (a twentieth of the fold's
            // thread in `memmove`).
            let taken: Taken
            switch consume found {
            case .unterminated:
                // `take` sets an unterminated line aside itself; the verdict is not asked.
                taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in (0, nil, nil) }
            case let .bad(failure):
                taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in throw failure }
            case let .good(seq, checksum, value):
                taken = take(line, buffer) { () throws(EnvelopeDecoder.Failure) -> (UInt64, JournalEntry?, UInt32?) in (seq, nil, checksum) }
                if case .applied = taken { fold.consume(consume value) }
            }
            if case .stop = taken { throw ScanStopped() }
        })
    }

    private struct ScanStopped: Error {}

    private static func containsCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) != nil
    }
}
