/// A value from the input quoted in a message: short, one line, and every character that could hide,
/// reorder or break the text made visible, the same way in every message that quotes input.
public enum QuotedValue {
    public static func shown(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars.prefix(60) {
            if escaped(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return s.unicodeScalars.count > 60 ? out + "…" : out
    }

    /// Controls, and the characters that reorder or hide text (bidi controls, zero-width, line and paragraph
    /// separators): each quoted message says them the same way (QA: one import gave `\u{1b}` for one value
    /// and a `⟪U+202E⟫` marker for another).
    private static func escaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }
}
