import Foundation

/// The next segment of a folding scan, begun while the current one's last lines are still being folded:
/// mapped, and its first chunks decoding on the cores. Without it the cores waited at every segment's end,
/// first for the fold to catch up, then for the next segment to be mapped and started (about 12 ms of a
/// two-core cold start per 64 MB segment, when segments were also split into lines first).
///
/// Only for a scan holding the journal's lock, which may map every segment (`activeSegmentIsLocked`).
/// Whoever makes one must call `finish`, whether or not the segment was folded: it waits for the chunks
/// still reading the mapping, then unmaps it.
final class SegmentPrefetch<Decoded: Sendable>: @unchecked Sendable {
    /// What the scan needs to fold the segment (`JournalScanner.foldSegment`'s `prepared`).
    struct Prepared {
        var buffer: UnsafeBufferPointer<UInt8>
        var work: @Sendable (Int) -> JournalScanner.FoldedSlice<Decoded>
        var started: [PipelineChunk<JournalScanner.FoldedSlice<Decoded>>]
    }

    let segment: Int
    private let ready = DispatchGroup()
    // Written once by the preparing task, read only after `ready` (`prepared()`, `finish()`).
    private var region: MappedRegion?
    private var result: Prepared?

    /// Chunks started ahead: a few, so the cores are busy across the segment boundary while the pipeline
    /// of the segment before still has its own chunks queued ahead of them.
    static var chunksAhead: Int { 4 }

    init<F: ScanFold>(path: String, segment: Int, fold: F.Type, decode: @escaping @Sendable (FoldEntry, JournalLineSpan, LineParts) -> Decoded,
                      typeNames: [String]) where F.Decoded == Decoded {
        self.segment = segment
        ready.enter()
        DispatchQueue.global().async { [self] in
            defer { ready.leave() }
            guard let region = MappedRegion(path: path, limit: .max) else { return }
            self.region = region
            let buffer = region.bytes(from: 0)
            guard buffer.count > 0 else { return }
            let work = JournalScanner.foldWork(buffer, segment: segment, offset: 0, fold: F.self, decode: decode, typeNames: typeNames)
            let started = ParallelLines.startChunks(count: LineSlices.count(buffer.count), chunk: LineSlices.perChunk,
                                                    parts: JournalScanner.foldParts, upTo: Self.chunksAhead, work: work)
            result = Prepared(buffer: buffer, work: work, started: started)
        }
    }

    /// The prepared segment, once it is; nil when it could not be mapped or is empty (the scan then reads
    /// it as any other).
    func prepared() -> Prepared? {
        ready.wait()
        return result
    }

    /// Waits for every chunk started here (a pipeline that took them has waited already), then unmaps.
    func finish() {
        ready.wait()
        for chunk in result?.started ?? [] { chunk.group.wait() }
        result = nil
        region?.unmap()
        region = nil
    }
}
