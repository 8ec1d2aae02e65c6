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

/// Values by key, keys in document order (`KeyIndex`): the parser's open tables and the frozen ones keep
/// their fields this way, a later value for a key replacing the earlier one in place.
struct KeyedValues<Value> {
    private var index = KeyIndex()
    /// The value of each key, in the order of `keys`.
    private(set) var values: [Value] = []

    var keys: [String] { index.keys }

    subscript(key: String) -> Value? { index.position(of: key).map { values[$0] } }

    mutating func set(_ key: String, _ value: Value) {
        if let existing = index.position(of: key) {
            values[existing] = value
        } else {
            if values.isEmpty { values.reserveCapacity(KeyIndex.initialCapacity) }
            _ = index.append(key)
            values.append(value)
        }
    }

    /// The same keys, each value transformed (freezing a table keeps its index as it is).
    func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> KeyedValues<T> {
        var mapped = KeyedValues<T>()
        mapped.index = index
        mapped.values = try values.map(transform)
        return mapped
    }
}

extension KeyedValues: Sendable where Value: Sendable {}
