import Complaints
import TextCanvas

/// What a terminal below the minimum size shows instead of the panes. QA: the size to enlarge to was cut off
/// ("Perbesar terminal k…" at 20×6), and with a form open the typing hint came before the heading. The
/// order is now fixed — heading, the size needed (short, so it always fits), then the hints — and every
/// line is wrapped, never cut; when rows run out the least needed lines give way first, and a shortened
/// one ends in "…".
enum TooSmallScreen {
    /// One part of the screen: its wrapped lines, and how much it matters (0 first) when rows are short.
    private struct Block {
        var text: String
        var priority: Int
    }

    static func draw(_ c: inout Canvas, _ s: ConsoleState) {
        let lines = lines(s)
        var y = max(0, (s.size.height - lines.count) / 2)
        for fitted in lines {
            let x = max(0, (s.size.width - fitted.displayWidth) / 2)
            c.put(fitted, at: Point(x: x, y: y), role: Roles.statusError, clipWidth: s.size.width - x)
            y += 1
        }
        c.cursor = Point(x: 0, y: 0)
    }

    /// The lines shown, top to bottom, at most as many as the terminal has rows.
    static func lines(_ s: ConsoleState) -> [String] {
        let need = s.minimumSize
        let width = s.size.width
        let blocks = [
            Block(text: s.text(Localized("Layar terlalu kecil", en: "Terminal too small")), priority: 1),
            Block(text: "Min \(need.width)×\(need.height)", priority: 0),
            Block(text: s.text(Localized("(sekarang \(s.size.width)×\(s.size.height))", en: "(now \(s.size.width)×\(s.size.height))")), priority: 3),
            // A warning about typed text outranks the current size: it says what q would throw away.
            Block(text: quitLine(s), priority: s.hasUnsavedTyping ? 2 : 4),
        ]
        // Rows are handed out by priority; a block given fewer rows than it needs is shortened with "…".
        var rows = Array(repeating: 0, count: blocks.count)
        var left = s.size.height
        for i in blocks.indices.sorted(by: { blocks[$0].priority < blocks[$1].priority }) {
            rows[i] = min(left, TextFit.wrap(blocks[i].text, width: width).count)
            left -= rows[i]
        }
        return blocks.indices.flatMap { TextFit.wrap(blocks[$0].text, width: width, maxLines: rows[$0]) }
    }

    /// What q does here: quit, or first warn about a form's typed text (kept while the terminal is small,
    /// lost on quitting).
    static func quitLine(_ s: ConsoleState) -> String {
        guard s.hasUnsavedTyping else { return s.text(Localized("q keluar", en: "q quits")) }
        if s.quitConfirmPending {
            return s.text(Localized("Tekan q lagi untuk keluar dan membuang teks yang diketik",
                                    en: "Press q again to quit and discard what you typed"))
        }
        return s.text(Localized("Ketikan di formulir tetap ada: perbesar untuk melanjutkan",
                                en: "Your typing is kept in the form: enlarge to go on"))
    }
}
