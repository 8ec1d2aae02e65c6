import CNCursesW
import TextCanvas

extension CursesScreen {
    /// Draws a frame with a new palette (see `draw(_:)`).
    public func draw(_ canvas: Canvas, palette: TerminalPalette) {
        self.palette = palette
        draw(canvas)
    }

    /// Draws `canvas`, writing only cells that changed since the last frame, then places the hardware
    /// cursor at `canvas.cursor` (visible only when `canvas.showsCursor`) so screen readers follow
    /// the selection. Cells beyond the terminal's size are left out.
    public func draw(_ canvas: Canvas) {
        guard !stopped, let window = lapor_stdscr() else { return }
        let screenSize = size
        let old = previous.flatMap { $0.size == canvas.size ? $0 : nil }
        if old == nil { _ = werase(window) }
        let rows = min(canvas.height, screenSize.height)
        let columns = min(canvas.width, screenSize.width)
        for y in 0..<max(0, rows) {
            for x in 0..<max(0, columns) {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if let old, old[x, y] == cell, !(x + 1 < canvas.width && old[x + 1, y] != canvas[x + 1, y]) {
                    continue
                }
                let cellWidth = x + 1 < canvas.width && canvas[x + 1, y].isContinuation ? 2 : 1
                drawCell(cell, width: cellWidth, x: x, y: y, maxX: columns, window: window)
            }
        }
        placeCursor(canvas, rows: rows, columns: columns, window: window)
        previous = canvas
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func drawCell(_ cell: Cell, width: Int, x: Int, y: Int, maxX: Int,
                          window: UnsafeMutablePointer<WINDOW>) {
        let style = cursesStyle(for: cell.role)
        var glyphs = TerminalGlyphs.cells(for: cell.text, canvasWidth: width)
        if x + width > maxX { glyphs = [[0x20]] }  // a wide character cut by the terminal's edge
        for (offset, scalars) in glyphs.enumerated() where x + offset < maxX {
            var text = scalars.map { wchar_t(bitPattern: $0) }
            text.append(0)
            var cchar = cchar_t()
            _ = lapor_setcchar(&cchar, text, style.attributes, style.pair)
            _ = mvwadd_wch(window, Int32(y), Int32(x + offset), &cchar)
        }
    }

    private func placeCursor(_ canvas: Canvas, rows: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>) {
        let wanted: Int32 = canvas.showsCursor && canvas.cursor != nil ? 1 : 0
        if wanted != cursorVisibility {
            _ = curs_set(wanted)
            cursorVisibility = wanted
        }
        if let cursor = canvas.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            _ = wmove(window, 0, 0)
        }
    }

    /// Attributes and colour pair for a role at this terminal's colour depth (cached per role).
    func cursesStyle(for role: StyleRole) -> (attributes: attr_t, pair: Int32) {
        if let cached = styleCache[role] { return cached }
        let degraded = DegradedStyle(palette.style(for: role), depth: colorDepth)
        var attributes = lapor_a_normal()
        if degraded.bold { attributes |= lapor_a_bold() }
        if degraded.underline { attributes |= lapor_a_underline() }
        if degraded.reverse { attributes |= lapor_a_reverse() }
        if degraded.dim { attributes |= lapor_a_dim() }
        if degraded.italic { attributes |= lapor_a_italic() }
        var pair: Int32 = 0
        if colorDepth != .monochrome {
            var foreground = Int32(degraded.foreground)
            var background = Int32(degraded.background)
            if !usesDefaultColors {
                if foreground < 0 { foreground = 7 }
                if background < 0 { background = 0 }
            }
            if foreground != -1 || background != -1 {
                pair = max(0, alloc_pair(foreground, background))
            }
        }
        let result = (attributes, pair)
        styleCache[role] = result
        return result
    }

    /// What ncurses holds at a cell (text, attributes, colour pair): for headless tests.
    public func cellContents(at point: Point) -> (text: String, attributes: UInt32, pair: Int32)? {
        guard !stopped, let window = lapor_stdscr() else { return nil }
        var cchar = cchar_t()
        guard mvwin_wch(window, Int32(point.y), Int32(point.x), &cchar) == OK else { return nil }
        var text = [wchar_t](repeating: 0, count: Int(lapor_ccharw_max()) + 1)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        guard lapor_getcchar(&cchar, &text, &attributes, &pair) == OK else { return nil }
        var result = String.UnicodeScalarView()
        for value in text {
            if value == 0 { break }
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { result.append(scalar) }
        }
        return (String(result), UInt32(truncatingIfNeeded: attributes), pair)
    }

    /// The attribute bits a resolved role gets here (for tests comparing with `cellContents`).
    public func attributeBits(bold: Bool = false, underline: Bool = false, reverse: Bool = false) -> UInt32 {
        var attributes = lapor_a_normal()
        if bold { attributes |= lapor_a_bold() }
        if underline { attributes |= lapor_a_underline() }
        if reverse { attributes |= lapor_a_reverse() }
        return UInt32(truncatingIfNeeded: attributes)
    }
}
