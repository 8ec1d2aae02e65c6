import Foundation

extension InboxIndex {
    /// Every report's row, built on two cores: the first inbox frame of a large desk waits for this (one
    /// row per report, each independent), so it is split in halves like the search. Each half is written
    /// in place into one array (no second copy to join).
    ///
    /// Without `filterWords`, the rows' folded category and region are left empty (`fillFilterWords` sets
    /// them when a filter first needs them): folding them was about a quarter of the first frame's rows.
    static func firstRows(_ reports: [Report], deadlines: Deadlines, filterWords: Bool = true,
                          parallelFrom: Int = 20_000) -> [InboxIndexRow] {
        // Reports are read through a buffer pointer: `reports[i]` on the array copies (retains) the whole
        // report on every access, which cost more than building the row.
        reports.withUnsafeBufferPointer { source in
            let input = SharedReadOnly(source)
            return builtOnBothCores(count: source.count, parallelFrom: parallelFrom) { range, rows in
                // Reports are handed on `inout`, though nothing writes them: read from a buffer, each was
                // copied (every string and array retained, then released) before each call, as the compiler
                // cannot prove the memory stays put during a call; an inout access proves it.
                guard let base = input.buffer.baseAddress else { return }
                let reports = UnsafeMutablePointer(mutating: base)
                var folds = FoldCache()
                for i in range {
                    (rows + i).initialize(to: row(of: &reports[i], deadlines: deadlines, filterWords: filterWords, folds: &folds))
                }
            }
        }
    }

    /// Sets every row's filter words from its report (`reports[i]` is row `i`'s), on two cores: the rows
    /// `firstRows` built without them, before the first category or region filter.
    static func fillFilterWords(_ rows: inout [InboxIndexRow], from reports: [Report], parallelFrom: Int = 20_000) {
        precondition(rows.count == reports.count, "one row per report")
        reports.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { target in
                guard let start = target.baseAddress, let base = source.baseAddress else { return }
                let out = SharedSlots(start)
                let reports = SharedSlots(UnsafeMutablePointer(mutating: base))
                let count = target.count
                let parts = coreParts(count: count, parallelFrom: parallelFrom, parts: 16)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var folds = FoldCache()
                    for i in partRange(part, of: parts, count: count) {
                        (out.base + i).pointee.setFilterWords(of: &reports.base[i], folds: &folds)
                    }
                }
            }
        }
    }

    private static func row(of report: inout Report, deadlines: Deadlines, filterWords: Bool, folds: inout FoldCache) -> InboxIndexRow {
        let schedule = deadlines.schedule(of: report)
        guard filterWords else { return InboxIndexRow(withoutFilterWords: report, schedule: schedule) }
        return InboxIndexRow(report, schedule: schedule, folds: &folds)
    }
}
