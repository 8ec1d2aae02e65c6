import Foundation

/// The folded text the inbox search looks in, for every report, in one byte buffer: searching 200,000
/// reports is then a byte search (`ByteScan.contains`) per report over bytes folded once, instead of folding and joining strings
/// on every keystroke. Reports that change get their text appended again (the old bytes become garbage,
/// compacted when they outgrow the live ones).
struct SearchText: Sendable {
    /// Per report position: where its searchable text and its reporter name (shown only to those who may
    /// see the identity) live in `bytes`.
    struct Span: Sendable {
        var start: Int
        var nameStart: Int
        var end: Int
        var version: Int
    }

    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Span] = []
    /// Per report, a 1,024-bit set of the byte pairs in its text: a needle with a pair the report lacks
    /// cannot occur there, so most reports are ruled out without scanning them.
    private(set) var pairs: [UInt64] = []
    static let pairWords = 16
    /// Per report, which bytes its main text (not the reporter name) holds: letters and digits exactly
    /// (one bit each), other bytes folded into the remaining bits. A one-letter search is then a bit test.
    private(set) var singles: [UInt64] = []
    private var garbage = 0

    /// A folded search word with the pair bits it needs.
    struct Needle: Sendable {
        var bytes: [UInt8]
        var bits: [(word: Int, mask: UInt64)]
        /// For a one-byte word: its `singles` bit, and whether that bit stands for this byte alone.
        var single: (mask: UInt64, exact: Bool)?

        init(_ word: String) {
            bytes = Array(word.utf8)
            if bytes.count == 1 {
                let (bit, exact) = SearchText.singleBit(bytes[0])
                single = (UInt64(1) << UInt64(bit), exact)
            }
            var seen = Set<Int>()
            bits = []
            for k in bytes.indices.dropFirst() {
                let bit = SearchText.pairBit(bytes[k - 1], bytes[k])
                if seen.insert(bit).inserted { bits.append((bit >> 6, UInt64(1) << UInt64(bit & 63))) }
            }
        }
    }

    static func singleBit(_ b: UInt8) -> (bit: Int, exact: Bool) {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return (Int(b - UInt8(ascii: "a")), true)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return (26 + Int(b - UInt8(ascii: "0")), true)
        default: return (36 + Int(b) % 28, false)
        }
    }

    static func pairBit(_ a: UInt8, _ b: UInt8) -> Int {
        Int(((UInt32(a) << 8 | UInt32(b)) &* 0x9E37_79B1) >> 22)
    }

    /// Brings the text in step with `desk` (new reports appended, changed ones re-folded).
    mutating func update(_ desk: Desk) {
        let reports = desk.all
        var changed = false
        for i in reports.indices {
            let version = reports[i].version
            if i < spans.count {
                if spans[i].version == version { continue }
                garbage += spans[i].end - spans[i].start
            }
            let span = append(reports[i])
            if i < spans.count { spans[i] = span } else {
                spans.append(span)
                pairs += repeatElement(0, count: SearchText.pairWords)
                singles.append(0)
            }
            setPairs(i)
            changed = true
        }
        if changed, garbage > bytes.count / 2 { compact() }
    }

    private mutating func append(_ r: Report) -> Span {
        let start = bytes.count
        // The original title only when it differs: a word is found in either copy, and on most reports
        // they are the same text (8 MB on a 200,000-report desk).
        let original = r.originalTitle
        let fields = [r.id.rawValue, r.title, original == r.title ? "" : original, r.body, r.externalID ?? "", r.category ?? "",
                      r.subcategory ?? "", r.location.regency ?? "", r.location.province ?? ""] + r.tags
        for f in fields {
            bytes += InboxIndexRow.fold(f).utf8
            bytes.append(0x0A)
        }
        let nameStart = bytes.count
        bytes += InboxIndexRow.fold(r.reporter.name ?? "").utf8
        return Span(start: start, nameStart: nameStart, end: bytes.count, version: r.version)
    }

    private mutating func setPairs(_ i: Int) {
        let s = spans[i]
        var words = [UInt64](repeating: 0, count: SearchText.pairWords)
        bytes.withUnsafeBufferPointer { buf in
            guard s.end - s.start >= 2 else { return }
            for k in (s.start + 1)..<s.end {
                let bit = SearchText.pairBit(buf[k - 1], buf[k])
                words[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
            }
        }
        for w in 0..<SearchText.pairWords { pairs[i * SearchText.pairWords + w] = words[w] }
        var present: UInt64 = 0
        for k in s.start..<s.nameStart { present |= UInt64(1) << UInt64(SearchText.singleBit(bytes[k]).bit) }
        singles[i] = present
    }

    private mutating func compact() {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(bytes.count - garbage)
        for i in spans.indices {
            let s = spans[i]
            let shift = fresh.count - s.start
            fresh += bytes[s.start..<s.end]
            spans[i] = Span(start: s.start + shift, nameStart: s.nameStart + shift, end: s.end + shift, version: s.version)
        }
        bytes = fresh
        garbage = 0
    }

    /// Whether every needle (folded, as `Inbox.searchTokens` makes them) occurs in report `i`'s text,
    /// or in its reporter name when `identity`.
    func matches(_ i: Int, _ needles: [Needle], identity: Bool) -> Bool {
        let s = spans[i]
        let pairBase = i * SearchText.pairWords
        return bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return needles.isEmpty }
            for n in needles {
                // A letter or digit the main text holds is found without scanning.
                if let single = n.single, single.exact, singles[i] & single.mask != 0 { continue }
                for (word, mask) in n.bits where pairs[pairBase + word] & mask == 0 { return false }
                let found = n.bytes.withUnsafeBufferPointer { nb -> Bool in
                    if ByteScan.contains(base + s.start, s.nameStart - s.start, nb) { return true }
                    return identity && ByteScan.contains(base + s.nameStart, s.end - s.nameStart, nb)
                }
                if !found { return false }
            }
            return true
        }
    }
}
