import Foundation

/// Values keyed by the exact bytes they were decoded from: a start-up meets the same few hundred actors and
/// vocabulary words a million times, and decoding each once, then answering from its bytes, saves building,
/// comparing and freeing strings per line. Direct-mapped: a colliding key replaces the slot (a cache, never
/// the record). Not thread-safe: one per thread (`ThreadLocal`).
public final class SpanCache<Value> {
    private var keys: [[UInt8]?]
    private var values: [Value?]
    private let mask: Int

    /// `slots` is rounded up to a power of two.
    public init(slots: Int = 1_024) {
        var count = 1
        while count < slots { count <<= 1 }
        keys = Array(repeating: nil, count: count)
        values = Array(repeating: nil, count: count)
        mask = count - 1
    }

    /// The value stored for exactly these bytes, if it is still in its slot.
    public func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = SpanCache.hash(bytes) & mask
        guard let key = keys[slot], key.count == bytes.count else { return nil }
        let same = key.withUnsafeBufferPointer { k -> Bool in
            guard let a = k.baseAddress, let b = bytes.baseAddress else { return k.count == bytes.count }
            return memcmp(a, b, bytes.count) == 0
        }
        return same ? values[slot] : nil
    }

    public func store(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        let slot = SpanCache.hash(bytes) & mask
        keys[slot] = Array(bytes)
        values[slot] = value
    }

    /// A quick mix of the bytes, eight at a time (slots only need spreading, not resistance to attack: a
    /// hostile journal can at worst make every lookup miss).
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
        while i < bytes.count {
            h = (h ^ UInt64(base[i])) &* 0x9E37_79B9_7F4A_7C15
            i += 1
        }
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
