import TextCanvas

/// Where each pane goes for a terminal size (design.md §2): three panes side by side from 120 columns,
/// inbox + detail with routing as an overlay from 80, one pane at a time below, and a clear message
/// under the minimum.
public struct Layout: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case three, two, one, tooSmall }

    public static let minimum = Size(width: 44, height: 12)

    public var mode: Mode
    public var titleBar: Rect
    public var tabs: Rect
    public var body: Rect
    public var statusLine: Rect
    public var hints: Rect
    public var inbox: Rect?
    public var detail: Rect?
    public var routing: Rect?

    /// `focus` decides the single pane in one-pane mode; `routingOpen` places the routing overlay.
    /// `statusRows` (1 unless a long message wraps) is taken from the panes, never from the minimum.
    public static func compute(size: Size, focus: Pane, routingOpen: Bool, extraBottomRows: Int = 0, statusRows: Int = 1) -> Layout {
        let full = Rect(origin: .zero, size: size)
        guard size.width >= minimum.width, size.height >= minimum.height + extraBottomRows else {
            return Layout(mode: .tooSmall, titleBar: full, tabs: .init(x: 0, y: 0, width: 0, height: 0), body: full,
                          statusLine: .init(x: 0, y: 0, width: 0, height: 0), hints: .init(x: 0, y: 0, width: 0, height: 0))
        }
        let (title, rest1) = full.splitTop(1)
        let (tabs, rest2) = rest1.splitTop(1)
        let (rest3, bottom) = rest2.splitBottom(1 + max(1, statusRows) + extraBottomRows)
        let (status, rest4) = bottom.splitTop(max(1, statusRows))
        let (hints, _) = rest4.splitTop(1)
        var layout = Layout(mode: .one, titleBar: title, tabs: tabs, body: rest3, statusLine: status, hints: hints)
        if size.width >= 120 {
            layout.mode = .three
            let cols = rest3.columns(weights: [5, 4, 3])
            layout.inbox = cols[0]
            layout.detail = cols[1]
            layout.routing = cols[2]
        } else if size.width >= 80 {
            layout.mode = .two
            let cols = rest3.columns(weights: [1, 1])
            layout.inbox = cols[0]
            layout.detail = cols[1]
            if routingOpen || focus == .routing {
                // Inside the detail pane's frame, both borders left standing (QA: it covered the right one).
                layout.routing = cols[1].inset(top: 1, left: 2, bottom: 1, right: 1)
            }
        } else {
            layout.mode = .one
            switch focus {
            case .inbox: layout.inbox = rest3
            case .detail: layout.detail = rest3
            case .routing: layout.routing = rest3
            }
        }
        return layout
    }

    /// Panes reachable with Tab in this layout, left to right.
    public func panes(routingOpen: Bool) -> [Pane] {
        switch mode {
        case .three: [.inbox, .detail, .routing]
        case .two: routingOpen ? [.inbox, .detail, .routing] : [.inbox, .detail]
        case .one: routingOpen ? [.inbox, .detail, .routing] : [.inbox, .detail]
        case .tooSmall: [.inbox]
        }
    }
}

extension ConsoleState {
    public var layout: Layout {
        Layout.compute(size: size, focus: focus, routingOpen: routing.isOpen, extraBottomRows: bottomStripRows,
                       statusRows: max(1, statusMessageLines.count))
    }

    /// Most rows a long status message may wrap onto (a journal failure quoting a long path needs four at
    /// 80 columns); the panes keep at least six rows.
    static let statusMessageMaxRows = 4

    /// The status message as drawn (mark included): wrapped onto more rows when it is longer than the line,
    /// so nothing is cut off (up to `statusMessageMaxRows`, while the panes keep six rows; only beyond that is
    /// the last row shortened with "…"). Empty without a message, and while a prompt uses the line.
    var statusMessageLines: [String] {
        guard let m = message, size.width >= Layout.minimum.width else { return [] }
        if case .prompt = overlay { return [] }
        let mark = m.kind == .error ? "✗ " : (m.kind == .success ? "✓ " : "")
        let width = size.width - 1 // after the blank first column
        // Each extra status row comes out of the panes' body, which keeps six rows.
        let body = Layout.compute(size: size, focus: focus, routingOpen: false, extraBottomRows: bottomStripRows).body.height
        let maxRows = max(1, min(ConsoleState.statusMessageMaxRows, body - 5))
        let wrapped = TextFit.wrap(m.text, width: max(1, width - mark.displayWidth))
        var lines = wrapped.enumerated().map { i, line in (i == 0 ? mark : String(repeating: " ", count: mark.displayWidth)) + line }
        if lines.isEmpty { lines = [mark] }
        guard lines.count > maxRows else { return lines }
        guard maxRows > 1 else { return [TextFit.truncate(mark + m.text, width: width)] }
        let rest = wrapped[(maxRows - 1)...].joined(separator: " ")
        return Array(lines.prefix(maxRows - 1)) + [TextFit.truncate(String(repeating: " ", count: mark.displayWidth) + rest, width: width)]
    }

    /// Rows the training strips (replay banner, presenter keys, lesson) take below the hint row.
    var bottomStripRows: Int { bimtekBottomRows + (lesson == nil ? 0 : LessonStrip.height) }

    /// The smallest terminal this state can draw its panes in: the strips raise the base minimum.
    public var minimumSize: Size {
        Size(width: Layout.minimum.width, height: Layout.minimum.height + bottomStripRows)
    }

    /// Rows of reports visible in the inbox pane (inside its border and header).
    /// Rows the inbox shows: its lines under the border and header, a presenter's rows two lines apart (the
    /// last needs no blank line after it: QA, at 60x20 a fourth row that fitted was left out).
    var inboxPageSize: Int { max(1, ((layout.inbox?.height ?? layout.body.height) - 3 + inboxRowStep - 1) / inboxRowStep) }
}
