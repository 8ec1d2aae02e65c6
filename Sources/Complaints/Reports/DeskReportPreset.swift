import Foundation

/// The periods a manager picks most often, with their labels, so the console's *Laporan* view offers the
/// same choices as `lapor-desk stats` (a custom range is `DeskReportQuery.days(from:through:)`).
public enum DeskReportPreset: String, CaseIterable, Sendable, Hashable {
    /// Monday of the current week up to and including today, like `thisMonth` (no days still to come).
    case thisWeek = "this-week"
    /// The current month up to and including today (the default).
    case thisMonth = "this-month"
    /// The whole previous calendar month (the figures sent up at the start of a month).
    case lastMonth = "last-month"

    public var label: Localized {
        switch self {
        case .thisWeek: Localized("Minggu ini", en: "This week")
        case .thisMonth: Localized("Bulan ini", en: "This month")
        case .lastMonth: Localized("Bulan lalu", en: "Last month")
        }
    }

    /// The query for this period at `now` in the desk's zone, optionally for one agency and one region.
    public func query(now: Date, timeZone: DeskTimeZone = .default, agency: String? = nil,
                      region: String? = nil) -> DeskReportQuery {
        let month = DeskReportQuery.monthSoFar(now: now, timeZone: timeZone)
        var q: DeskReportQuery = switch self {
        case .thisWeek:
            DeskReportQuery.days(from: DeskReportQuery.week(containing: month.lastDay, timeZone: timeZone).firstDay,
                                 through: month.lastDay, timeZone: timeZone)
        case .thisMonth: month
        case .lastMonth: DeskReportQuery.month(containing: month.firstDay.adding(days: -1), timeZone: timeZone)
        }
        q.agency = agency
        q.region = region
        return q
    }
}
