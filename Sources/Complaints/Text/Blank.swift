extension StringProtocol {
    /// True when the text holds nothing but white space. Stops at the first visible character, so it is
    /// cheap on long bodies (Foundation's trimming copies the whole string through UTF-16).
    public var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
