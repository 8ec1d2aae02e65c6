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
    /// Per report, which pairs of adjacent bytes its main text (not the reporter name) holds, by byte class:
    /// the 26 letters and 10 digits each a class of their own, every other byte one shared class. A needle
    /// with a pair the report lacks cannot occur in its main text, and a two-letter (or digit) needle
    /// whose pair is there does occur: most reports are settled without scanning them.
    /// Word by word: word `w` of report `i` is at `w * pairStride + i`, so checking one pair bit over every
    /// report reads memory in sequence (report by report, each check was a cache miss: half of a second
    /// letter's time).
    private(set) var pairs: [UInt64] = []
    /// Reports each word's column has room for (grown by a quarter when full).
    private(set) var pairStride = 0
    static let classes = 37
    static let pairWords = (classes * classes + 63) / 64
    /// Per report, which bytes its main text holds: letters and digits exactly (one bit each), other
    /// bytes folded into the remaining bits. A one-letter search is then a bit test.
    private(set) var singles: [UInt64] = []
    /// Per report, its reporter name's bytes (as `singles`) and byte pairs hashed into 128 bits (64 let a
    /// two-letter word through to a scan for one report in five), each in an array of its own so a check
    /// reads only the words it needs, in sequence.
    private(set) var nameSingles: [UInt64] = []
    private(set) var namePairsLow: [UInt64] = []
    private(set) var namePairsHigh: [UInt64] = []
    /// Per report, whether it is anonymous: its name is searched only by those who may see it. Kept here
    /// (a byte a report, read only when the main text lacks the word) rather than read from the inbox rows.
    private(set) var anonymous: [Bool] = []
    private var garbage = 0

    static func singleBit(_ b: UInt8) -> (bit: Int, exact: Bool) {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return (Int(b - UInt8(ascii: "a")), true)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return (26 + Int(b - UInt8(ascii: "0")), true)
        default: return (36 + Int(b) % 28, false)
        }
    }

    /// A byte's bit in `singles` and `nameSingles`.
    @inline(__always)
    static func singleMask(_ b: UInt8) -> UInt64 { UInt64(1) << UInt64(singleBit(b).bit) }

    /// A pair's bit in a name's 128-bit set, as masks of its low and high words (bytes, not classes: names
    /// are short, few bits are set).
    @inline(__always)
    static func nameMask(_ a: UInt8, _ b: UInt8) -> (low: UInt64, high: UInt64) {
        let bit = ((UInt32(a) << 8 | UInt32(b)) &* 0x9E37_79B1) >> 25
        return bit < 64 ? (UInt64(1) << UInt64(bit), 0) : (0, UInt64(1) << UInt64(bit - 64))
    }

    /// Each byte's class for `pairs`: letters 0–25, digits 26–35, anything else 36.
    static let byteClass: [UInt8] = (0..<256).map { b in
        switch b {
        case 97...122: UInt8(b - 97)
        case 48...57: UInt8(26 + b - 48)
        default: UInt8(classes - 1)
        }
    }

    @inline(__always)
    static func pairBit(_ a: UInt8, _ b: UInt8) -> Int {
        Int(byteClass[Int(a)]) * classes + Int(byteClass[Int(b)])
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
                // Room for the desk and some more, so the next reports do not move every column.
                if i >= pairStride { growPairs(toHold: max(reports.count + reports.count / 16 + 64, i + 1 + i / 4)) }
                singles.append(0)
                nameSingles.append(0)
                namePairsLow.append(0)
                namePairsHigh.append(0)
                anonymous.append(false)
            }
            anonymous[i] = reports[i].anonymous
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

    /// Sets report `i`'s bits from its text (its column entries are cleared first: a changed report's old
    /// pairs must not stay).
    private mutating func setPairs(_ i: Int) {
        let s = spans[i]
        for w in 0..<SearchText.pairWords { pairs[w * pairStride + i] = 0 }
        var present: UInt64 = 0
        for k in s.start..<s.nameStart {
            present |= SearchText.singleMask(bytes[k])
            if k > s.start {
                let bit = SearchText.pairBit(bytes[k - 1], bytes[k])
                pairs[(bit >> 6) * pairStride + i] |= UInt64(1) << UInt64(bit & 63)
            }
        }
        singles[i] = present
        var singlesOfName: UInt64 = 0, namePairs: (low: UInt64, high: UInt64) = (0, 0)
        for k in s.nameStart..<s.end {
            singlesOfName |= SearchText.singleMask(bytes[k])
            if k > s.nameStart {
                let mask = SearchText.nameMask(bytes[k - 1], bytes[k])
                namePairs = (namePairs.low | mask.low, namePairs.high | mask.high)
            }
        }
        nameSingles[i] = singlesOfName
        namePairsLow[i] = namePairs.low
        namePairsHigh[i] = namePairs.high
    }

    /// Makes each word's column room for `count` reports, moving the columns apart.
    private mutating func growPairs(toHold count: Int) {
        var grown = [UInt64](repeating: 0, count: SearchText.pairWords * count)
        for w in 0..<SearchText.pairWords where pairStride > 0 {
            for i in 0..<pairStride { grown[w * count + i] = pairs[w * pairStride + i] }
        }
        pairs = grown
        pairStride = count
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

    /// For each report `i` in `range` that `candidates` still lists (all when nil), whether every word occurs in
    /// its main text, or in its reporter name when the report is not anonymous or `anonymousNamesToo` (who may
    /// see every identity, `Access.canSeeIdentity`): written to `out[i]`. Safe to run on several
    /// cores at once over disjoint ranges (nothing here is reference-counted per report).
    func match(_ words: SearchWords, in range: Range<Int>, candidates: UnsafePointer<Bool>?, anonymousNamesToo: Bool,
               into out: UnsafeMutablePointer<Bool>) {
        precondition(range.upperBound <= spans.count, "reports the text holds")
        bytes.withUnsafeBufferPointer { text in
            words.bytes.withUnsafeBufferPointer { wordBytes in
                words.words.withUnsafeBufferPointer { list in
                    words.bits.withUnsafeBufferPointer { bits in
                        guard let base = text.baseAddress else {
                            // No text at all: only an empty search matches.
                            for i in range where candidates?[i] ?? true { out[i] = list.isEmpty }
                            return
                        }
                        let wordBase = wordBytes.baseAddress ?? base
                        for i in range {
                            if let candidates, !candidates[i] { continue }
                            out[i] = matches(i, list, bits, text: base, wordBytes: wordBase, anonymousNamesToo: anonymousNamesToo)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func matches(_ i: Int, _ words: UnsafeBufferPointer<SearchWords.Word>, _ bits: UnsafeBufferPointer<(word: Int, mask: UInt64)>,
                         text base: UnsafePointer<UInt8>, wordBytes: UnsafePointer<UInt8>, anonymousNamesToo: Bool) -> Bool {
        for w in words {
            let needle = UnsafeBufferPointer(start: wordBytes + w.start, count: w.count)
            // What the main text's bits settle: a byte or pair it lacks rules it out, a letter or digit (or
            // two-letter pair) it holds is there. Only the rest is scanned for.
            var inMain: Bool?
            if w.count == 1 {
                inMain = singles[i] & w.single == 0 ? false : (w.singleIsExact ? true : nil)
            } else {
                inMain = w.pairIsExact ? true : nil
                for k in w.bitsStart..<(w.bitsStart + w.bitsCount) where pairs[bits[k].word * pairStride + i] & bits[k].mask == 0 {
                    inMain = false
                    break
                }
            }
            if inMain ?? ByteScan.contains(base + spans[i].start, spans[i].nameStart - spans[i].start, needle) { continue }
            guard anonymousNamesToo || !anonymous[i] else { return false }
            // The same for the name, from its own bits.
            if w.count == 1 {
                if nameSingles[i] & w.single == 0 { return false }
                if w.singleIsExact { continue }
            } else if namePairsLow[i] & w.namePairs.low != w.namePairs.low || namePairsHigh[i] & w.namePairs.high != w.namePairs.high {
                return false
            }
            if !ByteScan.contains(base + spans[i].nameStart, spans[i].end - spans[i].nameStart, needle) { return false }
        }
        return true
    }
}
