/// What a lesson step waits for (or a known mistake looks like): one kind of journal event on one report,
/// optionally with particular fields. Written in a scenario with the same verbs as `lapor-desk act`
/// (`do = "dispose"`, `agency = "pemkab-sleman"`), so trainers learn one vocabulary.
public struct EventPattern: Sendable, Hashable {
    /// The command verb whose event is expected (`dispose` matches `report.disposed`).
    public var verb: CommandKind
    /// The report, by its channel external id in the scenario's `laporan.jsonl`.
    public var reportExternalID: String
    /// Field → expected value (`agency`, `unit`, `kind`, `reason`, `classification`, `category`,
    /// `priority`, `anonymous`, `confidential`); a field not given matches anything.
    public var fields: [String: String]

    public init(verb: CommandKind, reportExternalID: String, fields: [String: String] = [:]) {
        self.verb = verb
        self.reportExternalID = reportExternalID
        self.fields = fields
    }

    /// Fields a pattern may name for each verb; anything else is refused when the scenario loads.
    public static func allowedFields(for verb: CommandKind) -> Set<String> {
        switch verb {
        case .dispose: ["agency", "unit", "kind"]
        case .archive, .delete: ["reason"]
        case .assignUnit: ["unit"]
        case .setFlags: ["anonymous", "confidential"]
        case .classify: ["classification", "category"]
        case .priority: ["priority"]
        default: []
        }
    }

    /// Whether `event` (on the report with this external id) is what the pattern describes.
    public func matches(_ event: DomainEvent, externalID: String?) -> Bool {
        guard externalID == reportExternalID, let values = EventPattern.values(of: event, verb: verb) else { return false }
        for (key, want) in fields where values[key] != want { return false }
        return true
    }

    /// The comparable fields of an event, or nil when the event is not the verb's event.
    static func values(of event: DomainEvent, verb: CommandKind) -> [String: String]? {
        func flag(_ b: Bool?) -> String? { b.map { $0 ? "true" : "false" } }
        switch (verb, event) {
        case let (.dispose, .disposed(d)):
            var v = ["agency": d.agency, "kind": d.kind.rawValue]
            v["unit"] = d.unit
            return v
        case let (.archive, .archived(reason, _, _)): return ["reason": reason.rawValue]
        case let (.delete, .deleted(reason, _)): return ["reason": reason.rawValue]
        case let (.assignUnit, .assignedToUnit(unit)): return ["unit": unit]
        case let (.setFlags, .flagsSet(a, c)):
            var v: [String: String] = [:]
            v["anonymous"] = flag(a)
            v["confidential"] = flag(c)
            return v
        case let (.classify, .classified(cl, cat, _)):
            var v: [String: String] = [:]
            v["classification"] = cl?.rawValue
            v["category"] = cat
            return v
        case let (.priority, .prioritySet(p)): return ["priority": p.rawValue]
        case (.postpone, .postponed), (.reporterReply, .reporterReplied), (.sendBack, .sentBack),
             (.followUp, .followedUp), (.dispute, .disputed), (.accept, .accepted), (.editTitle, .titleEdited),
             (.tag, .tagged), (.note, .noteAdded), (.reply, .replyPosted), (.linkDuplicate, .duplicateLinked),
             (.redact, .redacted), (.autoClose, .autoClosed):
            return [:]
        default: return nil
        }
    }
}
