/// Strict UTF-8 validation that says where the first bad byte is, so an error can name the column.
/// Refuses overlong forms, surrogates and code points above U+10FFFF (RFC 3629).
public enum UTF8Validation {
    /// 0-based offset of the first byte that does not start or continue a valid sequence; nil if valid.
    public static func firstInvalidOffset(_ bytes: some Collection<UInt8>) -> Int? {
        // Contiguous storage (the usual case) is scanned through a buffer pointer: the generic iterator
        // dominated bulk imports.
        if let fast = bytes.withContiguousStorageIfAvailable({ scan($0) }) { return fast }
        return scan(bytes)
    }

    @inline(__always)
    static func scan(_ bytes: some Collection<UInt8>) -> Int? {
        var it = bytes.makeIterator()
        var offset = 0
        // Pending state: how many continuation bytes remain and the allowed range of the next one.
        var need = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        var seqStart = 0
        while let b = it.next() {
            if need > 0 {
                guard b >= lo && b <= hi else { return seqStart }
                need -= 1
                lo = 0x80
                hi = 0xBF
                offset += 1
                continue
            }
            seqStart = offset
            switch b {
            case 0x00...0x7F: break
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return offset
            }
            offset += 1
        }
        return need > 0 ? seqStart : nil
    }

    /// True when `bytes` are valid UTF-8.
    public static func isValid(_ bytes: some Collection<UInt8>) -> Bool { firstInvalidOffset(bytes) == nil }
}
