import Foundation

extension DeskReport {
    /// The figures as a spreadsheet-ready CSV (`lapor-desk export --format csv --report monthly`):
    /// UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, three columns `section`, `key`,
    /// `value`, one figure per row (`received_per_day;2026-11-03;12`,
    /// `median_working_days;verification;1.5`). Hidden small counts are `< 5`, counts withheld so they
    /// cannot be worked out `≥ 5`; a missing figure is an empty cell.
    ///
    /// With `separator` `;` (Indonesian-locale spreadsheets, where the comma is the decimal mark)
    /// decimals are written with a comma (`1,5`), so the spreadsheet reads them as numbers, not dates.
    /// Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
    /// `includeReportIDs: false` (for publication) leaves out the most overdue reports' ids.
    public func csv(separator: Character = ",", includeReportIDs: Bool = true) -> String {
        let comma = separator == ";"
        var out = "\u{FEFF}"
        func row(_ section: String, _ key: String, _ value: String) {
            out += [section, key, value].map { Self.csvCell($0, separator: separator) }
                .joined(separator: String(separator)) + "\r\n"
        }
        func days(_ v: Double?) -> String { v == nil ? "" : DeskReportLabels.days(v, decimalComma: comma) }
        row("section", "key", "value")
        row("period", "from", query.firstDay.description)
        row("period", "to", query.lastDay.description)
        row("period", "time_zone", query.timeZone.rawValue)
        row("period", "agency", query.agency ?? "")
        row("period", "region", query.region ?? "")
        row("period", "as_of", ISOTime.format(asOf, offsetSeconds: query.timeZone.secondsFromUTC))
        if scopeTooSmall {
            row("hidden", "scope", DeskReportLabels.scopeTooSmall.en)
            return out
        }
        row("received", "total", String(received))
        for d in receivedPerDay { row("received_per_day", d.date.description, String(d.count)) }
        for b in breakdowns {
            for r in b.rows { row(b.key, r.key, r.count.text) }
        }
        for f in workingDays {
            row("median_working_days", f.step.rawValue, days(f.median))
            row("p90_working_days", f.step.rawValue, days(f.p90))
            row("samples", f.step.rawValue, String(f.samples))
            row("waiting", f.step.rawValue, String(f.waiting))
        }
        for c in deadlinesMet {
            row("deadline_met", c.clock.rawValue, String(c.met))
            row("deadline_late", c.clock.rawValue, String(c.late))
            row("deadline_met_percent", c.clock.rawValue,
                c.share == nil ? "" : DeskReportLabels.percent(c.share, decimalComma: comma))
        }
        row("overdue_open", "total", String(overdueOpen))
        for r in mostOverdue where includeReportIDs { row("most_overdue_working_days", r.id.rawValue, days(r.workingDaysLate)) }
        for g in groups {
            row("group_reports", g.group.rawValue, g.reports.text)
            row("group_selesai", g.group.rawValue, g.selesai.text)
            row("group_open", g.group.rawValue, g.open.text)
            row("group_archived", g.group.rawValue, g.archived.text)
        }
        return out
    }

    /// One RFC 4180 cell: quoted when it holds the separator, a quote or a line break (quotes doubled);
    /// a leading `=`, `+`, `-`, `@`, tab or CR is defused with `'` unless the cell is a plain number.
    static func csvCell(_ raw: String, separator: Character) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           text.unicodeScalars.count > 1, Double(text) == nil {
            text = "'" + text
        }
        let needsQuotes = text.contains { $0 == "\"" || $0 == separator || $0.isNewline }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
