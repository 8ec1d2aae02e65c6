extension JSONValue {
    /// Compact one-line JSON text. Every control character (C0, DEL, C1) and the JavaScript line separators
    /// U+2028/U+2029 are escaped, so the output is always a single line that is safe to print, embed in
    /// JSON lines files, and paste into a terminal.
    public var compactText: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact UTF-8 encoding of this value to `out`.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n): out.append(contentsOf: n.utf8)
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for (k, m) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(m.key, into: &out)
                out.append(UInt8(ascii: ":"))
                m.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `s` as a quoted JSON string with the escaping described at `compactText`.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let u = Array(s.utf8)
        var k = 0
        while k < u.count {
            let b = u[k]
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00...0x1F, 0x7F: appendEscape(UInt32(b), &out)
            case 0xC2 where k + 1 < u.count && (0x80...0x9F).contains(u[k + 1]):
                // C1 control characters U+0080...U+009F.
                appendEscape(UInt32(u[k + 1]), &out)
                k += 1
            case 0xE2 where k + 2 < u.count && u[k + 1] == 0x80 && (u[k + 2] == 0xA8 || u[k + 2] == 0xA9):
                appendEscape(u[k + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                k += 2
            case 0xE2 where k + 2 < u.count && Self.isBidiControl(u[k + 1], u[k + 2]):
                // Bidi embeddings, overrides and isolates (U+200E/F, U+202A...U+202E, U+2066...U+2069) are
                // escaped so JSON shown in a terminal or editor cannot reorder what surrounds it.
                appendEscape(0x2000 | UInt32(u[k + 1] & 0x0F) << 6 | UInt32(u[k + 2] & 0x3F), &out)
                k += 2
            default: out.append(b)
            }
            k += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The last two bytes of U+200E, U+200F, U+202A...U+202E or U+2066...U+2069 (all start with 0xE2).
    static func isBidiControl(_ b1: UInt8, _ b2: UInt8) -> Bool {
        (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2))) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
    }

    private static func appendEscape(_ v: UInt32, _ out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"),
                                hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)],
                                hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]])
    }
}
