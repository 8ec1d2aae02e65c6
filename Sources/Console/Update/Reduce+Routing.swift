import Complaints
import Foundation
import TextCanvas

/// One line of the routing pane's list.
public struct RoutingCandidate: Sendable, Hashable {
    public var agencyID: String
    public var unitID: String?
    /// The rule's proposal (first line), or an alternative the rules also matched.
    public var origin: Origin
    public var ruleRef: String?

    public enum Origin: Sendable, Hashable { case proposal, alternative, directory }
}

extension ConsoleReducer {
    /// What Enter in the routing pane acts on, worked out once per frame or key (the marked rows are found
    /// with a pass over the inbox, and each one's proposal asked for).
    struct RoutingPlan {
        /// The marked rows (a bulk disposal, one agency for all) or the report shown.
        var targets: [ReportID]
        /// Whether that is marked rows rather than the report the pane was opened for: the pane then says
        /// so, and proposes only what the rules propose for every one of them.
        var bulk: Bool
        /// The shown report's proposal; for marked rows, the agency the rules propose for every one of them
        /// (no unit, no alternatives), or nil when they differ.
        var proposal: RoutingSuggestion?
        /// For a report sent back by the agency the rules propose (so no proposal): the other agencies the
        /// rules matched, which are what a re-disposal (pelimpahan) picks from (QA: the list lost them).
        var alternativesAfterReturn: [String] = []
    }

    static func routingPlan(_ s: ConsoleState) -> RoutingPlan {
        let targets = actionTargets(s, for: .dispose)
        let bulk = targets != (s.currentReportID.map { [$0] } ?? [])
        guard bulk else {
            guard let report = s.currentReport, let p = s.env.propose(report) else {
                return RoutingPlan(targets: targets, bulk: false, proposal: nil)
            }
            if let back = report.returned?.agency, p.agencyID == back {
                return RoutingPlan(targets: targets, bulk: false, proposal: nil, alternativesAfterReturn: p.alternatives.filter { $0 != back })
            }
            // The agency that sent it back is no alternative either (QA: it was listed ☆ after its refusal).
            var proposal = p
            if let back = report.returned?.agency { proposal.alternatives.removeAll { $0 == back } }
            return RoutingPlan(targets: targets, bulk: false, proposal: proposal)
        }
        var common: RoutingSuggestion?
        for id in targets {
            guard let report = s.desk[id], let p = s.env.propose(report), p.agencyID != report.returned?.agency,
                  common == nil || common?.agencyID == p.agencyID else { return RoutingPlan(targets: targets, bulk: true, proposal: nil) }
            if common == nil { common = RoutingSuggestion(agencyID: p.agencyID, unitID: nil, ruleRef: p.ruleRef, reason: p.reason, alternatives: []) }
        }
        return RoutingPlan(targets: targets, bulk: true, proposal: common)
    }

    /// The proposal, its alternatives, then the directory filtered by what the officer typed.
    static func routingCandidates(_ s: ConsoleState, plan: RoutingPlan? = nil) -> [RoutingCandidate] {
        guard s.currentReport != nil else { return [] }
        let needle = Inbox.fold(s.routing.filter.text.trimmingCharacters(in: .whitespaces))
        var list: [RoutingCandidate] = []
        var seen = Set<String>()
        if needle.isEmpty {
            let plan = plan ?? routingPlan(s)
            var alternatives = plan.alternativesAfterReturn
            if let p = plan.proposal {
                list.append(RoutingCandidate(agencyID: p.agencyID, unitID: p.unitID, origin: .proposal, ruleRef: p.ruleRef))
                seen.insert(p.agencyID)
                alternatives = p.alternatives
            }
            for alt in alternatives where !seen.contains(alt) {
                list.append(RoutingCandidate(agencyID: alt, unitID: nil, origin: .alternative, ruleRef: nil))
                seen.insert(alt)
            }
        }
        for a in s.env.agencies where !seen.contains(a.id) {
            if !needle.isEmpty {
                let hay = Inbox.fold(a.name + " " + a.id + " " + a.region)
                guard needle.split(separator: " ").allSatisfy({ hay.contains($0) }) else { continue }
            }
            list.append(RoutingCandidate(agencyID: a.id, unitID: nil, origin: .directory, ruleRef: nil))
        }
        return list
    }

    /// Printable keys typed in the routing pane filter the directory. Returns true when consumed.
    static func handleRoutingTyping(_ s: inout ConsoleState, _ key: Key) -> Bool {
        switch key {
        case .char, .paste, .backspace, .delete, .ctrl("a"), .ctrl("e"), .ctrl("z"):
            let before = s.routing.filter.text
            guard s.routing.filter.apply(key, multiline: false) else { return false }
            s.routing.filter.keepCaretVisible(width: RoutingPane.filterWidth(s))
            if s.routing.filter.text != before { s.routing.cursor = 0 }
            s.routing.picked = !s.routing.filter.text.isEmpty
            return true
        default:
            return false
        }
    }

    /// `d`: shows the routing pane with the rule's proposal selected; Enter there disposes. Every `d` starts
    /// without a search (QA: text typed before Esc stayed, hid the proposal on the next report, and the next
    /// letters were added to it).
    static func openRouting(_ s: inout ConsoleState) {
        if s.detail.reportID == nil, let id = s.inbox.selectedID { open(&s, id) }
        s.routing.isOpen = true
        s.routing.cursor = 0
        s.routing.picked = false
        s.routing.filter = TextEditBuffer()
        s.focus = .routing
    }

    static func disposeToSelectedCandidate(_ s: inout ConsoleState) -> [ConsoleEffect] {
        let plan = routingPlan(s)
        let candidates = routingCandidates(s, plan: plan)
        guard candidates.indices.contains(s.routing.cursor) else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized("Tidak ada instansi yang cocok.",
                                                                          en: "No matching agency.")))
            return []
        }
        let c = candidates[s.routing.cursor]
        guard c.origin != .directory || s.routing.picked else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Tidak ada usulan aturan untuk laporan ini: pilih instansi dengan ↑/↓ atau ketik namanya, lalu Enter.",
                en: "No rule proposes an agency for this report: pick one with ↑/↓ or type its name, then Enter.")))
            return []
        }
        let targets = plan.targets
        guard !targets.isEmpty else { return [] }
        let requests = targets.map { id in
            // The proposal for marked rows is the agency every one's rule names: each records its own rule.
            let rule = c.origin == .proposal && targets.count > 1 ? s.desk[id].flatMap(s.env.propose)?.ruleRef : c.ruleRef
            // To the agency: its coordinator passes it to the work unit (the rule's unit is only a hint).
            return DeskRequest(reportID: id, command: .dispose(agency: c.agencyID, unit: nil, rule: rule, note: nil),
                               expectedVersion: expectedVersion(s, id))
        }
        // An agency the rules did not match, where they did match others: asked first. A letter typed by
        // mistake filters the list, and Enter then disposed to its first entry (QA: `j`, Enter sent a report
        // to the wrong province). Where no rule matches, picking from the directory is the way, not asked.
        if c.origin == .directory, let named = plan.proposal?.agencyID ?? plan.alternativesAfterReturn.first {
            let name = s.env.agencyName(c.agencyID), rules = s.env.agencyName(named)
            let what = targets.count == 1 ? "#\(targets[0])" : "\(targets.count) laporan"
            let whatEn = targets.count == 1 ? "#\(targets[0])" : UIText.counted(targets.count, "report")
            s.overlay = .confirm(Confirmation(
                title: s.text(Localized("Disposisikan \(what) ke \(name)?", en: "Dispose \(whatEn) to \(name)?")),
                lines: [s.text(Localized("Aturan tidak mengusulkan instansi ini (usulannya: \(rules)).",
                                         en: "The rules do not propose this agency (they propose \(rules))."))],
                requests: requests))
            return []
        }
        return submit(&s, requests)
    }
}
