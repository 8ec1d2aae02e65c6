extension PayloadTape {
    /// One node of a tape, read the way `EventPayloadReader` reads a `JSONValue`.
    struct Value: PayloadJSON {
        let tape: PayloadTape
        let index: Int

        private var node: Node { tape.nodes[index] }

        var root: Value { Value(tape: tape, index: 0) }

        subscript(key: String) -> Value? {
            guard node.kind == .object else { return nil }
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                let v = k + 1
                if tape.keyEquals(k, key) { return Value(tape: tape, index: v) }
                k = Int(tape.nodes[v].next)
            }
            return nil
        }

        var isNull: Bool { node.kind == .null }
        var isObject: Bool { node.kind == .object }
        var stringValue: String? { node.kind == .string ? tape.text(index) : nil }
        var boolValue: Bool? { node.kind == .bool ? node.flag : nil }

        var arrayValue: [Value]? {
            guard node.kind == .array else { return nil }
            var items: [Value] = []
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                items.append(Value(tape: tape, index: k))
                k = Int(tape.nodes[k].next)
            }
            return items
        }

        var memberList: [(key: String, value: Value)]? {
            guard node.kind == .object else { return nil }
            var members: [(key: String, value: Value)] = []
            let end = Int(node.next)
            var k = index + 1
            while k < end {
                members.append((tape.text(k), Value(tape: tape, index: k + 1)))
                k = Int(tape.nodes[k + 1].next)
            }
            return members
        }
    }
}
