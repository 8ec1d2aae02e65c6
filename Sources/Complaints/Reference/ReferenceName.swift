/// Forgiving name comparison for reference data, so "kesehatan", "KESEHATAN" and
/// " Kesehatan " all find the same topic and a typed-in name never fails on case or spacing.
public enum ReferenceName {
    /// Lowercased, with `.`/`,` treated as spaces and runs of whitespace collapsed.
    public static func normalized(_ text: String) -> String {
        ASCIIName.normalized(text) ?? Concatenation.joined(unicodeWords(text), separator: " ")
    }

    /// The words of a name, character by character: what the byte-level `ASCIIName` reproduces for ASCII text.
    static func unicodeWords(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "," })
            .map(String.init)
    }

    /// A lowercase ASCII id from a name: "Infrastruktur Jalan" → `infrastruktur-jalan`.
    public static func slug(_ text: String) -> String {
        ASCIIName.slug(text) ?? unicodeSlug(text)
    }

    /// `slug` scalar by scalar, for text `ASCIIName` does not take (a non-ASCII letter may lowercase to
    /// an ASCII one: the Kelvin sign gives `k`).
    static func unicodeSlug(_ text: String) -> String {
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

    /// `text` without its whitespace characters (how a typed-in code such as " 34.04 " is compared).
    static func removingWhitespace(_ text: String) -> String {
        ASCIIName.removingWhitespace(text) ?? String(text.filter { !$0.isWhitespace })
    }
}
