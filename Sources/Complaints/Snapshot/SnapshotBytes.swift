import Foundation

/// Appends the little-endian binary form of a projection snapshot. Deliberately tiny: lengths and small
/// numbers as LEB128 varints, dates as their exact 64-bit pattern (a snapshot must equal the fold it
/// replaces bit for bit), strings as length + UTF-8.
public struct SnapshotWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func byte(_ v: UInt8) { bytes.append(v) }

    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    public mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func count(_ n: Int) { varint(UInt64(n)) }

    public mutating func fixed32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func fixed64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func date(_ d: Date) { fixed64(d.timeIntervalSinceReferenceDate.bitPattern) }

    public mutating func optionalDate(_ d: Date?) {
        bool(d != nil)
        if let d { date(d) }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optionalString(_ s: String?) {
        // 0 = nil; otherwise length + 1, so an empty string stays distinct from nil.
        guard let s else { return varint(0) }
        var copy = s
        copy.withUTF8 { utf8 in
            count(utf8.count + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }

    /// A CaseIterable enum as its index: stable as long as cases are only appended (the format version
    /// changes otherwise).
    public mutating func caseIndex<E: CaseIterable & Equatable>(_ value: E) {
        let index = E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) } ?? 0
        count(index)
    }

    public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Why snapshot bytes could not be read back. A snapshot is a cache: any of these means "ignore it and
/// fold the journal", never a crash.
public struct SnapshotFormatError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "byte \(offset): \(reason)" }
}

/// Reads what `SnapshotWriter` wrote, bounds-checked at every step (a damaged snapshot throws, it never
/// reads outside its buffer).
public struct SnapshotReader {
    public let buffer: UnsafeRawBufferPointer
    public private(set) var offset: Int
    /// The journal that bodies kept there are read from (`StoredText`); nil where none exists.
    public var textSource: (any StoredTextSource)?
    /// Shares repeated values (categories, regions, units) within what this reader decodes.
    var vocabulary = Vocabulary()

    public init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    public var isAtEnd: Bool { offset >= buffer.count }

    func fail(_ reason: String) -> SnapshotFormatError { SnapshotFormatError(offset: offset, reason: reason) }

    /// Steps over `n` bytes (a part another reader decodes).
    public mutating func skip(_ n: Int) throws(SnapshotFormatError) {
        guard n >= 0, buffer.count - offset >= n else { throw fail("runs past the end") }
        offset += n
    }

    public mutating func byte() throws(SnapshotFormatError) -> UInt8 {
        guard offset < buffer.count else { throw fail("unexpected end") }
        defer { offset += 1 }
        return buffer[offset]
    }

    public mutating func bool() throws(SnapshotFormatError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw fail("bad boolean")
        }
    }

    public mutating func varint() throws(SnapshotFormatError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw fail("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count or length, refused when larger than `max` (default: the bytes left could possibly hold);
    /// a negative `max` (an index into an empty table) refuses every value.
    public mutating func count(max: Int? = nil) throws(SnapshotFormatError) -> Int {
        let v = try varint()
        let limit = max ?? (buffer.count - offset)
        guard limit >= 0, v <= UInt64(limit) else { throw fail("count \(v) too large") }
        return Int(v)
    }

    public mutating func fixed32() throws(SnapshotFormatError) -> UInt32 {
        guard buffer.count - offset >= 4 else { throw fail("unexpected end") }
        defer { offset += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    public mutating func fixed64() throws(SnapshotFormatError) -> UInt64 {
        guard buffer.count - offset >= 8 else { throw fail("unexpected end") }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Finite only: a clock uses minus infinity inside for "none", so no other value may read as one.
    public mutating func date() throws(SnapshotFormatError) -> Date {
        let seconds = Double(bitPattern: try fixed64())
        guard seconds.isFinite else { throw fail("date is not a finite instant") }
        return Date(timeIntervalSinceReferenceDate: seconds)
    }

    public mutating func optionalDate() throws(SnapshotFormatError) -> Date? {
        try bool() ? try date() : nil
    }

    private mutating func utf8(_ length: Int) throws(SnapshotFormatError) -> String {
        guard buffer.count - offset >= length else { throw fail("string runs past the end") }
        defer { offset += length }
        guard length > 0 else { return "" }
        // Most are short (ids, names, words): `ByteScan.string` builds those inline without a UTF-8 pass.
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)]).withMemoryRebound(to: UInt8.self) { ByteScan.string($0) }
    }

    public mutating func string() throws(SnapshotFormatError) -> String {
        try utf8(try count())
    }

    public mutating func optionalString() throws(SnapshotFormatError) -> String? {
        // Length + 1 (0 is nil), so the bound is one more than the bytes left.
        let n = try count(max: buffer.count - offset + 1)
        return n == 0 ? nil : try utf8(n - 1)
    }

    public mutating func strings() throws(SnapshotFormatError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    public mutating func caseIndex<E: CaseIterable>(_: E.Type) throws(SnapshotFormatError) -> E {
        let all = E.allCases
        let i = try varint()
        guard i < UInt64(all.count) else { throw fail("unknown \(E.self) case \(i)") }
        return all[all.index(all.startIndex, offsetBy: Int(i))]
    }
}
