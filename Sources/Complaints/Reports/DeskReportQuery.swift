import Foundation

/// Which reports a desk report covers: those **received** in `[from, to)` that the viewer may see,
/// optionally only one agency's (current or any past disposition) and one region's.
///
/// Why: a manager reports "this month, for this agency" upward; the same query drives the console's
/// *Laporan* view, `lapor-desk stats` and the monthly CSV, so all three show the same numbers.
public struct DeskReportQuery: Sendable, Hashable {
    /// First instant of the period (inclusive).
    public var from: Date
    /// End of the period (exclusive).
    public var to: Date
    /// Agency id: reports disposed to it now or at any time before (a *pelimpahan* keeps the history).
    public var agency: String?
    /// Province or regency/city, matched like `lapor-desk list --region` (case and accents ignored;
    /// "Sleman" finds "Kabupaten Sleman").
    public var region: String?
    /// As `InboxQuery.regionIncludes`: the regencies inside `region` when it names a province.
    public var regionIncludes: Set<String> = []
    /// The zone whose local days the per-day figures count (the desk's zone).
    public var timeZone: DeskTimeZone

    public init(from: Date, to: Date, agency: String? = nil, region: String? = nil,
                timeZone: DeskTimeZone = .default) {
        self.from = from
        self.to = to
        self.agency = agency
        self.region = region
        self.timeZone = timeZone
    }

    /// Whole local days `first` through `last` (inclusive) in `timeZone`. A reversed range is empty
    /// (`to == from`).
    public static func days(from first: LocalDate, through last: LocalDate, timeZone: DeskTimeZone = .default,
                            agency: String? = nil, region: String? = nil) -> DeskReportQuery {
        let start = startOfDay(first, timeZone)
        let end = last < first ? start : startOfDay(last.adding(days: 1), timeZone)
        return DeskReportQuery(from: start, to: end, agency: agency, region: region, timeZone: timeZone)
    }

    /// The calendar month containing `now` up to and including today (the default period).
    public static func monthSoFar(now: Date, timeZone: DeskTimeZone = .default) -> DeskReportQuery {
        let today = localDate(of: now, timeZone)
        let first = LocalDate(year: today.year, month: today.month, day: 1) ?? today
        return days(from: first, through: today, timeZone: timeZone)
    }

    /// The whole calendar month containing `date`.
    public static func month(containing date: LocalDate, timeZone: DeskTimeZone = .default) -> DeskReportQuery {
        let first = LocalDate(year: date.year, month: date.month, day: 1) ?? date
        let next = first.month == 12 ? LocalDate(year: first.year + 1, month: 1, day: 1)
            : LocalDate(year: first.year, month: first.month + 1, day: 1)
        return days(from: first, through: (next ?? first.adding(days: 31)).adding(days: -1), timeZone: timeZone)
    }

    /// Monday to Sunday of the week containing `date`.
    public static func week(containing date: LocalDate, timeZone: DeskTimeZone = .default) -> DeskReportQuery {
        let monday = date.adding(days: -(date.weekday.rawValue - 1))
        return days(from: monday, through: monday.adding(days: 6), timeZone: timeZone)
    }

    /// The first local day of the period.
    public var firstDay: LocalDate { DeskReportQuery.localDate(of: from, timeZone) }

    /// The last local day of the period (inclusive); equals `firstDay` for an empty period.
    public var lastDay: LocalDate {
        to > from ? DeskReportQuery.localDate(of: to.addingTimeInterval(-0.001), timeZone) : firstDay
    }

    /// Number of local days in the period (0 when empty).
    public var dayCount: Int { to > from ? lastDay.dayNumber - firstDay.dayNumber + 1 : 0 }

    /// The local day number (days since 1970-01-01 in `zone`) of an instant.
    static func dayNumber(of instant: Date, _ zone: DeskTimeZone) -> Int {
        let local = (instant.timeIntervalSince1970 + Double(zone.secondsFromUTC)) / 86400
        guard local.isFinite else { return 0 }
        return Int(min(max(local, -1e11), 1e11).rounded(.down))
    }

    static func localDate(of instant: Date, _ zone: DeskTimeZone) -> LocalDate {
        LocalDate(dayNumber: dayNumber(of: instant, zone))
    }

    static func startOfDay(_ date: LocalDate, _ zone: DeskTimeZone) -> Date {
        Date(timeIntervalSince1970: Double(date.dayNumber) * 86400 - Double(zone.secondsFromUTC))
    }
}
