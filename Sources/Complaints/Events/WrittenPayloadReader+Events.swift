import Foundation

/// Every other frequent event as `EventPayloadBytes.write` lays it out (see `WrittenPayloadReader`), read
/// to what `EventPayloadReader.event` reads. The rare ones (classified, flags set, duplicate linked,
/// redacted) are left to the tape.
extension WrittenPayloadReader {
    private static let dispositionMembers = openings(["agency", "from_agency", "kind", "note", "rule", "unit"])
    private static let tagMembers = openings(["add", "remove"])
    private static let attachedTextMembers = openings(["attachments", "text"])
    private static let archiveMembers = openings(["duplicate_of", "note", "reason"])
    private static let deleteMembers = openings(["note", "reason"])

    mutating func event(_ kind: EventKind, origin: PayloadOrigin?) -> DomainEvent? {
        switch kind {
        case .received: return intake(origin: origin).map { .received($0) }
        case .noteAdded: return onlyString("{\"text\":").map { .noteAdded(text: $0) }
        case .disposed: return disposition().map { .disposed($0) }
        case .assignedToUnit:
            guard literal("{\"unit\":"), let unit = word(), literal("}") else { return nil }
            return .assignedToUnit(unit: unit)
        case .replyPosted: return onlyString("{\"text\":").map { .replyPosted(text: $0) }
        case .tagged:
            var add: [String] = [], remove: [String] = []
            let read = object(WrittenPayloadReader.tagMembers) { p, k in
                guard let words = p.array({ $0.word() }) else { return false }
                if k == 0 { add = words } else { remove = words }
                return true
            }
            return read ? .tagged(add: add, remove: remove) : nil
        case .followedUp: return attachedText().map { .followedUp(text: $0, attachments: []) }
        case .prioritySet:
            guard literal("{\"priority\":"), let p = enumValue(Priority.rawValueBytes), literal("}") else { return nil }
            return .prioritySet(p)
        case .accepted:
            if literal("{}") { return .accepted(text: nil) }
            return onlyString("{\"text\":").map { .accepted(text: $0) }
        case .postponed: return onlyString("{\"question\":").map { .postponed(question: $0) }
        case .archived: return archive()
        case .deleted:
            var note: String?, reason: DeleteReason?
            let read = object(WrittenPayloadReader.deleteMembers) { p, k in
                if k == 0 { note = p.string(); return note != nil }
                reason = p.enumValue(DeleteReason.rawValueBytes)
                return reason != nil
            }
            guard read, let reason else { return nil }
            return .deleted(reason: reason, note: note)
        case .reporterReplied: return attachedText().map { .reporterReplied(text: $0, attachments: []) }
        case .sentBack: return onlyString("{\"reason\":").map { .sentBack(reason: $0) }
        case .disputed: return onlyString("{\"text\":").map { .disputed(text: $0) }
        case .autoClosed: return literal("{}") ? .autoClosed : nil
        case .titleEdited: return onlyString("{\"title\":").map { .titleEdited(title: $0) }
        case .classified, .flagsSet, .duplicateLinked, .redacted: return nil
        }
    }

    /// `{"name":"…"}`: the object's one string member (`opening` is `{"name":`).
    private mutating func onlyString(_ opening: StaticString) -> String? {
        guard literal(opening), let s = string(), literal("}") else { return nil }
        return s
    }

    /// `{"attachments":[],"text":"…"}` (a follow-up or a reporter's reply without attachments).
    private mutating func attachedText() -> String? {
        var text: String?
        let read = object(WrittenPayloadReader.attachedTextMembers) { p, k in
            if k == 0 { return p.literal("[]") }
            text = p.string()
            return text != nil
        }
        return read ? text : nil
    }

    private mutating func disposition() -> Disposition? {
        guard literal("{\"disposition\":") else { return nil }
        var agency: String?, from: String?, kind: DispositionKind?, note: String?, rule: String?, unit: String?
        let read = object(WrittenPayloadReader.dispositionMembers) { p, k in
            switch k {
            case 0: agency = p.word(); return agency != nil
            case 1: from = p.word(); return from != nil
            case 2: kind = p.enumValue(DispositionKind.rawValueBytes); return kind != nil
            case 3: note = p.string(); return note != nil
            case 4: rule = p.word(); return rule != nil
            default: unit = p.word(); return unit != nil
            }
        }
        guard read, literal("}"), let agency, let kind else { return nil }
        return Disposition(agency: agency, unit: unit, kind: kind, fromAgency: from, rule: rule, note: note)
    }

    private mutating func archive() -> DomainEvent? {
        var duplicateOf: String?, note: String?, reason: ArchiveReason?
        let read = object(WrittenPayloadReader.archiveMembers) { p, k in
            switch k {
            case 0: duplicateOf = p.string(); return duplicateOf != nil
            case 1: note = p.string(); return note != nil
            default: reason = p.enumValue(ArchiveReason.rawValueBytes); return reason != nil
            }
        }
        guard read, let reason else { return nil }
        return .archived(reason: reason, note: note, duplicateOf: duplicateOf.map { ReportID($0) })
    }
}
