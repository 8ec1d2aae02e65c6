import Complaints

/// Where the inbox cursor goes when its row leaves or moves, found by report id rather than by row
/// number. Other consoles and `import` add and re-sort rows at any time; a row number kept across that
/// landed on an unrelated report, and the officer's next key acted on it (QA: a save during a bulk import
/// moved the selection to a report 5,000 rows away, which the next disposal then sent).
enum InboxNeighbours {
    /// How many rows on each side are looked at: enough for a bulk action that took several neighbours.
    static let reach = 16

    /// The row of the report that followed `id` in `before` (or, with none left, preceded it) that is
    /// still listed in `now`.
    static func nearest(to id: ReportID, before: ListedReports, now: ListedReports) -> Int? {
        guard let i = before.firstIndex(of: id) else { return nil }
        let candidates = Array(before[(i + 1)...].prefix(reach)) + before[..<i].suffix(reach).reversed()
        for candidate in candidates {
            if let j = now.firstIndex(of: candidate) { return j }
        }
        return nil
    }

    /// Whether `id` changed places among the rows around it: neither the row before it nor the row after
    /// it is the same as before. Rows added or taken out of the view around it do not count.
    static func moved(_ id: ReportID, before: ListedReports, now: ListedReports) -> Bool {
        guard let i = before.firstIndex(of: id), let j = now.firstIndex(of: id) else { return false }
        let old = Array(before[max(0, i - reach)..<min(before.count, i + reach + 1)])
        let new = Array(now[max(0, j - reach)..<min(now.count, j + reach + 1)])
        let (inOld, inNew) = (Set(old), Set(new))
        let b = old.filter(inNew.contains), n = new.filter(inOld.contains)
        guard let x = b.firstIndex(of: id), let y = n.firstIndex(of: id) else { return false }
        let keptPrevious = (x > 0 ? b[x - 1] : nil) == (y > 0 ? n[y - 1] : nil)
        let keptNext = (x + 1 < b.count ? b[x + 1] : nil) == (y + 1 < n.count ? n[y + 1] : nil)
        return !(keptPrevious || keptNext)
    }
}
