import Foundation

/// Facts about one report. Events are never edited or removed; the state of a report is a fold of its events
/// (`evolve`). The `type` strings are the journal's `type` field and must never change meaning.
public enum DomainEvent: Sendable, Hashable {
    /// `indirect` (boxed): an inline Intake made every event, and so every trail entry of a million-event
    /// desk, 300 bytes larger (about 280 MB at 200,000 reports).
    indirect case received(Intake)
    /// Sent to an agency: first disposition, a *pelimpahan* after *bukan wewenang*, or the reporter's choice.
    indirect case disposed(Disposition)
    case postponed(question: String)
    case reporterReplied(text: String, attachments: [Attachment])
    case archived(reason: ArchiveReason, note: String?, duplicateOf: ReportID?)
    case deleted(reason: DeleteReason, note: String?)
    case assignedToUnit(unit: String)
    case sentBack(reason: String)
    case followedUp(text: String, attachments: [Attachment])
    case disputed(text: String)
    case accepted(text: String?)
    case autoClosed
    case titleEdited(title: String)
    case classified(classification: Classification?, category: String?, subcategory: String?)
    case flagsSet(anonymous: Bool?, confidential: Bool?)
    case tagged(add: [String], remove: [String])
    case prioritySet(Priority)
    case noteAdded(text: String)
    case replyPosted(text: String)
    case duplicateLinked(original: ReportID)
    /// Personal data erased for a legal reason: later views show a placeholder; the journal keeps the fact.
    case redacted(fields: [String], reason: String)

    /// The journal's `type` value.
    public var type: String { kind.typeName }

    /// Which type of event this is (`EventKind`).
    public var kind: EventKind {
        switch self {
        case .received: .received
        case .disposed: .disposed
        case .postponed: .postponed
        case .reporterReplied: .reporterReplied
        case .archived: .archived
        case .deleted: .deleted
        case .assignedToUnit: .assignedToUnit
        case .sentBack: .sentBack
        case .followedUp: .followedUp
        case .disputed: .disputed
        case .accepted: .accepted
        case .autoClosed: .autoClosed
        case .titleEdited: .titleEdited
        case .classified: .classified
        case .flagsSet: .flagsSet
        case .tagged: .tagged
        case .prioritySet: .prioritySet
        case .noteAdded: .noteAdded
        case .replyPosted: .replyPosted
        case .duplicateLinked: .duplicateLinked
        case .redacted: .redacted
        }
    }

    /// Every `type` value, as shared literals: start-up hands these out for the million `type` fields it
    /// reads instead of building a string per line (a test checks the list against `type`).
    ///
    /// Most frequent first (as a desk's journal holds them): start-up looks each line's type up in this list.
    public static let typeNames: [String] = EventKind.allCases.map(\.typeName)
}

/// How a report reached an agency.
public enum DispositionKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// First routing by the national desk after verification.
    case disposisi
    /// Re-routing by the national desk after an agency sent it back as *bukan wewenang*.
    case pelimpahan
    /// The reporter picked the agency; the national desk was skipped.
    case pilihanPelapor = "pilihan-pelapor"
}

/// One hop of a report's route, kept forever in the trail.
public struct Disposition: Sendable, Hashable {
    public var agency: String
    public var unit: String?
    public var kind: DispositionKind
    /// The agency it came from (pelimpahan only).
    public var fromAgency: String?
    /// The routing rule the officer accepted, if any ("proposed by rule rute.toml:42").
    public var rule: String?
    /// Free text from the officer (instructions to the agency).
    public var note: String?

    public init(agency: String, unit: String? = nil, kind: DispositionKind, fromAgency: String? = nil,
                rule: String? = nil, note: String? = nil) {
        self.agency = agency
        self.unit = unit
        self.kind = kind
        self.fromAgency = fromAgency
        self.rule = rule
        self.note = note
    }
}

/// An event as stored: position in the global sequence, when, by whom.
public struct RecordedEvent: Sendable, Hashable {
    public var seq: UInt64
    public var id: String
    public var reportID: ReportID
    public var at: Date
    /// Who did it, named by number as a trail entry names it: a start-up decodes a million events by a few
    /// hundred actors, and hands each from a decoding core to the fold as a number instead of five strings
    /// built, copied and freed per event (`ActorSpanCache`, `ActorRef`).
    public var actor: Actor {
        get { actorRef.actor }
        set { actorRef = ActorRef(newValue) }
    }
    public var actorRef: ActorRef
    public var event: DomainEvent

    public init(seq: UInt64, id: String, reportID: ReportID, at: Date, actor: Actor, event: DomainEvent) {
        self.init(seq: seq, id: id, reportID: reportID, at: at, actorRef: ActorRef(actor), event: event)
    }

    public init(seq: UInt64, id: String, reportID: ReportID, at: Date, actorRef: ActorRef, event: DomainEvent) {
        self.seq = seq
        self.id = id
        self.reportID = reportID
        self.at = at
        self.actorRef = actorRef
        self.event = event
    }

    /// The event, moved out and a payload-free one left in its place: `(consume r).event` copied the
    /// payload (retaining each of its strings) and then released it with the record, for every event a
    /// desk folds.
    mutating func takeEvent() -> DomainEvent {
        var taken = DomainEvent.autoClosed
        swap(&taken, &event)
        return taken
    }

    public static func == (a: RecordedEvent, b: RecordedEvent) -> Bool {
        a.seq == b.seq && a.id == b.id && a.reportID == b.reportID && a.at == b.at
            && (a.actorRef == b.actorRef || a.actor == b.actor) && a.event == b.event
    }

    public func hash(into h: inout Hasher) {
        h.combine(seq)
        h.combine(id)
        h.combine(reportID)
        h.combine(at)
        h.combine(actor)
        h.combine(event)
    }
}
