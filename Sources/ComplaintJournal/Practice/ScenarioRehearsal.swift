import Complaints
import Foundation

/// Does a lesson's steps in order, as the trainee, on the desk its scenario builds, so `scenario check`
/// finds a step that cannot follow the ones before it (archiving a report an earlier step disposed) before
/// a class meets a lesson it can never finish (QA: "OK — 6 langkah", then step 6 was refused in class).
enum ScenarioRehearsal {
    /// One message per step that is refused (`FILE:LINE: do: ...`). A step the workflow refuses only until
    /// time passes (the trainer moves the practice clock for it) or that names no concrete values is not
    /// judged here.
    static func problems(_ lesson: Lesson, verbs: [StepVerb], store: DeskStore, trainee: Operator, startsAt: Date,
                         manifest: String) -> [String] {
        var ids: [String: ReportID] = [:]
        for r in store.desk.all { if let ext = r.intake.externalID { ids[ext] = r.id } }
        var messages: [String] = []
        for (i, step) in lesson.steps.enumerated() {
            guard let id = ids[step.expect.reportExternalID], let command = try? arguments(step.expect).command(step.expect.verb) else {
                continue
            }
            do {
                _ = try store.perform(command, on: id, as: trainee, now: startsAt.addingTimeInterval(Double(i + 1) * 60))
            } catch {
                guard case let .refused(refusal) = error, !leftToTheTrainer.contains(refusal.code) else { continue }
                let line = verbs.indices.contains(i) ? verbs[i].line : 0
                messages.append("\(manifest):\(line): do: step \(i + 1) cannot follow the steps before it: \(refusal.message.en)")
            }
        }
        return messages
    }

    /// Refusals that depend on the practice clock or on values the step leaves open.
    static let leftToTheTrainer: Set<Refusal.Code> = [.notYetDue, .nothingToChange]

    /// The step's own values, and stand-ins for what it leaves open (any text; the first reason or priority).
    static func arguments(_ p: EventPattern) -> CommandArguments {
        var a = CommandArguments()
        a.agency = p.fields["agency"]
        a.unit = p.fields["unit"]
        a.classification = p.fields["classification"]
        a.category = p.fields["category"]
        a.anonymous = p.fields["anonymous"].map { $0 == "true" }
        a.confidential = p.fields["confidential"].map { $0 == "true" }
        a.text = "latihan"
        a.title = "latihan"
        switch p.verb {
        case .archive: a.reason = p.fields["reason"] ?? ArchiveReason.allCases.first?.rawValue
        case .delete: a.reason = p.fields["reason"] ?? DeleteReason.allCases.first?.rawValue
        case .sendBack: a.reason = "latihan"
        default: a.reason = p.fields["reason"]
        }
        a.priority = p.fields["priority"] ?? Priority.allCases.last?.rawValue
        return a
    }
}
