import Complaints
import Foundation

/// One step of a practice report's history, as written in a practice desk file:
/// `{"after_hours": 10, "as": "rina", "do": "dispose", "agency": "pemkab-sleman"}`.
/// The verbs are the domain's command names (`CommandKind`), the same ones `lapor-desk act` takes.
public struct PracticeStep: Sendable {
    public var afterHours: Double
    public var operatorName: String
    public var command: Command
    /// For `archive` as `duplikat`: the original named by its channel external id, resolved when applied.
    public var duplicateOfExternalID: String?
}

enum PracticeScript {
    struct Problem: Error {
        var field: String
        var message: String
    }

    static func steps(_ value: JSONValue?) throws(Problem) -> [PracticeStep] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue else { throw Problem(field: "script", message: "must be an array") }
        var out: [PracticeStep] = []
        var lastHours = -1.0
        for (i, item) in items.enumerated() {
            let path = "script[\(i + 1)]"
            guard item.objectMembers != nil else { throw Problem(field: path, message: "must be an object") }
            guard case let .number(h)? = item["after_hours"], let hours = Double(h), hours >= 0 else {
                throw Problem(field: path + ".after_hours", message: "must be a non-negative number")
            }
            guard hours >= lastHours else { throw Problem(field: path + ".after_hours", message: "steps must be in time order") }
            lastHours = hours
            guard let who = item["as"]?.stringValue else { throw Problem(field: path + ".as", message: "operator name required") }
            guard let verb = item["do"]?.stringValue else { throw Problem(field: path + ".do", message: "verb required") }
            let (command, dupExt) = try command(verb: verb, item, path: path)
            out.append(PracticeStep(afterHours: hours, operatorName: who, command: command, duplicateOfExternalID: dupExt))
        }
        return out
    }

    static func command(verb: String, _ v: JSONValue, path: String) throws(Problem) -> (Command, String?) {
        func s(_ k: String) -> String? { v[k]?.stringValue }
        func req(_ k: String) throws(Problem) -> String {
            guard let x = s(k) else { throw Problem(field: "\(path).\(k)", message: "required for '\(verb)'") }
            return x
        }
        func strings(_ k: String) -> [String] { v[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        guard let kind = CommandKind(rawValue: verb), kind != .receive else {
            throw Problem(field: path + ".do", message: "unknown verb '\(verb)'")
        }
        switch kind {
        case .dispose: return (.dispose(agency: try req("agency"), unit: s("unit"), rule: s("rule"), note: s("note")), nil)
        case .postpone: return (.postpone(question: try req("question")), nil)
        case .reporterReply: return (.recordReporterReply(text: try req("text"), attachments: []), nil)
        case .archive:
            guard let reason = ArchiveReason(rawValue: try req("reason")) else {
                throw Problem(field: path + ".reason", message: "unknown archive reason")
            }
            return (.archive(reason: reason, note: s("note"), duplicateOf: s("duplicate_of").map { ReportID($0) }),
                    s("duplicate_of_external_id"))
        case .delete:
            guard let reason = DeleteReason(rawValue: try req("reason")) else {
                throw Problem(field: path + ".reason", message: "spam or tidak-terbaca")
            }
            return (.delete(reason: reason, note: s("note")), nil)
        case .assignUnit: return (.assignToUnit(unit: try req("unit")), nil)
        case .sendBack: return (.sendBack(reason: try req("reason")), nil)
        case .followUp: return (.postFollowUp(text: try req("text"), attachments: []), nil)
        case .dispute: return (.recordDispute(text: try req("text")), nil)
        case .accept: return (.recordAcceptance(text: s("text")), nil)
        case .autoClose: return (.autoClose, nil)
        case .editTitle: return (.editTitle(try req("title")), nil)
        case .classify:
            let c = s("classification").flatMap(Classification.init(rawValue:))
            return (.classify(classification: c, category: s("category"), subcategory: s("subcategory")), nil)
        case .setFlags: return (.setFlags(anonymous: v["anonymous"]?.boolValue, confidential: v["confidential"]?.boolValue), nil)
        case .tag: return (.tag(add: strings("add"), remove: strings("remove")), nil)
        case .priority:
            guard let p = Priority(rawValue: try req("priority")) else { throw Problem(field: path + ".priority", message: "unknown priority") }
            return (.setPriority(p), nil)
        case .note: return (.addNote(try req("text")), nil)
        case .reply: return (.postReply(try req("text")), nil)
        case .linkDuplicate: return (.linkDuplicate(original: ReportID(try req("original"))), nil)
        case .redact: return (.redact(fields: strings("fields"), reason: try req("reason")), nil)
        case .receive: throw Problem(field: path + ".do", message: "not a script verb")
        }
    }
}
