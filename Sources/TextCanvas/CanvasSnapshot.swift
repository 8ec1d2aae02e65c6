/// Text renderings of a canvas for golden tests: stable, line-oriented, diff-friendly.
extension Canvas {
    /// Each row as a terminal would show it: wide characters once (their continuation cells are
    /// omitted), trailing spaces kept so widths stay visible.
    public func textRows() -> [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width {
                row += cells[y * width + x].text
            }
            return row
        }
    }

    /// Runs of equal roles, merged, as `row 3: 0-17 inbox.selected` (inclusive columns). Runs in the
    /// `plain` role are left out so snapshots list only what is styled.
    public func styleRuns() -> [String] {
        var runs: [String] = []
        for y in 0..<height {
            var start = 0
            while start < width {
                let role = cells[y * width + start].role
                var end = start
                while end + 1 < width && cells[y * width + end + 1].role == role { end += 1 }
                if role != .plain { runs.append("row \(y): \(start)-\(end) \(role.name)") }
                start = end + 1
            }
        }
        return runs
    }

    /// Size, cursor, framed text rows and style runs in one string for golden files.
    public func snapshot() -> String {
        var lines: [String] = []
        let cursorText = cursor.map { "\($0.x),\($0.y)" + (showsCursor ? " shown" : " hidden") } ?? "none"
        lines.append("canvas \(width)x\(height) cursor \(cursorText)")
        for row in textRows() { lines.append("|" + row + "|") }
        lines.append("styles:")
        lines.append(contentsOf: styleRuns())
        return lines.joined(separator: "\n") + "\n"
    }
}
