/// Where each report sits in `Desk.all`, by tracking id. The ids a desk hands out are consecutive numbers
/// ("2600001", "2600002"…): those are kept in an array by number, found with one parse and no hashing (the
/// fold looks an id up for every event, a million times at start-up, and hashing id strings was about 3 %
/// of a cold start). Any other id (not plain digits, a leading zero, far outside the desk's range) is kept
/// in a dictionary.
struct ReportIndex: Sendable {
    /// Position + 1 by number − `base`; 0 where no report has that number.
    private var byNumber: [Int32] = []
    private var base = 0
    /// Reports kept in `byNumber` (its slots may be more: gaps).
    private var numbered = 0
    private var others: [ReportID: Int] = [:]

    /// The number an id spells when it is plain decimal digits without a leading zero (so that no two ids
    /// share a number), short enough for an `Int`.
    ///
    /// Read through the string's bytes in place: walking its `utf8` view index by index was 2 % of a cold
    /// start's instructions (this runs for every event).
    static func number(_ id: ReportID) -> Int? {
        var text = id.rawValue
        return text.withUTF8 { bytes -> Int? in
            guard !bytes.isEmpty, bytes.count <= 15, bytes[0] != 0x30 else { return nil }
            var n = 0
            for b in bytes {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n &* 10 &+ Int(b &- 0x30)
            }
            return n
        }
    }

    subscript(id: ReportID) -> Int? { find(id, number: ReportIndex.number(id)) }

    /// `self[id]` with the id's number already parsed (`insert` parses it once for both).
    private func find(_ id: ReportID, number: Int?) -> Int? {
        if let n = number {
            let k = n - base
            if k >= 0, k < byNumber.count, byNumber[k] != 0 { return Int(byNumber[k]) - 1 }
        }
        return others.isEmpty ? nil : others[id]
    }

    /// Records `id` at `position`; false (and nothing changed) when the id is already there.
    mutating func insert(_ id: ReportID, at position: Int) -> Bool {
        insert(id, at: position, number: ReportIndex.number(id))
    }

    /// `insert(_:at:)` with the id's number already parsed (`number(id)`): the desk parses it once for the
    /// index and its highest id.
    mutating func insert(_ id: ReportID, at position: Int, number: Int?) -> Bool {
        guard find(id, number: number) == nil else { return false }
        if let n = number, position < Int(Int32.max), slot(for: n) {
            byNumber[n - base] = Int32(position + 1)
            numbered += 1
        } else {
            others[id] = position
        }
        return true
    }

    /// Makes `n` a slot of `byNumber` when that keeps the array dense: at most a few times more slots than
    /// reports kept in it (ids are handed out one after another; an id far away, hostile or imported, goes
    /// to `others`: counting slots instead let each far id quadruple the array).
    private mutating func slot(for n: Int) -> Bool {
        if byNumber.isEmpty {
            base = n
            byNumber.append(0)
            return true
        }
        let k = n - base
        guard k >= 0 else { return false }
        if k < byNumber.count { return true }
        let room = max(4_096, 4 * numbered)
        guard k < room else { return false }
        if byNumber.capacity <= k { byNumber.reserveCapacity(max(k + 1, byNumber.count * 2)) }
        byNumber.append(contentsOf: repeatElement(0, count: k + 1 - byNumber.count))
        return true
    }

    /// Slots in the numbered array (for tests: it stays dense).
    var slots: Int { byNumber.count }

    /// Room for `count` reports numbered one after another; grows at least twofold (see
    /// `Desk.reserveCapacity`).
    mutating func reserveCapacity(_ count: Int) {
        if byNumber.capacity < count { byNumber.reserveCapacity(max(count, byNumber.capacity * 2)) }
    }
}
