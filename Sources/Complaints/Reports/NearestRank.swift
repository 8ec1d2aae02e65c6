/// Percentiles by the **nearest-rank** method, the one definition every figure of a desk report uses.
///
/// For `n` values sorted ascending `x₁ ≤ … ≤ xₙ`, the p-th percentile (0 < p ≤ 100) is `x_r` with
/// `r = ⌈p × n / 100⌉` (and at least 1). It is always one of the observed values, never an
/// interpolation, so "90% of reports were verified within X working days" holds exactly.
/// The median is the 50th percentile: for an even count it is the lower of the two middle values
/// (n = 4 → x₂). An empty set has no percentile (`nil`, printed "-").
///
/// Why: managers compare these figures month to month and against other desks; a single, stated
/// definition keeps them comparable and lets the tests compute every answer by hand.
public enum NearestRank {
    /// The `percent`-th percentile of values already sorted ascending; nil when empty. `percent` is
    /// clamped to 1...100.
    public static func percentile(_ percent: Int, ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let p = min(max(percent, 1), 100)
        let rank = max(1, (p * values.count + 99) / 100) // ⌈p·n/100⌉ in integers: no rounding surprises
        return values[min(rank, values.count) - 1]
    }

    /// Sorts and returns (median, 90th percentile).
    public static func medianAndP90(_ values: [Double]) -> (median: Double?, p90: Double?) {
        let sorted = values.sorted()
        return (percentile(50, ofSorted: sorted), percentile(90, ofSorted: sorted))
    }
}
