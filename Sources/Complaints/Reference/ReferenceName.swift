/// Forgiving name comparison for reference data, so "kesehatan", "KESEHATAN" and
/// " Kesehatan " all find the same topic and a typed-in name never fails on case or spacing.
public enum ReferenceName {
    /// Lowercased, with `.`/`,` treated as spaces and runs of whitespace collapsed.
    public static func normalized(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "," })
            .map(String.init)
    }

    /// A lowercase ASCII id from a name: "Infrastruktur Jalan" → `infrastruktur-jalan`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// True if `text` is a valid id: lowercase letters, digits and single dashes.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && slug(text) == text
    }
}
