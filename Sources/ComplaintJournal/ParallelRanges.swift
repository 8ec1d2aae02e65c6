/// Work over `0..<count` split into contiguous ranges, one per core, for the commands (`ParallelLines` is
/// the journal's own): a bulk import checks and names its records' topics and places on every core.
public enum ParallelRanges {
    /// `work(range)` for contiguous ranges covering `0..<count` in order (one range for a small count).
    public static func map<T: Sendable>(count: Int, _ work: @Sendable (Range<Int>) -> T) -> [T] {
        let workers = ParallelLines.workers(lines: count)
        return ParallelLines.map(count: workers, workers: workers) { part in
            work((count * part / workers)..<(count * (part + 1) / workers))
        }.flatMap { $0 }
    }
}
