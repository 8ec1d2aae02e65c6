import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// Opens the Laporan view on this month so far, for the whole desk the operator can see.
    static func openReports(_ s: inout ConsoleState) {
        let query = DeskReportPreset.thisMonth.query(now: s.now, timeZone: s.deskTimeZone)
        s.reportsView = ReportsViewState(period: .preset(.thisMonth), query: query, report: computeReport(s, query))
        s.overlay = .reports
    }

    static func computeReport(_ s: ConsoleState, _ q: DeskReportQuery) -> DeskReport {
        DeskReport.compute(desk: s.desk, query: q, deadlines: s.env.deadlines, now: s.now, viewer: s.env.operatorOnDuty)
    }

    /// The open Laporan view's figures again, once other processes wrote events (`ReportsViewState.outdated`).
    static func refreshOutdatedReports(_ s: inout ConsoleState) {
        guard var v = s.reportsView, v.outdated else { return }
        v.report = computeReport(s, v.query)
        v.cursor = min(v.cursor, max(0, v.report.mostOverdue.count - 1))
        v.outdated = false
        s.reportsView = v
    }

    static func handleReportsKey(_ s: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        guard var v = s.reportsView else {
            s.overlay = nil
            return []
        }
        switch ReportsKeys.command(for: key) {
        case .close:
            s.overlay = nil
            s.reportsView = nil
            return []
        case .period:
            let cycle: [DeskReportPreset] = [.thisMonth, .thisWeek, .lastMonth]
            let current: DeskReportPreset? = if case let .preset(p) = v.period { p } else { nil }
            let next = cycle[((current.flatMap { cycle.firstIndex(of: $0) } ?? -1) + 1) % cycle.count]
            v.period = .preset(next)
            v.query = next.query(now: s.now, timeZone: s.deskTimeZone, agency: v.query.agency, region: v.query.region)
            v.report = computeReport(s, v.query)
            v.cursor = 0
            v.scroll = 0
        case .scope:
            s.reportsView = v
            openReportScopeForm(&s, v)
            return []
        case .language:
            s.reportsView = v
            setLanguage(&s, s.env.language == .id ? .en : .id)
            return []
        case .help:
            // Help over the Laporan view lists its keys; closing it comes back here.
            s.reportsView = v
            s.overlay = .help(scroll: 0)
            return []
        case let .choose(delta):
            // The first move only brings the selected row into view, when it is out of view (QA: after PgDn
            // showed it, a first j did nothing and Enter opened the row above the one meant).
            let step = delta > 0 && !v.followCursor && !ReportsView.selectedRowVisible(s) ? 0 : delta
            v.cursor = max(0, min(max(0, v.report.mostOverdue.count - 1), v.cursor + step))
            v.followCursor = true
        case let .scroll(movement):
            // From where the view is now (following the cursor may have moved it), kept within the figures.
            let range = ReportsView.scrollRange(s)
            v.scroll = max(0, min(range.last, movement.target(from: range.top, count: range.last + 1, page: range.page)))
            v.followCursor = false
        case .open:
            guard !v.report.scopeTooSmall, v.report.mostOverdue.indices.contains(v.cursor) else { break }
            let id = v.report.mostOverdue[v.cursor].id
            s.overlay = nil
            s.reportsView = nil
            return openByID(&s, id)
        case nil: break
        }
        s.reportsView = v
        return []
    }

    /// Period (from–to, inclusive days) and scope (one agency, one region) of the Laporan view.
    static func openReportScopeForm(_ s: inout ConsoleState, _ v: ReportsViewState) {
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        let any = s.env.operatorOnDuty.role == .adminNasional ? Choice(id: "", label: t("(seluruh meja)", "(whole desk)"))
            : Choice(id: "", label: t("(semua yang dapat Anda lihat)", "(all you can see)"))
        let agencies = [any] + s.env.agencies.map { Choice(id: $0.id, label: $0.name) }
        let fields = [
            ActionForms.text("from", t("Dari tanggal (YYYY-MM-DD)", "From (YYYY-MM-DD)"), required: true, initial: v.query.firstDay.description),
            ActionForms.text("to", t("Sampai tanggal (YYYY-MM-DD)", "To (YYYY-MM-DD)"), required: true, initial: v.query.lastDay.description),
            ActionForms.choice("agency", t("Instansi", "Agency"), agencies, selected: agencies.firstIndex { $0.id == v.query.agency } ?? 0),
            ActionForms.text("region", t("Wilayah (provinsi/kabupaten/kota)", "Region (province/regency/city)"), initial: v.query.region ?? ""),
        ]
        s.overlay = .form(FormState(purpose: .reportScope, title: t("Periode & cakupan laporan", "Report period & scope"), targets: [],
                                    expectedVersions: [:], fields: fields,
                                    explanation: [t("Enter/C-s terapkan · Esc kembali", "Enter/C-s apply · Esc back")]))
    }

    /// Applies the scope form; a bad date keeps the form open with the reason.
    static func applyReportScope(_ s: inout ConsoleState, _ f: inout FormState) {
        guard var v = s.reportsView else {
            s.overlay = nil
            return
        }
        let fromText = f.text("from").trimmingCharacters(in: .whitespaces)
        let toText = f.text("to").trimmingCharacters(in: .whitespaces)
        guard let from = LocalDate(iso: fromText), let to = LocalDate(iso: toText), from <= to else {
            f.error = s.text(Localized("Tanggal tidak valid: gunakan YYYY-MM-DD, dan 'dari' tidak setelah 'sampai'.",
                                       en: "Invalid dates: use YYYY-MM-DD, with 'from' not after 'to'."))
            s.overlay = .form(f)
            return
        }
        var q = DeskReportQuery.days(from: from, through: to, timeZone: s.deskTimeZone)
        let agency = f.choice("agency") ?? ""
        let region = f.text("region").trimmingCharacters(in: .whitespaces)
        q.agency = agency.isEmpty ? nil : agency
        q.region = region.isEmpty ? nil : region
        q.regionIncludes = region.isEmpty ? [] : s.env.regionIncludes(region)
        v.period = .custom
        v.query = q
        v.report = computeReport(s, q)
        v.cursor = 0
        v.scroll = 0
        s.reportsView = v
        s.overlay = .reports
    }
}
