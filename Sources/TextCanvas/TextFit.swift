/// Fitting text into a number of columns: word wrap, truncation with an ellipsis, padding.
///
/// Everything is measured in display columns (not characters), so CJK text, emoji and combining
/// marks line up the way the terminal will draw them.
public enum TextFit {
    /// Horizontal placement for `pad`.
    public enum Alignment: Hashable, Sendable {
        case left, right, center
    }

    /// Word-wraps `text` to lines of at most `width` columns. Explicit newlines are kept as line
    /// breaks, words longer than a line are broken between graphemes, and wide (CJK) characters may
    /// break anywhere. Spaces at a wrap point are dropped; leading indentation of a paragraph is
    /// kept. The text is sanitized first. A width below 1 gives no lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width >= 1 else { return [] }
        let paragraphs = Sanitize.text(text).split(separator: "\n", omittingEmptySubsequences: false)
        return paragraphs.flatMap { wrapParagraph(Substring($0), width: width) }
    }

    /// `wrap`, kept to at most `maxLines` lines: when the text needs more, the last line shown carries on
    /// with the rest and ends in `…`, so a reader always sees that something was cut.
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard maxLines >= 1 else { return [] }
        guard lines.count > maxLines else { return lines }
        let rest = lines[(maxLines - 1)...].joined(separator: " ")
        var last = truncate(rest, width: width)
        // "rusak di…", not "rusak di …": a space left before the ellipsis would read as a finished word.
        while last.hasSuffix(" …") { last = String(last.dropLast(2)) + "…" }
        return Array(lines.prefix(maxLines - 1)) + [last]
    }

    /// Shortens `text` to at most `width` columns, ending in `ellipsis` when something was cut.
    /// Text that fits is returned unchanged. The text is sanitized to a single line first.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        let (safe, plain) = Sanitize.lineTellingPlain(text)
        guard width > 0 else { return "" }
        if (plain ? safe.unicodeScalars.count : DisplayWidth.of(safe)) <= width { return safe }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        // One column a scalar, each its own character: the first `room` scalars.
        let kept = plain ? String(String.UnicodeScalarView(safe.unicodeScalars.prefix(room)))
            : prefixEach(safe, columns: room)
        return ellipsisWidth <= width ? kept + ellipsis : kept
    }

    /// The characters of `text` that fit in `columns`, measured one by one (the path plain text skips; a test
    /// holds the two to each other).
    static func prefixEach(_ text: String, columns: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > columns { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// Truncates (with `…`) or pads `text` with spaces to exactly `width` columns.
    public static func pad(_ text: String, width: Int, alignment: Alignment = .left) -> String {
        let shown = truncate(text, width: width)
        let gap = max(0, width - DisplayWidth.of(shown))
        switch alignment {
        case .left:
            return shown + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + shown
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + shown + String(repeating: " ", count: gap - left)
        }
    }

    // MARK: - Wrapping

    private struct Token {
        var text: String
        var width: Int
        var isSpace: Bool
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var pendingSpace = ""
        var atParagraphStart = true

        func flush() {
            lines.append(current)
            current = ""
            currentWidth = 0
        }

        for token in tokenize(paragraph) {
            if token.isSpace {
                if atParagraphStart { pendingSpace += token.text } else if currentWidth > 0 { pendingSpace = token.text }
                continue
            }
            let spaceWidth = DisplayWidth.of(pendingSpace)
            if currentWidth + spaceWidth + token.width <= width {
                current += pendingSpace + token.text
                currentWidth += spaceWidth + token.width
            } else {
                if currentWidth > 0 { flush() }
                if token.width <= width {
                    current = token.text
                    currentWidth = token.width
                } else {
                    for character in token.text {
                        let w = DisplayWidth.of(character)
                        if currentWidth + w > width && currentWidth > 0 { flush() }
                        current.append(character)
                        currentWidth += w
                    }
                }
            }
            pendingSpace = ""
            atParagraphStart = false
        }
        if currentWidth > 0 || lines.isEmpty { flush() }
        return lines
    }

    /// Splits into runs of spaces, single wide characters (breakable anywhere) and words.
    private static func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var wordWidth = 0
        func endWord() {
            if !word.isEmpty { tokens.append(Token(text: word, width: wordWidth, isSpace: false)) }
            word = ""
            wordWidth = 0
        }
        for character in text {
            let w = DisplayWidth.of(character)
            if character == " " {
                endWord()
                if let last = tokens.last, last.isSpace {
                    tokens[tokens.count - 1].text += " "
                    tokens[tokens.count - 1].width += 1
                } else {
                    tokens.append(Token(text: " ", width: 1, isSpace: true))
                }
            } else if w == 2 {
                endWord()
                tokens.append(Token(text: String(character), width: 2, isSpace: false))
            } else {
                word.append(character)
                wordWidth += w
            }
        }
        endWord()
        return tokens
    }
}
