/// Terminal column widths for scalars, grapheme clusters and strings.
///
/// Layout must agree with what the terminal will actually draw, or borders and columns drift. The
/// scalar table comes from glibc's `wcwidth` (which ncurses and tmux use); clusters add the emoji rules
/// terminals apply on top (emoji presentation sequences and flags take two columns).
public enum DisplayWidth {
    /// Columns one Unicode scalar takes on its own: 0, 1 or 2. Control characters count as 0 because
    /// they never reach a canvas unsanitized.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        if contains(DisplayWidthTables.zero, value) { return 0 }
        if contains(DisplayWidthTables.wide, value) { return 2 }
        return 1
    }

    /// Columns a grapheme cluster takes: the base's width, widened to 2 for emoji presentation
    /// sequences (VS16), keycaps and regional-indicator flags; never more than 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        if width == 0 {
            // A cluster that starts with a zero-width scalar (e.g. a lone combining mark or a Hangul
            // jamo sequence starting with a filler) takes the widest of its parts.
            width = scalars.map { of($0) }.max() ?? 0
        }
        if width == 1 && scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
            if isRegionalIndicator(first),
               scalars.dropFirst().first.map(isRegionalIndicator) == true { return 2 }
        }
        return min(width, 2)
    }

    /// Columns a whole string takes, summed over its grapheme clusters.
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        // Printable ASCII is one column a byte.
        if Sanitize.isPrintableASCII(string) { return string.utf8.count }
        if PlainNarrow.holds(string) { return string.unicodeScalars.count }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Binary search over sorted, non-overlapping ranges.
    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension Character {
    /// Terminal columns this grapheme cluster takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Terminal columns this text takes on one line (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
