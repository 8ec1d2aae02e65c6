import Complaints
import Foundation

extension ParallelLines {
    /// `work(i)` for every `i` in `0..<count`, split into contiguous ranges over the workers and written
    /// straight into one array in index order. Unlike `map` there are no parts to join afterwards: a
    /// bulk import's entries hold a dozen references each, and copying them out of the parts (then
    /// releasing the parts) cost more than the work itself.
    static func contiguousMap<T: Sendable>(count: Int, workers: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).map(work) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = SharedSlots(base)
            DispatchQueue.concurrentPerform(iterations: workers) { part in
                let lo = count * part / workers, hi = count * (part + 1) / workers
                for i in lo..<hi { (slots.base + i).initialize(to: work(i)) }
            }
            initialized = count
        }
    }
}
