import Foundation

/// Every other frequent event as `EventPayloadBytes.write` lays it out (see `WrittenPayloadReader`), read
/// to what `EventPayloadReader.event` reads. The rare ones (classified, flags set, duplicate linked,
/// redacted) are left to the tape.
extension WrittenPayloadReader {
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
            guard literal("{") else { return nil }
            var first = true, add: [String] = [], remove: [String] = []
            if opens("\"add\":", &first) { guard let v = array({ $0.word() }) else { return nil }; add = v }
            if opens("\"remove\":", &first) { guard let v = array({ $0.word() }) else { return nil }; remove = v }
            return literal("}") ? .tagged(add: add, remove: remove) : nil
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
            guard literal("{") else { return nil }
            var first = true, note: String?, reason: DeleteReason?
            if opens("\"note\":", &first) { guard let v = string() else { return nil }; note = v }
            if opens("\"reason\":", &first) { guard let v = enumValue(DeleteReason.rawValueBytes) else { return nil }; reason = v }
            guard literal("}"), let reason else { return nil }
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
        guard literal("{") else { return nil }
        var first = true, text: String?
        if opens("\"attachments\":", &first) { guard literal("[]") else { return nil } }
        if opens("\"text\":", &first) { guard let v = string() else { return nil }; text = v }
        return literal("}") ? text : nil
    }

    private mutating func disposition() -> Disposition? {
        guard literal("{\"disposition\":{") else { return nil }
        var first = true
        var agency: String?, from: String?, kind: DispositionKind?, note: String?, rule: String?, unit: String?
        if opens("\"agency\":", &first) { guard let v = word() else { return nil }; agency = v }
        if opens("\"from_agency\":", &first) { guard let v = word() else { return nil }; from = v }
        if opens("\"kind\":", &first) { guard let v = enumValue(DispositionKind.rawValueBytes) else { return nil }; kind = v }
        if opens("\"note\":", &first) { guard let v = string() else { return nil }; note = v }
        if opens("\"rule\":", &first) { guard let v = word() else { return nil }; rule = v }
        if opens("\"unit\":", &first) { guard let v = word() else { return nil }; unit = v }
        guard literal("}}"), let agency, let kind else { return nil }
        return Disposition(agency: agency, unit: unit, kind: kind, fromAgency: from, rule: rule, note: note)
    }

    private mutating func archive() -> DomainEvent? {
        guard literal("{") else { return nil }
        var first = true, duplicateOf: String?, note: String?, reason: ArchiveReason?
        if opens("\"duplicate_of\":", &first) { guard let v = string() else { return nil }; duplicateOf = v }
        if opens("\"note\":", &first) { guard let v = string() else { return nil }; note = v }
        if opens("\"reason\":", &first) { guard let v = enumValue(ArchiveReason.rawValueBytes) else { return nil }; reason = v }
        guard literal("}"), let reason else { return nil }
        return .archived(reason: reason, note: note, duplicateOf: duplicateOf.map { ReportID($0) })
    }
}
