import ComplaintJournal
import Complaints
import Foundation
import TextCanvas

/// The console's update function: pure, so every step can be tested by comparing state and effects.
public enum ConsoleReducer {
    @discardableResult
    public static func reduce(_ s: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        defer {
            followInboxCursor(&s)
            syncLesson(&s)
        }
        if let replayed = replayIntercept(&s, action) { return replayed }
        switch action {
        case let .key(key):
            return handleKey(&s, key)
        case let .resize(size):
            s.size = size
            if s.layout.mode != .tooSmall { s.quitConfirmPending = false }
            clampInbox(&s)
            return []
        case let .tick(now):
            // Deadlines and the clock are shown to the minute: re-run the queues once a minute, not per tick.
            let minuteChanged = Int(now.timeIntervalSince1970 / 60) != Int(s.now.timeIntervalSince1970 / 60)
            s.now = now
            if s.inbox.searchPending, s.inboxIndex.searchIsReady {
                refreshInbox(&s)
                if let text = s.inbox.filter.search, !s.inbox.searchPending {
                    s.message = StatusMessage(kind: .info, text: s.text(UIText.searchResults(s.inbox.rows.count, for: text)))
                }
            } else if minuteChanged {
                refreshInbox(&s)
            }
            refreshOutdatedReports(&s)
            return []
        case let .journalEvents(events):
            applyForeign(&s, events)
            return []
        case let .performed(outcomes):
            applyOutcomes(&s, outcomes)
            return []
        case let .health(h):
            let wasDegraded = if case .degraded = s.health { true } else { false }
            s.health = h
            // Damage found while the console runs: say what it is and what to do, once, when it appears.
            if case .degraded = h, let why = s.healthProblem { s.message = StatusMessage(kind: .error, text: why) }
            // Repaired from another shell (`check --repair`): the error on the message line no longer holds
            // (QA: it kept telling the officer to reopen the console).
            if wasDegraded, h == .ok {
                s.message = StatusMessage(kind: .success, text: s.text(Localized(
                    "Jurnal sudah diperbaiki (check --repair): perubahan dapat disimpan lagi.",
                    en: "The journal was repaired (check --repair): changes can be saved again.")))
            }
            return []
        case let .practiceClock(outcome):
            applyPracticeClock(&s, outcome)
            return []
        case .practiceDeskReset:
            return practiceDeskWasReset(&s)
        case let .deadlineRules(change):
            applyDeadlineRules(&s, change)
            return []
        case let .referenceData(change):
            applyReferenceData(&s, change)
            return []
        case .snapshotWasWrong:
            return snapshotWasWrong(&s)
        case let .waitingForJournal(holder):
            // Drawn before the wait (QA: the console froze for seconds without a word during an import).
            let who = LockHolder.named(holder)
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Menunggu jurnal: sedang ditulis oleh \(who.id)…", en: "Waiting for the journal: \(who.en) is writing to it…")))
            return []
        }
    }

    /// Sets up the first frame: the inbox for the default view.
    public static func start(_ s: inout ConsoleState) {
        // Agency officers' work is at the agency, not in the national desk's new queue.
        if s.env.operatorOnDuty.role == .adminInstansi || s.env.operatorOnDuty.role == .penghubung {
            s.inbox.view = .instansi
        }
        refreshInbox(&s)
        prepareSearchInBackground(s)
        // Not over a notice the launcher put up (a reopen after the trainer's reset, a torn line set aside):
        // the read-only role is also in the title bar (QA: a pengamat never heard of the reset).
        if s.isReadOnly, s.message == nil, case .ok = s.health {
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Mode baca saja: peran Anda tidak dapat mengubah laporan.",
                en: "Read-only: your role cannot change reports.")))
        }
    }

    static func handleKey(_ s: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        if key == .resize { return [] }
        if case let .mouse(m) = key {
            return s.overlay == nil && s.layout.mode != .tooSmall ? handleMouse(&s, m) : []
        }
        // Under the minimum size nothing is drawn but the "enlarge" message, so no key may act on an
        // invisible form or confirmation; they come back unchanged when the terminal grows.
        // Quitting from there would silently throw away a half-written form: the first quit key asks (the
        // screen says so), a second one quits.
        if s.layout.mode == .tooSmall {
            guard let c = s.keymap.command(for: key, in: s.focus), c == .quit else {
                s.quitConfirmPending = false
                return []
            }
            if s.hasUnsavedTyping, !s.quitConfirmPending {
                s.quitConfirmPending = true
                return []
            }
            return [.quit]
        }
        if s.overlay != nil {
            logTypedKey(&s, key)
            return handleOverlayKey(&s, key)
        }
        if s.focus == .routing, handleRoutingTyping(&s, key) {
            logTypedKey(&s, key)
            return []
        }
        guard let command = s.keymap.command(for: key, in: s.focus) else {
            logKey(&s, key, command: nil)
            if case .char = key {
                s.message = StatusMessage(kind: .info, text: s.text(Localized(
                    "Tombol '\(key.shownName)' tidak dipakai di sini. Tekan ? untuk bantuan.",
                    en: "Key '\(key.shownName)' does nothing here. Press ? for help.")))
            }
            return []
        }
        // In the routing pane moving chooses the agency Enter disposes to, as its hint line says (QA: the
        // presenter strip read "↓ turun" there).
        let choosing = s.focus == .routing && [.down, .up, .pageDown, .pageUp, .top, .bottom].contains(command)
        logKey(&s, key, command: command, label: choosing ? Localized("pilih instansi", en: "choose agency") : nil)
        return run(&s, command)
    }

    /// Switches the console's language and says so in the new one.
    static func setLanguage(_ s: inout ConsoleState, _ language: Language) {
        s.env.language = language
        s.message = StatusMessage(kind: .info, text: s.text(Localized("Bahasa: Indonesia", en: "Language: English")))
    }

    /// `label` says what the key did where the command's own label would not (moving in the routing pane).
    static func logKey(_ s: inout ConsoleState, _ key: Key, command: ConsoleCommand?, label: Localized? = nil) {
        if case .paste = key { return }
        s.keyLog.append(KeyLogEntry(key: key.shownName, command: label ?? command?.label))
        if s.keyLog.count > 16 { s.keyLog.removeFirst(s.keyLog.count - 16) }
    }

    /// Runs a named command (from a key, the `:` prompt or the action menu).
    static func run(_ s: inout ConsoleState, _ command: ConsoleCommand) -> [ConsoleEffect] {
        if refusedInReplay(&s, command) { return [] }
        switch command {
        case .down: move(&s, by: 1)
        case .up: move(&s, by: -1)
        case .pageDown: move(&s, .pages(1))
        case .pageUp: move(&s, .pages(-1))
        case .top: move(&s, .top)
        case .bottom: move(&s, .bottom)
        case .nextPane: cyclePane(&s, by: 1)
        case .previousPane: cyclePane(&s, by: -1)
        case .paneLeft: cyclePane(&s, by: -1, wrap: false)
        case .paneRight: cyclePane(&s, by: 1, wrap: false)
        case .open: return openSelected(&s)
        case .back: back(&s)
        case let .view(v): selectView(&s, v)
        case .nextView: stepView(&s, by: 1)
        case .previousView: stepView(&s, by: -1)
        case .help: s.overlay = .help(scroll: 0)
        case .prompt: s.overlay = .prompt(PromptState(kind: .command))
        case .search:
            let origin = SearchOrigin(search: s.inbox.filter.search, selected: s.inbox.selectedID, scrollTop: s.inbox.scrollTop)
            s.overlay = .prompt(PromptState(kind: .search, text: s.inbox.filter.search ?? "", searchOrigin: origin))
        case .filter: openFilterForm(&s)
        case .clearFilter:
            s.inbox.filter = InboxFilter()
            refreshInbox(&s)
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Saringan dihapus.", en: "Filter cleared.")))
        case .nextMatch: jumpMatch(&s, by: 1)
        case .previousMatch: jumpMatch(&s, by: -1)
        case .sort: cycleSort(&s)
        case .mark: toggleMark(&s)
        case .clearMarks:
            // The "N ditandai" message would otherwise stay, now wrong (QA).
            if !s.inbox.marked.isEmpty { s.message = StatusMessage(kind: .info, text: s.text(Localized("Tanda dilepas.", en: "Marks cleared."))) }
            s.inbox.marked = []
        case .actionMenu: openActionMenu(&s)
        case let .act(kind): return startAction(&s, kind)
        case .toggleAnonymous: startFlagToggle(&s, anonymous: true)
        case .toggleConfidential: startFlagToggle(&s, anonymous: false)
        case .language: setLanguage(&s, s.env.language == .id ? .en : .id)
        case .reports: openReports(&s)
        case .refresh: refreshInbox(&s)
        case .lessonNext: moveLesson(&s, forward: true)
        case .lessonBack: moveLesson(&s, forward: false)
        case .resetPractice: askResetPractice(&s)
        case .quit:
            s.quitRequested = true
            return [.quit]
        case .suspend:
            return [.suspend]
        case .clockDay, .clockDeadline, .replayReport, .replayDesk, .replayPrevious, .replayNext, .replayFirst, .replayLast:
            return runBimtek(&s, command)
        }
        return []
    }
}
