import TextHazards

/// Turns untrusted text (complaint bodies, names, file contents) into text that is safe to draw.
///
/// Everything put on a `Canvas` passes through here, so escape sequences (OSC 52 clipboard writes,
/// title changes, cursor moves), C1 controls, bidi overrides and invisible format characters can
/// never reach the terminal raw: each is shown as a visible placeholder instead of being dropped,
/// so an officer can see that the text contained something odd.
public enum Sanitize {
    /// How a tab is shown.
    public enum TabPolicy: Hashable, Sendable {
        /// A fixed number of spaces (at least one).
        case spaces(Int)
        /// A visible arrow `→`.
        case arrow
    }

    /// Shown for a combining mark that has no base character to sit on.
    public static let danglingMarkBase: Unicode.Scalar = "\u{25CC}"  // ◌

    /// Safe single-line text: newlines and other line breaks become the visible `␤`.
    public static func line<S: StringProtocol>(_ text: S, tabs: TabPolicy = .spaces(4)) -> String {
        clean(text, keepNewlines: false, tabs: tabs)
    }

    /// `line`, and whether `text` was plain (`PlainNarrow`: its own sanitized form, one column a scalar, each
    /// scalar a character): callers that then measure or cut the line skip a second scan of it.
    static func lineTellingPlain<S: StringProtocol>(_ text: S) -> (line: String, plain: Bool) {
        if PlainNarrow.holds(text) { return (String(text), true) }
        return (cleanEach(text, keepNewlines: false, tabs: .spaces(4)), false)
    }

    /// Safe multi-line text: line breaks (LF, CRLF, lone CR, NEL, VT, FF, U+2028/2029) become `\n`, for
    /// callers that split lines first (word wrap, the edit buffer): a letter typed with old line ends reads
    /// as its lines, and none of them moves the terminal's cursor; everything else as in `line`.
    public static func text<S: StringProtocol>(_ text: S, tabs: TabPolicy = .spaces(4)) -> String {
        clean(text, keepNewlines: true, tabs: tabs)
    }

    /// Decodes bytes as UTF-8, turning every invalid sequence into U+FFFD `�` (visible), then sanitizes.
    public static func decode<C: Collection>(_ bytes: C, keepNewlines: Bool = true,
                                             tabs: TabPolicy = .spaces(4)) -> String
    where C.Element == UInt8 {
        let decoded = String(decoding: bytes, as: UTF8.self)
        return clean(decoded, keepNewlines: keepNewlines, tabs: tabs)
    }

    /// True when every byte is printable ASCII (space to `~`).
    static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// True when `text` would come out of `line` unchanged.
    public static func isSafeLine<S: StringProtocol>(_ text: S) -> Bool {
        line(text) == String(text)
    }

    /// The visible placeholder for one dangerous scalar, or nil when the scalar is harmless.
    /// Exposed so the help screen and tests can show what each class turns into.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00..<0x20:
            // Control Pictures: ␀ ␁ … ␛ (ESC) … ␟, one column each.
            return String(Character(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"))
        case 0x7F:
            return "\u{2421}"  // ␡
        case 0x80..<0xA0:
            return marker(value)  // C1 controls, including the 8-bit CSI 0x9B
        case 0x00AD:
            return "-"  // soft hyphen: terminals disagree on its width
        default:
            break
        }
        // Bidi controls, blank-looking characters, noncharacters (QA: U+FFFE and U+FFFF vanished) and format
        // characters text does not need: the list messages quoting input escape too.
        return TextHazards.isHidden(scalar) ? marker(value) : nil
    }

    // MARK: - Implementation

    private static func clean<S: StringProtocol>(_ text: S, keepNewlines: Bool, tabs: TabPolicy) -> String {
        // Fast path: printable ASCII and the plain symbols rows are drawn with need no placeholder (most
        // Indonesian text is plain ASCII).
        if PlainNarrow.holds(text) { return String(text) }
        return cleanEach(text, keepNewlines: keepNewlines, tabs: tabs)
    }

    /// The character-by-character path `clean` skips for plain text (a test holds the two to each other).
    static func cleanEach<S: StringProtocol>(_ text: S, keepNewlines: Bool, tabs: TabPolicy) -> String {
        var output = String.UnicodeScalarView()
        for character in text {
            if character == "\r\n" {
                output.append(contentsOf: (keepNewlines ? "\n" : "\u{2424}").unicodeScalars)
                continue
            }
            let scalars = character.unicodeScalars
            let allowsTags = scalars.first?.value == 0x1F3F4  // 🏴 subdivision flags use tag characters
            let splitsJoinedEmoji = isJoinedEmoji(character)
            for scalar in scalars {
                let value = scalar.value
                if splitsJoinedEmoji && value == 0x200D { continue }
                if isLineBreak(value) {
                    if keepNewlines {
                        output.append("\n")
                    } else {
                        output.append(contentsOf: (value == 0x0D ? "\u{240D}" : "\u{2424}").unicodeScalars)
                    }
                    continue
                }
                if value == 0x09 {
                    switch tabs {
                    case .spaces(let count):
                        output.append(contentsOf: String(repeating: " ", count: max(1, count)).unicodeScalars)
                    case .arrow:
                        output.append("\u{2192}")
                    }
                    continue
                }
                if allowsTags && (0xE0020...0xE007F).contains(value) {
                    output.append(scalar)
                    continue
                }
                if let replacement = placeholder(for: scalar) {
                    output.append(contentsOf: replacement.unicodeScalars)
                } else {
                    output.append(scalar)
                }
            }
        }
        return giveDanglingMarksABase(String(output))
    }

    /// A cluster with no width of its own (a combining mark after a line start or a placeholder) would
    /// pile onto whatever cell came before it; give it a dotted circle to sit on instead.
    private static func giveDanglingMarksABase(_ text: String) -> String {
        guard text.contains(where: { $0 != "\n" && DisplayWidth.of($0) == 0 }) else { return text }
        var result = ""
        for character in text {
            if character != "\n" && DisplayWidth.of(character) == 0 {
                result.unicodeScalars.append(danglingMarkBase)
            }
            result.append(character)
        }
        return result
    }

    private static func marker(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\u{27EA}U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "\u{27EB}"
    }

    private static func isLineBreak(_ value: UInt32) -> Bool {
        value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C || value == 0x85
            || value == 0x2028 || value == 0x2029
    }

    /// An emoji ZWJ sequence (👩‍👩‍👧, 👨🏽‍💻). Terminals disagree on its width and ncurses keeps only its first
    /// emoji in a cell (`TerminalGlyphs`), so "a family" read as "a woman" (QA). Without its joiners it
    /// is its emoji side by side, two columns each, which every terminal draws alike.
    static func isJoinedEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.contains(where: { $0.value == 0x200D }) else { return false }
        return scalars.filter { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) }.count >= 2
    }
}
