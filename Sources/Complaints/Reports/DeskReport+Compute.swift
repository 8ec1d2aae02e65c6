import Foundation

extension DeskReport {
    /// Computes every figure for `query` in one pass over `desk.all`, as `viewer` may see it, measuring
    /// open reports up to `now`. Pure: the same desk, query and `now` always give the same report.
    ///
    /// Scope: reports received in `[query.from, query.to)`, counted for `viewer` (`Access.countsInFigures`), and
    /// when asked disposed to `query.agency` (now or before) and located in `query.region`.
    /// `current` covers the same agency and region but every receipt date.
    ///
    /// Working time is measured with `deadlines.calendar` (holidays and *cuti bersama* skipped).
    public static func compute(desk: Desk, query: DeskReportQuery, deadlines: Deadlines, now: Date,
                               viewer: Operator) -> DeskReport {
        var pass = DeskReportPass(query: query, deadlines: deadlines, now: now, viewer: viewer)
        desk.all.withUnsafeBufferPointer { reports in
            for i in reports.indices { pass.add(reports, i) }
        }
        return pass.finish()
    }
}

/// The accumulators of `DeskReport.compute`. Reads fields in place (`reports[i].x`) through a buffer
/// pointer, whose addressor lends elements without copying them: copying whole reports (a dozen
/// reference-counted fields each) dominated large desks. The buffer only lives during `compute`.
struct DeskReportPass {
    typealias Reports = UnsafeBufferPointer<Report>

    let query: DeskReportQuery
    let deadlines: Deadlines
    let now: Date
    let viewer: Operator
    let from: Date
    let to: Date
    let firstDay: Int
    let viewerSeesAll: Bool
    var scope: ReportScope

    var received = 0
    var perDay: [Int]
    var byStatus = EnumTally<ReportStatus>()
    var byChannel = EnumTally<Channel>()
    var byClassification = EnumTally<Classification>()
    var byCategory: [String: Int] = [:]
    var byRegion: [String: Int] = [:]
    var durations = EnumSamples<DurationStep>()
    var waiting = EnumTally<DurationStep>()
    var met = EnumTally<DeadlineClock>()
    var late = EnumTally<DeadlineClock>()
    var overdueOpen = 0
    var mostOverdue = MostOverdue(limit: DeskReport.mostOverdueLimit)
    /// Per inclusion group: reports, then outcomes selesai, open, archived.
    var groups = [EnumTally<ReporterGroup>](repeating: EnumTally(), count: 4)
    var snapshot = DeskSnapshot()
    var snapshotStatus = EnumTally<ReportStatus>()
    var snapshotChannel = EnumTally<Channel>()

    static let measuredClocks: [DeadlineClock] = [.verification, .agencyFollowUp, .settlement]

    init(query: DeskReportQuery, deadlines: Deadlines, now: Date, viewer: Operator) {
        self.query = query
        self.deadlines = deadlines
        self.now = now
        self.viewer = viewer
        from = query.from
        to = max(query.to, query.from)
        firstDay = query.firstDay.dayNumber
        perDay = Array(repeating: 0, count: query.dayCount)
        scope = ReportScope(agency: query.agency, region: query.region, includes: query.regionIncludes)
        viewerSeesAll = viewer.role == .adminNasional
    }

    mutating func add(_ reports: Reports, _ i: Int) {
        // The national desk counts every report (`Access.countsInFigures`); asking per report would copy each one.
        guard viewerSeesAll || Access.countsInFigures(reports[i], for: viewer), scope.contains(reports, i) else { return }
        // Closed reports have no running deadline (`Urgency.none`): no deadline maths for them.
        let urgency = reports[i].status.isOpen ? deadlines.urgency(of: reports[i], now: now) : .none
        addToSnapshot(reports, i, urgency)
        let t = reports[i].intake.receivedAt
        guard t >= from, t < to else { return }
        received += 1
        let day = DeskReportQuery.dayNumber(of: t, query.timeZone) - firstDay
        if perDay.indices.contains(day) { perDay[day] += 1 }
        let status = reports[i].status
        byStatus.add(status)
        byChannel.add(reports[i].intake.channel)
        byClassification.add(reports[i].classification)
        byCategory[reports[i].category ?? "-", default: 0] += 1
        byRegion[reports[i].intake.location.regency ?? reports[i].intake.location.province ?? "-", default: 0] += 1
        addDurationsAndDeadlines(reports, i)
        if case let .overdue(since) = urgency {
            overdueOpen += 1
            mostOverdue.offer(reports, i, since: since)
        }
        addGroups(reports, i)
    }

    mutating func addToSnapshot(_ reports: Reports, _ i: Int, _ urgency: Urgency) {
        snapshot.total += 1
        snapshotStatus.add(reports[i].status)
        snapshotChannel.add(reports[i].intake.channel)
        if let a = reports[i].agency { snapshot.byAgency[a, default: 0] += 1 }
        if urgency.isOverdue { snapshot.overdue += 1 }
        if urgency.isDueSoon { snapshot.dueSoon += 1 }
    }

    mutating func addGroups(_ reports: Reports, _ i: Int) {
        guard !reports[i].intake.reporter.groups.isEmpty else { return }
        // Markers of an anonim report are part of the hidden identity.
        guard !reports[i].anonymous || Access.canSeeIdentity(reports[i], by: viewer) else { return }
        let status = reports[i].status
        let outcome = status == .selesai ? 1 : (status.isOpen ? 2 : 3)
        let marked = reports[i].intake.reporter.groups
        for k in marked.indices where !marked[..<k].contains(marked[k]) {
            groups[0].add(marked[k])
            groups[outcome].add(marked[k])
        }
    }

    func finish() -> DeskReport {
        var snapshot = snapshot
        for s in ReportStatus.allCases where snapshotStatus[s] > 0 { snapshot.byStatus[s.rawValue] = snapshotStatus[s] }
        for c in Channel.allCases where snapshotChannel[c] > 0 { snapshot.byChannel[c.rawValue] = snapshotChannel[c] }
        let days = perDay.enumerated().map { DayCount(date: LocalDate(dayNumber: firstDay + $0.offset), count: $0.element) }
        let figures = DurationStep.allCases.map { step in
            let (median, p90) = NearestRank.medianAndP90(durations[step])
            return WorkingDaysFigure(step: step, samples: durations[step].count, waiting: waiting[step],
                                     median: median, p90: p90)
        }
        let compliance = Self.measuredClocks.map { DeadlineCompliance(clock: $0, met: met[$0], late: late[$0]) }
        // reports = selesai + open + archived on every line: a lone "< 5" there is withheld with a partner.
        // One to four reports in the period: any breakdown of them points at people (a group's "< 5" is then at
        // most the printed total), so category, region and group figures are not shown at all.
        let tooFew = (1..<SmallCount.threshold).contains(received)
        let groupFigures = ReporterGroup.allCases.map { g in
            if tooFew { return GroupFigure(group: g, reports: .concealed, selesai: .concealed, open: .concealed, archived: .concealed) }
            // Each cell is at most the period's own figure, printed exactly: received, selesai, open, archived.
            let caps = [received, byStatus[.selesai], ReportStatus.allCases.filter(\.isOpen).reduce(0) { $0 + byStatus[$1] },
                        byStatus[.diarsipkan] + byStatus[.dihapus]]
            let line = ComplementarySuppression.protect(total: groups[0][g], parts: (1...3).map { groups[$0][g] },
                                                        totalIsFixed: false, caps: caps)
            return GroupFigure(group: g, reports: line.total, selesai: line.parts[0], open: line.parts[1],
                               archived: line.parts[2])
        }
        return DeskReport(
            query: query, asOf: now, received: received, receivedPerDay: days,
            // Status, channel and classification describe the desk's work, not people: exact (QA: "Diarsipkan < 5"
            // hid what the inbox header shows anyway). Category, region and reporter groups can point at a
            // person and stay hidden under five.
            byStatus: ReportStatus.allCases.map { CountRow(key: $0.rawValue, label: $0.label, count: .exact(byStatus[$0])) },
            byChannel: Channel.allCases.map { CountRow(key: $0.rawValue, label: DeskReportLabels.channel($0), count: .exact(byChannel[$0])) },
            byCategory: Self.rows(Self.mergingSpellings(byCategory), none: DeskReportLabels.noCategory, conceal: tooFew),
            byClassification: Classification.allCases.map {
                CountRow(key: $0.rawValue, label: $0.label, count: .exact(byClassification[$0]))
            },
            byRegion: Self.rows(Self.mergingSpellings(byRegion), none: DeskReportLabels.noRegion, conceal: tooFew),
            workingDays: figures, deadlinesMet: compliance, overdueOpen: overdueOpen, mostOverdue: mostOverdue.rows(deadlines, now),
            groups: groupFigures, current: snapshot)
    }

    /// One row per topic or region however it was typed: intake takes "kesehatan" and "KESEHATAN" as the
    /// known "Kesehatan" and `list --category` finds all three, so the figures count them as one (QA: three
    /// rows of "< 5" for one topic of five). Merged per distinct spelling, not per report; the row takes
    /// the spelling most reports use (ties: the first in code-point order).
    static func mergingSpellings(_ counts: [String: Int]) -> [String: Int] {
        var groups: [String: [(spelling: String, count: Int)]] = [:]
        // Folded as the filters fold (case and accents): a row is what `list --category` finds.
        for (spelling, count) in counts { groups[Inbox.fold(spelling), default: []].append((spelling, count)) }
        guard groups.count < counts.count else { return counts }
        var merged: [String: Int] = [:]
        for spellings in groups.values {
            let shown = spellings.min { $0.count != $1.count ? $0.count > $1.count : $0.spelling < $1.spelling }!.spelling
            merged[shown] = spellings.reduce(0) { $0 + $1.count }
        }
        return merged
    }

    /// Data-keyed rows: counts shown exactly first (largest first), then the hidden ones; ties and hidden
    /// rows by name, so the order never hints at a hidden count. The rows add up to the period's received
    /// reports, printed exactly, so they go through `ComplementarySuppression` before they are ordered.
    /// A breakdown that may not be shown (`conceal`, or a line suppression cannot protect) is one row, "*":
    /// its rows' names alone would say which categories or regions the few reports are about.
    static func rows(_ counts: [String: Int], none: Localized, conceal: Bool) -> [CountRow] {
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let line = ComplementarySuppression.protect(total: ordered.reduce(0) { $0 + $1.value },
                                                    parts: ordered.map(\.value), totalIsFixed: true)
        if conceal || line.parts.contains(.concealed) {
            return ordered.isEmpty ? [] : [CountRow(key: "*", label: DeskReportLabels.concealed, count: .concealed)]
        }
        return zip(ordered, line.parts)
            .map { (key: $0.0.key, shown: $0.1.exactValue ?? 0, count: $0.1) }
            .sorted { $0.shown != $1.shown ? $0.shown > $1.shown : $0.key < $1.key }
            .map { CountRow(key: $0.key, label: $0.key == "-" ? none : Localized($0.key, en: $0.key), count: $0.count) }
    }
}
