import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

/// Every desk action the console offers, from scripts: `lapor-desk act ID VERB [options]`.
struct ActCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act",
        abstract: "Act on a report as an operator (the same rules as the console).",
        discussion: """
        Verbs: dispose [--agency ID (default: the routing proposal)] [--unit ID] [--note T]; postpone --question T;
        reporter-reply --text T; archive --reason R [--duplicate-of ID] [--note T]; delete --reason spam|tidak-terbaca;
        assign-unit --unit ID; send-back --reason T; follow-up --text T; dispute --text T; accept [--text T];
        edit-title --title T; classify [--classification C] [--category C] [--subcategory S];
        set-flags [--anonymous true|false] [--confidential true|false]; tag [--add T]... [--remove T]...;
        priority --priority rendah|normal|tinggi|mendesak; note --text T; reply --text T;
        link-duplicate --original ID; redact --field F... --reason T.
        A refusal prints the reason and exits 1.
        """)

    @OptionGroup var desk: DeskOptions
    @Argument(help: "Tracking id") var id: String
    @Argument(help: "What to do (see below).") var verb: String

    // Each flag is read by the verbs its help names; any other verb refuses it (QA: `act --help` described
    // two flags of twenty).
    @Option(help: "dispose: agency id (referensi/instansi.toml).") var agency: String?
    @Option(help: "dispose, assign-unit: unit id within the agency.") var unit: String?
    // Free text may start with a dash ("-5 derajat"): taken as the value, not as a flag (QA: refused).
    @Option(parsing: .unconditional, help: "dispose, archive, delete: a note kept with the decision.") var note: String?
    @Option(parsing: .unconditional, help: "postpone: what the reporter is asked.") var question: String?
    @Option(parsing: .unconditional, help: "note, reply, reporter-reply, follow-up, dispute, accept: the text.") var text: String?
    @Option(parsing: .unconditional, help: "archive, delete: the reason's id; send-back, redact: the reason in words.") var reason: String?
    @Option(name: .customLong("duplicate-of"), help: "archive --reason duplikat: the original report's number.") var duplicateOf: String?
    @Option(parsing: .unconditional, help: "edit-title: the new title (the original is kept).") var title: String?
    @Option(help: "classify: pengaduan, aspirasi or permintaan-informasi.") var classification: String?
    @Option(help: "classify: topic (referensi/kategori.toml).") var category: String?
    @Option(help: "classify: sub-topic of --category.") var subcategory: String?
    @Option(help: "set-flags: true or false (anonim: the reporter's identity hidden from agencies).") var anonymous: Bool?
    @Option(help: "set-flags: true or false (rahasia: never published).") var confidential: Bool?
    @Option(help: "tag: a tag to add (repeatable).") var add: [String] = []
    @Option(help: "tag: a tag to remove (repeatable).") var remove: [String] = []
    @Option(help: "priority: rendah, normal, tinggi or mendesak.") var priority: String?
    @Option(help: "link-duplicate: the original report's number.") var original: String?
    @Option(name: .customLong("field"), help: "redact: a field to erase (repeatable).") var fields: [String] = []
    @Option(name: .customLong("expect-version"), help: "Refuse if the report changed since this version.") var expectVersion: Int?

    /// A refusal as `act` says every one: the report's number and the reason, in Indonesian then English (exit 1).
    static func refused(_ r: Refusal, _ rid: ReportID) -> Fail {
        Fail.rejected("#\(rid): \(r.message.id)\n#\(rid): \(r.message.en)")
    }

    func command(for report: Report?, _ rid: ReportID, opened: OpenedDesk) throws -> Command {
        guard let kind = CommandKind(rawValue: verb), kind != .receive, kind != .autoClose else {
            let verbs = CommandKind.allCases.filter { $0 != .receive && $0 != .autoClose }.map(\.rawValue)
            throw Fail.usage("act: unknown verb '\(verb)' (\(verbs.joined(separator: ", ")))")
        }
        var a = CommandArguments()
        a.agency = agency; a.unit = unit; a.note = note; a.question = question; a.text = text; a.reason = reason
        a.duplicateOf = duplicateOf; a.title = title; a.classification = classification; a.category = category
        a.subcategory = subcategory; a.priority = priority; a.original = original; a.anonymous = anonymous
        a.confidential = confidential; a.add = add; a.remove = remove; a.fields = fields
        do { try a.checkAllUsed(by: kind) } catch {
            throw Fail.usage("act \(verb): --\(error.argument.replacingOccurrences(of: "_", with: "-")): \(error.message)")
        }
        if kind == .dispose, agency == nil {
            // No --agency: the routing rule's proposal (to the agency; --unit only when given). A report
            // no rule matches is refused like any other refusal (exit 1): the command line itself was right.
            guard let report else {
                throw ActCommand.refused(.unknownReport, rid)
            }
            guard let p = opened.reference.proposal(for: report) else {
                // A report that cannot be disposed at all (deleted, archived, closed) says so, as with --agency,
                // rather than asking for an agency it could not take (QA).
                if let refusal = Workflow.notApplicable(.dispose, to: report) { throw ActCommand.refused(refusal, report.id) }
                throw Fail.rejected("#\(report.id): tidak ada aturan rute yang cocok; sebutkan instansi dengan --agency\n"
                    + "#\(report.id): no routing rule matches this report; name one with --agency")
            }
            return .dispose(agency: p.agencyID, unit: unit, rule: p.rule.source, note: note)
        }
        do {
            return try a.command(kind)
        } catch {
            let flag = "--" + error.argument.replacingOccurrences(of: "_", with: "-")
            throw Fail.usage("act \(verb): \(flag): \(error.message)")
        }
    }

    func run() throws {
        let opened = try DeskAccess.open(desk, mode: .writer)
        try DeskAccess.requireWritable(opened)
        let op = try DeskAccess.actor(opened, desk)
        try DeskAccess.requireOSUserBinding(opened, op)
        let rid = ReportID(id.trimmingCharacters(in: CharacterSet(charactersIn: "# ")))
        // A report the operator may not see is no report to them, here too (no routing proposal for it).
        let cmd = try command(for: opened.desk[rid].flatMap { Access.canSee($0, by: op) ? $0 : nil }, rid, opened: opened)
        let now = try DeskAccess.now(opened)
        do {
            let events = try opened.store.perform(cmd, on: rid, as: op, expectedVersion: expectVersion, now: now)
            for e in events { Output.line("\(e.seq) \(e.reportID) \(e.event.type)") }
            if let r = opened.desk[rid] { Output.error("#\(rid): \(r.status.rawValue) (versi \(r.version))") }
        } catch {
            switch error {
            // An agency or topic the desk does not know is a bad option value: exit 2 naming the flag, as `intake`
            // and `list` say it (QA: `--agency nope` exited 1 without naming the flag). A unit is refused as
            // before (exit 1): whether it fits depends on the report's agency.
            case let .refused(r) where [.unknownAgency, .unknownCategory].contains(r.code):
                let flag = r.code == .unknownAgency ? "--agency" : "--category"
                throw Fail.usage("act \(verb): \(flag): \(r.message.en)")
            case let .refused(r): throw ActCommand.refused(r, rid)
            case .journal, .busy: throw Fail.damaged(error.description)
            }
        }
    }
}
