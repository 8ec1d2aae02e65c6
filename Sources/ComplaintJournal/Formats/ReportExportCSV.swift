import Complaints
import Foundation

extension ReportExport {
    /// Columns of the CSV export: the `list --json` fields, then (outside public mode) the reporter.
    public static func csvColumns(public isPublic: Bool) -> [String] {
        let list = listColumns.filter { !isPublic || !internalColumns.contains($0) }
        return isPublic ? list : list + ["reporter_name", "reporter_nik", "reporter_phone", "reporter_email",
                                         "reporter_groups"]
    }

    static let listColumns = ["id", "status", "title", "channel", "classification", "category", "subcategory", "region",
                              "province", "regency", "agency", "unit", "received_at", "due", "overdue", "due_soon",
                              "anonymous", "confidential", "external_id", "priority", "tags", "last_changed"]

    /// The desk's own working labels, which its trail marks internal: not published (QA: `--public` carried
    /// the tags and priority officers set for themselves).
    static let internalColumns: Set = ["priority", "tags"]

    /// CSV export for spreadsheets: a UTF-8 byte-order mark (so Excel reads UTF-8), a header, one row per
    /// report, CRLF line ends, RFC 4180 quoting, formula cells defused. `public` mode leaves out confidential
    /// and deleted reports and the reporter columns; otherwise `identityVisible` decides per report whether
    /// the reporter cells are filled. Tags are joined with `|`.
    public func csv(_ reports: [Report], separator: CSVSeparator = .comma, public isPublic: Bool,
                    identityVisible: (Report) -> Bool = { _ in true }) -> String {
        var out = "\u{FEFF}" + CSVWriter.row(ReportExport.csvColumns(public: isPublic), separator: separator)
        for r in reports where !isPublic || ReportExport.isPublishable(r) {
            let urgency = deadlines.urgency(of: r, now: now)
            var cells = [
                r.id.rawValue, r.status.rawValue, r.title, r.channel.rawValue, r.classification.rawValue,
                r.category ?? "", r.subcategory ?? "", r.location.regionName ?? "", r.location.province ?? "",
                r.location.regency ?? "", r.agency ?? "", r.unit ?? "", timeText(r.receivedAt),
                timeText(deadlines.runningDue(of: r)), String(urgency.isOverdue),
                String(urgency.isDueSoon), String(r.anonymous), String(r.confidential), r.externalID ?? "",
                r.priority.rawValue, r.tags.joined(separator: "|"), timeText(r.lastChanged),
            ]
            if isPublic { cells = zip(ReportExport.listColumns, cells).filter { !ReportExport.internalColumns.contains($0.0) }.map(\.1) }
            if !isPublic {
                let p = identityVisible(r) ? r.reporter : Reporter()
                cells += [p.name ?? "", p.nik ?? "", p.phone ?? "", p.email ?? "",
                          p.groups.map(\.rawValue).joined(separator: "|")]
            }
            out += CSVWriter.row(cells, separator: separator)
        }
        return out
    }

    func timeText(_ d: Date?) -> String { d.map { ISOTime.format($0, offsetSeconds: offsetSeconds) } ?? "" }
}
