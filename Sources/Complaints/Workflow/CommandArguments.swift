/// The named arguments of a desk action, as scripts give them (`lapor-desk act` flags, practice-desk
/// steps). One place turns them into a `Command`, so every way in accepts the same names and values.
public struct CommandArguments: Sendable, Hashable {
    public var agency, unit, note, question, text, reason, duplicateOf, title: String?
    public var classification, category, subcategory, priority, original: String?
    public var anonymous, confidential: Bool?
    public var add: [String] = []
    public var remove: [String] = []
    public var fields: [String] = []

    public init() {}

    /// A missing or bad argument, named as the caller spells it (`reason`, `duplicate_of`...).
    public struct Problem: Error, Sendable, Hashable {
        public var argument: String
        public var message: String
    }

    private func need(_ v: String?, _ name: String, _ kind: CommandKind) throws(Problem) -> String {
        guard let v else { throw Problem(argument: name, message: "required for '\(kind.rawValue)'") }
        return v
    }

    private func value<E: RawRepresentable & CaseIterable>(_ raw: String, _ name: String) throws(Problem) -> E
        where E.RawValue == String
    {
        guard let e = E(rawValue: raw) else {
            throw Problem(argument: name, message: "'\(raw)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return e
    }

    /// The arguments given, by the names callers spell them.
    var given: [String] {
        let named: [(String, Bool)] = [
            ("agency", agency != nil), ("unit", unit != nil), ("note", note != nil), ("question", question != nil),
            ("text", text != nil), ("reason", reason != nil), ("duplicate_of", duplicateOf != nil), ("title", title != nil),
            ("classification", classification != nil), ("category", category != nil), ("subcategory", subcategory != nil),
            ("priority", priority != nil), ("original", original != nil), ("anonymous", anonymous != nil),
            ("confidential", confidential != nil), ("add", !add.isEmpty), ("remove", !remove.isEmpty), ("field", !fields.isEmpty),
        ]
        return named.filter(\.1).map(\.0)
    }

    /// The arguments `command(kind)` reads.
    static func accepted(_ kind: CommandKind) -> Set<String> {
        switch kind {
        case .receive, .autoClose: []
        case .dispose: ["agency", "unit", "note"]
        case .postpone: ["question", "text"]
        case .reporterReply, .followUp, .dispute, .accept, .note, .reply: ["text"]
        case .archive: ["reason", "note", "duplicate_of"]
        case .delete: ["reason", "note"]
        case .assignUnit: ["unit"]
        case .sendBack: ["reason", "text"]
        case .editTitle: ["title"]
        case .classify: ["classification", "category", "subcategory"]
        case .setFlags: ["anonymous", "confidential"]
        case .tag: ["add", "remove"]
        case .priority: ["priority"]
        case .linkDuplicate: ["original"]
        case .redact: ["field", "reason"]
        }
    }

    /// Refuses an argument `kind` does not read (QA: `act ID note --text hi --reason x` recorded the note
    /// and dropped the reason without a word, hiding the script's mistake). For callers that take
    /// arguments from people (`act`); `command` itself ignores the rest, as rehearsals fill in every one.
    public func checkAllUsed(by kind: CommandKind) throws(Problem) {
        let accepted = CommandArguments.accepted(kind)
        if let unused = given.first(where: { !accepted.contains($0) }) {
            let takes = accepted.sorted().joined(separator: ", ")
            throw Problem(argument: unused, message: "not used by '\(kind.rawValue)'" + (takes.isEmpty ? "" : " (it takes: \(takes))"))
        }
    }

    /// The command `kind` asks for with these arguments. `receive` takes an intake record, not arguments.
    public func command(_ kind: CommandKind) throws(Problem) -> Command {
        switch kind {
        case .receive: throw Problem(argument: "do", message: "'receive' records intake, not an action")
        case .dispose: return .dispose(agency: try need(agency, "agency", kind), unit: unit, rule: nil, note: note)
        case .postpone: return .postpone(question: try need(question ?? text, "question", kind))
        case .reporterReply: return .recordReporterReply(text: try need(text, "text", kind), attachments: [])
        case .archive:
            let r: ArchiveReason = try value(try need(reason, "reason", kind), "reason")
            return .archive(reason: r, note: note, duplicateOf: duplicateOf.map { ReportID($0) })
        case .delete:
            let r: DeleteReason = try value(try need(reason, "reason", kind), "reason")
            return .delete(reason: r, note: note)
        case .assignUnit: return .assignToUnit(unit: try need(unit, "unit", kind))
        case .sendBack: return .sendBack(reason: try need(reason ?? text, "reason", kind))
        case .followUp: return .postFollowUp(text: try need(text, "text", kind), attachments: [])
        case .dispute: return .recordDispute(text: try need(text, "text", kind))
        case .accept: return .recordAcceptance(text: text)
        case .autoClose: return .autoClose
        case .editTitle: return .editTitle(try need(title, "title", kind))
        case .classify:
            let c: Classification? = try classification.map { raw throws(Problem) in try value(raw, "classification") }
            return .classify(classification: c, category: category, subcategory: subcategory)
        case .setFlags: return .setFlags(anonymous: anonymous, confidential: confidential)
        case .tag: return .tag(add: add, remove: remove)
        case .priority:
            let p: Priority = try value(try need(priority, "priority", kind), "priority")
            return .setPriority(p)
        case .note: return .addNote(try need(text, "text", kind))
        case .reply: return .postReply(try need(text, "text", kind))
        case .linkDuplicate: return .linkDuplicate(original: ReportID(try need(original, "original", kind)))
        case .redact: return .redact(fields: fields, reason: try need(reason, "reason", kind))
        }
    }
}
