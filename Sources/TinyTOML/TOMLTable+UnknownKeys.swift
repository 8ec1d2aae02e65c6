/// Reports keys a loader does not know, so a typo (`nmae = "..."`) is an error naming the line
/// instead of a silently ignored field.
extension TOMLTable {
    /// One error per key not in `allowed`, in document order, with a "did you mean" hint when an
    /// allowed key is a close spelling.
    public func unknownKeys(allowed: Set<String>) -> [TOMLFieldError] {
        keys.filter { !allowed.contains($0) }.map { key in
            var reason = "unknown field '\(key)'"
            if let guess = closestSpelling(to: key, among: allowed) { reason += " (did you mean '\(guess)'?)" }
            return fieldError(key, reason)
        }
    }
}

/// The candidate that is a likely misspelling of `word` (a few edits apart, case ignored), or
/// nil. Loaders use it for "did you mean" hints on unknown ids and names as well as keys.
public func closestSpelling(to word: String, among candidates: some Sequence<String>) -> String? {
    let lowered = Array(word.lowercased())
    var best: (distance: Int, name: String)?
    for candidate in candidates.sorted() {
        let distance = TOMLTable.editDistance(lowered, Array(candidate.lowercased()))
        let limit = candidate.count <= 3 ? 1 : candidate.count <= 8 ? 2 : 3
        if distance <= limit, distance < (best?.distance ?? Int.max) { best = (distance, candidate) }
    }
    return best?.name
}

extension TOMLTable {
    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [Int](repeating: 0, count: b.count + 1)
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = row
        }
        return previous[b.count]
    }
}
