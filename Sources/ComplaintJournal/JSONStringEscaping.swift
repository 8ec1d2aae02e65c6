/// JSON string escaping for the envelope fields.
///
/// Escapes more than JSON requires (U+2028, U+2029, DEL) so a line is also safe inside JavaScript,
/// terminals and line-oriented tools.
enum JSONStringEscaping {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"…"` with `value` escaped.
    static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        // Most envelope fields (ids, times, names) need no escape at all: copied in one piece.
        var value = value
        let plain = value.withUTF8 { utf8 -> Bool in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return false }
                index &+= 1
            }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: utf8)
            output.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { appendEscaped(value, to: &output) }
    }

    /// The escaping loop itself (`appendQuoted` without its shortcut for text that needs no escape);
    /// kept apart so the tests can hold the two side by side.
    static func appendEscaped(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        // U+2028 / U+2029 are E2 80 A8 / E2 80 A9 in UTF-8.
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 2 {
                    if byte != 0x80 { output.append(contentsOf: pending); pending.removeAll() }
                } else {
                    if byte == 0xA8 || byte == 0xA9 {
                        appendUnicodeEscape(byte == 0xA8 ? 0x2028 : 0x2029, to: &output)
                    } else {
                        output.append(contentsOf: pending)
                    }
                    pending.removeAll()
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20, 0x7F: appendUnicodeEscape(UInt16(byte), to: &output)
            case 0xE2: pending.append(byte)
            default: output.append(byte)
            }
        }
        output.append(contentsOf: pending)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `null` for nil, else the quoted string.
    static func appendOptional(_ value: String?, to output: inout [UInt8]) {
        if let value {
            appendQuoted(value, to: &output)
        } else {
            output.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        }
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to output: inout [UInt8]) {
        output.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        output.append(hex[Int(unit >> 12) & 0xF])
        output.append(hex[Int(unit >> 8) & 0xF])
        output.append(hex[Int(unit >> 4) & 0xF])
        output.append(hex[Int(unit) & 0xF])
    }
}
