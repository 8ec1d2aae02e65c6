extension Dictionary {
    /// The value for `key`, made by `make` the first time it is asked for: lookups an import repeats for
    /// every line (a few dozen topics and places among thousands of lines) are made once per spelling.
    @inlinable
    public mutating func memo(_ key: Key, _ make: () -> Value) -> Value {
        if let known = self[key] { return known }
        let made = make()
        self[key] = made
        return made
    }
}
