import Foundation

extension DeskReport {
    /// The report as one JSON object, the contract of `lapor-desk stats --json`.
    ///
    /// The first keys are those `stats --json` always had, over `current` (every report in scope now,
    /// whatever the period): `total`, `overdue`, `due_soon`, `by_status`, `by_channel`, `by_agency`.
    /// Then the period's figures: `period`, `received`, `received_per_day`, `counts`, `working_days`,
    /// `deadlines_met`, `overdue_open`, `most_overdue`, `groups`. Hidden small counts are the string
    /// "< 5", counts withheld so those cannot be worked out by subtraction the string "≥ 5"; missing figures are `null`; working days are rounded to two decimals.
    public var json: JSONValue {
        func exact(_ d: [String: Int]) -> JSONValue {
            .object(d.sorted { $0.key < $1.key }.map { .init($0.key, .int($0.value)) })
        }
        func rows(_ r: [CountRow]) -> JSONValue { .object(r.map { .init($0.key, $0.count.json) }) }
        let offset = query.timeZone.secondsFromUTC
        let period = JSONValue.object([
            "from": .string(query.firstDay.description), "to": .string(query.lastDay.description),
            "time_zone": .string(query.timeZone.rawValue), "agency": .optional(query.agency),
            "region": .optional(query.region), "as_of": .string(ISOTime.format(asOf, offsetSeconds: offset)),
        ])
        // A narrowed scope of one to four reports: no figure at all (`scopeTooSmall`).
        if scopeTooSmall {
            return .object([.init("period", period), .init("hidden", .string(DeskReportLabels.scopeTooSmall.en))])
        }
        var members: [JSONValue.Member] = [
            .init("total", .int(current.total)), .init("overdue", .int(current.overdue)),
            .init("due_soon", .int(current.dueSoon)), .init("by_status", exact(current.byStatus)),
            .init("by_channel", exact(current.byChannel)), .init("by_agency", exact(current.byAgency)),
        ]
        members.append(.init("period", period))
        members.append(.init("received", .int(received)))
        members.append(.init("received_per_day", .array(receivedPerDay.map {
            .object(["date": .string($0.date.description), "count": .int($0.count)])
        })))
        members.append(.init("counts", .object(breakdowns.map { .init($0.key, rows($0.rows)) })))
        members.append(.init("working_days", .object(workingDays.map { f in
            .init(f.step.rawValue, .object([
                "median": Self.jsonDays(f.median), "p90": Self.jsonDays(f.p90),
                "samples": .int(f.samples), "waiting": .int(f.waiting),
            ]))
        })))
        members.append(.init("deadlines_met", .object(deadlinesMet.map { c in
            .init(c.clock.rawValue, .object([
                "met": .int(c.met), "late": .int(c.late), "counted": .int(c.counted),
                "share": c.share.map { .number(Self.decimal($0, places: 4)) } ?? .null,
            ]))
        })))
        members.append(.init("overdue_open", .int(overdueOpen)))
        members.append(.init("most_overdue", .array(mostOverdue.map { r in
            .object([
                "id": .string(r.id.rawValue), "status": .string(r.status.rawValue), "agency": .optional(r.agency),
                "overdue_since": .string(ISOTime.format(r.overdueSince, offsetSeconds: offset)),
                "working_days_late": Self.jsonDays(r.workingDaysLate),
            ])
        })))
        members.append(.init("groups", .object(groups.map { g in
            .init(g.group.rawValue, .object([
                "reports": g.reports.json, "selesai": g.selesai.json, "open": g.open.json, "archived": g.archived.json,
            ]))
        })))
        return .object(members)
    }

    static func jsonDays(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(decimal(value, places: 2))
    }

    /// Plain decimal text (JSON number grammar) rounded to `places`, without trailing zeros.
    static func decimal(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1) { acc, _ in acc * 10 }
        let n = Int(min(max(value * Double(scale), -1e15), 1e15).rounded())
        let magnitude = abs(n)
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = (n < 0 ? "-" : "") + String(magnitude / scale)
        return fraction.isEmpty ? whole : whole + "." + fraction
    }
}
