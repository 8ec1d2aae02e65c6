import Complaints
import Foundation

/// Converts between the journal's payload-agnostic entries and the domain's recorded events.
public enum JournalMapping {
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var position: JournalPosition
        public var seq: UInt64
        public var reason: String
        public var description: String { "\(position.fileName):\(position.line): seq \(seq): \(reason)" }
    }

    /// The event of a line read from `span` of its segment, for the start-up fold: its payload and actor
    /// are read in place (`FileJournal.forEachTransformed`), the actor shared with every other line that
    /// carries the same bytes (`ActorSpanCache`), a long report body is left there and read back through
    /// `source` when shown (`StoredText`), and the event has no id (the fold keeps none: trails hold none).
    public static func recorded(_ e: FoldEntry, at span: JournalLineSpan, parts: LineParts,
                                source: JournalTextStore) -> Result<RecordedEvent, Problem> {
        let actor: ActorRef
        if let known = parts.knownActor {
            actor = known
        } else {
            switch ActorSpanCache.ref(parts.actor) {
            case let .success(ref): actor = ref
            case let .failure(refusal): return .failure(Problem(position: e.position, seq: e.seq, reason: refusal.reason))
            }
        }
        let kind = e.kind ?? EventKind(typeName: e.type)
        return recorded(e, id: "", actor: actor, kind: kind, payload: parts.payload,
                        origin: origin(kind: kind, segment: e.position.segment, at: span, payloadCount: parts.payload.count,
                                       source: source))
    }

    public static func recorded(_ e: JournalEntry) -> Result<RecordedEvent, Problem> {
        e.payload.withUnsafeBufferPointer { recorded(e, id: e.eventID, kind: EventKind(typeName: e.type), payload: $0, origin: nil) }
    }

    /// As `recorded(_:)`, leaving a long report body in the journal (read back through `source` when shown)
    /// when the entry knows where its line is: events read after start-up (another console's imports) or
    /// written by this process then take no more memory than those folded at start-up.
    public static func recorded(_ e: JournalEntry, source: JournalTextStore?) -> Result<RecordedEvent, Problem> {
        guard let source, let span = e.span else { return recorded(e) }
        let kind = EventKind(typeName: e.type)
        return e.payload.withUnsafeBufferPointer { payload in
            recorded(e, id: e.eventID, kind: kind, payload: payload,
                     origin: origin(kind: kind, segment: e.position.segment, at: span, payloadCount: payload.count, source: source))
        }
    }

    /// Nil for any event but a receipt, the only one with a body to leave in the journal: an origin holds
    /// the shared text store, and building one for every event retained and released it a million times
    /// at start-up, from every core at once.
    private static func origin(kind: EventKind?, segment: Int, at span: JournalLineSpan, payloadCount: Int,
                               source: JournalTextStore) -> PayloadOrigin? {
        guard kind == .received else { return nil }
        return PayloadOrigin(source: source, segment: segment, lineOffset: span.offset, lineLength: span.length,
                      payloadOffset: span.length - EnvelopeDecoder.trailerLength - payloadCount, checksum: span.checksum)
    }

    private static func recorded(_ e: JournalEntry, id: String, kind: EventKind?, payload: UnsafeBufferPointer<UInt8>,
                                 origin: PayloadOrigin?) -> Result<RecordedEvent, Problem> {
        switch actor(e.actor) {
        case let .success(actor):
            let lean = FoldEntry(seq: e.seq, reportID: e.reportID, at: e.at, type: e.type, position: e.position)
            return recorded(lean, id: id, actor: ActorRef(actor), kind: kind, payload: payload, origin: origin)
        case let .failure(refusal): return .failure(Problem(position: e.position, seq: e.seq, reason: refusal.reason))
        }
    }

    /// Why a line's actor cannot be the domain's: said as the line's problem.
    struct ActorRefusal: Error {
        var reason: String
    }

    /// The domain's actor of a journal actor.
    static func actor(_ a: JournalActor) -> Result<Actor, ActorRefusal> {
        guard let role = Role(rawValue: a.role) else { return .failure(ActorRefusal(reason: "actor.role: unknown role '\(a.role)'")) }
        return .success(Actor(name: a.name, role: role, agency: a.agency, unit: a.unit, osUser: a.osUser))
    }

    /// `kind`: the kind `e.type` names, found once for both the origin and the decode.
    private static func recorded(_ e: FoldEntry, id: String, actor: ActorRef, kind: EventKind?, payload: UnsafeBufferPointer<UInt8>,
                                 origin: PayloadOrigin?) -> Result<RecordedEvent, Problem> {
        do throws(EventCodec.DecodeError) {
            let event = try EventCodec.decode(type: e.type, kind: kind, payloadBytes: payload, origin: origin)
            return .success(RecordedEvent(seq: e.seq, id: id, reportID: ReportID(e.reportID), at: e.at, actorRef: actor, event: event))
        } catch {
            return .failure(Problem(position: e.position, seq: e.seq, reason: "data: \(error)"))
        }
    }

    /// The recorded event of an entry this process has just written from `event`, without decoding the
    /// payload again: `event` is what the payload decodes to once the one value the format rounds (the
    /// intake's `received_at`, stored to whole seconds) is rounded the same way. Anything else (another
    /// type, a time the format cannot hold) is decoded from the payload as a later read would.
    public static func recorded(_ e: JournalEntry, written event: DomainEvent) -> Result<RecordedEvent, Problem> {
        guard e.type == event.type, let role = Role(rawValue: e.actor.role) else { return recorded(e) }
        let actor = Actor(name: e.actor.name, role: role, agency: e.actor.agency, unit: e.actor.unit, osUser: e.actor.osUser)
        return recorded(e, written: event, actor: ActorRef(actor), shareWords: true)
    }

    /// As above with the actor's reference given: a batch by one actor looks it up once instead of once per
    /// event (hashing five strings each time). `actor` must be the entry's actor. With
    /// `shareWords` its vocabulary values are shared as decoding would share them.
    private static func recorded(_ e: JournalEntry, written event: DomainEvent, actor: ActorRef,
                                 shareWords: Bool) -> Result<RecordedEvent, Problem> {
        guard e.type == event.type, let asRead = asRead(event) else { return recorded(e) }
        return .success(RecordedEvent(seq: e.seq, id: e.eventID, reportID: ReportID(e.reportID), at: e.at, actorRef: actor,
                                      event: shareWords ? SharedVocabulary.shared.intern(asRead) : asRead))
    }

    /// As `recorded(_:written:)`, except that a new report is decoded from its line through `source` (when
    /// the entry knows where its line is), so its long body is left in the journal as a later start-up
    /// leaves it; every other event is taken as decided.
    public static func recorded(_ e: JournalEntry, written event: DomainEvent, source: JournalTextStore?) -> Result<RecordedEvent, Problem> {
        if source != nil, e.span != nil, case .received = event { return recorded(e, source: source) }
        return recorded(e, written: event)
    }

    /// As `recorded(_:written:source:)` for an entry `newEntries` wrote for `actor` (one reference for the whole
    /// batch), with where a receipt's body was located in the payload as it was encoded (`body`): the body
    /// is left in the journal where decoding the line would leave it (`Intake.leaveBody`), without decoding
    /// the payload again (a bulk import's every report). Vocabulary values are taken as they are: an
    /// import's reader shares them as it reads the file (`PayloadTape.Value.sharedWord`), sharing them again
    /// here under one process-wide lock was a tenth of an import's time, and the other callers (`intake`, a
    /// practice desk, `generate`) record a handful of reports or exit right after.
    public static func recorded(_ e: JournalEntry, written event: DomainEvent, body: Range<Int>?, actor: ActorRef,
                                source: JournalTextStore?) -> Result<RecordedEvent, Problem> {
        guard case var .received(intake) = event, let source, let span = e.span else {
            return recorded(e, written: event, actor: actor, shareWords: false)
        }
        guard let origin = origin(kind: EventKind(typeName: e.type), segment: e.position.segment, at: span,
                                  payloadCount: e.payload.count, source: source)
        else { return recorded(e) }
        intake.leaveBody(at: body, in: origin)
        return recorded(e, written: .received(intake), actor: actor, shareWords: false)
    }

    /// `event` as decoding its payload yields it, or nil when that is not known without decoding.
    static func asRead(_ event: DomainEvent) -> DomainEvent? {
        guard case let .received(received) = event else { return event }
        let seconds = received.receivedAt.timeIntervalSince1970
        // Years 1000...9998 in every zone: four digits that `ISOTime.parse` reads back to the second.
        guard seconds > -30_000_000_000, seconds < 253_300_000_000 else { return nil }
        let whole = seconds.rounded(.down)
        if whole == seconds { return event }
        var intake = received
        intake.receivedAt = Date(timeIntervalSince1970: whole)
        return .received(intake)
    }

    public static func newEntry(_ event: DomainEvent, report: ReportID, actor: Actor, at: Date, offsetSeconds: Int) -> NewEntry {
        newEntry(event, report: report, actor: journalActor(actor), at: at, offsetSeconds: offsetSeconds,
                 eventID: EventIDs.random(count: 1)[0])
    }

    /// A decided event and its payload, encoded before it has a report number or an id (a bulk import
    /// encodes its receipts on every core), with where a receipt's body is in the payload, for
    /// `recorded(_:written:body:actor:source:)`.
    public struct EncodedEvent: Sendable {
        public var event: DomainEvent
        public var payload: [UInt8]
        public var body: Range<Int>?
    }

    public static func encoded(_ event: DomainEvent, offsetSeconds: Int) -> EncodedEvent {
        let (payload, body) = EventCodec.encodeLocatingBody(event, offsetSeconds: offsetSeconds)
        return EncodedEvent(event: event, payload: payload, body: body)
    }

    /// The entries of many encoded events by one actor at one time (a bulk import), in order: the ids are
    /// drawn in one go.
    public static func newEntries(_ events: [(encoded: EncodedEvent, report: ReportID)], actor: Actor, at: Date,
                                  offsetSeconds: Int) -> [NewEntry] {
        let ids = EventIDs.random(count: events.count)
        let journalActor = journalActor(actor)
        return events.indices.map { k in
            newEntry(events[k].encoded.event, payload: events[k].encoded.payload, report: events[k].report, actor: journalActor,
                     at: at, offsetSeconds: offsetSeconds, eventID: ids[k])
        }
    }

    private static func newEntry(_ event: DomainEvent, report: ReportID, actor: JournalActor, at: Date, offsetSeconds: Int,
                                 eventID: String) -> NewEntry {
        newEntry(event, payload: EventCodec.encode(event, offsetSeconds: offsetSeconds), report: report, actor: actor, at: at,
                 offsetSeconds: offsetSeconds, eventID: eventID)
    }

    private static func newEntry(_ event: DomainEvent, payload: [UInt8], report: ReportID, actor: JournalActor, at: Date,
                                 offsetSeconds: Int, eventID: String) -> NewEntry {
        NewEntry(eventID: eventID, reportID: report.rawValue, at: at, utcOffsetSeconds: offsetSeconds, actor: actor,
                 type: event.type, payload: payload)
    }

    private static func journalActor(_ actor: Actor) -> JournalActor {
        JournalActor(name: actor.name, role: actor.role.rawValue, agency: actor.agency, unit: actor.unit, osUser: actor.osUser)
    }
}

extension FileJournal {
    /// Every event after `seq` as the desk folds it, in journal order (decoded on every core). Long
    /// bodies stay in the journal (read back when shown): most of a large desk's bytes.
    func forEachRecorded(after seq: UInt64, _ body: (Result<RecordedEvent, JournalMapping.Problem>) throws -> Void) throws {
        let source = textStore
        try forEachTransformed(after: seq, typeNames: DomainEvent.typeNames,
                               transform: { JournalMapping.recorded($0, at: $1, parts: $2, source: source) }, body)
    }
}
