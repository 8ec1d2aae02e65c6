import Complaints
import Foundation
import TextCanvas

/// Everything on screen. `reduce` is the only thing that changes it; `render` draws it.
public struct ConsoleState: Sendable {
    public var env: ConsoleEnvironment
    public var desk: Desk
    public var now: Date
    public var size: Size
    public var health: JournalHealthView = .ok
    public var focus: Pane = .inbox
    public var inbox = InboxState()
    public var detail = DetailState()
    public var routing = RoutingState()
    /// A modal layer over the panes (help, prompt, form, confirmation, menu).
    public var overlay: Overlay?
    public var message: StatusMessage?
    /// Requests sent to the journal and not yet answered; the status line says "menyimpan…".
    public var pendingRequests = 0
    /// Keys typed recently (presenter strip and tests).
    public var keyLog: [KeyLogEntry] = []
    public var keymap: Keymap
    public var quitRequested = false
    /// The "N new reports arrived" message on the status line and its N, so arrivals in several polls (an
    /// import's batches) add up while it is still shown.
    var arrivals: (count: Int, message: StatusMessage)?
    /// Set by a first quit key on the "terminal too small" screen while a form holds typed text: a second one
    /// quits and discards it (the form cannot be seen there, so nothing else may throw it away silently).
    public var quitConfirmPending = false
    /// The Laporan view's figures while it is open.
    public var reportsView: ReportsViewState?
    /// The bimtek lesson on screen (`lapor-desk demo --scenario NAME --lesson`), or nil.
    public var lesson: LessonSession?
    /// Set when the trainer confirmed `reset-practice`: the launcher resets the folder and reopens.
    public var resetRequested = false
    /// Set when the practice desk was reset from elsewhere: the launcher reopens the fresh desk and shows
    /// this notice on it.
    public var reopenNotice: Localized?
    public var reopenRequested: Bool { reopenNotice != nil }
    /// Set with `reopenNotice` when the desk must be read again from the journal, not from the snapshot.
    public var reopenWithoutSnapshot = false
    /// Deadline schedules by report version, kept until the deadline rules change (fast inbox on big desks).
    public internal(set) var urgencyCache: UrgencyCache
    /// Presenter mode (`--presenter`): key strip and roomier rows for a projector.
    public var presenter = false
    /// Replay of the desk's or one report's history; while set, every pane shows the past (read only).
    public var replay: ReplayState?
    /// Incremental inbox indices (rows, presorted orders, search text), kept until the deadline rules change.
    public internal(set) var inboxIndex: InboxIndex

    /// `inboxIndex` is one already built for this desk (e.g. seeded from a projection snapshot for the
    /// first frame); by default an empty one.
    public init(env: ConsoleEnvironment, desk: Desk, now: Date, size: Size, keymap: Keymap = .standard,
                inboxIndex: InboxIndex? = nil) {
        self.env = env
        self.desk = desk
        self.now = now
        self.size = size
        self.keymap = keymap
        urgencyCache = UrgencyCache(deadlines: env.deadlines)
        self.inboxIndex = inboxIndex ?? InboxIndex(deadlines: env.deadlines)
    }

    public var language: Language { env.language }

    public func text(_ l: Localized) -> String { l.text(env.language) }

    /// The report shown in the detail pane: the open one, else the one a form for one report is about, else
    /// the one under the inbox cursor. (QA: another console's change took a form's report out of the inbox
    /// view, and the panes behind "Arsipkan — #2600037" showed the row that took its place.)
    public var currentReportID: ReportID? {
        if let id = detail.reportID { return id }
        if case let .form(f) = overlay, f.targets.count == 1 { return f.targets[0] }
        return inbox.selectedID
    }

    public var currentReport: Report? { currentReportID.flatMap { desk[$0] } }

    /// A form is open with text the officer typed (not just what it was opened with).
    public var hasUnsavedTyping: Bool {
        if case let .form(f) = overlay { return f.hasTypedText }
        return false
    }

    /// Whether the reporter's identity of `r` may be drawn for the officer on duty. In replay `r` is the report
    /// as it was: one made anonim since is anonim in its past too (QA: stepping back to before the flag showed
    /// the name and NIK to agency roles and the pengamat).
    public func mayShowIdentity(_ r: Report) -> Bool {
        Access.canSeeIdentity(r, now: replay?.live.desk[r.id] ?? desk[r.id], by: env.operatorOnDuty)
    }

    public var isReadOnly: Bool {
        if case .ok = health { return env.operatorOnDuty.role == .pengamat }
        return true
    }
}

public enum Pane: String, Sendable, Hashable, CaseIterable {
    case inbox, detail, routing
}

/// The journal's state as the title bar shows it.
public enum JournalHealthView: Sendable, Hashable {
    case ok
    /// Why, in both languages: shown in the officer's.
    case readOnly(Localized)
    case degraded(String)
}

public struct InboxState: Sendable, Hashable {
    public var view: InboxQuery.SavedView = .baru
    /// Extra conditions from the filter builder and search (`/`), on top of the view.
    public var filter = InboxFilter()
    public var rows: ListedReports = []
    public var cursor = 0
    public var scrollTop = 0
    public var marked: Set<ReportID> = []
    /// Counts per saved view, for the tabs.
    public var viewCounts: [InboxQuery.SavedView: Int] = [:]
    /// The listed rows by status, for the inbox title (they add up to `rows.count`).
    public var breakdown = Inbox.Breakdown()
    /// A search typed before every report's text was folded (`Inbox.Listing.searchPending`): the rows are
    /// the ones before it until the tick finds the index ready and lists its results.
    public var searchPending = false

    public var selectedID: ReportID? { rows.indices.contains(cursor) ? rows[cursor] : nil }
}

/// Conditions the officer added with `f` (filter builder) or `/` (search).
public struct InboxFilter: Sendable, Hashable {
    public var search: String?
    public var channel: Channel?
    public var category: String?
    public var region: String?
    public var agency: String?
    public var classification: Classification?
    public var anonymousOnly = false
    public var confidentialOnly = false
    public var sort: InboxQuery.Sort?

    public init() {}

    public var isEmpty: Bool { self == InboxFilter() }

    func applied(to base: InboxQuery) -> InboxQuery {
        var q = base
        if let search, !search.isEmpty { q.text = search }
        if let channel { q.channels = [channel] }
        if let category { q.category = category }
        if let region { q.region = region }
        if let agency { q.agency = agency }
        if let classification { q.classification = classification }
        if anonymousOnly { q.anonymousOnly = true }
        if confidentialOnly { q.confidentialOnly = true }
        if let sort { q.sort = sort }
        return q
    }
}

public struct DetailState: Sendable, Hashable {
    /// The report opened with Enter; nil shows the inbox selection.
    public var reportID: ReportID?
    /// Its version when opened: a change underneath is announced and stale actions are refused.
    public var openedVersion: Int?
    public var scroll = 0
    /// Set when another console changed the open report.
    public var changedUnderneath = false
    /// The message-line warning about that change: opening another report takes it off the line (QA: it
    /// stayed over the next report and the form opened on it).
    public var changeWarning: ChangeWarning?

    /// A warning on the message line and the report it names.
    public struct ChangeWarning: Sendable, Hashable {
        public var message: StatusMessage
        public var report: ReportID
    }
}

public struct RoutingState: Sendable, Hashable {
    /// Incremental filter over the agency directory.
    public var filter = TextEditBuffer()
    public var cursor = 0
    public var scrollTop = 0
    /// Set once the officer moved through the list or typed a search: with no rule's proposal, Enter
    /// disposes only to an agency the officer picked (QA: `d Enter` sent reports to the first agency listed).
    public var picked = false
    /// Whether the routing overlay is shown (two-pane and one-pane layouts).
    public var isOpen = false
}

public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var kind: Kind
    public var text: String
    /// The one report a refusal is about: it leaves the line once the panes show another report, so it is
    /// not read as being about that one (QA).
    public var about: ReportID? = nil
}

public struct KeyLogEntry: Sendable, Hashable {
    public var key: String
    /// What the key did, in both languages: the strip is drawn in the language of the moment, also for keys
    /// pressed before `L` switched it (QA: the projected strip mixed the two).
    public var command: Localized?
    /// Text typed into a prompt or form: the presenter strip says "mengetik…" instead of echoing it.
    public var typing = false
}
