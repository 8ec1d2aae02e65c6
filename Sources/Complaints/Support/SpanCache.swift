import Foundation

/// Values keyed by the exact bytes they were decoded from: a start-up meets the same few hundred actors a
/// million times, and decoding each once, then answering from its bytes, saves building, comparing and
/// freeing strings per line. Direct-mapped: a colliding key replaces the slot (a cache, never the record).
/// Not thread-safe: one per thread (`ThreadLocal`).
///
/// Keys live in one byte arena and slots in plain memory, so a lookup retains nothing but the value it
/// returns: keys as arrays, and the slot arrays as the class's properties, cost two retains and two
/// releases per lookup, a few million per start-up. A key replaced leaves its bytes behind; when the
/// arena is full every slot is emptied and the arena starts again (bounded, whatever the input).
///
/// `@inlinable` so the decoding module specializes it: called through generic metadata from another
/// module, it cost a fifth of what it saved.
public final class SpanCache<Value> {
    @usableFromInline struct KeySpan {
        @usableFromInline var start: Int32
        /// -1 for an empty slot.
        @usableFromInline var count: Int32
        @inlinable init(start: Int32, count: Int32) {
            self.start = start
            self.count = count
        }
    }

    @usableFromInline let slotCount: Int
    @usableFromInline let mask: Int
    @usableFromInline let keys: UnsafeMutablePointer<KeySpan>
    @usableFromInline let values: UnsafeMutablePointer<Value?>
    @usableFromInline var arena: UnsafeMutablePointer<UInt8>
    @usableFromInline var arenaCapacity: Int
    @usableFromInline var arenaUsed = 0
    /// The arena never grows past this; a key longer is not kept.
    @usableFromInline let arenaLimit: Int

    /// `slots` is rounded up to a power of two. Several times the distinct keys expected: slots shared by
    /// two keys in use make both miss in turn (738 actors in 1,024 slots missed on half of them).
    /// `keyBytes`: the arena's most, by default 256 bytes a slot (an `actor` object is about 150).
    @inlinable
    public init(slots: Int = 8_192, keyBytes: Int? = nil) {
        var count = 1
        while count < slots { count <<= 1 }
        slotCount = count
        mask = count - 1
        keys = .allocate(capacity: count)
        keys.initialize(repeating: KeySpan(start: 0, count: -1), count: count)
        values = .allocate(capacity: count)
        values.initialize(repeating: nil, count: count)
        arenaLimit = min(keyBytes ?? count * 256, Int(Int32.max))
        arenaCapacity = min(4_096, arenaLimit)
        arena = .allocate(capacity: max(arenaCapacity, 1))
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: slotCount)
        values.deallocate()
        arena.deallocate()
    }

    /// The value stored for exactly these bytes, if it is still in its slot.
    @inlinable
    public func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = SpanCache.hash(bytes) & mask
        let key = keys[slot]
        guard Int(key.count) == bytes.count else { return nil }
        if let b = bytes.baseAddress, memcmp(arena + Int(key.start), b, bytes.count) != 0 { return nil }
        return values[slot]
    }

    @inlinable
    public func store(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n <= arenaLimit else { return }
        if arenaUsed + n > arenaCapacity { makeRoom(for: n) }
        let slot = SpanCache.hash(bytes) & mask
        if let b = bytes.baseAddress { (arena + arenaUsed).update(from: b, count: n) }
        keys[slot] = KeySpan(start: Int32(arenaUsed), count: Int32(n))
        values[slot] = value
        arenaUsed += n
    }

    /// Makes room for `n` more bytes (at most the limit, `store` checks): past the limit, empties every slot
    /// and starts the arena again; then grows it if it is still too small for them (an arena started again
    /// is as small as it last grew, which may be less than one long key).
    @usableFromInline
    func makeRoom(for n: Int) {
        if arenaUsed + n > arenaLimit {
            keys.update(repeating: KeySpan(start: 0, count: -1), count: slotCount)
            values.update(repeating: nil, count: slotCount)
            arenaUsed = 0
        }
        guard arenaUsed + n > arenaCapacity else { return }
        var capacity = arenaCapacity
        while capacity < arenaUsed + n { capacity = min(max(capacity * 2, 1), arenaLimit) }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: arena, count: arenaUsed)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }

    /// How many bytes of keys the arena holds, and how many it has room for (tests: bounded, and never
    /// fewer than it holds).
    public var keyBytesHeld: Int { arenaUsed }
    public var keyRoom: Int { arenaCapacity }

    /// A quick mix of the bytes, eight at a time (slots only need spreading, not resistance to attack: a
    /// hostile journal can at worst make every lookup miss). A key of eight bytes or more ends with its
    /// last eight, overlapping the word before, instead of a byte at a time.
    ///
    /// A key longer than `mixedWhole` is mixed from its first and last `mixedWhole / 2` bytes and its length
    /// only: an `actor` object (about 110 bytes) differs from the others in its name, near the start, and in
    /// its agency and unit, near the end; mixing all of it was a fifth of a lookup's instructions. Keys
    /// still match by all their bytes.
    @usableFromInline static var mixedWhole: Int { 64 }

    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var h = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        if bytes.count > mixedWhole {
            let half = mixedWhole / 2
            for offset in stride(from: 0, to: half, by: 8) { mix(&h, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            for offset in stride(from: bytes.count - half, to: bytes.count, by: 8) {
                mix(&h, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            h ^= h >> 32
            return Int(truncatingIfNeeded: h)
        }
        var i = 0
        while bytes.count - i >= 8 {
            mix(&h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count, bytes.count >= 8 {
            h = (h ^ raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            i = bytes.count
        }
        while i < bytes.count {
            h = (h ^ UInt64(base[i])) &* 0x9E37_79B9_7F4A_7C15
            i += 1
        }
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    /// One word into the running hash.
    @inlinable @inline(__always)
    static func mix(_ h: inout UInt64, _ word: UInt64) {
        h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
    }
}
