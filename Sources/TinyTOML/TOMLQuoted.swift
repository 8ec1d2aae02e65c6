/// Writes a TOML basic string (`"…"`) that parses back to `text`: every program that writes a settings file
/// quotes through here. Quotes and backslashes were escaped by hand before, control characters not, so a
/// desk name holding an ESC gave a desk.toml that every command then refused (QA).
public enum TOMLQuoted {
    public static func basicString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
