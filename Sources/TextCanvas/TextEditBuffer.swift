/// A place in a `TextEditBuffer`: line index and grapheme index within the line.
public struct TextPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// What a text field shows: the visible rows and where the caret goes, in display columns.
public struct EditLayout: Hashable, Sendable {
    /// Visible rows (soft-wrapped), at most `height` of them.
    public var rows: [String]
    /// Caret position relative to the field's top-left corner, in display columns.
    public var cursor: Point
    /// First visible visual row; pass it back next time so the view scrolls smoothly.
    public var scrollTop: Int
    /// Visual rows of the whole text at this width.
    public var totalRows: Int
}

/// What a one-line field shows: the part of the caret's line that fits, scrolled sideways so the caret
/// stays visible.
public struct LineLayout: Hashable, Sendable {
    /// The visible part of the line, at most `width` columns.
    public var text: String
    /// Caret column relative to the field's left edge.
    public var cursorX: Int
    /// Display column of the line shown at the field's left edge; pass it back next time so the view only
    /// scrolls when the caret would leave it.
    public var scrollLeft: Int

    public init(text: String, cursorX: Int, scrollLeft: Int) {
        self.text = text
        self.cursorX = cursorX
        self.scrollLeft = scrollLeft
    }
}

/// A multi-line text entry model (notes, replies, search prompts), pure so every editing rule is
/// unit-tested: grapheme-wise editing, vertical moves by display column (wide characters!), one-step
/// undo of the last edit, and a soft-wrapped view with the caret in display columns.
public struct TextEditBuffer: Hashable, Sendable {
    private var content: [[Character]]
    /// Where the caret is.
    public private(set) var cursor: TextPosition
    /// Display column that up/down try to keep, so moving through a short line does not lose it.
    private var goalColumn: Int?
    private var undoStack: [UndoState] = []
    private var lastEdit: EditKind?
    /// Columns hidden to the left when the buffer is shown as a one-line field: kept between keys, so the
    /// caret moves within the visible text instead of dragging it (see `keepCaretVisible(width:)`).
    public private(set) var scrollLeft = 0

    private struct UndoState: Hashable, Sendable {
        var content: [[Character]]
        var cursor: TextPosition
    }

    private enum EditKind: Hashable, Sendable {
        case typing, deletingBack, deletingForward
    }

    /// Most undo steps kept.
    public static let undoLimit = 100

    /// Starts with `text` (cleaned as if pasted), caret at the end.
    public init(text: String = "") {
        content = [[]]
        cursor = TextPosition(line: 0, column: 0)
        insertClean(text)
        undoStack = []
        lastEdit = nil
    }

    /// The whole text, lines joined by `\n`.
    public var text: String { content.map { String($0) }.joined(separator: "\n") }
    /// The lines of text.
    public var lines: [String] { content.map { String($0) } }
    public var isEmpty: Bool { content.count == 1 && content[0].isEmpty }
    public var canUndo: Bool { !undoStack.isEmpty }

    /// Caret position as a display column within its (unwrapped) line.
    public var cursorDisplayColumn: Int { columnWidth(content[cursor.line], upTo: cursor.column) }

    // MARK: - Editing

    /// Types one character. Typed characters in a row form one undo step.
    public mutating func insert(_ character: Character) {
        recordUndo(.typing)
        insertClean(String(character))
    }

    /// Inserts pasted or typed text as one undo step. Line breaks split lines, tabs become four
    /// spaces, and control, bidi-override and invisible format characters are dropped so they can
    /// never be stored.
    public mutating func insert(_ text: String) {
        recordUndo(nil)
        insertClean(text)
    }

    /// Splits the line at the caret.
    public mutating func insertNewline() {
        recordUndo(nil)
        insertClean("\n")
    }

    /// Deletes the grapheme before the caret, joining lines at a line start.
    public mutating func backspace() {
        if cursor.column > 0 {
            recordUndo(.deletingBack)
            content[cursor.line].remove(at: cursor.column - 1)
            cursor.column -= 1
            resegment(line: cursor.line)
        } else if cursor.line > 0 {
            recordUndo(nil)
            let removed = content.remove(at: cursor.line)
            cursor.line -= 1
            cursor.column = content[cursor.line].count
            content[cursor.line].append(contentsOf: removed)
            resegment(line: cursor.line)
        }
        goalColumn = nil
    }

    /// Deletes the grapheme after the caret, joining the next line at a line end.
    public mutating func deleteForward() {
        if cursor.column < content[cursor.line].count {
            recordUndo(.deletingForward)
            content[cursor.line].remove(at: cursor.column)
            resegment(line: cursor.line)
        } else if cursor.line + 1 < content.count {
            recordUndo(nil)
            let next = content.remove(at: cursor.line + 1)
            content[cursor.line].append(contentsOf: next)
            resegment(line: cursor.line)
        }
        goalColumn = nil
    }

    /// C-u: deletes from the start of the line to the caret (clearing a pre-filled field takes one key).
    public mutating func deleteToLineStart() { deleteInLine(0..<cursor.column) }

    /// C-k: deletes from the caret to the end of the line.
    public mutating func deleteToLineEnd() { deleteInLine(cursor.column..<content[cursor.line].count) }

    /// C-w: deletes the word before the caret (and the spaces after it).
    public mutating func deleteWordBack() {
        var start = cursor.column
        let line = content[cursor.line]
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        deleteInLine(start..<cursor.column)
    }

    /// Deletes `columns` of the caret's line as one undo step; the caret ends where they began (or stays).
    private mutating func deleteInLine(_ columns: Range<Int>) {
        guard !columns.isEmpty else { return }
        recordUndo(nil)
        content[cursor.line].removeSubrange(columns)
        cursor.column = min(cursor.column, columns.lowerBound)
        resegment(line: cursor.line)
        goalColumn = nil
    }

    /// Restores the text and caret from before the last edit. Returns false when there is nothing
    /// to undo.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let state = undoStack.popLast() else { return false }
        content = state.content
        cursor = state.cursor
        goalColumn = nil
        lastEdit = nil
        return true
    }

    // MARK: - Moving

    /// One grapheme left, wrapping to the end of the previous line.
    public mutating func moveLeft() {
        endEditRun()
        if cursor.column > 0 {
            cursor.column -= 1
        } else if cursor.line > 0 {
            cursor.line -= 1
            cursor.column = content[cursor.line].count
        }
    }

    /// One grapheme right, wrapping to the start of the next line.
    public mutating func moveRight() {
        endEditRun()
        if cursor.column < content[cursor.line].count {
            cursor.column += 1
        } else if cursor.line + 1 < content.count {
            cursor.line += 1
            cursor.column = 0
        }
    }

    /// One line up, keeping the display column (never landing inside a wide character).
    public mutating func moveUp() {
        let goal = goalColumn ?? cursorDisplayColumn
        endEditRun()
        if cursor.line == 0 {
            cursor.column = 0
        } else {
            cursor.line -= 1
            cursor.column = index(in: content[cursor.line], atDisplayColumn: goal)
        }
        goalColumn = goal
    }

    /// One line down, keeping the display column.
    public mutating func moveDown() {
        let goal = goalColumn ?? cursorDisplayColumn
        endEditRun()
        if cursor.line + 1 >= content.count {
            cursor.column = content[cursor.line].count
        } else {
            cursor.line += 1
            cursor.column = index(in: content[cursor.line], atDisplayColumn: goal)
        }
        goalColumn = goal
    }

    /// To the start of the line.
    public mutating func moveHome() {
        endEditRun()
        cursor.column = 0
    }

    /// To the end of the line.
    public mutating func moveEnd() {
        endEditRun()
        cursor.column = content[cursor.line].count
    }

    /// Handles an editing key; returns false for keys that are not editing keys (the caller then
    /// treats them as commands). Enter inserts a line break only when `multiline` is true.
    @discardableResult
    public mutating func apply(_ key: Key, multiline: Bool = true) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .paste(let text): insert(multiline ? text : text.replacingNewlines())
        case .enter where multiline: insertNewline()
        case .backspace: backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .up where multiline: moveUp()
        case .down where multiline: moveDown()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("z"), .ctrl("_"): undo()
        case .ctrl("u"): deleteToLineStart()
        case .ctrl("k"): deleteToLineEnd()
        case .ctrl("w"): deleteWordBack()
        default: return false
        }
        return true
    }

    // MARK: - Layout

    /// Soft-wraps the text to `width` columns and returns the `height` visible rows around the caret,
    /// scrolling from `scrollTop` only as far as needed.
    public func layout(width: Int, height: Int, scrollTop: Int = 0) -> EditLayout {
        let width = max(1, width)
        var rows: [String] = []
        var cursorPoint = Point.zero
        for (lineIndex, line) in content.enumerated() {
            var segments = wrapSegments(line, width: width)
            if lineIndex == cursor.line, cursor.column == line.count,
               let last = segments.last, columnWidth(line, from: last.lowerBound, upTo: last.upperBound) >= width {
                segments.append(line.count..<line.count)
            }
            for (segmentIndex, segment) in segments.enumerated() {
                if lineIndex == cursor.line {
                    let isLast = segmentIndex == segments.count - 1
                    if segment.contains(cursor.column) || (isLast && cursor.column == segment.upperBound) {
                        cursorPoint = Point(x: columnWidth(line, from: segment.lowerBound, upTo: cursor.column),
                                            y: rows.count)
                    }
                }
                rows.append(String(line[segment]))
            }
        }
        let window = ScrollWindow(cursor: cursorPoint.y, count: rows.count, height: height, previousTop: scrollTop)
        let visible = Array(rows[window.visible])
        return EditLayout(rows: visible, cursor: Point(x: cursorPoint.x, y: cursorPoint.y - window.top),
                          scrollTop: window.top, totalRows: rows.count)
    }

    /// Scrolls the one-line field of `width` columns only as far as needed to show the caret; called after
    /// each key, with the width the field is drawn with.
    public mutating func keepCaretVisible(width: Int) {
        scrollLeft = lineLayout(width: width).scrollLeft
    }

    /// The caret's line in a one-line field of `width` columns, unwrapped: starting from `scrollLeft`, it
    /// scrolls only as far as needed to keep the caret visible, and never leaves columns empty after the
    /// end of the text while earlier text is hidden (one column stays free for the caret at the end).
    /// The left edge is always the start of a grapheme, so a wide character is never cut in half.
    public func lineLayout(width: Int) -> LineLayout { lineLayout(width: width, scrollLeft: scrollLeft) }

    public func lineLayout(width: Int, scrollLeft: Int) -> LineLayout {
        let width = max(1, width)
        let line = content[cursor.line]
        let caret = columnWidth(line, upTo: cursor.column)
        let total = columnWidth(line, upTo: line.count)
        // Columns scroll as rows do in a list: the caret's column is the cursor, one past the end included.
        var left = ScrollWindow(cursor: caret, count: total + 1, height: width, previousTop: scrollLeft).top
        // Snap to the first grapheme starting at or after `left` (never after the caret, itself a start).
        var start = line.count
        var column = 0
        for (index, character) in line.enumerated() {
            if column >= left {
                start = index
                break
            }
            column += DisplayWidth.of(character)
        }
        left = start == line.count ? total : column
        let shown = TextFit.truncate(String(line[start...]), width: width, ellipsis: "")
        return LineLayout(text: shown, cursorX: caret - left, scrollLeft: left)
    }

    // MARK: - Internals

    private mutating func recordUndo(_ kind: EditKind?) {
        goalColumn = nil
        if let kind, kind == lastEdit { return }
        undoStack.append(UndoState(content: content, cursor: cursor))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
        lastEdit = kind
    }

    private mutating func endEditRun() {
        lastEdit = nil
        goalColumn = nil
    }

    private mutating func insertClean(_ text: String) {
        let cleaned = TextEditBuffer.clean(text)
        let pieces = cleaned.split(separator: "\n", omittingEmptySubsequences: false)
        let line = content[cursor.line]
        let before = String(line[..<cursor.column])
        let after = String(line[cursor.column...])
        var newLines = pieces.map { String($0) }
        newLines[0] = before + newLines[0]
        let caretLine = newLines.count - 1
        let caretColumn = Array(newLines[caretLine]).count
        newLines[caretLine] += after
        content.replaceSubrange(cursor.line...cursor.line, with: newLines.map { Array($0) })
        cursor = TextPosition(line: cursor.line + caretLine,
                              column: min(caretColumn, content[cursor.line + caretLine].count))
    }

    /// Re-segments a line after a deletion so a mark left next to a new base merges with it.
    private mutating func resegment(line: Int) {
        let before = String(content[line][..<cursor.column])
        content[line] = Array(String(content[line]))
        cursor.column = min(Array(before).count, content[line].count)
    }

    static func clean(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\r\n" || character == "\n" || character == "\r" {
                result.append("\n")
                continue
            }
            if character == "\t" {
                result += "    "
                continue
            }
            let scalars = character.unicodeScalars
            if scalars.first?.value == 0x1F3F4 {
                result.append(character)
                continue
            }
            var kept = String.UnicodeScalarView()
            for scalar in scalars where Sanitize.placeholder(for: scalar) == nil && !isLineBreak(scalar) {
                kept.append(scalar)
            }
            result.unicodeScalars.append(contentsOf: kept)
        }
        return result
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        [0x0B, 0x0C, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    private func columnWidth(_ line: [Character], from start: Int = 0, upTo end: Int) -> Int {
        guard start < end else { return 0 }
        return line[start..<min(end, line.count)].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The grapheme index whose start column is the last one not after `column`.
    private func index(in line: [Character], atDisplayColumn column: Int) -> Int {
        var used = 0
        for (index, character) in line.enumerated() {
            let w = DisplayWidth.of(character)
            if used + w > column { return index }
            used += w
        }
        return line.count
    }

    /// Rows of `line` at most `width` columns wide, broken after the last space that fits (QA: a note being
    /// typed wrapped inside words, "tegur|an"); a word longer than a row is broken where it must.
    private func wrapSegments(_ line: [Character], width: Int) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = 0
        var used = 0
        var afterSpace: Int? = nil // where the current row may break: just after its last space
        for (index, character) in line.enumerated() {
            let w = DisplayWidth.of(character)
            while used + w > width && index > start {
                let end = afterSpace.map { $0 > start && $0 <= index ? $0 : index } ?? index
                segments.append(start..<end)
                start = end
                used = columnWidth(line, from: start, upTo: index)
                afterSpace = nil
            }
            used += w
            if character == " " { afterSpace = index + 1 }
        }
        segments.append(start..<line.count)
        return segments
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }
}
