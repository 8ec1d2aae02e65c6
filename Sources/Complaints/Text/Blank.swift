extension StringProtocol {
    /// True when the text holds nothing but white space. Stops at the first visible character, so it is
    /// cheap on long bodies (Foundation's trimming copies the whole string through UTF-16).
    public var isBlank: Bool {
        // A visible ASCII character first (nearly every title and body): no Unicode property lookup, which
        // was 1 % of a cold start.
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
