/// A grid of cells that a screen is rendered into before any terminal sees it.
///
/// Rendering into a plain value keeps the console testable (golden snapshots) and keeps every
/// terminal concern (colours, curses, escape sequences) out of the UI code. All text is sanitized
/// and laid out by display width, so control bytes cannot reach a cell and wide characters never
/// straddle an edge.
public struct Canvas: Hashable, Sendable {
    /// Columns and rows of the grid.
    public let size: Size
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]
    /// Where the hardware cursor must rest after drawing (screen readers and braille displays follow
    /// it): the selected row, or the caret of a text field. Nil leaves it at the top-left corner.
    public var cursor: Point?
    /// True when the cursor should be visibly shown (a text field has focus); false keeps it
    /// positioned for assistive technology but hidden.
    public var showsCursor: Bool = false

    /// A blank canvas in `role`.
    public init(width: Int, height: Int, role: StyleRole = .plain) {
        let size = Size(width: max(0, width), height: max(0, height))
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
    }

    public init(size: Size, role: StyleRole = .plain) {
        self.init(width: size.width, height: size.height, role: role)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole canvas as a rectangle, the starting point for layouts.
    public var bounds: Rect { Rect(origin: .zero, size: size) }

    /// The cell at column `x`, row `y`; a blank plain cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank() }
        return cells[y * width + x]
    }

    /// The cell at `point`; a blank plain cell outside the grid.
    public subscript(point: Point) -> Cell { self[point.x, point.y] }

    /// Writes one line of text from `point`, by display width, and returns the column after the last
    /// cell written. The text is sanitized first (line breaks show as `␤`). Nothing is written past
    /// `clipWidth` columns from `point.x` nor past the canvas edge; a wide character that would
    /// straddle that limit is replaced by a space.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, at point: Point, role: StyleRole,
                                                clipWidth: Int? = nil) -> Int {
        let limit = min(width, clipWidth.map { point.x + max(0, $0) } ?? width)
        var x = point.x
        guard point.y >= 0, point.y < height else { return x }
        let (line, plain) = Sanitize.lineTellingPlain(text)
        if plain { return putNarrow(line, from: x, y: point.y, limit: limit, role: role) }
        for character in line {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }  // cannot happen after sanitizing; never stack on a neighbour
            if x + w > limit {
                if x < limit && x >= 0 { writeGlyph(" ", width: 1, x: x, y: point.y, role: role) }
                x = max(x, limit)
                break
            }
            if x < 0 {
                // Left of the canvas: a wide character whose right half is visible shows as a space.
                if x + w > 0 { writeGlyph(" ", width: 1, x: 0, y: point.y, role: role) }
            } else {
                writeGlyph(String(character), width: w, x: x, y: point.y, role: role)
            }
            x += w
        }
        return x
    }

    /// `put` for text whose every scalar is one column and its own character (`PlainNarrow`): no width
    /// lookups, no grapheme breaking.
    private mutating func putNarrow(_ line: String, from start: Int, y: Int, limit: Int, role: StyleRole) -> Int {
        var x = start
        for scalar in line.unicodeScalars {
            if x >= limit { return max(x, limit) }
            if x >= 0 { writeGlyph(String(Character(scalar)), width: 1, x: x, y: y, role: role) }
            x += 1
        }
        return x
    }

    /// Fills `rect` (clipped to the canvas) with `character` in `role`. A wide fill character is
    /// not allowed (it could not tile an odd width) and becomes a space.
    public mutating func fill(_ rect: Rect, role: StyleRole, with character: Character = " ") {
        let area = rect.intersection(bounds)
        let safe = Sanitize.line(String(character))
        let glyph = safe.count == 1 && DisplayWidth.of(safe) == 1 ? safe : " "
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                writeGlyph(glyph, width: 1, x: x, y: y, role: role)
            }
        }
    }

    /// Changes the role of every cell in `rect` without touching the text: highlights a selected row
    /// after it was drawn.
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].role = role
            }
        }
    }

    /// Puts one glyph of width 1 or 2, first breaking any wide character it overlaps so that no
    /// half of a wide character is ever left behind.
    mutating func writeGlyph(_ text: String, width glyphWidth: Int, x: Int, y: Int, role: StyleRole) {
        guard y >= 0, y < height, x >= 0, x + glyphWidth <= width else { return }
        for column in x..<(x + glyphWidth) { breakWideCharacter(at: column, y: y) }
        cells[y * width + x] = Cell(text: text, role: role)
        if glyphWidth == 2 { cells[y * width + x + 1] = Cell(text: "", role: role) }
    }

    /// If the cell at `x` is part of a wide character, turns the other half into a space.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].text = " " }
            cells[index].text = " "
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }
}
