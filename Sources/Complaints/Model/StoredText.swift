import Foundation

/// A report body left in the journal line that recorded it, read back when someone looks at it. Bodies
/// are most of a desk's bytes (200,000 reports hold 110 MB of them) while the inbox only needs titles,
/// so start-up keeps where each body is instead of the text. Every read checks that the line is still the
/// one start-up read (its checksum, recorded then, and the checksum of the bytes now) and that the span
/// is still one JSON string, so a line changed on disk since is reported, never shown as the body.
public struct StoredText: Sendable {
    /// Reads journal lines back (the journal the desk was folded from).
    public let source: any StoredTextSource
    /// Segment number of the line (1 for `000001.jsonl`).
    public let segment: Int32
    /// Length of the line without its `\n`.
    public let lineLength: UInt32
    /// Byte offset of the line in its segment.
    public let lineOffset: Int
    /// The line's checksum as start-up read it (its `c` field).
    public let checksum: UInt32
    /// The JSON string inside the line: its opening quote and one past its closing quote.
    public let start: UInt32
    public let end: UInt32

    /// Longer lines are not read back (a damaged snapshot must not make a read allocate gigabytes): a
    /// journal segment is at most 64 MiB by default.
    public static let maximumLineLength = 64 << 20

    public init(source: any StoredTextSource, segment: Int32, lineOffset: Int, lineLength: UInt32, checksum: UInt32,
                start: UInt32, end: UInt32) {
        self.source = source
        self.segment = segment
        self.lineOffset = lineOffset
        self.lineLength = lineLength
        self.checksum = checksum
        self.start = start
        self.end = end
    }

    /// The text, decoded from the line exactly as start-up would have decoded it, or why it cannot be.
    public func read() -> Result<String, UnreadableLine> {
        source.line(segment: Int(segment), offset: lineOffset, length: Int(lineLength), checksum: checksum).flatMap { line in
            // Checked again as a JSON string before it is unescaped: the span comes from a snapshot file too.
            let text: String? = line.withUnsafeBufferPointer { b in
                guard Int(end) <= b.count, start < end,
                      let tape = PayloadTape.parse(UnsafeBufferPointer(rebasing: b[Int(start)..<Int(end)])) else { return nil }
                return tape.withRoot { $0.stringValue }
            }
            guard let text else {
                return .failure(UnreadableLine("journal segment \(segment) byte \(lineOffset): the text is not where it was"))
            }
            return .success(text)
        }
    }

    /// `read()`, or a visible notice saying why the line could not be read back (the body getter cannot
    /// throw: every pane reads it). Exports use `read()` and refuse instead.
    public var text: String {
        switch read() {
        case let .success(text): return text
        case let .failure(problem): return StoredText.unreadable(problem.reason)
        }
    }

    /// What a body that cannot be read back shows instead (both languages: it is data, not console text),
    /// with what to do (QA: a file and byte alone left the officer guessing).
    static func unreadable(_ reason: String) -> String {
        "⚠ isi laporan tidak terbaca / body unreadable: \(reason) — jalankan / run `lapor-desk check`"
    }

    /// Whether the line still reads back as start-up read it (its checksum), without decoding the text: a
    /// view that kept work done on the text asks this before using it again, so a line changed on disk
    /// is still found (and reported by the source) when the body is shown.
    public var isIntact: Bool {
        if case .success = source.line(segment: Int(segment), offset: lineOffset, length: Int(lineLength), checksum: checksum) {
            return true
        }
        return false
    }

    /// The span without reading it (`sameSpan` as a value): the same journal, line and string.
    struct SpanIdentity: Hashable {
        var source: ObjectIdentifier
        var segment: Int32, lineOffset: Int, lineLength: UInt32, checksum: UInt32, start: UInt32, end: UInt32
    }

    var spanIdentity: SpanIdentity {
        SpanIdentity(source: ObjectIdentifier(source), segment: segment, lineOffset: lineOffset, lineLength: lineLength,
                     checksum: checksum, start: start, end: end)
    }

    /// Same line and span: the same text without reading it.
    func sameSpan(_ other: StoredText) -> Bool { spanIdentity == other.spanIdentity }
}

/// Where a payload sits in the journal, so the decoder can leave a long body there (`StoredText`).
public struct PayloadOrigin: Sendable {
    public var source: any StoredTextSource
    public var segment: Int
    public var lineOffset: Int
    public var lineLength: Int
    /// Offset of the payload's first byte in the line.
    public var payloadOffset: Int
    /// The line's checksum (its `c` field), so a read can tell it is still the same line.
    public var checksum: UInt32

    public init(source: any StoredTextSource, segment: Int, lineOffset: Int, lineLength: Int, payloadOffset: Int, checksum: UInt32) {
        self.source = source
        self.segment = segment
        self.lineOffset = lineOffset
        self.lineLength = lineLength
        self.payloadOffset = payloadOffset
        self.checksum = checksum
    }

    /// Bodies shorter than this stay in memory: a `StoredText` takes 48 bytes and a read to show.
    static let minimumStoredLength = 128

    /// Where an intake's body at `span` of the payload is kept, when it is left in the journal: only when a
    /// title stands in for it (without one the inbox shows a title derived from the body, which would then
    /// be read back for every row) and it is long enough (`stored`). One rule for a body decoded from its
    /// line and one just written from memory (`Intake.leaveBody`), so both fold to the same report.
    func storedBody(at span: Range<Int>?, title: String?) -> StoredText? {
        guard let span, let title, !title.isBlank else { return nil }
        return stored(span)
    }

    /// The stored form of the string at `span` of the payload, when it is long enough to leave there.
    func stored(_ span: Range<Int>) -> StoredText? {
        guard span.count >= PayloadOrigin.minimumStoredLength, segment > 0, segment <= Int(Int32.max),
              lineLength <= StoredText.maximumLineLength, payloadOffset + span.upperBound <= lineLength else { return nil }
        return StoredText(source: source, segment: Int32(segment), lineOffset: lineOffset, lineLength: UInt32(lineLength),
                          checksum: checksum, start: UInt32(payloadOffset + span.lowerBound), end: UInt32(payloadOffset + span.upperBound))
    }
}

/// Where `StoredText` reads its lines: the journal of the desk being shown (`ComplaintJournal` implements
/// it with positioned reads). Returns the line's bytes only when they still verify and their recorded
/// checksum is `checksum`; a failure names the file and byte (`000001.jsonl byte 123: checksum mismatch`).
public protocol StoredTextSource: AnyObject, Sendable {
    func line(segment: Int, offset: Int, length: Int, checksum: UInt32) -> Result<[UInt8], UnreadableLine>
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

    func read() -> Result<String, UnreadableLine> {
        switch self {
        case let .text(s): return .success(s)
        case let .stored(s): return s.read()
        }
    }

    static func == (a: IntakeBody, b: IntakeBody) -> Bool {
        if case let .stored(x) = a, case let .stored(y) = b, x.sameSpan(y) { return true }
        return a.text == b.text
    }

    /// Nothing: a stored body's text is a journal read (which can fail and mark the journal damaged),
    /// and hashing must not read. Equal bodies still hash equal; the intake's other fields tell them apart.
    func hash(into h: inout Hasher) {}
}
