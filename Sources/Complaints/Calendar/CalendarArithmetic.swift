/// Integer helpers shared by the calendar types.
///
/// Why: day numbers may be negative (instants before 1970) and Swift's `/` and `%` truncate
/// toward zero, so every calendar formula uses floor division instead.
enum CalendarArithmetic {
    /// Seconds in one calendar day; Indonesia has no daylight saving, so every local day has this.
    static let secondsPerDay: Double = 86_400

    /// Bound on day numbers derived from untrusted instants (about 270 million years either way),
    /// so absurd or non-finite `Date`s are clamped instead of trapping on `Int` conversion.
    static let dayLimit: Double = 1e11

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    /// `floor(x)` as an `Int`, clamped to ±`dayLimit`; NaN maps to 0. Never traps.
    static func clampedFloor(_ x: Double) -> Int {
        guard !x.isNaN else { return 0 }
        let clamped = min(max(x, -dayLimit), dayLimit)
        return Int(clamped.rounded(.down))
    }
}
