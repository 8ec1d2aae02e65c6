import TextHazards
/// Keeps a `FILE:LINE: message` on one line when the message quotes input (a field name or value read
/// from the file): line breaks, other controls and the characters that hide or reorder text (bidi
/// controls, zero-width characters, line and paragraph separators) become visible escapes such as `\n`,
/// `\u{1B}` and `\u{202E}`. Without this, a CSV header cell holding a newline printed a second message
/// line without its `FILE:LINE:` (found by the CSV fuzzer), and tools that read the messages line by line
/// broke; every message quoting input says these characters the same way (QA: one import mixed styles).
public enum OneLineText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default:
                if isEscaped(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Controls and line separators, and what the console shows as a marker (`TextHazards`).
    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
        default: TextHazards.isHidden(scalar)
        }
    }
}
