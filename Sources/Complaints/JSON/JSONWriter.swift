extension JSONValue {
    /// Compact one-line JSON text. Every control character (C0, DEL, C1), the JavaScript line separators
    /// U+2028/U+2029 and the bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9) are escaped, so the output is always a single line that is safe to print, embed in
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

    /// Writes `s` as a quoted JSON string with the escaping described at `compactText` (one escaper for
    /// every JSON the desk writes: `JSONStringWriter`).
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        JSONStringWriter.appendQuoted(s, to: &out)
    }

    /// The last two bytes of U+200E, U+200F, U+202A...U+202E or U+2066...U+2069 (all start with 0xE2).
    static func isBidiControl(_ b1: UInt8, _ b2: UInt8) -> Bool {
        (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2))) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
    }

}
