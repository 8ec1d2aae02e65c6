#if canImport(Glibc)
import Glibc // memcmp: byte comparison, no I/O
#endif

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
        guard let base = typeBytes.baseAddress, let key = EventKind.key(base, typeBytes.count) else { return nil }
        let table = EventKind.table
        for k in 0..<table.keys.count where table.keys[k] == key {
            let bytes = table.bytes[k]
            // The key narrows the search; the name is still compared whole, its length first.
            guard bytes.count == typeBytes.count else { continue }
            let same = bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, bytes.count) == 0 }
            if same, let kind = EventKind(rawValue: k) { self = kind; return }
        }
        return nil
    }

    /// The last eight bytes mixed with the length: every name is at least that long, and no two names share
    /// a key (a test checks). Other text may share a name's key (a review found a 135-byte type ending in
    /// chosen bytes): the lookup then compares the length and every byte before answering.
    private static func key(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64? {
        guard count >= 8, count < 256 else { return nil }
        let tail = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
        return tail ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    }

    private struct Table: Sendable {
        var keys: [UInt64]
        var bytes: [[UInt8]]
    }

    private static let table: Table = {
        let bytes = allCases.map { Array($0.typeName.utf8) }
        let keys = bytes.map { b in b.withUnsafeBufferPointer { key($0.baseAddress!, $0.count)! } }
        return Table(keys: keys, bytes: bytes)
    }()

    /// Whether every name has a key of its own (the lookup then compares one name per line).
    static var keysAreDistinct: Bool { Set(table.keys).count == table.keys.count }
}
