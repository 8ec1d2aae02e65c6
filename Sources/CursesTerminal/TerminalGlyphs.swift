import TextCanvas

/// How one canvas cell is handed to ncurses so that ncurses, glibc `wcwidth` and the terminal all
/// agree on its width.
///
/// ncurses (and terminals such as tmux and xterm) measure a cell by its first scalar's `wcwidth`
/// and place anything after it as zero-width decoration. So a cell keeps only its first scalar and
/// the zero-width marks that follow; emoji modifiers (skin tones) are dropped, because terminals
/// disagree on how wide those sequences are. (An emoji ZWJ sequence arrives already split into its
/// emoji by `Sanitize`; one that did not would be cut before its first joiner.) Where the
/// canvas counted 2 columns but the first scalar is narrow (VS16 emoji, keycaps), the variation
/// selector is dropped and the second column is drawn as a space; a flag is drawn as its two
/// regional indicators in two cells, which every terminal draws in two columns.
enum TerminalGlyphs {
    /// The scalars for the cell at column x (first element) and, when present, for column x + 1.
    static func cells(for text: String, canvasWidth: Int) -> [[UInt32]] {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return [] }
        let firstWidth = DisplayWidth.of(first)
        if canvasWidth == 2 && firstWidth == 1 {
            if scalars.count >= 2, isRegionalIndicator(scalars[0]), isRegionalIndicator(scalars[1]) {
                return [[scalars[0].value], [scalars[1].value]]
            }
            let base = decorated(scalars).filter { $0 != 0xFE0F }
            return [base, [0x20]]
        }
        return [decorated(scalars)]
    }

    /// The first scalar plus the zero-width marks after it, up to ncurses' limit per cell, stopping
    /// at a zero-width joiner.
    private static func decorated(_ scalars: [Unicode.Scalar]) -> [UInt32] {
        var result: [UInt32] = []
        for (index, scalar) in scalars.enumerated() {
            if index > 0 {
                if scalar.value == 0x200D || DisplayWidth.of(scalar) != 0 { break }
            }
            if result.count == maxScalarsPerCell { break }
            result.append(scalar.value)
        }
        return result
    }

    /// CCHARW_MAX in ncurses 6.
    static let maxScalarsPerCell = 5

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
