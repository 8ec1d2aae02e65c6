import Complaints
import Foundation

/// Runs per-line work of one segment buffer on every core while keeping journal order: the start-up
/// passes (verify every line, then decode every line) are independent per line, and only the fold that
/// follows must be sequential.
enum ParallelLines {
    /// How many workers: the machine's cores, at most 4, one for small buffers.
    static func workers(lines: Int) -> Int {
        lines < 1_000 ? 1 : max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Every line of `buffer` (terminated or not), in order. A large buffer is split on every core, each
    /// part from the line after its cut: splitting a 64 MB segment (and touching its pages first) took the
    /// scanning thread ~60 ms per segment while the other cores waited for the segment's first lines.
    static func lines(_ buffer: UnsafeBufferPointer<UInt8>) -> [LineSplitter.Line] {
        let parts = buffer.count < 1 << 20 ? 1 : workers(lines: buffer.count / 256)
        guard parts > 1, let base = buffer.baseAddress else { return lines(buffer, from: 0, to: buffer.count) }
        // Part k starts after the first newline at or past its even share (the first part at 0).
        var cuts = [0]
        for k in 1..<parts {
            let even = max(buffer.count * k / parts, cuts[k - 1])
            if let found = memchr(base + even, 0x0A, buffer.count - even) {
                cuts.append(UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1)
            } else {
                cuts.append(buffer.count)
            }
        }
        cuts.append(buffer.count)
        let bounds = cuts
        let shared = SharedReadOnly(buffer)
        let found = map(count: parts, workers: parts) { k in lines(shared.buffer, from: bounds[k], to: bounds[k + 1]) }
        return Array(found.joined().joined())
    }

    /// The lines of `buffer[from..<to]`, with offsets into `buffer` (`from` starts a line).
    private static func lines(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [LineSplitter.Line] {
        var lines: [LineSplitter.Line] = []
        lines.reserveCapacity((to - from) / 256)
        LineSplitter.forEachLine(UnsafeBufferPointer(rebasing: buffer[from..<to])) { line in
            lines.append(LineSplitter.Line(start: line.start + from, end: line.end + from, terminated: line.terminated))
            return true
        }
        return lines
    }

    /// `work(i)` for every `i` in `0..<count`, split into contiguous ranges over the workers; the parts
    /// in index order (not joined: results can be large, and copying them cost more than the work).
    static func map<T: Sendable>(count: Int, workers: Int, _ work: @Sendable (Int) -> T) -> [[T]] {
        guard workers > 1, count > 1 else { return [(0..<count).map(work)] }
        let parts = Parts<T>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { part in
            let lo = count * part / workers, hi = count * (part + 1) / workers
            parts.set(part, (lo..<hi).map(work))
        }
        return parts.take()
    }

    /// Each worker's results, written once per slot by that worker only.
    private final class Parts<T>: @unchecked Sendable {
        private var slots: [[T]]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ i: Int, _ value: [T]) {
            lock.lock()
            slots[i] = value
            lock.unlock()
        }
        func take() -> [[T]] {
            lock.lock()
            defer { lock.unlock() }
            let taken = slots
            slots = []
            return taken
        }
    }
}

extension SharedReadOnly<UInt8> {
    /// One line of a segment buffer shared read-only with the workers.
    func line(_ l: LineSplitter.Line) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[l.start..<l.end]) }
}
