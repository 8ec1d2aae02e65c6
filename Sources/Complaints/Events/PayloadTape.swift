import Foundation
import TinyTOML

/// A payload parsed in one pass into a flat list of nodes (kind and byte range), without building strings,
/// arrays or member lists: strings are decoded only when the reader asks for them. Start-up decodes every
/// event of the journal, and building a `JSONValue` tree per event was most of its cost.
///
/// The tape accepts exactly the documents `JSONValue.parse` accepts (same grammar, UTF-8 rule and depth
/// limit); when it refuses one, `EventCodec` reparses with `JSONValue` to report the usual message.
struct PayloadTape {
    enum Kind: UInt8 { case null, bool, number, string, array, object }

    /// One value. `end` is one past its last byte; `next` the index of the node after its subtree.
    struct Node {
        var kind: Kind
        /// For strings: whether the text contains an escape. For bools: the value.
        var flag: Bool
        var start: Int32
        var end: Int32
        var next: Int32
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var nodes: [Node] = []

    /// Parses `bytes`; nil when they are not one valid JSON document (the caller falls back to `JSONValue`).
    /// `storage` is node room left by an earlier tape (`takeStorage`), reused instead of allocated anew.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONValue.defaultMaxDepth,
                      reusing storage: consuming [Node] = []) -> PayloadTape? {
        guard bytes.count < Int(Int32.max) else { return nil }
        var tape = PayloadTape(bytes: bytes, nodes: storage)
        tape.nodes.removeAll(keepingCapacity: true)
        // An intake's payload takes about 50 nodes: room for them up front, not a regrowth per report.
        tape.nodes.reserveCapacity(64)
        var i = 0
        tape.skipSpace(&i)
        guard tape.value(&i, depth: 0, maxDepth: maxDepth) else { return nil }
        tape.skipSpace(&i)
        guard i == bytes.count else { return nil }
        return tape
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, nodes: consuming [Node]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    /// The tape's node room, handed on to the next `parse` (the tape is left empty).
    mutating func takeStorage() -> [Node] {
        var taken: [Node] = []
        swap(&taken, &nodes)
        return taken
    }

    /// Vocabulary words by their bytes, per decoding thread (`Value.sharedWord`).
    static let sharedWords = ThreadLocal { SpanCache<String>(slots: 4_096) }

    /// Each decoding thread's one copy of every word it has met: a word the span cache dropped (more
    /// distinct words than slots: districts) is found again here rather than copied anew for each event.
    static let threadWords = ThreadLocal { ThreadOwned(Vocabulary()) }

    /// Node room kept per decoding thread between payloads: start-up parses a million of them, and
    /// allocating and freeing each one's node list was about 3 % of its instructions.
    final class Scratch {
        var nodes: [Node] = []
        static let perThread = ThreadLocal { Scratch() }

        /// The room, moved out (so the next tape owns it alone and appends without copying).
        func take() -> [Node] {
            var taken: [Node] = []
            swap(&taken, &nodes)
            return taken
        }
    }

    private func skipSpace(_ i: inout Int) {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func push(_ kind: Kind, _ start: Int, flag: Bool = false) -> Int {
        nodes.append(Node(kind: kind, flag: flag, start: Int32(start), end: Int32(start), next: 0))
        return nodes.count - 1
    }

    private mutating func close(_ node: Int, end: Int) {
        nodes[node].end = Int32(end)
        nodes[node].next = Int32(nodes.count)
    }

    /// A value without members (string, number, literal), appended once it is read: one write, not a push
    /// and a close (most of a payload's nodes are leaves).
    private mutating func leaf(_ kind: Kind, _ start: Int, end: Int, flag: Bool = false) {
        nodes.append(Node(kind: kind, flag: flag, start: Int32(start), end: Int32(end), next: Int32(nodes.count + 1)))
    }

    private mutating func value(_ i: inout Int, depth: Int, maxDepth: Int) -> Bool {
        guard i < bytes.count else { return false }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"):
            guard depth + 1 <= maxDepth else { return false }
            let node = push(.object, start)
            i += 1
            skipSpace(&i)
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; close(node, end: i); return true }
            while true {
                skipSpace(&i)
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), string(&i) else { return false }
                skipSpace(&i)
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace(&i)
                guard value(&i, depth: depth + 1, maxDepth: maxDepth) else { return false }
                skipSpace(&i)
                guard i < bytes.count else { return false }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "}") else { return false }
                i += 1
                close(node, end: i)
                return true
            }
        case UInt8(ascii: "["):
            guard depth + 1 <= maxDepth else { return false }
            let node = push(.array, start)
            i += 1
            skipSpace(&i)
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; close(node, end: i); return true }
            while true {
                skipSpace(&i)
                guard value(&i, depth: depth + 1, maxDepth: maxDepth) else { return false }
                skipSpace(&i)
                guard i < bytes.count else { return false }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "]") else { return false }
                i += 1
                close(node, end: i)
                return true
            }
        case UInt8(ascii: "\""):
            return string(&i)
        case UInt8(ascii: "t"):
            return literal(&i, "true", .bool, flag: true)
        case UInt8(ascii: "f"):
            return literal(&i, "false", .bool, flag: false)
        case UInt8(ascii: "n"):
            return literal(&i, "null", .null, flag: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard number(&i) else { return false }
            leaf(.number, start, end: i)
            return true
        default:
            return false
        }
    }

    private mutating func literal(_ i: inout Int, _ word: StaticString, _ kind: Kind, flag: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - i >= count else { return false }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return false }
        leaf(kind, i, end: i + count, flag: flag)
        i += count
        return true
    }

    private func number(_ i: inout Int) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { return false }
        if bytes[i] == 0x30 {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { return false }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { return false }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { return false }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        return true
    }

    /// A string at its opening quote: checks escapes (surrogates paired), control bytes and UTF-8.
    private mutating func string(_ i: inout Int) -> Bool {
        let start = i
        guard let escaped = PayloadTape.scanString(bytes, &i) else { return false }
        leaf(.string, start, end: i, flag: escaped)
        return true
    }

    /// Reads the JSON string whose opening quote is at `i`, leaving `i` one past its closing quote: whether
    /// it holds an escape, or nil when it is not a valid string (a raw control byte, a bad escape or
    /// surrogate, invalid UTF-8). The tape's strings and `WrittenPayloadReader`'s, by one rule.
    static func scanString(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool? {
        let start = i
        i += 1
        var escaped = false
        guard let base = bytes.baseAddress else { return nil }
        // Non-zero once a non-ASCII byte was passed: the string's UTF-8 is then validated once, at its end.
        var highBits: UInt64 = 0
        while true {
            i = ByteScan.nextStringSpecial(base, from: i, count: bytes.count, highBits: &highBits)
            guard i < bytes.count else { return nil }
            let b = base[i]
            if b == 0x22 { break }
            if b < 0x20 { return nil }
            // A backslash.
            escaped = true
            i += 1
            guard i < bytes.count else { return nil }
            let e = base[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                guard let unit = hex4(bytes, i) else { return nil }
                i += 4
                if (0xDC00...0xDFFF).contains(unit) { return nil }
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < bytes.count, base[i] == 0x5C, base[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(bytes, i + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
                    i += 6
                }
            default:
                return nil
            }
        }
        i += 1
        if highBits != 0, !UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(i - 1)])) { return nil }
        return escaped
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[at + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// The text of the string node `n` (quotes removed, escapes resolved).
    static func text(_ nodes: UnsafeBufferPointer<Node>, _ bytes: UnsafeBufferPointer<UInt8>, _ n: Int) -> String {
        let node = nodes[n]
        return decodeString(UnsafeBufferPointer(rebasing: bytes[Int(node.start + 1)..<Int(node.end - 1)]), escaped: node.flag)
    }

    /// The string between quotes `inner` (checked by `scanString`) as a vocabulary word: looked up by its
    /// bytes in this thread's cache of words already shared, so no string is built, hashed and locked for
    /// per event (interning through `SharedVocabulary` was 2 % of a cold start). The thread's own copy of
    /// each word, not the process's: two decoding cores retaining one string event after event write its
    /// reference count in turn (equal values either way; a few hundred words a thread).
    static func word(_ inner: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        // Shorter than a word: Swift keeps it inline, so there is nothing to share (the vocabulary would
        // hand it back as it is, after its global's check).
        if !escaped, inner.count < Vocabulary.shortestShared { return ByteScan.string(inner) }
        guard !escaped, Vocabulary.isWordLength(inner.count) else {
            return SharedVocabulary.shared.intern(decodeString(inner, escaped: escaped))
        }
        return PayloadTape.sharedWords.withValue { cache in
            if let known = cache.value(for: inner) { return known }
            let word = PayloadTape.threadWords.withValue { $0.value.intern(ByteScan.string(inner)) }
            cache.store(word, for: inner)
            return word
        }
    }

    /// The text of a string's bytes between its quotes, already checked by `parse`.
    static func decodeString(_ inner: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return ByteScan.string(inner) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = 0
        while i < inner.count {
            let b = inner[i]
            guard b == 0x5C else { out.append(b); i += 1; continue }
            let e = inner[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = hex4In(inner, i)
                i += 4
                if (0xD800...0xDBFF).contains(value) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (hex4In(inner, i + 2) - 0xDC00)
                    i += 6
                }
                if let scalar = Unicode.Scalar(value) { UTF8.encode(scalar) { out.append($0) } }
            default: out.append(e) // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4In(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[at + k]
            v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
        }
        return v
    }

    /// Whether string node `n` equals `key`.
    @inline(__always)
    static func keyEquals(_ nodes: UnsafeBufferPointer<Node>, _ bytes: UnsafeBufferPointer<UInt8>, _ n: Int, _ key: StaticString) -> Bool {
        let node = nodes[n]
        // A key written with escapes is compared as text (`text` resolves them), as the tree compares it.
        if node.flag || !key.hasPointerRepresentation { return text(nodes, bytes, n) == key.description }
        let count = Int(node.end - node.start) - 2
        guard key.utf8CodeUnitCount == count else { return false }
        guard count > 0, let b = bytes.baseAddress else { return count == 0 }
        // The first byte before a call: keys of one length mostly differ there (category, location, reporter).
        let first = b + Int(node.start) + 1
        guard first.pointee == key.utf8Start.pointee else { return false }
        return memcmp(key.utf8Start, first, count) == 0
    }
}
