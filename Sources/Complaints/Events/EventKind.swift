/// Which of the journal's event types a `type` value names. Start-up decodes a million payloads, and
/// matching each type string against the cases in turn (a string `switch`, then `==` again to decide
/// whether a receipt's body may stay in the journal) was about 2 % of a cold start's instructions; the
/// kind is found from the bytes once, then switched on as an integer.
///
/// Cases are in `DomainEvent.typeNames`'s order, most frequent first (a test checks both lists).
public enum EventKind: Int, CaseIterable, Sendable {
    case received, noteAdded, disposed, assignedToUnit, replyPosted, tagged, followedUp, prioritySet, accepted
    case postponed, archived, deleted, reporterReplied, sentBack, disputed, autoClosed, titleEdited, classified
    case flagsSet, duplicateLinked, redacted

    /// The journal's `type` value: these literals are the strings start-up hands out for every line.
    public var typeName: String {
        switch self {
        case .received: "report.received"
        case .noteAdded: "report.note-added"
        case .disposed: "report.disposed"
        case .assignedToUnit: "report.assigned-to-unit"
        case .replyPosted: "report.reply-posted"
        case .tagged: "report.tagged"
        case .followedUp: "report.followed-up"
        case .prioritySet: "report.priority-set"
        case .accepted: "report.accepted"
        case .postponed: "report.postponed"
        case .archived: "report.archived"
        case .deleted: "report.deleted"
        case .reporterReplied: "report.reporter-replied"
        case .sentBack: "report.sent-back"
        case .disputed: "report.disputed"
        case .autoClosed: "report.auto-closed"
        case .titleEdited: "report.title-edited"
        case .classified: "report.classified"
        case .flagsSet: "report.flags-set"
        case .duplicateLinked: "report.duplicate-linked"
        case .redacted: "report.redacted"
        }
    }

    /// The kind `typeName` names; nil for a type this build does not know.
    public init?(typeName: String) {
        var name = typeName
        guard let kind = name.withUTF8({ EventKind(typeBytes: $0) }) else { return nil }
        self = kind
    }

    /// As `init(typeName:)`, from the name's UTF-8 bytes (no quotes).
    public init?(typeBytes: UnsafeBufferPointer<UInt8>) {
        guard let kind = EventKind.names.find(typeBytes) else { return nil }
        self = kind
    }

    private static let names = CaseNames<EventKind>(\.typeName)
}
