import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// Commands that may be applied to all marked rows at once.
    static let bulkKinds: Set<CommandKind> = [.dispose, .archive, .delete, .priority, .tag, .note, .assignUnit]

    /// The reports an action applies to: the marked rows (bulk) or the current report.
    static func actionTargets(_ s: ConsoleState, for kind: CommandKind) -> [ReportID] {
        if bulkKinds.contains(kind) {
            let marked = markedTargets(s)
            if !marked.isEmpty { return marked }
        }
        return s.currentReportID.map { [$0] } ?? []
    }

    /// The marked rows in inbox order, when bulk actions apply to them (not while the detail pane has the
    /// focus on a report); empty otherwise.
    static func markedTargets(_ s: ConsoleState) -> [ReportID] {
        guard s.focus != .detail || s.detail.reportID == nil, !s.inbox.marked.isEmpty else { return [] }
        return s.inbox.rows.filter { s.inbox.marked.contains($0) }
    }

    /// The version the officer saw: the open report's version when it was opened, else the current one.
    static func expectedVersion(_ s: ConsoleState, _ id: ReportID) -> Int? {
        if id == s.detail.reportID, let v = s.detail.openedVersion { return v }
        return s.desk[id]?.version
    }

    /// Whether the action can be offered: role, scope and state (the domain's own rules).
    /// A refusal because of one report's status names that report (`StatusMessage.about`); the others are
    /// about the journal or the role, whichever report is selected.
    static func refusalBeforeForm(_ s: ConsoleState, _ kind: CommandKind, _ targets: [ReportID]) -> StatusMessage? {
        refusalText(s, kind, targets).map { text, about in StatusMessage(kind: .error, text: text, about: targets.count == 1 ? about : nil) }
    }

    private static func refusalText(_ s: ConsoleState, _ kind: CommandKind, _ targets: [ReportID]) -> (String, ReportID?)? {
        let op = s.env.operatorOnDuty
        if case .degraded = s.health, let why = s.healthProblem { return (why, nil) }
        // With the reason, in the language of the moment (QA: after L the reason was said nowhere).
        if case let .readOnly(reason) = s.health {
            return (s.text(Localized("Jurnal dalam mode baca saja; perubahan tidak dapat disimpan: ",
                                     en: "The journal is read-only; changes cannot be saved: ")) + s.text(reason), nil)
        }
        guard Access.commands(for: op.role).contains(kind) else {
            return (s.text(Localized("Peran \(s.text(op.role.label)) tidak dapat: \(kind.label.id).",
                                     en: "The \(op.role.label.en) role cannot: \(kind.label.en).")), nil)
        }
        guard !targets.isEmpty else {
            return (s.text(Localized("Pilih laporan dulu.", en: "Select a report first.")), nil)
        }
        for id in targets {
            guard let r = s.desk[id] else { continue }
            if !Workflow.isApplicable(kind, to: r) {
                if let guidance = Workflow.guidance(kind, on: r) { return ("#\(id): " + s.text(guidance), id) }
                return (s.text(Localized("#\(id): '\(kind.label.id)' tidak dapat dilakukan pada status \(r.status.label.id).",
                                         en: "#\(id): cannot '\(kind.label.en)' a report that is \(r.status.label.en).")), id)
            }
        }
        return nil
    }

    static func startAction(_ s: inout ConsoleState, _ kind: CommandKind) -> [ConsoleEffect] {
        if kind == .setFlags {
            startFlagToggle(&s, anonymous: true)
            return []
        }
        if kind == .dispose, s.focus == .routing { return disposeToSelectedCandidate(&s) }
        if refusedBecauseMarked(&s, kind) { return [] }
        let targets = actionTargets(s, for: kind)
        if let problem = refusalBeforeForm(s, kind, targets) {
            s.message = problem
            return []
        }
        if kind == .dispose {
            openRouting(&s)
            return []
        }
        guard let form = ActionForms.form(for: kind, targets: targets, state: s) else { return [] }
        s.overlay = .form(form)
        // The message line is about what happened before (QA: "Dibatalkan." stood under the new form).
        s.message = nil
        return []
    }

    /// With rows marked, an action that takes one report would silently act on the row under the cursor
    /// instead (QA: `u` with three marks opened on an unmarked row): it is refused, saying so.
    static func refusedBecauseMarked(_ s: inout ConsoleState, _ kind: CommandKind) -> Bool {
        // Counted as the tab bar counts this view's marks (the rows bulk actions act on).
        let marked = markedTargets(s).count
        guard !bulkKinds.contains(kind), marked > 0 else { return false }
        s.message = StatusMessage(kind: .error, text: s.text(Localized(
            "\(marked) laporan ditandai, tetapi '\(kind.label.id)' hanya untuk satu laporan: lepas tanda (M) atau buka laporannya (Enter).",
            en: "\(UIText.counted(marked, "report")) marked, but '\(kind.label.en)' takes one report: clear the marks (M) or open the report (Enter).")))
        return true
    }

    /// Anonim/rahasia toggles always ask first, saying who will see what.
    static func startFlagToggle(_ s: inout ConsoleState, anonymous: Bool) {
        if refusedBecauseMarked(&s, .setFlags) { return }
        let targets = actionTargets(s, for: .setFlags)
        if let problem = refusalBeforeForm(s, .setFlags, targets) {
            s.message = problem
            return
        }
        guard let id = targets.first, let r = s.desk[id] else { return }
        let newValue = anonymous ? !r.anonymous : !r.confidential
        let command: Command = anonymous ? .setFlags(anonymous: newValue, confidential: nil)
            : .setFlags(anonymous: nil, confidential: newValue)
        s.overlay = .confirm(Confirmation(
            title: s.text(UIText.flagConfirmTitle(anonymous: anonymous, on: newValue, id: id)),
            lines: UIText.flagConsequences(anonymous: anonymous, on: newValue).map { s.text($0) },
            requests: [DeskRequest(reportID: id, command: command, expectedVersion: expectedVersion(s, id))]))
    }

    static func openActionMenu(_ s: inout ConsoleState) {
        if case .ok = s.health {} else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Jurnal dalam mode baca saja; tidak ada aksi yang dapat disimpan.", en: "The journal is read-only; no action can be saved.")))
            return
        }
        guard let r = s.currentReport else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Pilih laporan dulu.", en: "Select a report first.")))
            return
        }
        // With rows marked, the menu offers what acts on all of them (each is checked when chosen) and says so.
        let marked = markedTargets(s)
        if !marked.isEmpty {
            let op = s.env.operatorOnDuty
            let kinds = CommandKind.allCases.filter { kind in
                bulkKinds.contains(kind) && marked.contains { id in s.desk[id].map { Access.available(on: $0, for: op).contains(kind) } ?? false }
            }
            if !kinds.isEmpty {
                s.overlay = .menu(MenuState(title: s.text(Localized("Aksi untuk \(marked.count) laporan bertanda",
                                                                    en: "Actions for " + UIText.counted(marked.count, "marked report"))),
                                            items: kinds.map { ConsoleCommand.act($0) }))
                return
            }
        }
        var items = Access.available(on: r, for: s.env.operatorOnDuty).filter { $0 != .setFlags }.map { ConsoleCommand.act($0) }
        if Access.available(on: r, for: s.env.operatorOnDuty).contains(.setFlags) {
            items += [.toggleAnonymous, .toggleConfidential]
        }
        guard !items.isEmpty else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Tidak ada aksi yang dapat Anda lakukan pada laporan ini.",
                                                                         en: "There is nothing you can do to this report.")))
            return
        }
        s.overlay = .menu(MenuState(title: s.text(Localized("Aksi untuk #\(r.id)", en: "Actions for #\(r.id)")), items: items))
    }

    /// Sends requests to the journal. Forms stay open until the answer comes back, so nothing typed is lost
    /// when the domain refuses.
    static func submit(_ s: inout ConsoleState, _ requests: [DeskRequest]) -> [ConsoleEffect] {
        guard !requests.isEmpty else { return [] }
        s.pendingRequests += 1
        s.message = StatusMessage(kind: .info, text: s.text(Localized("Menyimpan…", en: "Saving…")))
        return [.perform(requests)]
    }
}
