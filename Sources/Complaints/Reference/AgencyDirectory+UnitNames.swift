extension AgencyDirectory {
    /// A standard unit's name cut at each `{wilayah}`, once per standard set: every agency using the set
    /// fills the same names with its own region, and searching each name for the token again for every
    /// agency was a third of loading the agencies.
    struct UnitNameTemplate {
        static let token = Array("{wilayah}".utf8)

        /// The text before, between and after the tokens: one part when the name has none.
        let parts: [String]

        /// Byte by byte: the standard library's `replacing` builds a pattern matcher on every call. The token
        /// is ASCII, so the text is cut only between code points (always valid UTF-8). A mark that would
        /// combine with the token's brace is not looked at: unit names are plain text.
        init(_ template: String) {
            let token = UnitNameTemplate.token
            let bytes = Array(template.utf8)
            var parts: [String] = []
            var partStart = 0
            var index = 0
            while index < bytes.count {
                if index + token.count <= bytes.count, bytes[index..<(index + token.count)].elementsEqual(token) {
                    parts.append(String(decoding: bytes[partStart..<index], as: UTF8.self))
                    index += token.count
                    partStart = index
                } else {
                    index += 1
                }
            }
            parts.append(String(decoding: bytes[partStart...], as: UTF8.self))
            self.parts = parts
        }

        /// The name with each token replaced by `label`.
        func filled(with label: String) -> String { Concatenation.joined(parts, separator: label) }
    }
}
