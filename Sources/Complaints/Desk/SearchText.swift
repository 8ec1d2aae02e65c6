import Foundation
#if canImport(Glibc)
import Glibc // memchr and memcmp: byte search, no I/O
#endif

/// The folded text the inbox search looks in, for every report, in one byte buffer: searching 200,000
/// reports is then a `memmem` per report over bytes folded once, instead of folding and joining strings
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
    private var garbage = 0

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
            if i < spans.count { spans[i] = span } else { spans.append(span) }
            changed = true
        }
        if changed, garbage > bytes.count / 2 { compact() }
    }

    private mutating func append(_ r: Report) -> Span {
        let start = bytes.count
        let fields = [r.id.rawValue, r.title, r.originalTitle, r.body, r.externalID ?? "", r.category ?? "",
                      r.subcategory ?? "", r.location.regency ?? "", r.location.province ?? ""] + r.tags
        for f in fields {
            bytes += InboxIndexRow.fold(f).utf8
            bytes.append(0x0A)
        }
        let nameStart = bytes.count
        bytes += InboxIndexRow.fold(r.reporter.name ?? "").utf8
        return Span(start: start, nameStart: nameStart, end: bytes.count, version: r.version)
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
    func matches(_ i: Int, _ needles: [[UInt8]], identity: Bool) -> Bool {
        let s = spans[i]
        return bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return needles.isEmpty }
            for n in needles {
                let found = n.withUnsafeBufferPointer { nb -> Bool in
                    if SearchText.contains(base + s.start, s.nameStart - s.start, nb) { return true }
                    return identity && SearchText.contains(base + s.nameStart, s.end - s.nameStart, nb)
                }
                if !found { return false }
            }
            return true
        }
    }

    /// Whether `needle` occurs in the `count` bytes at `hay`: `memchr` to each candidate first byte, then
    /// `memcmp` for the rest.
    static func contains(_ hay: UnsafePointer<UInt8>, _ count: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, let first = needle.first else { return true }
        let m = needle.count
        var cursor = hay
        var remaining = count
        while remaining >= m {
            guard let raw = memchr(cursor, Int32(first), remaining - m + 1) else { return false }
            let hit = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
            if m == 1 || memcmp(hit + 1, n + 1, m - 1) == 0 { return true }
            let skipped = hit - cursor + 1
            cursor = hit + 1
            remaining -= skipped
        }
        return false
    }
}
