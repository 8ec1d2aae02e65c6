/// Writes a Swift string as a quoted JSON string: C0/DEL/C1 controls, U+2028/U+2029 and bidi controls
/// escaped (see `JSONValue.compactText`), copying runs of plain bytes at once instead of one byte at a
/// time. Every JSON the desk writes goes through here (`JSONValue.writeString` calls it); the tests hold
/// it against a plain byte-by-byte reference loop.
enum JSONStringWriter {
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    /// The bytes of `u` (valid UTF-8) quoted and escaped.
    static func appendQuoted(utf8 u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        guard let base = u.baseAddress else {
            out.append(0x22)
            return
        }
        let n = u.count
        var run = 0
        var k = 0
        @inline(__always) func flush(_ end: Int) {
            if end > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: end - run)) }
        }
        while k < n {
            k = skipPlain(base, from: k, count: n)
            guard k < n else { break }
            let b = base[k]
            switch b {
            case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x00...0x1F, 0x7F:
                flush(k)
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: appendEscape(UInt32(b), &out)
                }
                k += 1
                run = k
            case 0xC2 where k + 1 < n && (0x80...0x9F).contains(base[k + 1]):
                flush(k)
                appendEscape(UInt32(base[k + 1]), &out)
                k += 2
                run = k
            case 0xD8 where k + 1 < n && base[k + 1] == 0x9C: // U+061C ARABIC LETTER MARK, a bidi control too
                flush(k)
                appendEscape(0x061C, &out)
                k += 2
                run = k
            case 0xE2 where k + 2 < n && base[k + 1] == 0x80 && (base[k + 2] == 0xA8 || base[k + 2] == 0xA9):
                flush(k)
                appendEscape(base[k + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                k += 3
                run = k
            case 0xE2 where k + 2 < n && JSONValue.isBidiControl(base[k + 1], base[k + 2]):
                flush(k)
                appendEscape(0x2000 | UInt32(base[k + 1] & 0x0F) << 6 | UInt32(base[k + 2] & 0x3F), &out)
                k += 3
                run = k
            default:
                k += 1
            }
        }
        flush(n)
        out.append(0x22)
    }

    /// Index of the first byte at or after `start` that may need an escape: a quote, a backslash, a control
    /// byte, DEL, 0xC2, 0xD8 or 0xE2 (lead bytes of C1 controls, U+061C, line separators and bidi controls). Skips eight
    /// plain ASCII bytes at a time, then single bytes.
    @inline(__always)
    static func skipPlain(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
        var index = start
        let raw = UnsafeRawPointer(base)
        while index < count {
            while count - index >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highs != 0 { break }
                // Pure ASCII: a control byte is below 0x20, so adding 0x60 leaves its high bit clear.
                let control = ~(word &+ (0x60 &* ones)) & highs
                if control != 0 || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
                    || hasZeroByte(word ^ (0x7F &* ones)) { break }
                index += 8
            }
            // Up to eight bytes one at a time (non-ASCII text, or the word that held a special byte).
            let stop = min(count, index + 8)
            while index < stop {
                let b = base[index]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 { return index }
                index += 1
            }
        }
        return index
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ v: UInt32, _ out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"),
                                hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)],
                                hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]])
    }
}
