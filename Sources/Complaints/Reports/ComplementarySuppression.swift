/// Secondary (complementary) suppression for one line of figures that shows a total and the parts that
/// add up to it: a reporter group's reports = selesai + open + archived, or the reports received in the
/// period = the rows of the category (or region) breakdown.
///
/// Why: hiding 1–4 as "< 5" is undone by subtraction when the total and every other part are shown
/// (QA: "laporan 21 · selesai < 5 · terbuka 17 · diarsipkan 0" → selesai = 4). So while some "< 5" can
/// still be pinned to a single value, the smallest other non-zero part is withheld too ("≥ 5"), and
/// when no part is left, the total itself (when the line may hide it).
///
/// "Pinned" is judged as a reader who knows these rules would: a shown cell is its value, "< 5" is
/// 1...4, "≥ 5" is five or more, and the cells must add up. For one sum that reasoning is exact: each
/// cell can be anything between the bounds below and no more, so a "< 5" is safe once its range holds
/// two values. Zeros stay shown (they single nobody out) but count as known values.
public enum ComplementarySuppression {
    /// The cells of one line: `total` and `parts` as counted. `totalIsFixed`: the total is printed
    /// exactly whatever happens (the period's received reports, shown in the header and per day), so it
    /// is neither hidden as small nor withheld. `caps`: figures printed elsewhere that bound each cell
    /// (total first, then the parts): a group's archived reports are at most the archived reports of the
    /// period, printed exactly (QA: "Diarsipkan 1" beside a group's "arsip < 5" gave the 1 away).
    public static func protect(total: Int, parts: [Int], totalIsFixed: Bool, caps: [Int]? = nil)
        -> (total: SmallCount, parts: [SmallCount])
    {
        var line = Line(values: [total] + parts, caps: caps)
        line.shown[0] = totalIsFixed ? .exact(total) : SmallCount(total)
        for i in parts.indices { line.shown[i + 1] = SmallCount(parts[i]) }
        while line.somePinned {
            // The smallest shown non-zero part (the first of equals: callers list rows in display order).
            let candidates = parts.indices.map { $0 + 1 }.filter { line.shown[$0] == .exact(line.values[$0]) && line.values[$0] > 0 }
            if let next = candidates.min(by: { line.values[$0] < line.values[$1] }) {
                line.shown[next] = .withheld
            } else if !totalIsFixed, case .exact = line.shown[0], total > 0 {
                line.shown[0] = .withheld
            } else {
                // Every non-zero cell that may be hidden is, and a "< 5" is still given away (two reports in two
                // regions are one each, whatever we print): the line is not shown at all (but a fixed total).
                return (totalIsFixed ? line.shown[0] : .concealed, parts.map { _ in .concealed })
            }
        }
        return (line.shown[0], Array(line.shown.dropFirst()))
    }

    /// Index 0 is the total, then the parts; `values` as counted, `shown` as printed.
    struct Line {
        let values: [Int]
        var shown: [SmallCount]
        /// Upper bounds known from elsewhere, per cell (`unbounded` when none).
        let caps: [Int]

        init(values: [Int], caps: [Int]? = nil) {
            self.values = values
            shown = values.map { .exact($0) }
            self.caps = caps.map { $0.map { max(0, $0) } } ?? values.map { _ in Self.unbounded }
        }

        /// A large stand-in for "no upper bound" that sums without overflowing.
        static let unbounded = 1 << 40

        /// What a reader knows of a cell from its printed form alone.
        func bounds(_ i: Int) -> (low: Int, high: Int) {
            let cap = caps.indices.contains(i) ? caps[i] : Self.unbounded
            switch shown[i] {
            case let .exact(n): return (n, n)
            case .fewerThanFive: return (1, min(SmallCount.threshold - 1, cap))
            case .withheld: return (SmallCount.threshold, cap)
            case .concealed: return (0, cap)
            }
        }

        /// The values cell `i` can take, given every other cell's bounds and total = sum of parts.
        func range(_ i: Int) -> (low: Int, high: Int) {
            let own = bounds(i)
            let others = shown.indices.filter { $0 != 0 && $0 != i }.map(bounds)
            let low = others.reduce(0) { min(Self.unbounded, $0 + $1.low) }
            let high = others.reduce(0) { min(Self.unbounded, $0 + $1.high) }
            if i == 0 { return (max(own.low, low), min(own.high, high)) } // total = sum of the parts
            let total = bounds(0) // part = total - the other parts
            return (max(own.low, total.low - high), min(own.high, total.high - low))
        }

        /// Whether some "< 5" can be worked out to a single value.
        var somePinned: Bool {
            shown.indices.contains { shown[$0] == .fewerThanFive && range($0).low >= range($0).high }
        }
    }
}
