extension PayloadTape {
    /// One node of a tape, read the way `EventPayloadReader` reads a `JSONValue`. Plain pointers into the
    /// tape and the payload (valid inside `withRoot`), so the reader copies it freely without reference
    /// counting.
    struct Value: PayloadJSON {
        let nodes: UnsafeBufferPointer<Node>
        let bytes: UnsafeBufferPointer<UInt8>
        let index: Int

        private var node: Node { nodes[index] }

        subscript(field key: StaticString) -> Value? {
            guard node.kind == .object else { return nil }
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                let v = k + 1
                if PayloadTape.keyEquals(nodes, bytes, k, key) { return Value(nodes: nodes, bytes: bytes, index: v) }
                k = Int(nodes[v].next)
            }
            return nil
        }

        /// In one pass over the members, looking for each member's name from the one after the last found:
        /// with `names` in the order the journal writes them (as an intake's are), each member costs one
        /// comparison plus one per absent name passed, where a lookup per name scanned the members from
        /// the start (about 2 % of a cold start). Members out of that order are still found.
        func fields(_ names: [StaticString]) -> [Value?] {
            var found = [Value?](repeating: nil, count: names.count)
            guard node.kind == .object else { return found }
            let end = Int(node.next)
            names.withUnsafeBufferPointer { names in
                let count = names.count
                var k = index + 1
                var next = 0
                while k < end {
                    let v = k + 1
                    var slot = next
                    while slot < count, !PayloadTape.keyEquals(nodes, bytes, k, names[slot]) { slot += 1 }
                    if slot == count {
                        // Not after the last found: an earlier name (written out of order), or none.
                        slot = 0
                        while slot < next, !PayloadTape.keyEquals(nodes, bytes, k, names[slot]) { slot += 1 }
                        if slot == next { slot = count }
                    }
                    if slot < count {
                        // The first member of a name counts, as for `self[field:]`.
                        if found[slot] == nil { found[slot] = Value(nodes: nodes, bytes: bytes, index: v) }
                        next = slot + 1
                    }
                    k = Int(nodes[v].next)
                }
            }
            return found
        }

        /// A string as a vocabulary word, found by its bytes (`PayloadTape.word`).
        var sharedWord: String? {
            let n = node
            guard n.kind == .string else { return nil }
            return PayloadTape.word(UnsafeBufferPointer(rebasing: bytes[Int(n.start + 1)..<Int(n.end - 1)]), escaped: n.flag)
        }

        var isNull: Bool { node.kind == .null }
        var isObject: Bool { node.kind == .object }
        var stringValue: String? { node.kind == .string ? PayloadTape.text(nodes, bytes, index) : nil }
        var boolValue: Bool? { node.kind == .bool ? node.flag : nil }
        var stringSpan: Range<Int>? { node.kind == .string ? Int(node.start)..<Int(node.end) : nil }

        var arrayValue: [Value]? {
            guard node.kind == .array else { return nil }
            var items: [Value] = []
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                items.append(Value(nodes: nodes, bytes: bytes, index: k))
                k = Int(nodes[k].next)
            }
            return items
        }

        /// An object's members in input order with their keys' raw bytes between the quotes (nil for a
        /// key with escapes), without building key strings; `body` returns false to stop. False for a
        /// non-object or when stopped.
        func forEachRawMember(_ body: (_ key: UnsafeBufferPointer<UInt8>?, _ value: Value) -> Bool) -> Bool {
            guard node.kind == .object else { return false }
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                let key = nodes[k]
                let raw = key.flag ? nil : UnsafeBufferPointer(rebasing: bytes[Int(key.start + 1)..<Int(key.end - 1)])
                guard body(raw, Value(nodes: nodes, bytes: bytes, index: k + 1)) else { return false }
                k = Int(nodes[k + 1].next)
            }
            return true
        }

        var memberList: [(key: String, value: Value)]? {
            guard node.kind == .object else { return nil }
            var members: [(key: String, value: Value)] = []
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                members.append((PayloadTape.text(nodes, bytes, k), Value(nodes: nodes, bytes: bytes, index: k + 1)))
                k = Int(nodes[k + 1].next)
            }
            return members
        }
    }

    /// Runs `body` with the root value of the tape.
    func withRoot<R>(_ body: (Value) -> R) -> R {
        nodes.withUnsafeBufferPointer { body(Value(nodes: $0, bytes: bytes, index: 0)) }
    }
}
