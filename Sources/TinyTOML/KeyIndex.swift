/// A table's keys in document order, and where each one is among them.
///
/// Found by comparing while the table is small, by hashing once it grows: nearly every table in a desk
/// file has a handful of keys, where a dictionary per table cost more to allocate, fill, copy on freezing
/// and hash into than comparing the few keys (about a third of parsing the reference data), while a table of
/// thousands of keys must still take linear time to build. Both ways compare keys as `String` does
/// (canonical equivalence), so a table finds the same key either way.
struct KeyIndex: Sendable {
    /// Above this many keys the table hashes.
    static let comparedKeysLimit = 16
    /// Room made for a table's first keys at once, rather than growing the arrays key by key.
    static let initialCapacity = 8

    private(set) var keys: [String] = []
    /// Position of each key; nil while the table is small.
    private var hashed: [String: Int]?

    /// Where `key` is in `keys`, or nil.
    func position(of key: String) -> Int? {
        if let hashed { return hashed[key] }
        return keys.firstIndex(of: key)
    }

    /// Appends `key`, which must not be present yet; returns its position.
    mutating func append(_ key: String) -> Int {
        let position = keys.count
        if keys.isEmpty { keys.reserveCapacity(KeyIndex.initialCapacity) }
        keys.append(key)
        if hashed != nil {
            hashed?[key] = position
        } else if keys.count > KeyIndex.comparedKeysLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(keys.count * 2)
            for (position, key) in keys.enumerated() { index[key] = position }
            hashed = index
        }
        return position
    }
}
