/// Text that sanitizing leaves as it is and that takes one column a scalar: the fast path for what a
/// frame draws most (rows with `…`, `│`, `—`, `•`, accented Latin letters), which otherwise went through
/// the per-character hazard and width checks on every keystroke (a third of a frame on a big desk).
enum PlainNarrow {
    /// A scalar that is drawn as itself, one column wide, and never joins a neighbour into one grapheme
    /// cluster: printable ASCII, Latin-1 and Latin Extended letters and spacing modifiers (no combining
    /// marks: they start at U+0300; no soft hyphen), the dashes, quotes, bullets and ellipsis of general
    /// punctuation (U+2010–2027, U+2030–205E: not the spaces, joiners, direction marks, separators or
    /// invisible operators around them), currency and letterlike symbols, arrows, mathematical operators,
    /// box drawing, blocks and geometric shapes (without the two that terminals draw as wide emoji). A test
    /// checks every scalar here against the slow path: unchanged by `Sanitize`, width 1, no mark, no grapheme
    /// extender, and a character of its own beside any other.
    @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        if value < 0x7F { return value >= 0x20 }
        if value < 0x300 { return value >= 0xA0 && value != 0xAD }
        switch value {
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2100...0x214F, 0x2190...0x22FF,
             0x2500...0x25FC, 0x25FF:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` is `contains`: then the text is its own sanitized form, its width is
    /// its scalar count, and each scalar is a grapheme cluster of its own.
    static func holds<S: StringProtocol>(_ text: S) -> Bool {
        if Sanitize.isPrintableASCII(text) { return true }
        return text.unicodeScalars.allSatisfy { contains($0.value) }
    }
}
