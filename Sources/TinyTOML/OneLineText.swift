/// Keeps a `FILE:LINE: message` on one line when the message quotes input (a field name or value read
/// from the file): line breaks and other C0 controls become visible escapes such as `\n` and `\u{1B}`.
/// Without this, a CSV header cell holding a newline printed a second message line without its
/// `FILE:LINE:` (found by the CSV fuzzer), and tools that read the messages line by line broke.
public enum OneLineText {
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
