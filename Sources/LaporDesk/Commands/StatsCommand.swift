import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation
import TextCanvas

/// The period and scope of a desk report, shared by `stats` and `export --report monthly`.
struct ReportPeriodOptions: ParsableArguments {
    @Option(help: "First day, YYYY-MM-DD (default: the first day of the month of --to, else of this month).")
    var from: String?
    @Option(help: "Last day, inclusive, YYYY-MM-DD (default: today).") var to: String?
    @Option(help: "Only reports disposed to this agency id, now or before (a pelimpahan keeps the history).")
    var agency: String?
    @Option(help: "Only reports from this province or regency/city (case and accents ignored).") var region: String?

    var isSet: Bool { from != nil || to != nil || agency != nil || region != nil }

    /// The query in the desk's zone; bad dates, unknown agencies and regions are usage errors (exit 2).
    func query(zone: DeskTimeZone, now: Date, reference: ReferenceData, desk: Desk) throws -> DeskReportQuery {
        func date(_ text: String?, _ flag: String) throws -> LocalDate? {
            guard let text else { return nil }
            guard let d = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw Fail.usage("\(flag): '\(QuotedValue.shown(text))' is not a date; use YYYY-MM-DD, e.g. 2026-11-01")
            }
            return d
        }
        let today = DeskReportQuery.monthSoFar(now: now, timeZone: zone).lastDay
        let last = try date(to, "--to") ?? today
        let first = try date(from, "--from") ?? LocalDate(year: last.year, month: last.month, day: 1) ?? last
        guard first <= last else { throw Fail.usage("--from \(first) is after --to \(last)") }
        // One bar per day: ten years is already 3,653 lines (QA: year 1 to 9999 took a gigabyte).
        if last.dayNumber - first.dayNumber >= 3653 {
            throw Fail.usage("--from \(first) --to \(last): at most ten years at a time")
        }
        if let agency, reference.agencies[agency] == nil {
            throw Fail.usage("--agency: unknown agency id '\(QuotedValue.shown(agency))' (see referensi/instansi.toml)")
        }
        let region = region.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let region, !ReportScope.regionNamesAPlace(region, in: reference.regions), !ReportScope.regionNamesAReport(region, in: desk) {
            // A typo would otherwise give an empty report that looks like a quiet month.
            throw Fail.usage("--region: no province or regency/city matches '\(QuotedValue.shown(region))' (see referensi/wilayah.toml)")
        }
        var query = DeskReportQuery.days(from: first, through: last, timeZone: zone, agency: agency, region: region)
        if let region { query.regionIncludes = reference.regions.foldedPlaces(named: region) }
        return query
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "The desk's figures for a period: volumes, working days, deadlines met.",
        discussion: """
        Counts reports received in the period (default: this month so far) that you may see. Groups of one to \
        four reports are shown as "< 5", and where a total and the other parts would give such a count away, a \
        second count is hidden as "≥ 5"; a breakdown that would still give one away (one to four reports in \
        the period) is one row "*"; no figure names a reporter. Working days: median and 90th percentile \
        (nearest rank) of the reports that completed the step. --json prints one object; its keys total, \
        overdue, due_soon, by_status, by_channel and by_agency describe every report in scope now, whatever \
        the period, as they always did.
        """)

    @OptionGroup var desk: DeskOptions
    @OptionGroup var period: ReportPeriodOptions
    @Flag(help: "As one JSON object.") var json = false

    func run() throws {
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        DeskAccess.reportRecovery(opened)
        let op = try DeskAccess.actor(opened, desk)
        let now = try DeskAccess.now(opened)
        let query = try period.query(zone: opened.settings.timeZone, now: now, reference: opened.reference, desk: opened.desk)
        let report = DeskReport.compute(desk: opened.desk, query: query, deadlines: opened.deadlines, now: now, viewer: op)
        if json {
            Output.line(report.json.compactText)
        } else {
            Output.raw(StatsText.render(report, reference: opened.reference))
        }
        if DeskAccess.hasRepairableDamage(opened) {
            throw Fail.damaged(DeskAccess.incompleteOutput("the figures are", opened))
        }
    }
}

/// The readable form of a desk report: sections, aligned columns and a bar chart of reports received per
/// day. Every name from the data goes through `Sanitize`.
enum StatsText {
    static let barWidth = 40
    static let weekdays = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]

    static func render(_ r: DeskReport, reference: ReferenceData) -> String {
        var out: [String] = []
        func clean(_ s: String) -> String { ReportText.clean(s) }
        // A label too long for its column gets a line of its own, the figures aligned under it: cut, it lost the
        // id a script reads (QA: "Permintaan Informasi (permintaan-inform…").
        func row(_ label: String, _ width: Int, _ cells: [String]) -> String {
            let name = clean(label)
            let figures = cells.map { TextFit.pad($0, width: 10, alignment: .right) }.joined()
            guard name.displayWidth > width else { return "  " + TextFit.pad(name, width: width) + figures }
            return "  " + name + "\n  " + String(repeating: " ", count: width) + figures
        }
        let q = r.query
        out.append("Laporan meja \(q.firstDay) s.d. \(q.lastDay) (\(q.timeZone.rawValue)), dihitung "
            + ISOTime.format(r.asOf, offsetSeconds: q.timeZone.secondsFromUTC))
        var scope: [String] = []
        if let a = q.agency { scope.append("instansi \(clean(reference.agencyName(a) ?? a)) [\(clean(a))]") }
        if let g = q.region { scope.append("wilayah \(clean(g))") }
        out.append("Cakupan: " + (scope.isEmpty ? "semua laporan yang dapat Anda lihat" : scope.joined(separator: ", ")))
        if r.scopeTooSmall { return (out + [DeskReportLabels.scopeTooSmall.id]).joined(separator: "\n") + "\n" }
        out.append("Diterima: \(r.received)   terlambat kini: \(r.overdueOpen)")
        out.append("")
        out.append("Diterima per hari")
        let peak = r.peakPerDay
        for d in r.receivedPerDay {
            let bar = String(repeating: "█", count: d.barLength(peak: peak, width: barWidth))
            out.append("  \(d.date) \(weekdays[d.date.weekday.rawValue - 1]) "
                + TextFit.pad(bar, width: barWidth) + " " + String(d.count))
        }
        for b in r.breakdowns where !b.rows.isEmpty {
            out.append("")
            out.append(b.title.id)
            for c in b.rows { out.append(row(c.label.id == c.key ? c.key : "\(c.label.id) (\(c.key))", 44, [c.count.text])) }
        }
        out.append("")
        out.append(TextFit.pad("Hari kerja", width: 42) + ["median", "p90", "n", "menunggu"]
            .map { TextFit.pad($0, width: 10, alignment: .right) }.joined())
        for f in r.workingDays {
            out.append(row(f.step.label.id, 40, [DeskReportLabels.days(f.median), DeskReportLabels.days(f.p90),
                                                 String(f.samples), String(f.waiting)]))
        }
        out.append("")
        out.append(TextFit.pad("Tenggat terpenuhi", width: 42) + ["tepat", "terlambat", "%"]
            .map { TextFit.pad($0, width: 10, alignment: .right) }.joined())
        for c in r.deadlinesMet {
            out.append(row(c.clock.label.id, 40, [String(c.met), String(c.late), DeskReportLabels.percent(c.share)]))
        }
        out.append("")
        out.append("Terlambat paling lama (\(r.mostOverdue.count) dari \(r.overdueOpen))")
        if r.mostOverdue.isEmpty { out.append("  -") }
        for o in r.mostOverdue {
            out.append("  " + TextFit.pad(clean(o.id.rawValue), width: 10) + TextFit.pad(o.status.rawValue, width: 17)
                + TextFit.pad(DeskReportLabels.daysLate(o.workingDaysLate) + " hari kerja", width: 17) + " "
                + "sejak " + ISOTime.format(o.overdueSince, offsetSeconds: q.timeZone.secondsFromUTC)
                + (o.agency.map { "  " + clean($0) } ?? ""))
        }
        out.append("")
        out.append(TextFit.pad("Kelompok pelapor", width: 42) + ["laporan", "selesai", "terbuka", "arsip"]
            .map { TextFit.pad($0, width: 10, alignment: .right) }.joined())
        for g in r.groups {
            out.append(row(g.group.label.id, 40, [g.reports.text, g.selesai.text, g.open.text, g.archived.text]))
        }
        let c = r.current
        out.append("")
        out.append("Saat ini, semua tanggal: \(c.total) laporan, terlambat \(c.overdue), jatuh tempo \(c.dueSoon)")
        out.append("Kelompok di bawah lima laporan ditulis \"< 5\". Median dan p90: peringkat terdekat.")
        // Why a 17 reads "≥ 5": without it, the line's total minus the other figures gives the "< 5" back.
        out.append("\"≥ 5\": angka kedua yang disembunyikan agar \"< 5\" tidak dapat dihitung dari jumlahnya.")
        out.append("\"*\": rincian yang tidak ditampilkan: laporannya terlalu sedikit, rinciannya akan menunjuk orang.")
        return out.joined(separator: "\n") + "\n"
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every report you can see.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, open311, intake }
    /// Figures instead of reports.
    enum ReportKind: String, ExpressibleByArgument, CaseIterable { case monthly }

    @OptionGroup var desk: DeskOptions
    @Option(help: "jsonl (the whole report), csv, open311, or intake (the intake records as received, which `import` reads back)")
    var format: Format = .jsonl
    @Flag(help: "For publication: leaves out rahasia reports, every reporter identity and the free-text address detail.") var `public` = false
    @Option(help: "CSV separator: , or ; (Indonesian-locale spreadsheets).") var separator: String = ","
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (`-`: standard output, as `import -` reads standard input).")
    var output: String?
    @Option(help: "monthly: the desk's figures (as `stats`) as a CSV with --format csv; UTF-8 with BOM, CRLF, section;key;value rows. With --separator ';' decimals use a comma.")
    var report: ReportKind?
    /// Only with `--report monthly` (they choose the figures' period and scope, not the reports exported).
    @OptionGroup(title: "Monthly report (--report monthly only)") var period: ReportPeriodOptions

    func run() throws {
        guard let sep = CSVSeparator(rawValue: separator) else { throw Fail.usage("--separator: use , or ;") }
        if report != nil, format != .csv { throw Fail.usage("--report monthly: only with --format csv") }
        if report == nil, period.isSet { throw Fail.usage("--from, --to, --agency and --region: only with --report monthly") }
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        DeskAccess.reportRecovery(opened)
        try export(opened, separator: sep)
        // A handover must not pass for complete when damaged lines left reports out: written, then exit 3.
        // Lines that verify but this build cannot read are warned about above, as `list` does (QA: export
        // exited 3 for ever over them, pointing at a `check --repair` that has nothing to set aside).
        if DeskAccess.hasRepairableDamage(opened) {
            throw Fail.damaged(DeskAccess.incompleteOutput("the export is", opened))
        }
    }

    private func export(_ opened: OpenedDesk, separator sep: CSVSeparator) throws {
        let op = try DeskAccess.actor(opened, desk)
        let now = try DeskAccess.now(opened)
        if report != nil {
            let query = try period.query(zone: opened.settings.timeZone, now: now, reference: opened.reference, desk: opened.desk)
            let figures = DeskReport.compute(desk: opened.desk, query: query, deadlines: opened.deadlines, now: now, viewer: op)
            try write(figures.csv(separator: Character(sep.rawValue), includeReportIDs: !`public`), dataFolder: opened.folder.url)
            return
        }
        let reports = opened.desk.all.filter { Access.canSee($0, by: op) }
        let export = ReportExport(deadlines: opened.deadlines, now: now, offsetSeconds: opened.settings.timeZone.secondsFromUTC)
        let identity: (Report) -> Bool = { Access.canSeeIdentity($0, by: op) }
        let text: String
        do {
            text = switch format {
            case .jsonl: try export.jsonl(reports, public: `public`, identityVisible: identity)
            case .csv: export.csv(reports, separator: sep, public: `public`, identityVisible: identity)
            case .open311: try export.open311(reports, public: `public`)
            case .intake: try export.intakeJSONL(reports, public: `public`, identityVisible: identity)
            }
        } catch {
            // Bodies are read back from the journal: one that no longer reads is damage, never exported as text.
            throw Fail.damaged("\(error)\nnothing was exported; `lapor-desk check` lists the damaged journal lines")
        }
        try write(text, dataFolder: opened.folder.url)
    }

    private func write(_ text: String, dataFolder: URL) throws {
        if let output, output != "-" {
            try OutputFile.write(text, to: output, outside: dataFolder)
        } else {
            Output.raw(text)
        }
    }
}
