#if canImport(Glibc)
import Glibc // memchr and memcmp: byte search, no I/O
#endif
import CByteScan

/// Byte scanning shared across the package: SWAR (SIMD within a register) helpers that pass eight bytes at a
/// time while none of them needs attention in a JSON string (a quote, a backslash, a control character). Shared by
/// the payload tape here and the journal's envelope scanner and validator (package access).
package enum ByteScan {
    /// Exactly the index of the first `"`, `\` or control byte at or after `start` (`count` when there is
    /// none). `highBits` is made non-zero when a byte before it has its high bit set (the caller then
    /// validates the UTF-8); callers only ask whether it is zero.
    /// Sixteen bytes at a time while sixteen remain (SSE2, `cbytescan_string_special`: a report body is
    /// hundreds of bytes, and eight at a time was the largest single part of a cold start), then eight, the
    /// one found by its position in the word: finishing that word (and every short key) byte by byte was a
    /// tenth of a cold start's instructions.
    @inlinable @inline(__always)
    package static func nextStringSpecial(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, highBits: inout UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        if count - index >= 16 {
            let stop = cbytescan_string_special(base, index, count)
            index = stop.index
            highBits |= UInt64(stop.high)
            if count - index >= 16 { return index }
        }
        var seen: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while count - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
            // Per byte: zero after the XOR (a quote, a backslash) or below 0x20. The lowest flagged byte is
            // exact (a borrow only starts at a byte that is flagged itself); bytes of 0x80 and above never are.
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- (0x20 &* ones)) & ~word) & highs
            if special != 0 {
                let at = special.trailingZeroBitCount >> 3
                seen |= word & ((1 &<< UInt64(at << 3)) &- 1)
                highBits |= seen & highs
                return index + at
            }
            seen |= word
            index += 8
        }
        highBits |= seen & highs
        while index < count {
            let byte = base[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            highBits |= UInt64(byte & 0x80)
            index += 1
        }
        return count
    }

    /// `String(decoding: bytes, as: UTF8.self)`, faster for the short strings start-up builds by the
    /// hundred thousand (report ids, names, phone numbers, short words): up to 15 bytes Swift builds its
    /// inline form straight from the bytes and checks them for ASCII with one mask, where `decoding` ran its
    /// general UTF-8 check first (190 instructions a report id). Longer or non-ASCII text is checked and
    /// repaired the same way either way (`ByteScanTests`).
    @inlinable
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= 15, bytes.count > 0, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            buffer.baseAddress!.initialize(from: base, count: bytes.count)
            return bytes.count
        }
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
