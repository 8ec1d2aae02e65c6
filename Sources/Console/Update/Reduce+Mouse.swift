import Complaints
import TextCanvas

extension ConsoleReducer {
    /// Optional mouse (off by default, `--mouse`): click an inbox row to select it, click it again to open,
    /// wheel to scroll, click a pane to focus it, click a tab to switch views.
    static func handleMouse(_ s: inout ConsoleState, _ m: MouseEvent) -> [ConsoleEffect] {
        let layout = s.layout
        let panes: [(Pane, Rect?)] = [(.inbox, layout.inbox), (.detail, layout.detail), (.routing, layout.routing)]
        // The routing overlay sits over the detail pane in two-pane mode: check it first.
        guard let (pane, rect) = panes.reversed().first(where: { $0.1?.contains(m.at) ?? false }), let rect else {
            if layout.tabs.contains(m.at), m.button == .left {
                // The tab drawn under the pointer (the bar's spacing changes with the width).
                switch TabBar.tab(at: m.at.x - layout.tabs.x, s, width: layout.tabs.width) {
                case let .view(v): selectView(&s, v)
                case .reports: openReports(&s)
                case nil: break
                }
            }
            return []
        }
        switch m.button {
        case .scrollDown:
            s.focus = pane
            move(&s, by: 3)
        case .scrollUp:
            s.focus = pane
            move(&s, by: -3)
        case .left:
            s.focus = pane
            if pane == .inbox {
                let row = (m.at.y - rect.y - 2) / s.inboxRowStep // border + header; presenter rows are two lines
                let index = s.inbox.scrollTop + row
                guard row >= 0, s.inbox.rows.indices.contains(index) else { return [] }
                if index == s.inbox.cursor, s.detail.reportID == s.inbox.selectedID {
                    return []
                }
                if index == s.inbox.cursor { return openSelected(&s) }
                s.inbox.cursor = index
                clampInbox(&s)
            }
        default:
            break
        }
        return []
    }
}
