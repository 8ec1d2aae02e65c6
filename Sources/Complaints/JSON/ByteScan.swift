#if canImport(Glibc)
import Glibc // memchr and memcmp: byte search, no I/O
#endif

/// Byte scanning shared across the package: SWAR (SIMD within a register) helpers that skip eight bytes at a time while none of them needs
/// attention in a JSON string (a quote, a backslash, a control character or a non-ASCII byte). Shared by
/// the payload tape here and the journal's envelope scanner and validator (package access).
package enum ByteScan {
    /// Index of the first byte at or after `start` that is `"`, `\`, a control byte or non-ASCII (or one
    /// within eight bytes of it); the caller finishes byte by byte. The bulk of every body text.
    @inlinable @inline(__always)
    package static func skipPlainASCII(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
        var index = start
        let raw = UnsafeRawPointer(base)
        while count - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Non-ASCII or control bytes: (byte & 0x80) or byte < 0x20 (byte + 0x60 overflows into 0x80 iff ≥ 0x20).
            let special = word & highs | (~(word &+ (0x60 &* ones)) & highs)
            if special != 0 || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones)) { return index }
            index += 8
        }
        return index
    }

    /// As `skipPlainASCII`, but non-ASCII bytes do not stop it: they are OR-ed into `highBits` (non-zero
    /// when any was passed, so the caller validates the string's UTF-8 once). Indonesian complaints carry
    /// curly quotes, dashes and emoji from phones; stopping at the first of them scanned the rest of a
    /// 600-byte body one byte at a time.
    @inlinable @inline(__always)
    package static func skipStringBytes(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, highBits: inout UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Exact for "some byte is zero / below 0x20" (a borrow only starts at a byte that is): bytes of
        // 0x80 and above never count, their high bit being masked by `~w`.
        @inline(__always) func hasZeroByte(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
        @inline(__always) func hasControlByte(_ w: UInt64) -> Bool { (w &- (0x20 &* ones)) & ~w & highs != 0 }
        var index = start
        var seen: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while count - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasControlByte(word) || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones)) { break }
            seen |= word
            index += 8
        }
        highBits |= seen & highs
        return index
    }

    /// Whether two strings are the same bytes (not Swift's Unicode equivalence, which takes é and e with a
    /// combining accent for one), with one `memcmp`: ids and actor names are compared as written.
    package static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }

    /// Whether `needle` occurs in the `count` bytes at `hay`: `memchr` to each candidate first byte, then
    /// `memcmp` for the rest. The inbox search and the journal's whole-line rule both use it.
    package static func contains(_ hay: UnsafePointer<UInt8>, _ count: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, let first = needle.first else { return true }
        let m = needle.count
        var cursor = hay
        var remaining = count
        while remaining >= m {
            guard let raw = memchr(cursor, Int32(first), remaining - m + 1) else { return false }
            let hit = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
            if m == 1 || memcmp(hit + 1, n + 1, m - 1) == 0 { return true }
            let skipped = hit - cursor + 1
            cursor = hit + 1
            remaining -= skipped
        }
        return false
    }
}
