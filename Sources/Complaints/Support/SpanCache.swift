import Foundation

/// Values keyed by the exact bytes they were decoded from: a start-up meets the same few hundred actors a
/// million times, and decoding each once, then answering from its bytes, saves building, comparing and
/// freeing strings per line. Direct-mapped: a colliding key replaces the slot (a cache, never the record).
/// Not thread-safe: one per thread (`ThreadLocal`).
///
/// `@inlinable` so the decoding module specializes it: called through generic metadata from another
/// module, it cost a fifth of what it saved.
public final class SpanCache<Value> {
    @usableFromInline var keys: [[UInt8]?]
    @usableFromInline var values: [Value?]
    @usableFromInline let mask: Int

    /// `slots` is rounded up to a power of two. Several times the distinct keys expected: slots shared by
    /// two keys in use make both miss in turn (738 actors in 1,024 slots missed on half of them).
    @inlinable
    public init(slots: Int = 8_192) {
        var count = 1
        while count < slots { count <<= 1 }
        keys = Array(repeating: nil, count: count)
        values = Array(repeating: nil, count: count)
        mask = count - 1
    }

    /// The value stored for exactly these bytes, if it is still in its slot.
    @inlinable
    public func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = SpanCache.hash(bytes) & mask
        guard let key = keys[slot], key.count == bytes.count else { return nil }
        let same = key.withUnsafeBufferPointer { k -> Bool in
            guard let a = k.baseAddress, let b = bytes.baseAddress else { return k.count == bytes.count }
            return memcmp(a, b, bytes.count) == 0
        }
        return same ? values[slot] : nil
    }

    @inlinable
    public func store(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        let slot = SpanCache.hash(bytes) & mask
        keys[slot] = Array(bytes)
        values[slot] = value
    }

    /// A quick mix of the bytes, eight at a time (slots only need spreading, not resistance to attack: a
    /// hostile journal can at worst make every lookup miss). A key of eight bytes or more ends with its
    /// last eight, overlapping the word before, instead of a byte at a time.
    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var h = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while bytes.count - i >= 8 {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
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
}
