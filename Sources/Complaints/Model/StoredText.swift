import Foundation

/// A report body left in the journal line that recorded it, read back when someone looks at it. Bodies
/// are most of a desk's bytes (200,000 reports hold 110 MB of them) while the inbox only needs titles,
/// so start-up keeps where each body is instead of the text; the line's checksum is verified again on
/// every read, so a line changed on disk since start-up is reported, never shown as the body.
public struct StoredText: Sendable {
    /// Reads journal lines back; nil once nothing can be read (a desk only in memory).
    public let source: any StoredTextSource
    /// Segment number of the line (1 for `000001.jsonl`).
    public let segment: Int32
    /// Length of the line without its `\n`.
    public let lineLength: UInt32
    /// Byte offset of the line in its segment.
    public let lineOffset: Int
    /// The JSON string inside the line: its opening quote and one past its closing quote.
    public let start: UInt32
    public let end: UInt32
    /// Whether the string holds escapes (plain ASCII/UTF-8 is copied as is).
    public let escaped: Bool

    public init(source: any StoredTextSource, segment: Int32, lineOffset: Int, lineLength: UInt32, start: UInt32,
                end: UInt32, escaped: Bool) {
        self.source = source
        self.segment = segment
        self.lineOffset = lineOffset
        self.lineLength = lineLength
        self.start = start
        self.end = end
        self.escaped = escaped
    }

    /// The text, decoded from the line as start-up would have decoded it, or a visible notice saying why
    /// the line could not be read back (the body getter cannot throw: every pane and command reads it).
    public var text: String {
        switch source.line(segment: Int(segment), offset: lineOffset, length: Int(lineLength)) {
        case let .failure(problem):
            return StoredText.unreadable(problem.reason)
        case let .success(line):
            guard Int(end) <= line.count, start + 2 <= end, line[Int(start)] == 0x22, line[Int(end) - 1] == 0x22 else {
                return StoredText.unreadable("journal segment \(segment) byte \(lineOffset): the text is not where it was")
            }
            return line.withUnsafeBufferPointer {
                PayloadTape.decodeString(UnsafeBufferPointer(rebasing: $0[Int(start + 1)..<Int(end - 1)]), escaped: escaped)
            }
        }
    }

    /// What a body that cannot be read back shows instead (both languages: it is data, not console text).
    static func unreadable(_ reason: String) -> String { "⚠ isi laporan tidak terbaca / body unreadable: \(reason)" }

    /// Same line and span: the same text without reading it.
    func sameSpan(_ other: StoredText) -> Bool {
        source === other.source && segment == other.segment && lineOffset == other.lineOffset && start == other.start
            && end == other.end
    }
}

/// Where a payload sits in the journal, so the decoder can leave a long body there (`StoredText`).
public struct PayloadOrigin: Sendable {
    public var source: any StoredTextSource
    public var segment: Int
    public var lineOffset: Int
    public var lineLength: Int
    /// Offset of the payload's first byte in the line.
    public var payloadOffset: Int

    public init(source: any StoredTextSource, segment: Int, lineOffset: Int, lineLength: Int, payloadOffset: Int) {
        self.source = source
        self.segment = segment
        self.lineOffset = lineOffset
        self.lineLength = lineLength
        self.payloadOffset = payloadOffset
    }

    /// Bodies shorter than this stay in memory: a `StoredText` takes 40 bytes and a read to show.
    static let minimumStoredLength = 128

    /// The stored form of the string at `span` of the payload, when it is long enough to leave there.
    func stored(_ span: (start: Int, end: Int, escaped: Bool)) -> StoredText? {
        guard span.end - span.start >= PayloadOrigin.minimumStoredLength, segment > 0, segment <= Int(Int32.max),
              lineLength <= Int(UInt32.max), payloadOffset + span.end <= lineLength else { return nil }
        return StoredText(source: source, segment: Int32(segment), lineOffset: lineOffset, lineLength: UInt32(lineLength),
                          start: UInt32(payloadOffset + span.start), end: UInt32(payloadOffset + span.end), escaped: span.escaped)
    }
}

/// Where `StoredText` reads its lines: the journal of the desk being shown (`ComplaintJournal` implements
/// it with positioned reads). Must return the line's bytes only after checking its checksum; a failure
/// names the file and byte (`000001.jsonl byte 123: checksum mismatch`).
public protocol StoredTextSource: AnyObject, Sendable {
    func line(segment: Int, offset: Int, length: Int) -> Result<[UInt8], UnreadableLine>
}

/// Why a stored line could not be read back, with its file and byte.
public struct UnreadableLine: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// A report body: the text, or where it is kept (`StoredText`).
enum IntakeBody: Sendable, Hashable {
    case text(String)
    case stored(StoredText)

    var text: String {
        switch self {
        case let .text(s): return s
        case let .stored(s): return s.text
        }
    }

    static func == (a: IntakeBody, b: IntakeBody) -> Bool {
        if case let .stored(x) = a, case let .stored(y) = b, x.sameSpan(y) { return true }
        return a.text == b.text
    }

    func hash(into h: inout Hasher) { h.combine(text) }
}
