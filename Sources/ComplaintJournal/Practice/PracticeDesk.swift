import TinyTOML
import Complaints
import Foundation

/// Builds a practice desk's journal from a practice file: intake records with `age_hours` (received that
/// long before the class starts) and a `script` of what already happened to each report. Every scripted
/// step goes through `decide`, so a practice desk can never hold a history the real rules would refuse.
public enum PracticeDesk {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var field: String?
        public var message: String
        public var description: String { "\(file):\(line): " + OneLineText.escape((field.map { "\($0): " } ?? "") + message) }
    }

    public struct Entry: Sendable {
        public var line: Int
        public var intake: Intake
        public var steps: [PracticeStep]
    }

    /// Parses the practice file; all problems are collected.
    public static func parse(_ text: String, fileName: String, now: Date) throws(PracticeProblems) -> [Entry] {
        var entries: [Entry] = []
        var problems: [Problem] = []
        // Lessons and scripts name reports by their external id alone: one id, one report (QA: a repeated id
        // passed `scenario check`; the desk then had a report fewer, or steps pointing at the wrong report).
        var lineOfID: [String: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let n = i + 1
            let value: JSONValue
            do { value = try JSONValue.parse(line) } catch {
                problems.append(Problem(file: fileName, line: n, field: nil, message: error.description))
                continue
            }
            guard let members = value.objectMembers else {
                problems.append(Problem(file: fileName, line: n, field: nil, message: "expected a JSON object"))
                continue
            }
            // At most a century back: beyond that no instant can be written (libFuzzer: 1e300 hours trapped
            // converting the time).
            guard case let .number(ageText)? = value["age_hours"], let age = Double(ageText), age >= 0, age <= PracticeDesk.maxHours else {
                problems.append(Problem(file: fileName, line: n, field: "age_hours",
                                        message: "must be a number of hours from 0 to \(Int(PracticeDesk.maxHours)) (a century)"))
                continue
            }
            let received = now.addingTimeInterval(-age * 3600)
            var intakeMembers = members.filter { $0.key != "age_hours" && $0.key != "script" }
            intakeMembers.append(.init("received_at", .string(ISOTime.format(received))))
            let intake: Intake
            switch IntakeDecoder.decode(value: .object(intakeMembers), file: fileName, line: n, importTime: now) {
            case let .accepted(i, _): intake = i
            case let .rejected(ps):
                problems += ps.map { Problem(file: fileName, line: n, field: $0.field, message: $0.message) }
                continue
            }
            do {
                let steps = try PracticeScript.steps(value["script"])
                if let last = steps.last, last.afterHours > age {
                    problems.append(Problem(file: fileName, line: n, field: "script", message: "a step lies in the future (after_hours > age_hours)"))
                    continue
                }
                if let id = intake.externalID {
                    if let first = lineOfID[id] {
                        problems.append(Problem(file: fileName, line: n, field: "external_id",
                                                message: "'\(QuotedValue.shown(id))' is already the id of the report on line \(first); each practice report needs its own"))
                        continue
                    }
                    lineOfID[id] = n
                }
                entries.append(Entry(line: n, intake: intake, steps: steps))
            } catch {
                problems.append(Problem(file: fileName, line: n, field: error.field, message: error.message))
            }
        }
        guard problems.isEmpty else { throw PracticeProblems(problems: problems) }
        return entries
    }

    /// The oldest a practice report may be, in hours (a century).
    static let maxHours: Double = 876_600

    /// Records the practice reports and their histories into `store`, in time order, each step decided
    /// by the real rules as the named operator. Returns problems for steps the rules refused.
    public static func populate(_ store: DeskStore, entries: [Entry], roster: Roster, fileName: String, now: Date)
        throws(PracticeProblems)
    {
        var problems: [Problem] = []
        var ids: [Int: ReportID] = [:]
        // One timeline of receipts and scripted steps, so the journal's order is the order things happened
        // (QA: every receipt came first, and a replay showed reports before they arrived). At the same
        // instant a report is received before anything is done to it.
        var timeline: [Timed] = []
        for e in entries {
            let received: Date = e.intake.receivedAt
            timeline.append(Timed(at: received, isStep: false, line: e.line, index: -1, entry: e, step: nil))
            for (k, step) in e.steps.enumerated() {
                let at: Date = received.addingTimeInterval(step.afterHours * 3600)
                timeline.append(Timed(at: at, isStep: true, line: e.line, index: k, entry: e, step: step))
            }
        }
        timeline.sort(by: PracticeDesk.happensBefore)
        for t in timeline {
            guard let step = t.step else {
                do {
                    let (id, _) = try store.receive(t.entry.intake, as: .system, now: t.entry.intake.receivedAt)
                    ids[t.line] = id
                } catch {
                    problems.append(Problem(file: fileName, line: t.line, field: nil, message: error.description))
                }
                continue
            }
            guard let id = ids[t.line] else { continue }
            guard let op = roster.find(step.operatorName) else {
                problems.append(Problem(file: fileName, line: t.line, field: "script[\(t.index + 1)].as",
                                        message: "unknown operator '\(step.operatorName)'"))
                continue
            }
            var command = step.command
            if let ext = step.duplicateOfExternalID, case let .archive(reason, note, _) = command {
                guard let original = store.desk.all.first(where: { $0.externalID == ext })?.id else {
                    problems.append(Problem(file: fileName, line: t.line, field: "script[\(t.index + 1)].duplicate_of_external_id",
                                            message: "no report with external id '\(ext)' received by then"))
                    continue
                }
                command = .archive(reason: reason, note: note, duplicateOf: original)
            }
            do {
                try store.perform(command, on: id, as: op, now: min(t.at, now))
            } catch {
                problems.append(Problem(file: fileName, line: t.line, field: "script[\(t.index + 1)]",
                                        message: "\(step.command.kind.rawValue) refused: \(error)"))
            }
        }
        guard problems.isEmpty else { throw PracticeProblems(problems: problems) }
    }
}

extension PracticeDesk {
    /// A receipt or a scripted step of a practice desk's history, at its time.
    struct Timed {
        var at: Date
        var isStep: Bool
        var line: Int
        var index: Int
        var entry: Entry
        var step: PracticeStep?
    }

    /// Time order; at the same instant a receipt before steps, then file order.
    static func happensBefore(_ a: Timed, _ b: Timed) -> Bool {
        if a.at != b.at { return a.at < b.at }
        if a.isStep != b.isStep { return !a.isStep }
        if a.line != b.line { return a.line < b.line }
        return a.index < b.index
    }
}

public struct PracticeProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [PracticeDesk.Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
