/// Counts per case of a small enum, in an array instead of a dictionary: a linear scan over a handful of
/// cases is cheaper than hashing, and `DeskReport.compute` counts 200,000 reports several times over.
struct EnumTally<E: CaseIterable & Equatable> {
    let cases: [E]
    private(set) var counts: [Int]

    init() {
        cases = Array(E.allCases)
        counts = Array(repeating: 0, count: cases.count)
    }

    mutating func add(_ e: E, _ n: Int = 1) {
        if let k = cases.firstIndex(of: e) { counts[k] += n }
    }

    subscript(e: E) -> Int { cases.firstIndex(of: e).map { counts[$0] } ?? 0 }
}

/// Samples per case of a small enum (durations per step).
struct EnumSamples<E: CaseIterable & Equatable> {
    let cases: [E]
    private(set) var values: [[Double]]

    init() {
        cases = Array(E.allCases)
        values = Array(repeating: [], count: cases.count)
    }

    mutating func append(_ e: E, _ v: Double) {
        if let k = cases.firstIndex(of: e) { values[k].append(v) }
    }

    subscript(e: E) -> [Double] { cases.firstIndex(of: e).map { values[$0] } ?? [] }
}
