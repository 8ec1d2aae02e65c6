/// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), with the offset
/// of the first bad byte so an error can name the column. The one implementation every decoder uses
/// (TOML files, JSON values, intake lines, journal envelopes); it lives in the lowest module for that.
public enum UTF8Validation {
    /// Length of the well-formed sequence starting at `index` (1 for ASCII), or nil when it is malformed.
    @inline(__always)
    public static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for k in 2..<max(2, length) where bytes[index + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// 0-based offset of the first byte that does not start or continue a valid sequence; nil if valid.
    public static func firstInvalidOffset(_ bytes: some Collection<UInt8>) -> Int? {
        if let result = bytes.withContiguousStorageIfAvailable({ scan($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { scan($0) }
    }

    /// True when `bytes` are valid UTF-8.
    public static func isValid(_ bytes: some Collection<UInt8>) -> Bool { firstInvalidOffset(bytes) == nil }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes at a time: text with a few curly quotes or accents is mostly ASCII, and
            // it is validated whole (journal bodies at start-up) once one non-ASCII byte is seen.
            if bytes.count - index >= 8, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return index }
            index += length
        }
        return nil
    }
}
