import Complaints
import TextCanvas

/// The tab bar: views 1–5 with their counts, the Laporan view as tab 6, then what narrows or reorders the
/// list (the marker). QA: at 80 columns tab 6 was dropped (English) or every other tab lost its name
/// (Indonesian), leaving trainees with "2 (7)  3 (25)". Every tab is now always drawn, whole, at every width
/// down to the minimum; the bar gets tighter step by step (less padding, counts without parentheses, a thin
/// separator, short names) before names are dropped, and the selected tab is always in brackets.
enum TabBar {
    enum Tab: Hashable {
        case view(InboxQuery.SavedView)
        case reports
    }

    /// One way of drawing the tabs, from roomy to compact. The first two are the bar's long-standing wide forms.
    struct Style {
        enum Names { case full, short, activeOnly, activeShortOnly }
        /// Spaces around an unselected tab's text, and inside the selected tab's brackets.
        var padding: Int
        var gap: String
        var names: Names
        var parentheses: Bool
    }

    static let styles: [Style] = [
        Style(padding: 2, gap: "", names: .full, parentheses: true),
        Style(padding: 1, gap: "", names: .full, parentheses: true),
        Style(padding: 0, gap: " ", names: .full, parentheses: true),
        Style(padding: 0, gap: "  ", names: .full, parentheses: false),
        Style(padding: 0, gap: "│", names: .full, parentheses: false),
        Style(padding: 0, gap: "│", names: .short, parentheses: false),
        Style(padding: 0, gap: "│", names: .activeOnly, parentheses: true),
        Style(padding: 0, gap: "│", names: .activeOnly, parentheses: false),
        Style(padding: 0, gap: "│", names: .activeShortOnly, parentheses: false),
    ]

    /// Names for the compact bar, said in a word a trainee still recognises (the help and README use the full ones).
    static func shortLabel(_ tab: Tab) -> Localized {
        switch tab {
        case .view(.baru): Localized("Baru", en: "New")
        case .view(.tunda): Localized("Tunda", en: "Postp.")
        case .view(.instansi): Localized("Inst.", en: "Agency")
        case .view(.terlambat): Localized("Telat", en: "Late")
        case .view(.semua): Localized("Semua", en: "All")
        case .reports: Localized("Lap.", en: "Rep.")
        }
    }

    static func fullLabel(_ tab: Tab) -> Localized {
        switch tab {
        case let .view(v): v.label
        case .reports: Localized("Laporan", en: "Reports")
        }
    }

    static var tabs: [Tab] { InboxQuery.SavedView.allCases.map { .view($0) } + [.reports] }

    static func isSelected(_ tab: Tab, _ s: ConsoleState) -> Bool {
        switch tab {
        case let .view(v): s.overlay != .reports && v == s.inbox.view
        case .reports: s.overlay == .reports
        }
    }

    /// A tab's text in a style: key, name, count; brackets around the selected one.
    static func text(_ tab: Tab, key: Int, _ style: Style, _ s: ConsoleState) -> String {
        let selected = isSelected(tab, s)
        var name: String? = switch style.names {
        case .full: s.text(fullLabel(tab))
        case .short: s.text(selected ? fullLabel(tab) : shortLabel(tab))
        case .activeOnly: selected ? s.text(fullLabel(tab)) : (tab == .reports ? s.text(shortLabel(tab)) : nil)
        case .activeShortOnly: selected ? s.text(shortLabel(tab)) : nil
        }
        if name?.isEmpty == true { name = nil }
        var count: String?
        if case let .view(v) = tab, let n = s.inbox.viewCounts[v], style.names != .activeShortOnly || selected {
            count = style.parentheses ? "(\(n))" : "\(n)"
        }
        let body = ([String(key)] + [name, count].compactMap { $0 }).joined(separator: " ")
        let pad = String(repeating: " ", count: style.padding)
        if selected { return "[" + (style.padding > 0 ? " " : "") + body + (style.padding > 0 ? " " : "") + "]" }
        // The long-standing roomy form pads tab 6 by one more space than the other views.
        let extra = style.padding == 1 && tab == .reports ? " " : ""
        return extra + pad + body + pad + extra
    }

    /// Where each tab goes in a style: the separator before it, its text and first column, from `x`.
    static func place(_ style: Style, _ s: ConsoleState, from x0: Int) -> [(tab: Tab, gap: String, text: String, x: Int)] {
        var out: [(tab: Tab, gap: String, text: String, x: Int)] = []
        var x = x0
        for (i, tab) in tabs.enumerated() {
            var gap = ""
            if let last = out.last {
                // Brackets already set the selected tab apart: a space beside them reads better than a line.
                gap = isSelected(last.tab, s) || isSelected(tab, s) ? String(repeating: " ", count: style.gap.displayWidth) : style.gap
                x += gap.displayWidth
            }
            let t = text(tab, key: i + 1, style, s)
            out.append((tab, gap, t, x))
            x += t.displayWidth
        }
        return out
    }

    static func width(_ style: Style, _ s: ConsoleState) -> Int {
        place(style, s, from: 0).last.map { $0.x + $0.text.displayWidth } ?? 0
    }

    /// The roomiest style with counts that leaves the marker whole; else the roomiest that leaves it a useful
    /// part (its label); else the most compact (keys only). Deterministic: the same state and width always
    /// give the same bar.
    static func style(_ s: ConsoleState, width: Int, marker: String) -> Style {
        let markerWidth = marker.isEmpty ? 0 : marker.displayWidth + 2
        let part = min(markerWidth, max(14, width / 3))
        for room in [markerWidth, part] {
            if let fit = styles.dropLast().first(where: { self.width($0, s) + room <= width }) { return fit }
        }
        return styles[styles.count - 1]
    }

    /// The tab under column `x` of the bar (for the mouse), as drawn.
    static func tab(at x: Int, _ s: ConsoleState, width: Int) -> Tab? {
        let placed = place(style(s, width: width, marker: marker(s)), s, from: 0)
        return placed.first { x >= $0.x && x < $0.x + $0.text.displayWidth }?.tab
    }

    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        c.fill(r, role: Roles.tab)
        let marker = marker(s)
        var x = r.x
        for p in place(style(s, width: r.width, marker: marker), s, from: r.x) {
            let role = if isSelected(p.tab, s) {
                Roles.tabActive
            } else if case let .view(v) = p.tab, v == .terlambat, (s.inbox.viewCounts[v] ?? 0) > 0 {
                Roles.tabOverdue
            } else {
                Roles.tab
            }
            c.put(p.gap, at: Point(x: p.x - p.gap.displayWidth, y: r.y), role: Roles.tab, clipWidth: r.maxX - x)
            x = c.put(p.text, at: Point(x: p.x, y: r.y), role: role, clipWidth: r.maxX - p.x)
        }
        // The marker takes what the tabs leave, shortened with "…" when it must be.
        if !marker.isEmpty, x < r.maxX - 1 {
            c.put(TextFit.truncate(" " + marker, width: r.maxX - x - 1), at: Point(x: x + 1, y: r.y), role: Roles.statusInfo,
                  clipWidth: r.maxX - x - 1)
        }
    }

    /// What the tab bar says about the list beyond its view: the filter and search, a chosen sort order,
    /// marked rows. Empty when there is nothing to say.
    static func marker(_ s: ConsoleState) -> String {
        let filter = s.inbox.filter
        var extras: [String] = []
        var f: [String] = []
        // A long search is shortened here: the prompt shows it whole.
        if let q = filter.search { f.append("“" + TextFit.truncate(q, width: 20) + "”") }
        if let ch = filter.channel { f.append(ch.rawValue) }
        if let cat = filter.category { f.append(cat) }
        if let reg = filter.region { f.append(reg) }
        if let a = filter.agency { f.append(a) }
        if filter.anonymousOnly { f.append("anonim") }
        if filter.confidentialOnly { f.append("rahasia") }
        if let cl = filter.classification { f.append(s.text(cl.label)) }
        if !f.isEmpty { extras.append(s.text(Localized("saring: ", en: "filter: ")) + f.joined(separator: ", ")) }
        // The sort order only reorders the list: it is not a filter and is not called one.
        if let so = filter.sort { extras.append(s.text(Localized("urutan: ", en: "sort: ")) + "↕" + s.text(UIText.sortLabel(so))) }
        if !s.inbox.marked.isEmpty {
            // Actions on marked rows act on this view's rows: marks kept in other views are counted apart.
            let here = s.inbox.rows.reduce(0) { $0 + (s.inbox.marked.contains($1) ? 1 : 0) }
            let elsewhere = s.inbox.marked.count - here
            var text = s.text(Localized("\(here) ditandai", en: "\(here) marked"))
            if elsewhere > 0 { text += s.text(Localized(" (+\(elsewhere) di tampilan lain)", en: " (+\(elsewhere) in other views)")) }
            extras.append(text)
        }
        return extras.joined(separator: " · ")
    }
}
