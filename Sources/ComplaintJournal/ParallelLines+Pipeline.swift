import Foundation

extension ParallelLines {
    /// `work(i)` for every `i` in `0..<count`, handed to `consume` in index order on the calling thread,
    /// while the next chunk is already being computed on the other cores. Start-up folds events into the
    /// desk (sequential) while the following lines are decoded (parallel), instead of one after the other.
    /// Chunks are small and split into four parts per core, so a core slowed by the fold takes less of a
    /// chunk and the pipeline drains quickly at each segment's end (chosen with the single-pass cold start,
    /// not measured apart from it).
    ///
    /// Returns only after every started chunk has finished, so `work` may read memory that the caller
    /// frees afterwards, even when `consume` throws.
    ///
    /// Each result is moved out of its chunk to `consume`, and `vacated` (a value holding no references, or
    /// one shared empty instance) left in its place: iterating the chunk copied every result (retaining each
    /// string and box it holds) and destroying the chunk released them all again, a million times at start-up.
    ///
    /// `started`: the first chunks, already started with `startChunks` and the same `work` (the next
    /// segment of a scan, begun while the previous one was still folded). `whenAllStarted` runs once, on
    /// the calling thread, when the last chunk has been started: the cores' queue then holds the rest of
    /// this work, and the caller may queue the next behind it.
    ///
    /// `parts`: how many parts each chunk is split into (by default four per core, one for a chunk of fewer
    /// than a thousand items); for items that are themselves many lines (`LineSlices`).
    static func pipeline<T: Sendable>(
        count: Int, chunk: Int = ParallelLines.defaultChunk, parts: Int? = nil, ahead: Int = 16, started: [PipelineChunk<T>] = [],
        vacated: T,
        work: @escaping @Sendable (Int) -> T, whenAllStarted: () -> Void = {}, consume: (consuming T) throws -> Void
    ) throws {
        // Chunks in flight, oldest first: `ahead` of them beside the one being consumed, so the cores keep
        // decoding while a slow stretch of the fold runs. Sixteen rather than two: a 200,000-report cold start
        // kept its two cores busier (1.78 against 1.75 on average) and spent less CPU, in four of five
        // interleaved pairs faster by 0.2–0.5 s.
        var inFlight = started
        // Where the next chunk to start begins.
        var next = started.last?.hi ?? 0
        var announced = false
        func topUp() {
            while inFlight.count < ahead, next < count {
                let hi = min(next + chunk, count)
                inFlight.append(startChunk(lo: next, hi: hi, parts: parts, work: work))
                next = hi
            }
            if !announced, next >= count {
                announced = true
                whenAllStarted()
            }
        }
        topUp()
        defer { for chunk in inFlight { chunk.group.wait() } }
        while !inFlight.isEmpty {
            let current = inFlight.removeFirst()
            current.group.wait()
            topUp()
            var results = current.results
            current.results = []
            for p in results.indices {
                try results[p].withUnsafeMutableBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    for i in 0..<buffer.count {
                        let result = (base + i).move()
                        (base + i).initialize(to: vacated)
                        try consume(consume result)
                    }
                }
            }
        }
    }
}

extension ParallelLines {
    /// Lines per pipeline chunk.
    static let defaultChunk = 4_096

    /// The first `upTo` chunks of a pipeline over `0..<count`, started on the cores (see `pipeline`'s
    /// `started`).
    static func startChunks<T: Sendable>(
        count: Int, chunk: Int = ParallelLines.defaultChunk, parts: Int? = nil, upTo: Int, work: @escaping @Sendable (Int) -> T
    ) -> [PipelineChunk<T>] {
        var chunks: [PipelineChunk<T>] = []
        var lo = 0
        while chunks.count < upTo, lo < count {
            let hi = min(lo + chunk, count)
            chunks.append(startChunk(lo: lo, hi: hi, parts: parts, work: work))
            lo = hi
        }
        return chunks
    }

    private static func startChunk<T: Sendable>(lo: Int, hi: Int, parts: Int?, work: @escaping @Sendable (Int) -> T) -> PipelineChunk<T> {
        let slot = PipelineChunk<T>(lo: lo, hi: hi)
        let parts = parts ?? workers(lines: hi - lo) * 4
        slot.group.enter()
        DispatchQueue.global().async {
            slot.results = map(count: hi - lo, workers: parts) { work(lo + $0) }
            slot.group.leave()
        }
        return slot
    }
}

/// One chunk of a pipeline: written by its background task, read after `group` says it is done.
final class PipelineChunk<T>: @unchecked Sendable {
    let lo: Int, hi: Int
    let group = DispatchGroup()
    var results: [[T]] = []
    init(lo: Int, hi: Int) {
        self.lo = lo
        self.hi = hi
    }
}
