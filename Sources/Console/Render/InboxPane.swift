import Complaints
import Foundation
import TextCanvas

/// The inbox: one row per report, only the visible rows drawn (fast with 200,000 reports).
enum InboxPane {
    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        let focused = s.focus == .inbox && s.overlay == nil
        // The listed rows by the status their rows show: the figures add up to the count before them.
        let breakdown = s.inbox.breakdown
        var parts = ReportStatus.allCases.compactMap { st -> String? in
            guard let n = breakdown.statuses[st], n > 0 else { return nil }
            return "\(Badges.status(st, s.language)) \(n)"
        }
        if breakdown.returned > 0 { parts.append("\(Badges.returned(s.language)) \(breakdown.returned)") }
        let counts = parts.joined(separator: " · ")
        let title = s.text(Localized("Kotak Masuk", en: "Inbox")) + " \(s.inbox.rows.count)" + (counts.isEmpty ? "" : " — " + counts)
        c.box(r, role: focused ? Roles.paneBorderFocused : Roles.paneBorder, title: title)
        let inner = r.inset(by: 1)
        guard inner.width > 4, inner.height > 1 else { return }
        let listArea = inner.inset(top: 1)
        // Presenter mode leaves a blank line under each row, for reading from the back of a room.
        let step = s.inboxRowStep
        let window = ScrollWindow(cursor: s.inbox.cursor, count: s.inbox.rows.count, height: max(1, listArea.height / step),
                                  previousTop: s.inbox.scrollTop)
        // The deadline column is as wide as the longest badge shown (QA: "TERLAMBAT 15h" was cut to "TERLAMBAT 1…").
        let badges = Dictionary(uniqueKeysWithValues: window.visible.compactMap { index -> (Int, (String, StyleRole))? in
            s.desk[s.inbox.rows[index]].map { (index, Badges.deadline($0, s)) }
        })
        let layout = columns(inner.width, badgeWidth: badges.values.map(\.0.displayWidth).max() ?? 0)
        let oneLetter = layout.index(of: "status").map { layout.widths[$0] == 1 } ?? false
        c.put(layout.render(header(s, oneLetter: oneLetter)), at: inner.origin, role: Roles.inboxHeader, clipWidth: inner.width)
        if s.inbox.rows.isEmpty {
            c.put(s.text(Localized("(tidak ada laporan di tampilan ini)", en: "(no reports in this view)")),
                  at: listArea.origin.offset(dx: 1), role: Roles.detailMuted, clipWidth: listArea.width - 1)
            if focused { c.cursor = listArea.origin }
            return
        }
        for index in window.visible {
            let y = listArea.y + (index - window.top) * step
            let id = s.inbox.rows[index]
            guard let report = s.desk[id] else { continue }
            let selected = index == s.inbox.cursor
            let marked = s.inbox.marked.contains(id)
            let base = selected ? Roles.inboxSelected : (marked ? Roles.inboxMarked : Roles.inboxRow)
            let rowRect = Rect(x: listArea.x, y: y, width: listArea.width, height: 1)
            c.fill(rowRect, role: base)
            guard let (badge, badgeRole) = badges[index] else { continue }
            let values = rowValues(report, s, marked: marked, badge: badge, oneLetter: oneLetter)
            c.put(layout.render(values), at: rowRect.origin, role: base, clipWidth: rowRect.width)
            // Flags and an overdue badge keep their own roles so they stand out even on the selected row. The
            // other badges have no background of their own: drawn in theirs, they cut a gap into the selected
            // row's highlight (QA: reverse video switched off for "3h lagi" in the mono theme), so there they
            // take the row's.
            if let bi = layout.index(of: "badge"), layout.widths[bi] > 0 {
                let role = selected && badgeRole != Roles.badgeOverdue ? base : badgeRole
                c.put(TextFit.truncate(badge, width: layout.widths[bi]), at: Point(x: rowRect.x + layout.offsets[bi], y: y),
                      role: role, clipWidth: layout.widths[bi])
            }
            if let fi = layout.index(of: "flags"), layout.widths[fi] > 0, report.anonymous || report.confidential {
                if report.anonymous { c.put("A", at: Point(x: rowRect.x + layout.offsets[fi], y: y), role: Roles.flagAnonim) }
                if report.confidential { c.put("R", at: Point(x: rowRect.x + layout.offsets[fi] + 1, y: y), role: Roles.flagRahasia) }
            }
            if selected && focused { c.cursor = rowRect.origin }
        }
    }

    struct Columns {
        var names: [String]
        var table: TableLayout
        var widths: [Int] { table.widths }
        var offsets: [Int] { table.offsets }
        func index(of name: String) -> Int? { names.firstIndex(of: name) }
        func render(_ values: [String: String]) -> String { table.render(names.map { values[$0] ?? "" }) }
    }

    /// Columns that fit: the narrower the pane, the fewer columns (title always stays).
    /// `badgeWidth` is the widest deadline badge shown: the column takes 12 to 15 columns.
    static func columns(_ width: Int, badgeWidth: Int) -> Columns {
        var spec: [(String, TableColumn)] = [("mark", TableColumn(.fixed(1))), ("id", TableColumn(.fixed(7))),
                                             ("badge", TableColumn(.fixed(max(12, min(15, badgeWidth))))), ("flags", TableColumn(.fixed(2)))]
        // Narrower (the inbox beside the detail pane at 80 columns), status is one letter (help has the
        // legend): mixed views showed no status at all there (QA).
        if width >= 46 {
            spec.insert(("status", TableColumn(.fixed(9))), at: 2)
        } else if width >= 36 {
            spec.insert(("status", TableColumn(.fixed(1))), at: 2)
        }
        if width >= 96 { spec.append(("channel", TableColumn(.fixed(8)))) }
        if width >= 76 { spec.append(("region", TableColumn(.fixed(width >= 110 ? 18 : 12)))) }
        if width >= 110 { spec.append(("category", TableColumn(.fixed(16)))) }
        spec.append(("title", TableColumn(.flex(weight: 1, min: 8))))
        return Columns(names: spec.map(\.0), table: TableLayout(columns: spec.map(\.1), totalWidth: width))
    }

    static func header(_ s: ConsoleState, oneLetter: Bool = false) -> [String: String] {
        [
            "mark": " ", "id": s.text(Localized("Nomor", en: "Number")), "status": oneLetter ? "S" : "Status",
            "badge": s.text(Localized("Tenggat", en: "Deadline")), "flags": "AR",
            "channel": s.text(Localized("Kanal", en: "Channel")), "region": s.text(Localized("Wilayah", en: "Region")),
            "category": s.text(Localized("Kategori", en: "Category")), "title": s.text(Localized("Judul", en: "Title")),
        ]
    }

    static func rowValues(_ r: Report, _ s: ConsoleState, marked: Bool, badge: String, oneLetter: Bool = false) -> [String: String] {
        [
            "mark": marked ? "•" : " ", "id": r.id.rawValue, "status": oneLetter ? Badges.statusLetter(r, s.language) : Badges.status(r, s.language), "badge": badge,
            "flags": Badges.flags(r), "channel": r.channel.rawValue,
            "region": shortRegion(r.location.regency ?? r.location.province ?? "-"),
            "category": r.category ?? "-", "title": DetailPane.shown(r.title, field: "title", of: r, s.language),
        ]
    }

    /// "Kabupaten Sleman" → "Kab. Sleman" to save columns.
    static func shortRegion(_ name: String) -> String {
        if name.hasPrefix("Kabupaten ") { return "Kab. " + name.dropFirst("Kabupaten ".count) }
        return name
    }
}
