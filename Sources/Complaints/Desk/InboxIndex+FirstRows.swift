import Foundation

extension InboxIndex {
    /// Every report's row, built on two cores: the first inbox frame of a large desk waits for this (one
    /// row per report, each independent), so it is split in halves like the search. Each half is written
    /// in place into one array (no second copy to join).
    static func firstRows(_ reports: [Report], deadlines: Deadlines, parallelFrom: Int = 20_000) -> [InboxIndexRow] {
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
                    (rows + i).initialize(to: row(of: &reports[i], deadlines: deadlines, folds: &folds))
                }
            }
        }
    }

    private static func row(of report: inout Report, deadlines: Deadlines, folds: inout FoldCache) -> InboxIndexRow {
        InboxIndexRow(report, schedule: deadlines.schedule(of: report), folds: &folds)
    }
}
