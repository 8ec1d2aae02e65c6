import Complaints
import Foundation
import TextCanvas

/// The Laporan view: received per day as a bar chart, breakdowns, working-day medians and 90th
/// percentiles, deadlines met, the ten most overdue open reports (Enter opens one), and the inclusion
/// figures. Counts below five print as "< 5", and a second count as "≥ 5" where a total would give the
/// first away (`ComplementarySuppression`); no reporter is ever named.
enum ReportsView {
    static func draw(_ c: inout Canvas, _ s: ConsoleState) {
        guard let v = s.reportsView else { return }
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        let area = area(s)
        c.fill(area, role: Roles.overlay)
        let q = v.query
        // Only the national desk sees the whole desk; others see what they may (QA: an agency's figures said "whole desk").
        var scope = s.env.operatorOnDuty.role == .adminNasional ? t("seluruh meja", "whole desk")
            : t("semua yang dapat Anda lihat", "all you can see")
        if let a = q.agency { scope = s.env.agencyName(a) }
        if let r = q.region { scope += " · " + r }
        let title = t("Laporan", "Reports") + " — \(dateText(q.firstDay, l)) – \(dateText(q.lastDay, l)) (\(s.text(v.period.label).lowercased())) · " + scope
        c.box(area, role: Roles.overlayBorder, title: title)
        let inner = textRect(s)
        guard inner.width > 10, inner.height > 2 else { return }
        let (wrapped, cursorLine) = content(s, v, width: inner.width)
        let top = top(v, lines: wrapped.count, cursorLine: cursorLine, height: inner.height)
        for (i, line) in wrapped.dropFirst(top).prefix(inner.height).enumerated() {
            c.put(String(repeating: " ", count: line.indent) + line.text, at: Point(x: inner.x, y: inner.y + i), role: line.role,
                  clipWidth: inner.width)
            if let cl = cursorLine, cl == top + i { c.cursor = Point(x: inner.x, y: inner.y + i) }
        }
        if c.cursor == nil { c.cursor = inner.origin }
    }

    /// The view's box: from under the tab bar down to the status line, so the hint row (p, f, …) and the
    /// lesson, presenter and replay strips under it stay visible.
    static func area(_ s: ConsoleState) -> Rect {
        Rect(x: 0, y: 1, width: s.size.width, height: max(1, s.layout.statusLine.y - 1))
    }

    static func textRect(_ s: ConsoleState) -> Rect { area(s).inset(top: 1, left: 2, bottom: 1, right: 1) }

    /// The first line shown: the scroll position, kept within the figures and, once the officer moves
    /// through the overdue list, moved so the selected row is on screen.
    private static func top(_ v: ReportsViewState, lines: Int, cursorLine: Int?, height: Int) -> Int {
        var top = min(v.scroll, max(0, lines - height))
        if v.followCursor, let cl = cursorLine {
            if cl < top { top = cl }
            if cl >= top + height { top = cl - height + 1 }
        }
        return top
    }

    /// Whether the selected overdue row is on screen now (scrolled to by hand or followed).
    static func selectedRowVisible(_ s: ConsoleState) -> Bool {
        guard let v = s.reportsView else { return false }
        let inner = textRect(s)
        let (lines, cursorLine) = content(s, v, width: max(1, inner.width))
        guard let cursorLine else { return false }
        let height = max(1, inner.height)
        let top = top(v, lines: lines.count, cursorLine: cursorLine, height: height)
        return cursorLine >= top && cursorLine < top + height
    }

    /// Where the figures are scrolled to now, how far they can scroll (their last line at the bottom of
    /// the box), and a page: what the scrolling keys start from.
    static func scrollRange(_ s: ConsoleState) -> (top: Int, last: Int, page: Int) {
        guard let v = s.reportsView else { return (0, 0, 1) }
        let inner = textRect(s)
        let (lines, cursorLine) = content(s, v, width: max(1, inner.width))
        let height = max(1, inner.height)
        return (top(v, lines: lines.count, cursorLine: cursorLine, height: height), max(0, lines.count - height), max(1, height - 1))
    }

    /// The figures wrapped to `width`, and the wrapped line of the selected overdue row.
    private static func content(_ s: ConsoleState, _ v: ReportsViewState, width: Int) -> (lines: [StyledLine], cursorLine: Int?) {
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        let inner = Rect(x: 0, y: 0, width: width, height: 1)
        var lines: [StyledLine] = []
        var cursorLine: Int?
        let r = v.report
        if r.scopeTooSmall { return ([StyledLine(text: s.text(DeskReportLabels.scopeTooSmall), role: Roles.detailMuted)], nil) }
        lines.append(StyledLine(text: t("Diterima: \(r.received) laporan", "Received: " + UIText.counted(r.received, "report"))
                                + "   " + t("Terbuka & terlambat: \(r.overdueOpen)", "Open & overdue: \(r.overdueOpen)"), role: Roles.detailHeading))
        // The period's figures say nothing of reports received before it: on the 1st of a month they read "0
        // overdue" while the late tab held 16 (QA). The desk as it stands now, whatever the dates:
        let c = r.current
        lines.append(StyledLine(text: t("Saat ini, semua tanggal: \(c.total) laporan · terlambat \(c.overdue) · jatuh tempo \(c.dueSoon)",
                                        "Now, all dates: \(UIText.counted(c.total, "report")) · overdue \(c.overdue) · due soon \(c.dueSoon)"),
                                role: c.overdue > 0 ? Roles.detailWarning : Roles.overlay))
        lines.append(StyledLine(text: "", role: Roles.overlay))
        lines.append(StyledLine(text: t("Diterima per hari", "Received per day"), role: Roles.detailLabel))
        let barWidth = max(4, inner.width - 16)
        for d in r.receivedPerDay {
            let bar = String(repeating: "█", count: d.barLength(peak: r.peakPerDay, width: barWidth))
            lines.append(StyledLine(text: TextFit.pad(dayText(d.date, l), width: 7) + " " + bar + " \(d.count)", role: Roles.overlay, indent: 1))
        }
        lines.append(StyledLine(text: "", role: Roles.overlay))
        for b in r.breakdowns where !b.rows.isEmpty {
            // Each item held together with no-break spaces: wrapping split "Datang langsung 0" and put a count
            // on the next line, away from its label (QA).
            let row = b.rows.map { "\(s.text($0.label)) \($0.count.text)".replacingOccurrences(of: " ", with: "\u{00A0}") }
                .joined(separator: " · ")
            lines.append(StyledLine(text: s.text(b.title) + ": " + row, role: Roles.overlay))
        }
        lines.append(StyledLine(text: "", role: Roles.overlay))
        lines.append(StyledLine(text: t("Hari kerja (median / persentil 90)", "Working days (median / 90th percentile)"), role: Roles.detailLabel))
        for f in r.workingDays {
            let fig = "\(number(f.median)) / \(number(f.p90))"
            lines.append(StyledLine(text: TextFit.pad(s.text(f.step.label), width: 28) + fig
                                    + t("  (\(f.samples) laporan, \(f.waiting) masih menunggu)", "  (\(UIText.counted(f.samples, "report")), \(f.waiting) still waiting)"),
                                    role: Roles.overlay, indent: 1))
        }
        lines.append(StyledLine(text: t("Tenggat terpenuhi", "Deadlines met"), role: Roles.detailLabel))
        for d in r.deadlinesMet {
            let share = d.share.map { String(format: "%.0f%%", $0 * 100) } ?? "-"
            lines.append(StyledLine(text: TextFit.pad(s.text(d.clock.label), width: 28) + "\(share)  (\(d.met)/\(d.counted))",
                                    role: d.late > 0 ? Roles.detailWarning : Roles.overlay, indent: 1))
        }
        lines.append(StyledLine(text: "", role: Roles.overlay))
        lines.append(StyledLine(text: t("Sepuluh laporan terbuka paling terlambat (Enter membuka)", "Ten most overdue open reports (Enter opens)"),
                                role: Roles.detailLabel))
        if r.mostOverdue.isEmpty {
            lines.append(r.current.overdue > 0
                ? StyledLine(text: t("(tidak ada di antara laporan periode ini; \(r.current.overdue) terlambat di semua tanggal: tab 4 Terlambat)",
                                     "(none among this period's reports; \(r.current.overdue) overdue over all dates: tab 4 Overdue)"),
                             role: Roles.detailWarning, indent: 1)
                : StyledLine(text: t("(tidak ada)", "(none)"), role: Roles.detailMuted, indent: 1))
        }
        for (i, o) in r.mostOverdue.enumerated() {
            let selected = i == v.cursor
            if selected { cursorLine = lines.count }
            let late = DeskReportLabels.daysLate(o.workingDaysLate)
            lines.append(StyledLine(text: (selected ? "▶ " : "  ") + "#\(o.id)  " + TextFit.pad(Badges.status(o.status, l), width: 10)
                                    + t("terlambat \(late) hari kerja", "late \(late) working days") + "  " + s.env.agencyName(o.agency),
                                    role: selected ? Roles.routingSelected : Roles.badgeOverdue, indent: 1))
        }
        lines.append(StyledLine(text: "", role: Roles.overlay))
        lines.append(StyledLine(text: t("Kelompok pelapor (dipilih sendiri oleh pelapor)", "Reporter groups (as the reporters chose)"),
                                role: Roles.detailLabel))
        for g in r.groups {
            lines.append(StyledLine(text: TextFit.pad(s.text(g.group.label), width: 24) + t("laporan \(g.reports.text) · selesai \(g.selesai.text) · terbuka \(g.open.text) · diarsipkan \(g.archived.text)",
                                                                                          "reports \(g.reports.text) · closed \(g.selesai.text) · open \(g.open.text) · archived \(g.archived.text)"),
                                    role: Roles.overlay, indent: 1))
        }
        // Wrap line by line so the selected overdue row is found after wrapping.
        var wrapped: [StyledLine] = []
        var selectedRow: Int?
        for (i, line) in lines.enumerated() {
            if i == cursorLine { selectedRow = wrapped.count }
            wrapped += DetailPane.wrap([line], width: inner.width)
        }
        return (wrapped, selectedRow)
    }

    static func number(_ v: Double?) -> String {
        guard let v else { return "-" }
        return String(format: "%.1f", v)
    }

    /// "13 Nov" for the bar chart (the period in the title gives the year).
    static func dayText(_ d: LocalDate, _ l: Language) -> String {
        let months = l == .id ? DeskTimeText.monthsID : DeskTimeText.monthsEN
        return "\(d.day) \(months[d.month - 1])"
    }

    static func dateText(_ d: LocalDate, _ l: Language) -> String {
        let months = l == .id ? DeskTimeText.monthsID : DeskTimeText.monthsEN
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }
}
