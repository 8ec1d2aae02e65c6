import Foundation

// Memory handed to `DispatchQueue.concurrentPerform` workers. Swift cannot prove this sharing safe, so
// these wrappers state it once, for the package's modules: the caller keeps the memory alive for the
// whole call, and each worker writes only slots no other worker touches.

/// Slots the workers initialise or write, each worker its own disjoint range.
package struct SharedSlots<T>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<T>
    package init(_ base: UnsafeMutablePointer<T>) { self.base = base }
}

/// Values the workers only read (through the buffer: indexing an array copies, and so retains, each element).
package struct SharedReadOnly<T>: @unchecked Sendable {
    package let buffer: UnsafeBufferPointer<T>
    package init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}

/// Raw bytes the workers only read (a mapped file).
package struct SharedRawBytes: @unchecked Sendable {
    package let bytes: UnsafeRawBufferPointer
    package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// The first failure (an error or its description) any worker hit; later ones are dropped, as one reason is reported.
package final class FirstFailure<E>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: E?

    package init() {}

    package func set(_ e: E) {
        lock.lock()
        if stored == nil { stored = e }
        lock.unlock()
    }

    package var value: E? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Forgets the failure (the damage it named was repaired).
    package func reset() {
        lock.lock()
        stored = nil
        lock.unlock()
    }
}

/// An array of `count` elements built in place on both cores once there are `parallelFrom` of them (on one
/// below): `fill(range, slots)` initialises exactly the slots of `range`, with no second copy to join. The
/// first inbox frame of a large desk waits for its rows built this way.
///
/// In sixteen parts, which the cores take in turn as each finishes one: in two halves, one core often
/// finished its half 10 ms after the other (page faults, a core still busy), which sat idle meanwhile.
func builtOnBothCores<T>(count: Int, parallelFrom: Int, _ fill: @Sendable (Range<Int>, UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let start = buffer.baseAddress else { return }
        let target = SharedSlots(start)
        let parts = coreParts(count: count, parallelFrom: parallelFrom, parts: 16)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            fill(partRange(part, of: parts, count: count), target.base)
        }
        initialized = count
    }
}

/// One result per part of `0..<count` (`coreParts`, `partRange`), each made on whichever core is free:
/// `make` is given its part's range. The halves a sort or a tally is split into.
func madeInParts<T>(count: Int, parallelFrom: Int, parts: Int, _ make: @Sendable (Range<Int>) -> T) -> [T] {
    let n = coreParts(count: count, parallelFrom: parallelFrom, parts: parts)
    return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
        guard let start = buffer.baseAddress else { return }
        let target = SharedSlots(start)
        DispatchQueue.concurrentPerform(iterations: n) { part in
            (target.base + part).initialize(to: make(partRange(part, of: n, count: count)))
        }
        initialized = n
    }
}

/// How many parts `count` items are split into for the cores: `parts` from `parallelFrom` items on (never
/// more parts than items), one below.
func coreParts(count: Int, parallelFrom: Int, parts: Int) -> Int {
    count >= max(2, parallelFrom) ? min(parts, count) : 1
}

/// Part `part` of `parts` ranges that cover `0..<count` in order, with no gap or overlap.
func partRange(_ part: Int, of parts: Int, count: Int) -> Range<Int> {
    (count * part / parts)..<(count * (part + 1) / parts)
}
