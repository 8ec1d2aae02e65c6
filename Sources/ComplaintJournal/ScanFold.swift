import Complaints
import Foundation

/// A projection folded while the start-up scan verifies the journal, so a cold start reads every line once
/// instead of twice (verify, then decode): the envelope walk, checksum and payload check of each line are
/// done by the same call that decodes it, on every core, and the fold keeps journal order.
///
/// `decode` runs on any core for each line that verified; `consume` runs in journal order, on the scanning
/// thread, for exactly the lines the scan applies (never a damaged line, a duplicate or a torn tail): the
/// events a later `forEachTransformed` would have handed out. `begin` is called before a scan starts, so a
/// failed open retried read-only (`FileJournal.openWritingIfPossible`) never folds a line twice.
public protocol ScanFold: AnyObject {
    associatedtype Decoded: Sendable
    /// The known `type` values, handed out as shared strings (see `FileJournal.forEachTransformed`).
    var typeNames: [String] { get }
    /// Decodes one verified line; its parts are valid only during the call (see `FileJournal.forEachTransformed`).
    /// The entry's `position` has the line's segment but line 0: lines are numbered as they are taken, after
    /// decoding (`consume` gets the real place).
    var decode: @Sendable (FoldEntry, JournalLineSpan, LineParts) -> Decoded { get }
    /// Forgets anything folded by an earlier scan; `textStore` is the opening journal's (long bodies are
    /// left in its lines and read back through it).
    func begin(textStore: JournalTextStore)
    /// Folds one applied line. `position`: the line's place, which `decode` could not know (the folding scan
    /// numbers lines only as it takes them, in order): a problem found in decoding is placed here.
    func consume(_ value: consuming Decoded, at position: JournalPosition)
    /// Whether decoding parsed the payload and found it to be one JSON object by the journal's own rules
    /// (`JSONPayloadValidator`; raw CR as whitespace aside, which the scan checks itself). The scan then
    /// does not check the payload a second time; otherwise it does, and a refused payload is damage.
    static func parsedPayload(_ decoded: Decoded) -> Bool
}

/// A verified line's envelope as the start-up decode reads it (`EnvelopeDecoder.decodeForFold`): only what
/// an event is made of. A `JournalEntry` with its event id, timestamp text, actor and payload left empty was
/// still copied and destroyed field by field for every line, about 2 % of a cold start's instructions.
/// Made only by this module (its memberwise initializer); other modules read it.
public struct FoldEntry: Sendable, Hashable {
    /// Global, gap-free sequence number across all segments and writers.
    public var seq: UInt64
    public var reportID: String
    /// The instant of the event.
    public var at: Date
    /// The `type` value: the shared string from the fold's `typeNames` when it is one of them.
    public var type: String
    /// Where the line is. In a folding scan (`ScanFold.decode`) only the segment is known (line 0): lines are
    /// numbered when the fold takes them, after decoding; `forEachTransformed` gives the real line.
    public var position: JournalPosition
    /// The event kind `type` names when it was written as the name itself (no escapes), found from the
    /// line's bytes by the envelope's walk; nil otherwise (`EventKind(typeName: type)` then decides). Found
    /// there once instead of again from the string for every line's payload.
    public var kind: EventKind? = nil
}

/// The parts of a verified line that the start-up decode reads in place instead of copying them into
/// the entry (`EnvelopeDecoder.decodeForFold`): valid only during the call that receives them.
public struct LineParts {
    /// The `data` object.
    public var payload: UnsafeBufferPointer<UInt8>
    /// The `actor` object (`EnvelopeDecoder.actor(fromObject:)` reads it).
    public var actor: UnsafeBufferPointer<UInt8>
    /// Its actor when the envelope's decoder already knew these bytes (`ActorSpanCache`).
    public var knownActor: ActorRef?

    public init(payload: UnsafeBufferPointer<UInt8>, actor: UnsafeBufferPointer<UInt8>, knownActor: ActorRef? = nil) {
        self.payload = payload
        self.actor = actor
        self.knownActor = knownActor
    }
}

/// What the parallel half of a folding scan found on one line.
enum FoldedLine<Decoded: Sendable>: Sendable {
    case unterminated
    case bad(EnvelopeDecoder.Failure)
    /// `checksum`: what the line's trailer records (verified).
    case good(seq: UInt64, checksum: UInt32, decoded: Decoded)
}

/// No fold: the verifying scan.
final class NoFold: ScanFold {
    var typeNames: [String] { [] }
    var decode: @Sendable (FoldEntry, JournalLineSpan, LineParts) -> Void { { _, _, _ in } }
    func begin(textStore: JournalTextStore) {}
    func consume(_ value: consuming Void, at position: JournalPosition) {}
    static func parsedPayload(_ decoded: Void) -> Bool { false }
}
