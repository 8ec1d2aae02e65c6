import Foundation

/// The figures a channel manager sends up every month, for one `DeskReportQuery`: volumes, response times
/// in working days, deadline compliance, the most overdue reports and inclusion figures. Built by
/// `DeskReport.compute` in one pass over the desk; a plain value the console view, `lapor-desk stats` and
/// the monthly CSV render without further computation.
///
/// Privacy: it holds no names at all (reporters or officers) and no report text, only ids, counts and
/// durations; every breakdown count goes through `SmallCount` ("< 5"), and every line of a total and its
/// parts through `ComplementarySuppression` ("≥ 5"), so no "< 5" comes back by subtraction.
public struct DeskReport: Sendable, Hashable {
    /// What was asked.
    public var query: DeskReportQuery
    /// The instant the figures were computed for (open reports are measured up to here).
    public var asOf: Date
    /// Reports received in the period and in scope (exact: a volume, not a group of people).
    public var received: Int
    /// Every local day of the period, zeros included, in order.
    public var receivedPerDay: [DayCount]
    /// Breakdowns of the reports received in the period (status as it stands now).
    public var byStatus: [CountRow]
    public var byChannel: [CountRow]
    public var byCategory: [CountRow]
    public var byClassification: [CountRow]
    public var byRegion: [CountRow]
    /// Working days to verification, to disposition and from disposition to follow-up.
    public var workingDays: [WorkingDaysFigure]
    /// Share met of the verification, agency follow-up and settlement deadlines.
    public var deadlinesMet: [DeadlineCompliance]
    /// Open reports of the period past a deadline now.
    public var overdueOpen: Int
    /// The ten most overdue of them, most overdue first.
    public var mostOverdue: [OverdueRow]
    /// Reports whose reporters marked themselves as women, youth, with disabilities or elderly.
    public var groups: [GroupFigure]
    /// The scope as it stands now, whatever the period (the figures `lapor-desk stats` always printed).
    public var current: DeskSnapshot

    /// One region with one to four reports (in the period, or now): its exact figures would give away the
    /// count the whole desk's report hides as "< 5" for that region (QA), so every view shows
    /// `DeskReportLabels.scopeTooSmall` instead. (An agency's counts are exact in every report, `by_agency`:
    /// its scope is not hidden; its breakdowns are, as any period's of one to four reports.)
    public var scopeTooSmall: Bool {
        query.region != nil
            && ((1..<SmallCount.threshold).contains(received) || (1..<SmallCount.threshold).contains(current.total))
    }

    /// How many reports `mostOverdue` lists at most.
    public static let mostOverdueLimit = 10

    /// The breakdowns in display order, with their titles (for views that list them all alike).
    public var breakdowns: [(title: Localized, key: String, rows: [CountRow])] {
        [
            (Localized("Status", en: "Status"), "status", byStatus),
            (Localized("Kanal", en: "Channel"), "channel", byChannel),
            (Localized("Kategori", en: "Category"), "category", byCategory),
            (Localized("Klasifikasi", en: "Classification"), "classification", byClassification),
            (Localized("Wilayah", en: "Region"), "region", byRegion),
        ]
    }

    /// The highest per-day count (scales a bar chart; 0 when nothing was received).
    public var peakPerDay: Int { receivedPerDay.map(\.count).max() ?? 0 }

    /// The figure for one step.
    public func workingDays(_ step: DurationStep) -> WorkingDaysFigure? { workingDays.first { $0.step == step } }

    /// The compliance figure for one clock.
    public func deadline(_ clock: DeadlineClock) -> DeadlineCompliance? { deadlinesMet.first { $0.clock == clock } }
}

/// Reports received on one local day.
public struct DayCount: Sendable, Hashable {
    public var date: LocalDate
    public var count: Int

    public init(date: LocalDate, count: Int) {
        self.date = date
        self.count = count
    }

    /// Length of this day's bar in cells when `peak` fills `width` cells: proportional, rounded to the
    /// nearest cell, at least one cell for any non-zero day so a single report stays visible.
    public func barLength(peak: Int, width: Int) -> Int {
        guard count > 0, peak > 0, width > 0 else { return 0 }
        return min(width, max(1, (count * width * 2 + peak) / (peak * 2)))
    }
}

/// One line of a breakdown: a key as the journal spells it ("baru", "sms", a category or region name; "-"
/// when the report has none), a label to show, and the count.
public struct CountRow: Sendable, Hashable {
    public var key: String
    public var label: Localized
    public var count: SmallCount

    public init(key: String, label: Localized, count: SmallCount) {
        self.key = key
        self.label = label
        self.count = count
    }
}

/// The steps whose duration a desk report measures.
public enum DurationStep: String, CaseIterable, Sendable, Hashable {
    /// Received → first disposition, archive or delete, counting only the time the verification clock ran
    /// (time waiting for the reporter, *tunda*, is not the desk's).
    case verification
    /// Received → first disposition by the desk, all working time included (postponements too). Reports
    /// whose reporter chose the agency never wait for the desk and are left out.
    case disposition
    /// The disposition that reached the answering agency → its first follow-up (first response time:
    /// after a *bukan wewenang* the clock starts at the re-disposition; a reporter's dispute and the
    /// second answer do not change it).
    case followUp = "follow-up"

    public var label: Localized {
        switch self {
        case .verification: Localized("Ke verifikasi", en: "To verification")
        case .disposition: Localized("Ke disposisi", en: "To disposition")
        case .followUp: Localized("Disposisi ke tindak lanjut", en: "Disposition to follow-up")
        }
    }
}

/// Median and 90th percentile (nearest rank, see `NearestRank`) of one step, in working days.
/// Only reports that completed the step count; reports still waiting for it are left out (and counted
/// in `waiting`), so an open report never pulls the figure down with an unfinished duration.
public struct WorkingDaysFigure: Sendable, Hashable {
    public var step: DurationStep
    /// Reports that completed the step.
    public var samples: Int
    /// Reports in scope still waiting for the step.
    public var waiting: Int
    public var median: Double?
    public var p90: Double?

    public init(step: DurationStep, samples: Int, waiting: Int, median: Double?, p90: Double?) {
        self.step = step
        self.samples = samples
        self.waiting = waiting
        self.median = median
        self.p90 = p90
    }
}

/// How many reports met one deadline. A report counts once its clock is decided: finished within the
/// period (met or late), or past due by the end of the period (or now, if earlier) without being
/// finished (late). Clocks still running on time, and clocks cancelled before their due instant (a
/// report sent back, archived or closed another way), are left out.
public struct DeadlineCompliance: Sendable, Hashable {
    public var clock: DeadlineClock
    public var met: Int
    public var late: Int

    public init(clock: DeadlineClock, met: Int, late: Int) {
        self.clock = clock
        self.met = met
        self.late = late
    }

    /// Reports whose clock was decided.
    public var counted: Int { met + late }
    /// `met / counted` in 0...1; nil when nothing was decided.
    public var share: Double? { counted == 0 ? nil : Double(met) / Double(counted) }
}

/// One overdue open report: its id (never its title or reporter) and how late it is.
public struct OverdueRow: Sendable, Hashable {
    public var id: ReportID
    public var status: ReportStatus
    /// Agency responsible now (nil at the national desk).
    public var agency: String?
    /// The due instant that passed.
    public var overdueSince: Date
    /// Working days since then.
    public var workingDaysLate: Double

    public init(id: ReportID, status: ReportStatus, agency: String?, overdueSince: Date, workingDaysLate: Double) {
        self.id = id
        self.status = status
        self.agency = agency
        self.overdueSince = overdueSince
        self.workingDaysLate = workingDaysLate
    }
}

/// Reports of one inclusion group and how they ended. "Archived" means closed without action
/// (*diarsipkan* or *dihapus*). An *anonim* report's group markers count only for viewers who may see
/// its reporter's identity (the console hides the markers with the identity).
public struct GroupFigure: Sendable, Hashable {
    public var group: ReporterGroup
    public var reports: SmallCount
    public var selesai: SmallCount
    public var open: SmallCount
    public var archived: SmallCount

    public init(group: ReporterGroup, reports: SmallCount, selesai: SmallCount, open: SmallCount, archived: SmallCount) {
        self.group = group
        self.reports = reports
        self.selesai = selesai
        self.open = open
        self.archived = archived
    }
}

/// Every report in scope as it stands now, whatever the period: the figures `lapor-desk stats --json`
/// has always given (`total`, `overdue`, `due_soon`, `by_status`, `by_channel`, `by_agency`), exact
/// counts keyed by journal ids.
public struct DeskSnapshot: Sendable, Hashable {
    public var total = 0
    public var overdue = 0
    public var dueSoon = 0
    public var byStatus: [String: Int] = [:]
    public var byChannel: [String: Int] = [:]
    /// By current agency id (reports at the national desk are not listed).
    public var byAgency: [String: Int] = [:]

    public init() {}
}
