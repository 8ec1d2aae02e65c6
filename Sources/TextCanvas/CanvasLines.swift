/// The line set used by `Canvas.box`, `hline` and `vline`.
public struct BoxStyle: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// `┌─┐│└┘`, the default.
    public static let light = BoxStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘")
    /// `┏━┓┃┗┛`, for the focused pane.
    public static let heavy = BoxStyle(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                       bottomLeft: "┗", bottomRight: "┛")
    /// `╔═╗║╚╝`, for dialogs.
    public static let double = BoxStyle(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                        bottomLeft: "╚", bottomRight: "╝")
    /// `╭─╮│╰╯`.
    public static let rounded = BoxStyle(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                         bottomLeft: "╰", bottomRight: "╯")
    /// `+-+|++`, for terminals without line drawing.
    public static let ascii = BoxStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                       bottomLeft: "+", bottomRight: "+")
}

extension Canvas {
    /// Draws a horizontal line of `length` cells starting at `from`.
    public mutating func hline(from start: Point, length: Int, role: StyleRole, style: BoxStyle = .light) {
        fill(Rect(x: start.x, y: start.y, width: length, height: 1), role: role, with: style.horizontal)
    }

    /// Draws a vertical line of `length` cells starting at `from`.
    public mutating func vline(from start: Point, length: Int, role: StyleRole, style: BoxStyle = .light) {
        fill(Rect(x: start.x, y: start.y, width: 1, height: length), role: role, with: style.vertical)
    }

    /// Draws a frame around `rect` with an optional title in the top edge (` Title `, truncated with
    /// `…` to fit). Rectangles smaller than 2×2 are left alone.
    public mutating func box(_ rect: Rect, role: StyleRole, title: String? = nil,
                             titleRole: StyleRole? = nil, style: BoxStyle = .light) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        hline(from: rect.origin.offset(dx: 1), length: rect.width - 2, role: role, style: style)
        hline(from: Point(x: rect.x + 1, y: rect.maxY - 1), length: rect.width - 2, role: role, style: style)
        vline(from: rect.origin.offset(dy: 1), length: rect.height - 2, role: role, style: style)
        vline(from: Point(x: rect.maxX - 1, y: rect.y + 1), length: rect.height - 2, role: role, style: style)
        fill(Rect(x: rect.x, y: rect.y, width: 1, height: 1), role: role, with: style.topLeft)
        fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: 1), role: role, with: style.topRight)
        fill(Rect(x: rect.x, y: rect.maxY - 1, width: 1, height: 1), role: role, with: style.bottomLeft)
        fill(Rect(x: rect.maxX - 1, y: rect.maxY - 1, width: 1, height: 1), role: role, with: style.bottomRight)
        // The title sits after the top-left corner and leaves at least one line cell before the
        // top-right corner: `┌ Title ─┐`.
        if let title, !title.isEmpty, rect.width >= 6 {
            let room = rect.width - 3
            let shown = " " + TextFit.truncate(Sanitize.line(title), width: room - 2) + " "
            put(shown, at: Point(x: rect.x + 1, y: rect.y), role: titleRole ?? role, clipWidth: room)
        }
    }
}
