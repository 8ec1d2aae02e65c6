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
        guard let kind = CommandKind(rawValue: verb), kind != .receive else {
            throw Problem(field: path + ".do", message: "unknown verb '\(verb)'")
        }
        func s(_ k: String) -> String? { v[k]?.stringValue }
        func strings(_ k: String) -> [String] { v[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var a = CommandArguments()
        a.agency = s("agency"); a.unit = s("unit"); a.note = s("note"); a.question = s("question"); a.text = s("text")
        a.reason = s("reason"); a.duplicateOf = s("duplicate_of"); a.title = s("title")
        a.classification = s("classification"); a.category = s("category"); a.subcategory = s("subcategory")
        a.priority = s("priority"); a.original = s("original")
        a.anonymous = v["anonymous"]?.boolValue; a.confidential = v["confidential"]?.boolValue
        a.add = strings("add"); a.remove = strings("remove"); a.fields = strings("fields")
        do {
            var command = try a.command(kind)
            if case let .dispose(agency, unit, _, note) = command, let rule = s("rule") {
                command = .dispose(agency: agency, unit: unit, rule: rule, note: note)
            }
            return (command, s("duplicate_of_external_id"))
        } catch {
            throw Problem(field: "\(path).\(error.argument)", message: error.message)
        }
    }
}
