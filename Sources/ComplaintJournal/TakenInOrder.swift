/// Values written by one thread, then each moved out exactly once, in order, by another: one slice's
/// decoded lines in the folding scan. An array would destroy every moved-out slot again when dropped (a
/// generic destroy per line, about 1 % of a cold start); this storage only destroys what was never taken.
final class TakenInOrder<Element>: @unchecked Sendable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Values written.
    private(set) var count = 0
    /// Values moved out: the first `taken` slots are uninitialized.
    private var taken = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        (base + taken).deinitialize(count: count - taken)
        base.deallocate()
    }

    /// Adds a value at the end (only before any is taken).
    func append(_ value: consuming Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Whether every value has been taken.
    var isDrained: Bool { taken == count }

    /// Moves the next value out (`isDrained` must be false).
    func takeNext() -> Element {
        precondition(taken < count, "no value left to take")
        let value = (base + taken).move()
        taken += 1
        return value
    }
}
