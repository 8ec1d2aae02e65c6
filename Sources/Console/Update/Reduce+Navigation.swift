import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// Re-runs the inbox query, keeping the cursor on the same report when it is still listed. `afterChanges`
    /// (the desk changed, the query did not): when that report left the view, the cursor goes on to the
    /// report after it, found by id; a changed query (a filter letter) keeps the row number, and the search
    /// is not paid for on every letter. Without `followSelection` (a view switch, which starts at the top)
    /// the selected report is not looked for: finding it compared ids down 200,000 rows.
    static func refreshInbox(_ s: inout ConsoleState, counts: Bool = true, afterChanges: Bool = false,
                             followSelection: Bool = true) {
        let (selected, rowsBefore) = (followSelection ? s.inbox.selectedID : nil, s.inbox.rows)
        let inbox = Inbox(deadlines: s.env.deadlines, cache: s.urgencyCache, index: s.inboxIndex)
        let op = s.env.operatorOnDuty
        var query = s.inbox.filter.applied(to: s.inbox.view.query)
        if let region = query.region { query.regionIncludes = s.env.regionIncludes(region) }
        let listing = inbox.list(query, on: s.desk, for: op, now: s.now)
        // The search cannot be answered yet: the typed text stays, the rows stay, and the officer is told (QA:
        // answering it here folded every report's text on this thread, four seconds without a frame).
        s.inbox.searchPending = listing.searchPending
        if listing.searchPending {
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Menyiapkan pencarian di semua laporan… hasilnya muncul sendiri sebentar lagi.",
                en: "Preparing search across every report… the results appear by themselves shortly.")))
            return
        }
        s.inbox.rows = listing.ids
        s.inbox.breakdown = listing.breakdown
        if counts {
            // Tab counts change only with the desk or the clock, not with the view.
            s.inbox.viewCounts = inbox.counts(on: s.desk, for: op, now: s.now).views
        }
        s.inbox.marked = s.inbox.marked.filter { s.desk[$0] != nil }
        if let selected, let i = s.inbox.rows.firstIndex(of: selected) {
            s.inbox.cursor = i
        } else if afterChanges, let selected, let next = InboxNeighbours.nearest(to: selected, before: rowsBefore, now: s.inbox.rows) {
            // The selected row left the view: on to the report after it, found by id (rows added or re-sorted
            // by other processes meanwhile would have put a row number on an unrelated report).
            s.inbox.cursor = next
        }
        clampInbox(&s)
    }

    static func clampInbox(_ s: inout ConsoleState) {
        s.inbox.cursor = max(0, min(s.inbox.cursor, s.inbox.rows.count - 1))
        let window = ScrollWindow(cursor: s.inbox.cursor, count: s.inbox.rows.count, height: s.inboxPageSize,
                                  previousTop: s.inbox.scrollTop)
        s.inbox.scrollTop = window.top
    }

    /// How far a movement key goes; each pane decides what a page or an edge means for it.
    enum Movement: Equatable {
        case rows(Int)
        case pages(Int)
        case top, bottom

        /// The movement a command names, or nil for any other command.
        init?(_ command: ConsoleCommand?) {
            switch command {
            case .down: self = .rows(1)
            case .up: self = .rows(-1)
            case .pageDown: self = .pages(1)
            case .pageUp: self = .pages(-1)
            case .top: self = .top
            case .bottom: self = .bottom
            default: return nil
            }
        }

        /// Where it goes from `current` in a list of `count` items with pages of `page` (the caller clamps).
        func target(from current: Int, count: Int, page: Int) -> Int {
            switch self {
            case let .rows(n): current + n
            case let .pages(n): current + n * page
            case .top: 0
            case .bottom: count - 1
            }
        }
    }

    static func move(_ s: inout ConsoleState, by delta: Int) { move(&s, .rows(delta)) }

    static func move(_ s: inout ConsoleState, _ m: Movement) {
        func target(_ current: Int, count: Int, page: Int) -> Int { m.target(from: current, count: count, page: page) }
        switch s.focus {
        case .inbox:
            guard !s.inbox.rows.isEmpty else { return }
            s.inbox.cursor = max(0, min(s.inbox.rows.count - 1, target(s.inbox.cursor, count: s.inbox.rows.count, page: s.inboxPageSize)))
            clampInbox(&s)
            s.detail.scroll = 0
        case .detail:
            // To the report's real length (QA: a fixed 100,000 lines left the end of a 5 MB report out of reach,
            // and one k after G moved nothing on a short one); the renderer still clamps.
            let page = max(1, (s.layout.detail?.height ?? 10) - 2)
            let last = DetailPane.maxScroll(s) ?? 100_000
            s.detail.scroll = max(0, min(target(s.detail.scroll, count: last + 1, page: page), last))
        case .routing:
            let count = routingCandidates(s).count
            guard count > 0 else { return }
            s.routing.cursor = max(0, min(count - 1, target(s.routing.cursor, count: count, page: 10)))
            s.routing.picked = true
        }
    }

    /// While the inbox has the focus, the detail pane and every action follow its highlighted row: a report
    /// opened earlier stays pinned only while the detail or routing pane has the focus. (QA: after `l h j`, or
    /// a search started from an open report, the detail pane and `x`, `t`, `d` stayed on the report opened
    /// before, which was no longer the highlighted row or even listed.)
    static func followInboxCursor(_ s: inout ConsoleState) {
        defer {
            dropChangeWarningOnceElsewhere(&s)
            dropRefusalOnceElsewhere(&s)
        }
        guard s.focus == .inbox, let pinned = s.detail.reportID, pinned != s.inbox.selectedID else { return }
        s.detail.reportID = nil
        s.detail.openedVersion = nil
        s.detail.scroll = 0
        s.detail.changedUnderneath = false
    }

    /// The warning that another officer changed a report leaves the message line once the panes and any
    /// open form show other reports (QA: it stayed there while j/k moved through the inbox).
    private static func dropChangeWarningOnceElsewhere(_ s: inout ConsoleState) {
        guard let w = s.detail.changeWarning, s.currentReportID != w.report else { return }
        if case let .form(f) = s.overlay, f.targets.contains(w.report) { return }
        if case let .confirm(c) = s.overlay, c.requests.contains(where: { $0.reportID == w.report }) { return }
        dropChangeWarning(&s, showing: s.currentReportID)
    }

    /// A refusal about one report leaves the message line once the panes and any open form or yes/no box
    /// show other reports (QA: "#2600003: cannot …" stayed while the cursor sat on another report).
    private static func dropRefusalOnceElsewhere(_ s: inout ConsoleState) {
        guard let about = s.message?.about, s.currentReportID != about else { return }
        if case let .form(f) = s.overlay, f.targets.contains(about) { return }
        if case let .confirm(c) = s.overlay, c.requests.contains(where: { $0.reportID == about }) { return }
        s.message = nil
    }

    /// Takes the warning about another officer's change off the message line when the detail pane now
    /// shows another report (it is still shown over the report it names).
    private static func dropChangeWarning(_ s: inout ConsoleState, showing id: ReportID?) {
        if let w = s.detail.changeWarning, w.report != id, s.message == w.message { s.message = nil }
        s.detail.changeWarning = nil
    }

    static func cyclePane(_ s: inout ConsoleState, by delta: Int, wrap: Bool = true) {
        let panes = s.layout.panes(routingOpen: s.routing.isOpen)
        guard let i = panes.firstIndex(of: s.focus) else {
            s.focus = .inbox
            return
        }
        var j = i + delta
        if wrap { j = (j + panes.count) % panes.count } else { j = max(0, min(panes.count - 1, j)) }
        s.focus = panes[j]
        if s.focus == .detail, s.detail.reportID == nil, let id = s.inbox.selectedID { open(&s, id) }
    }

    static func open(_ s: inout ConsoleState, _ id: ReportID) {
        dropChangeWarning(&s, showing: id)
        s.detail.reportID = id
        s.detail.openedVersion = s.desk[id]?.version
        s.detail.scroll = 0
        s.detail.changedUnderneath = false
        s.routing.cursor = 0
        s.routing.picked = false
        s.routing.filter = TextEditBuffer()
    }

    static func openSelected(_ s: inout ConsoleState) -> [ConsoleEffect] {
        switch s.focus {
        case .inbox:
            guard let id = s.inbox.selectedID else { return [] }
            open(&s, id)
            s.focus = .detail
            return []
        case .detail:
            reloadOpenReport(&s)
            return []
        case .routing:
            return disposeToSelectedCandidate(&s)
        }
    }

    /// Enter on the open report: take the version on the desk now, after "another officer just changed
    /// this report". The advice was Esc then Enter, which went back through the inbox and opened whatever
    /// row was highlighted when the change had taken the report out of the view (QA: the message line still
    /// named the changed report over another one).
    static func reloadOpenReport(_ s: inout ConsoleState) {
        guard let id = s.detail.reportID, let report = s.desk[id] else { return }
        let wasChanged = s.detail.changedUnderneath
        s.detail.openedVersion = report.version
        s.detail.changedUnderneath = false
        guard wasChanged else { return }
        s.message = StatusMessage(kind: .info, text: s.text(Localized(
            "Laporan #\(id) dimuat ulang: yang tampil kini versi terbaru.", en: "Report #\(id) reloaded: this is its latest version.")))
    }

    static func back(_ s: inout ConsoleState) {
        switch s.focus {
        case .routing:
            s.routing.isOpen = false
            s.focus = s.layout.mode == .one ? .detail : (s.detail.reportID == nil ? .inbox : .detail)
        case .detail:
            s.focus = .inbox
            s.detail.reportID = nil
            s.detail.scroll = 0
        case .inbox:
            s.message = nil
            if !s.inbox.marked.isEmpty {
                // Said, with the count: a stray Esc dropped 40 marks without a word (QA).
                let n = s.inbox.marked.count
                s.inbox.marked = []
                s.message = StatusMessage(kind: .info, text: s.text(Localized("Tanda dilepas dari \(n) laporan.",
                                                                               en: "Marks taken off \(UIText.counted(n, "report")).")))
            } else if s.inbox.filter.search != nil {
                s.inbox.filter.search = nil
                refreshInbox(&s, counts: false)
            }
        }
    }

    static func selectView(_ s: inout ConsoleState, _ v: InboxQuery.SavedView) {
        s.inbox.view = v
        s.inbox.cursor = 0
        s.inbox.scrollTop = 0
        s.focus = .inbox
        s.detail.reportID = nil
        refreshInbox(&s, counts: false, followSelection: false)
        s.inbox.cursor = 0
        clampInbox(&s)
    }

    /// Switches to the first view that lists `id` when the current one does not (the view is kept when none
    /// does, e.g. under a search), so the highlighted row is the report being shown.
    static func showInAQueueThatHoldsIt(_ s: inout ConsoleState, _ id: ReportID) {
        guard !s.inbox.rows.contains(id) else { return }
        let saved = (view: s.inbox.view, cursor: s.inbox.cursor, scrollTop: s.inbox.scrollTop)
        for view in InboxQuery.SavedView.allCases where view != saved.view {
            s.inbox.view = view
            refreshInbox(&s, counts: false)
            if s.inbox.rows.contains(id) { break }
        }
        guard s.inbox.rows.contains(id) else {
            // In no queue (a deleted report): the inbox stays as it was, cursor included, so the row lit after
            // Esc is the one the officer had chosen (QA: trying the other views moved it to another report).
            s.inbox.view = saved.view
            refreshInbox(&s)
            (s.inbox.cursor, s.inbox.scrollTop) = (saved.cursor, saved.scrollTop)
            clampInbox(&s)
            return
        }
        refreshInbox(&s)
    }

    static func stepView(_ s: inout ConsoleState, by delta: Int) {
        let all = InboxQuery.SavedView.allCases
        let i = all.firstIndex(of: s.inbox.view) ?? 0
        selectView(&s, all[(i + delta + all.count) % all.count])
    }

    static func jumpMatch(_ s: inout ConsoleState, by delta: Int) {
        guard s.inbox.filter.search != nil else {
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Belum ada pencarian: tekan / lalu ketik.",
                                                                         en: "No search yet: press / and type.")))
            return
        }
        s.focus = .inbox
        guard !s.inbox.rows.isEmpty else { return }
        s.inbox.cursor = (s.inbox.cursor + delta + s.inbox.rows.count) % s.inbox.rows.count
        clampInbox(&s)
    }

    static func cycleSort(_ s: inout ConsoleState) {
        let all = InboxQuery.Sort.allCases
        let current = s.inbox.filter.sort ?? s.inbox.view.query.sort
        let next = all[((all.firstIndex(of: current) ?? 0) + 1) % all.count]
        s.inbox.filter.sort = next
        refreshInbox(&s, counts: false)
        s.message = StatusMessage(kind: .info, text: s.text(Localized("Urutan: ", en: "Sort: ")) + s.text(UIText.sortLabel(next)))
    }

    /// In the inbox: the row under the cursor, then on to the next. In the detail pane: the open report
    /// (QA: help listed Space there, and it did nothing).
    static func toggleMark(_ s: inout ConsoleState) {
        let inInbox = s.focus == .inbox
        guard inInbox || s.focus == .detail, let id = inInbox ? s.inbox.selectedID : s.currentReportID else { return }
        if s.inbox.marked.contains(id) { s.inbox.marked.remove(id) } else { s.inbox.marked.insert(id) }
        if inInbox { move(&s, by: 1) }
        s.message = StatusMessage(kind: .info, text: s.text(Localized("\(s.inbox.marked.count) laporan ditandai.",
                                                                     en: "\(UIText.counted(s.inbox.marked.count, "report")) marked.")))
    }
}
