import Complaints
import TinyTOML
/// Decodes one JSON string from raw line bytes, with full unescaping and UTF-8 validation.
enum JSONStringScanner {
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt16(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Scans the string whose opening quote is at `start`; returns the value (nil unless
    /// `materialize`) and the index after the closing quote. Validates escapes and UTF-8 either way.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, materialize: Bool = true
    ) throws(Failure) -> (String?, Int) {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else {
            throw Failure(offset: start, reason: "expected a string")
        }
        guard let base = bytes.baseAddress else { throw Failure(offset: start, reason: "expected a string") }
        let count = bytes.count
        var index = start + 1
        var highBits: UInt64 = 0
        // Fast path: plain bytes up to the closing quote (the hot loop of start-up), eight at a time.
        index = ByteScan.nextStringSpecial(base, from: index, count: count, highBits: &highBits)
        guard index < count else { throw Failure(offset: start, reason: "unterminated string") }
        let stop = base[index]
        if stop < 0x20 { throw Failure(offset: index, reason: "raw control character in string") }
        if stop == 0x5C { return try scanEscaped(bytes, start: start, firstEscape: index) }
        let slice = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index])
        if highBits != 0, !isValidUTF8(slice) { throw Failure(offset: start, reason: "invalid UTF-8 in string") }
        return (materialize ? ByteScan.string(slice) : nil, index + 1)
    }

    /// Well-formed UTF-8 check over the envelope's bytes (hot path at start-up).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Validation.isValid(bytes)
    }

    private static func scanEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, firstEscape: Int
    ) throws(Failure) -> (String?, Int) {
        var output = Array(bytes[(start + 1)..<firstEscape])
        var index = firstEscape
        func readHex4(_ at: Int) throws(Failure) -> UInt16 {
            guard bytes.count - at >= 4 else { throw Failure(offset: at, reason: "short \\u escape") }
            var value: UInt16 = 0
            for offset in 0..<4 {
                guard let digit = hexValue(bytes[at + offset]) else {
                    throw Failure(offset: at, reason: "invalid \\u escape")
                }
                value = value << 4 | digit
            }
            return value
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let valid = output.withUnsafeBufferPointer { isValidUTF8($0) }
                guard valid else { throw Failure(offset: start, reason: "invalid UTF-8 in string") }
                return (String(decoding: output, as: Unicode.UTF8.self), index + 1)
            }
            if byte < 0x20 { throw Failure(offset: index, reason: "raw control character in string") }
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw Failure(offset: index, reason: "unterminated escape") }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let unit = try readHex4(index)
                index += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw Failure(offset: index, reason: "lone high surrogate in \\u escape") }
                    let low = try readHex4(index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw Failure(offset: index, reason: "invalid low surrogate in \\u escape")
                    }
                    index += 6
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Failure(offset: index, reason: "lone low surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    throw Failure(offset: index, reason: "invalid \\u escape")
                }
                output.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw Failure(offset: index - 1, reason: "invalid escape")
            }
        }
        throw Failure(offset: start, reason: "unterminated string")
    }
}
