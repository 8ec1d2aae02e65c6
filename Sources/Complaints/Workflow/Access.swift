/// Who may see and do what (domain.md "People and roles"). The console asks the same questions to decide
/// which actions to offer, so an action that `decide` would refuse for the role is never shown.
public enum Access {
    /// The commands each role may ever give. Built once per role: `decide` asks on every officer action
    /// and the console on every frame, and a set literal is built (hashed, allocated) each time it is met.
    public static func commands(for role: Role) -> Set<CommandKind> {
        switch role {
        case .adminNasional: nationalDesk
        case .adminInstansi: agencyDesk
        case .penghubung: liaison
        case .pengamat: []
        case .sistem: system
        }
    }

    private static let nationalDesk: Set<CommandKind> = [
        .receive, .dispose, .postpone, .reporterReply, .archive, .delete, .editTitle, .classify, .setFlags,
        .tag, .priority, .note, .reply, .linkDuplicate, .dispute, .accept, .redact,
    ]
    private static let agencyDesk: Set<CommandKind> = [.assignUnit, .sendBack, .followUp, .note]
    private static let liaison: Set<CommandKind> = [.followUp, .note]
    private static let system: Set<CommandKind> = [.receive, .autoClose]

    /// Whether `op` may see `report` at all. Agency roles see only their agency's (or unit's) reports;
    /// deleted reports are hidden from every queue except the national desk's.
    public static func canSee(_ report: Report, by op: Operator) -> Bool {
        switch op.role {
        case .adminNasional, .sistem: return true
        case .pengamat: return report.status != .dihapus
        case .adminInstansi:
            guard let agency = op.agency, report.status != .dihapus else { return false }
            return report.agency == agency
        case .penghubung:
            guard let agency = op.agency, report.status != .dihapus else { return false }
            guard report.agency == agency else { return false }
            if let unit = op.unit { return report.unit == unit }
            return true
        }
    }

    /// Whether the report counts in the figures `op` sees (`stats`, the Laporan view): every report `op`
    /// can see, and for the observer (auditor, supervisor) the deleted ones too, counted though never shown
    /// (QA: the observer's figures said 14 received and 0 deleted where the desk had 18 and 4).
    public static func countsInFigures(_ report: Report, for op: Operator) -> Bool {
        canSee(report, by: op) || (op.role == .pengamat && report.status == .dihapus)
    }

    /// Whether `op` may see the reporter's identity on this report. *Anonim* hides it from everyone but
    /// the national desk.
    public static func canSeeIdentity(_ report: Report, by op: Operator) -> Bool {
        !report.anonymous || op.role == .adminNasional
    }

    /// As above for `report` as it was at an earlier event (a replay) while `current` is how it is now: a
    /// report made *anonim* later is *anonim* in its past too, for the flag protects the reporter, not a
    /// moment (QA: `show --at-event` showed the name and NIK to an agency the console hid them from).
    public static func canSeeIdentity(_ report: Report, now current: Report?, by op: Operator) -> Bool {
        var shown = report
        if current?.anonymous == true { shown.anonymous = true }
        return canSeeIdentity(shown, by: op)
    }

    /// Commands worth offering on this report now: allowed for the role, in scope, and valid for its state.
    public static func available(on report: Report, for op: Operator) -> [CommandKind] {
        let allowed = commands(for: op.role)
        return CommandKind.allCases.filter { kind in
            allowed.contains(kind) && canSee(report, by: op) && Workflow.isApplicable(kind, to: report)
        }
    }
}
