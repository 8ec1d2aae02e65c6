import Foundation

/// The agency and region a desk report is limited to. Region names are folded (case, accents) once per
/// distinct place, not once per report.
public struct ReportScope {
    typealias Reports = DeskReportPass.Reports
    let agency: String?
    let region: String?
    /// Folded names of the places `region` names (see `InboxQuery.regionIncludes`).
    let includes: Set<String>
    private var memo: [String: Bool] = [:]

    init(agency: String?, region: String?, includes: Set<String> = []) {
        self.includes = includes
        let a = agency?.trimmingCharacters(in: .whitespaces)
        let r = region.map(Inbox.fold)?.trimmingCharacters(in: .whitespaces)
        self.agency = (a?.isEmpty ?? true) ? nil : a
        self.region = (r?.isEmpty ?? true) ? nil : r
    }

    mutating func contains(_ reports: Reports, _ i: Int) -> Bool {
        if let agency, reports[i].agency != agency, !reports[i].dispositions.contains(where: { $0.agency == agency }) {
            return false
        }
        guard let region else { return true }
        let province = reports[i].intake.location.province ?? ""
        let regency = reports[i].intake.location.regency ?? ""
        let key = province + "\u{1F}" + regency
        if let hit = memo[key] { return hit }
        let hit = InboxQuery.place(province: Inbox.fold(province), regency: Inbox.fold(regency), isIn: region, includes: includes)
        memo[key] = hit
        return hit
    }

    /// Whether a place, as written, is in the folded `region` (`InboxQuery.place`, folding it first).
    static func place(province: String, regency: String, isIn region: String) -> Bool {
        InboxQuery.place(province: Inbox.fold(province), regency: Inbox.fold(regency), isIn: region, includes: [])
    }

    /// Whether some report of `desk` is in `region` as the scope matches it: a place only reports carry (one
    /// not in wilayah.toml) is a scope as good as a known one (QA: `stats --region` refused what `list` found).
    public static func regionNamesAReport(_ region: String, in desk: Desk) -> Bool {
        guard let folded = ReportScope(agency: nil, region: region).region else { return true }
        return desk.all.withUnsafeBufferPointer { reports in
            reports.indices.contains {
                place(province: reports[$0].intake.location.province ?? "", regency: reports[$0].intake.location.regency ?? "", isIn: folded)
            }
        }
    }

    /// Whether `region` matches any place in the reference, as the scope matches reports: a typo that names
    /// nothing would give an empty report that looks like a quiet month.
    public static func regionNamesAPlace(_ region: String, in regions: RegionDirectory) -> Bool {
        guard let folded = ReportScope(agency: nil, region: region).region else { return true }
        if !regions.foldedPlaces(named: region).isEmpty { return true }
        return regions.provinces.contains { p in
            place(province: p.name, regency: "", isIn: folded) || p.regencies.contains { place(province: p.name, regency: $0.name, isIn: folded) }
        }
    }
}

/// The most overdue reports seen so far, at most `limit`, most overdue (earliest due) first; ties by id.
struct MostOverdue {
    typealias Reports = DeskReportPass.Reports
    let limit: Int
    private(set) var entries: [(since: Date, index: Int, id: ReportID, status: ReportStatus, agency: String?)] = []

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ reports: Reports, _ i: Int, since: Date) {
        let id = reports[i].id
        func before(_ a: Date, _ aID: ReportID, _ b: Date, _ bID: ReportID) -> Bool { a != b ? a < b : aID < bID }
        if entries.count == limit, let last = entries.last, !before(since, id, last.since, last.id) { return }
        let at = entries.firstIndex { before(since, id, $0.since, $0.id) } ?? entries.count
        entries.insert((since, i, id, reports[i].status, reports[i].agency), at: at)
        if entries.count > limit { entries.removeLast() }
    }

    func rows(_ deadlines: Deadlines, _ now: Date) -> [OverdueRow] {
        entries.map {
            OverdueRow(id: $0.id, status: $0.status, agency: $0.agency, overdueSince: $0.since,
                       workingDaysLate: deadlines.calendar.workingSeconds(from: $0.since, to: now) / 86400)
        }
    }
}

/// Labels of desk-report rows that the domain enums do not carry.
public enum DeskReportLabels {
    public static let noCategory = Localized("(tanpa kategori)", en: "(no category)")
    public static let noRegion = Localized("(tanpa wilayah)", en: "(no region)")
    /// What a narrowed scope of one to four reports shows instead of its figures (`DeskReport.scopeTooSmall`).
    public static let scopeTooSmall = Localized(
        "Cakupan ini memuat kurang dari lima laporan: angkanya tidak ditampilkan, karena dapat menunjuk orang.",
        en: "This scope holds fewer than five reports: its figures are not shown, since they could point at a person.")

    /// The one row a breakdown of too few reports is shown as (`SmallCount.concealed`).
    public static let concealed = Localized("(terlalu sedikit untuk dirinci)", en: "(too few to break down)")

    /// The channel as officers name it.
    public static func channel(_ c: Channel) -> Localized {
        switch c {
        case .web: Localized("Situs web", en: "Website")
        case .sms: Localized("SMS 1708", en: "SMS 1708")
        case .twitter: Localized("Twitter @lapor1708", en: "Twitter @lapor1708")
        case .app: Localized("Aplikasi", en: "App")
        case .whatsapp: Localized("WhatsApp", en: "WhatsApp")
        case .email: Localized("Surel", en: "Email")
        case .letter: Localized("Surat", en: "Letter")
        case .walkIn: Localized("Datang langsung", en: "Walk-in")
        case .phone: Localized("Telepon", en: "Phone")
        case .api: Localized("API", en: "API")
        }
    }

    /// Working days for display: one decimal ("1.5", or "1,5" with `decimalComma`), "-" when nil.
    public static func days(_ value: Double?, decimalComma: Bool = false) -> String {
        guard let value, value.isFinite else { return "-" }
        let tenths = Int(min(max(value * 10, -1e15), 1e15).rounded())
        let magnitude = abs(tenths)
        let text = (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Working days late for display: as `days`, except that a report already late but by less than a
    /// tenth of a day reads "< 0.1", never "0.0" (the inbox badge says TERLAMBAT from the first minute).
    public static func daysLate(_ value: Double) -> String {
        value > 0 && value < 0.05 ? "< 0.1" : days(value)
    }

    /// A share as a percentage with one decimal ("83.3"), "-" when nil.
    public static func percent(_ share: Double?, decimalComma: Bool = false) -> String {
        days(share.map { $0 * 100 }, decimalComma: decimalComma)
    }
}
