import ComplaintJournal
import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// Events other consoles (or `lapor-desk import`) appended: fold them in without losing the officer's
    /// place, and say so when the report on screen changed underneath (that warning is returned too).
    /// `refresh` false leaves the inbox query to the caller, which runs it once after its own events too.
    @discardableResult
    static func applyForeign(_ s: inout ConsoleState, _ events: [RecordedEvent], refresh: Bool = true) -> StatusMessage? {
        let fresh = events.filter { $0.seq > s.desk.lastSeq }
        guard !fresh.isEmpty else { return nil }
        s.desk.apply(fresh)
        catchUpClock(&s, fresh)
        if refresh { refreshInbox(&s, afterChanges: true) }
        s.reportsView?.outdated = true
        var touchedOpen: RecordedEvent?
        var formTargets: Set<ReportID> = []
        if case let .form(f) = s.overlay { formTargets = Set(f.targets) }
        // A yes/no box about to act says so too (QA: only pressing y revealed the change, as a refusal).
        if case let .confirm(c) = s.overlay { formTargets = Set(c.requests.map(\.reportID)) }
        for e in fresh where e.reportID == s.detail.reportID || formTargets.contains(e.reportID) {
            touchedOpen = e
        }
        if let e = touchedOpen {
            s.detail.changedUnderneath = e.reportID == s.detail.reportID
            // The pane's warning is its first line: scrolled down, the officer never saw it (QA).
            if s.detail.changedUnderneath { s.detail.scroll = 0 }
            let who = e.actor.name
            let warning = StatusMessage(kind: .error, text: s.text(Localized(
                "Laporan #\(e.reportID) baru saja diubah oleh \(who) (\(UIText.eventLabel(e.event).id)). Periksa sebelum bertindak.",
                en: "Report #\(e.reportID) was just changed by \(who) (\(UIText.eventLabel(e.event).en)). Check it before acting.")))
            s.message = warning
            s.detail.changeWarning = DetailState.ChangeWarning(message: warning, report: e.reportID)
            return warning
        } else {
            let newReports = fresh.filter { if case .received = $0.event { true } else { false } }.count
            if newReports > 0 {
                // Still showing the last arrivals: count on from there (an import arrives batch by batch).
                let earlier = s.arrivals.flatMap { s.message == $0.message ? $0.count : nil } ?? 0
                let total = earlier + newReports
                let message = StatusMessage(kind: .info, text: s.text(Localized("\(total) laporan baru masuk.",
                                                                               en: "\(UIText.counted(total, "new report")) arrived.")))
                // A save's ✓ or an error stays: the officer must see it (QA: during an import the ✓ of a bulk
                // action was replaced at once); the tabs' counts still grow.
                if s.message == nil || s.message?.kind == .info { s.message = message }
                s.arrivals = (total, message)
            }
        }
        return nil
    }

    /// The console's clock moves on once a minute; an event recorded since is later than it. Deadlines counted
    /// from such an event read a day longer until the next tick (QA: "6h lagi" right after a disposal that
    /// `lapor-desk list` showed as "5h lagi"), so the clock catches up with events of the last minutes.
    static func catchUpClock(_ s: inout ConsoleState, _ events: [RecordedEvent]) {
        guard let latest = events.map(\.at).max(), latest > s.now, latest.timeIntervalSince(s.now) < 180 else { return }
        s.now = latest
    }

    /// Answers to our own requests: apply what was recorded, keep forms open on refusal.
    static func applyOutcomes(_ s: inout ConsoleState, _ outcomes: [DeskOutcome]) {
        s.pendingRequests = max(0, s.pendingRequests - 1)
        let (rowsBefore, selectedBefore) = (s.inbox.rows, s.inbox.selectedID)
        // Other writers' events the journal caught up on first: they come before this console's own. The
        // inbox is queried once, below; a warning that the open report changed underneath is kept for the
        // message (it used to be overwritten by "Tersimpan").
        let changedUnderneath = applyForeign(&s, outcomes.flatMap(\.caughtUp).sorted { $0.seq < $1.seq }, refresh: false)
        var recorded: [RecordedEvent] = []
        var problems: [String] = []
        var succeeded: Set<ReportID> = []
        for o in outcomes {
            switch o.result {
            case let .recorded(events):
                recorded += events
                succeeded.insert(o.request.reportID)
            case let .refused(r):
                problems.append("#\(o.request.reportID): " + s.text(r.message))
            case let .busy(holder, waited):
                // QA: the journal's English words followed the Indonesian lead; this is the officer's case.
                let who = s.text(holder.map(LockHolder.named) ?? Localized("proses lain", en: "another process"))
                problems.append("#\(o.request.reportID): " + s.text(Localized(
                    "tidak tersimpan — jurnal masih ditulis oleh \(who) setelah \(Int(waited.rounded())) detik; isian tetap ada, simpan lagi sebentar lagi.",
                    en: "not saved — \(who) was still writing to the journal after \(Int(waited.rounded())) s; your input is kept, save again in a moment.")))
            case let .failed(text):
                // The journal's reason (a path, an errno) in the officer's language too (QA: it was English).
                problems.append("#\(o.request.reportID): " + s.text(Localized("tidak tersimpan — ", en: "not saved — ")) + s.text(text))
            }
        }
        let newEvents = recorded.filter { $0.seq > s.desk.lastSeq }.sorted { $0.seq < $1.seq }
        s.desk.apply(newEvents)
        catchUpClock(&s, newEvents)
        for id in succeeded where id == s.detail.reportID {
            s.detail.openedVersion = s.desk[id]?.version
            s.detail.changedUnderneath = false
        }
        // A stale refusal was read (it names the change): the next try acts on the report as it is now.
        for o in outcomes where o.request.reportID == s.detail.reportID {
            if case let .refused(r) = o.result, r.code == .stale { s.detail.openedVersion = s.desk[o.request.reportID]?.version }
        }
        s.inbox.marked.subtract(succeeded)
        if case var .form(f) = s.overlay {
            f.targets.removeAll { succeeded.contains($0) }
            // Refused as stale: the message says what changed; saving again acts on the report as it is now.
            for o in outcomes {
                if case let .refused(r) = o.result, r.code == .stale { f.expectedVersions[o.request.reportID] = s.desk[o.request.reportID]?.version }
            }
            if f.targets.isEmpty || problems.isEmpty {
                s.overlay = nil
            } else {
                f.error = problems.joined(separator: "  ")
                s.overlay = .form(f)
            }
        }
        if s.focus == .routing, !succeeded.isEmpty {
            // Disposed: back to the inbox on the next report, ready for the next triage.
            s.routing.isOpen = false
            s.routing.filter = TextEditBuffer()
            s.detail.reportID = nil
            s.focus = .inbox
        }
        refreshInbox(&s, afterChanges: true)
        // The row acted on may have moved (a follow-up sends it to the end): the cursor goes on to the report
        // that followed it, as after a disposal (QA: it followed the row, and the next keys acted on it).
        // Found by id: rows other processes added meanwhile must not shift it (QA).
        if s.focus == .inbox, let acted = selectedBefore, succeeded.contains(acted), s.inbox.selectedID == acted,
           InboxNeighbours.moved(acted, before: rowsBefore, now: s.inbox.rows),
           let next = InboxNeighbours.nearest(to: acted, before: rowsBefore, now: s.inbox.rows) {
            s.inbox.cursor = next
            clampInbox(&s)
        }
        if problems.isEmpty {
            let summary = outcomes.first.map {
                UIText.doneMessage($0.request, count: succeeded.count, env: s.env, agency: s.desk[$0.request.reportID]?.agency,
                                   kind: s.desk[$0.request.reportID]?.dispositions.last?.kind)
            }
            s.message = StatusMessage(kind: .success, text: summary.map { s.text($0) } ?? "")
        } else {
            let head = succeeded.isEmpty ? "" : s.text(Localized("\(succeeded.count) tersimpan; ", en: "\(succeeded.count) saved; "))
            // A refusal is about its report; a journal that failed or was busy is about every report.
            let about: ReportID? = if outcomes.count == 1, case .refused = outcomes[0].result { outcomes[0].request.reportID } else { nil }
            s.message = StatusMessage(kind: .error, text: head + problems.joined(separator: "  "), about: about)
        }
        if let changedUnderneath, let said = s.message {
            // Saved, with a warning: neither ✓ nor ✗ (QA: "✗ Tersimpan" read as a failure).
            s.message = StatusMessage(kind: said.kind == .success ? .info : said.kind, text: said.text + " — " + changedUnderneath.text)
        }
        let setAside = outcomes.flatMap(\.setAside)
        if !setAside.isEmpty, let said = s.message {
            let list = setAside.joined(separator: ", ")
            s.message = StatusMessage(kind: said.kind, text: said.text + s.text(Localized(
                " — Baris terpotong dari proses lain (yang berhenti di tengah menulis) disisihkan ke \(list).",
                en: " — A torn line another process left (it stopped mid-write) was set aside to \(list).")))
        }
    }
}
