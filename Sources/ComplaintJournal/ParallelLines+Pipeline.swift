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
    static func pipeline<T: Sendable>(
        count: Int, chunk: Int = 4_096, work: @escaping @Sendable (Int) -> T, consume: (T) throws -> Void
    ) throws {
        guard count > 0 else { return }
        func start(_ lo: Int) -> PipelineChunk<T> {
            let hi = min(lo + chunk, count)
            let slot = PipelineChunk<T>(lo: lo, hi: hi)
            slot.group.enter()
            DispatchQueue.global().async {
                slot.results = map(count: hi - lo, workers: workers(lines: hi - lo) * 4) { work(lo + $0) }
                slot.group.leave()
            }
            return slot
        }
        var next: PipelineChunk<T>? = start(0)
        defer { next?.group.wait() }
        while let current = next {
            current.group.wait()
            next = current.hi < count ? start(current.hi) : nil
            let parts = current.results
            current.results = []
            for part in parts {
                for r in part { try consume(r) }
            }
        }
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
