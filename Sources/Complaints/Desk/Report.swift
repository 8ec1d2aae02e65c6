import Foundation

/// The current state of one report: a fold of its events (`Report.evolve`). Everything the console and the
/// command line show about a report comes from here.
public struct Report: Sendable, Hashable {
    public var id: ReportID
    public var intake: Intake
    /// The title as the desk shows it now; `intake.title` keeps the original.
    public var title: String
    public var classification: Classification
    public var category: String?
    public var subcategory: String?
    public var anonymous: Bool
    public var confidential: Bool
    public var tags: [String]
    public var priority: Priority
    public var status: ReportStatus
    /// Agency currently responsible (nil at the national desk).
    public var agency: String?
    public var unit: String?
    /// Set when an agency sent the report back as *bukan wewenang* and the national desk must re-dispose it.
    public var returned: SentBack?
    public var dispositions: [Disposition]
    public var duplicateOf: ReportID?
    public var archiveReason: ArchiveReason?
    public var deleteReason: DeleteReason?
    public var redactedFields: Set<String>
    public var trail: [TrailEntry]
    public var clocks: Clocks

    public var externalID: String? { intake.externalID }
    public var channel: Channel { intake.channel }
    public var receivedAt: Date { intake.receivedAt }
    public var location: Location { intake.location }
    public var reporter: Reporter { intake.reporter }
    public var body: String { intake.body }
    public var originalTitle: String { intake.effectiveTitle }
    /// Number of events applied (one trail entry each): the "version" a command must expect, so stale
    /// commands are refused.
    public var version: Int { trail.count }
    public var lastChanged: Date { trail.last?.at ?? intake.receivedAt }
    public var lastSeq: UInt64 { trail.last?.seq ?? 0 }
}

/// Why and by whom a report was sent back (*bukan wewenang*).
public struct SentBack: Sendable, Hashable {
    public var agency: String
    public var reason: String
    public var at: Date
}

/// One line of a report's history: who did what, when, and whether the reporter may see it.
public struct TrailEntry: Sendable, Hashable {
    /// Case order is the snapshot format (`caseIndex`): append new cases at the end.
    public enum Visibility: String, Sendable, Hashable, CaseIterable {
        /// Shown to the reporter (public replies, follow-ups, status changes).
        case publik
        /// Internal notes: never shown to the reporter.
        case internal_ = "internal"
        /// What the reporter wrote.
        case pelapor
    }

    public var seq: UInt64
    public var at: Date
    /// Who did it. Named by number (`ActorRef`): a desk holds a million trail entries but a few hundred
    /// distinct actors, and five strings inline made every entry 64 bytes larger.
    public var actor: Actor {
        get { actorRef.actor }
        set { actorRef = ActorRef(newValue) }
    }
    var actorRef: ActorRef
    public var event: DomainEvent
    public var visibility: Visibility

    public init(seq: UInt64, at: Date, actor: Actor, event: DomainEvent, visibility: Visibility) {
        self.init(seq: seq, at: at, actorRef: ActorRef(actor), event: event, visibility: visibility)
    }

    init(seq: UInt64, at: Date, actorRef: ActorRef, event: DomainEvent, visibility: Visibility) {
        self.seq = seq
        self.at = at
        self.actorRef = actorRef
        self.event = event
        self.visibility = visibility
    }

    public static func == (a: TrailEntry, b: TrailEntry) -> Bool {
        a.seq == b.seq && a.at == b.at && (a.actorRef == b.actorRef || a.actor == b.actor) && a.event == b.event
            && a.visibility == b.visibility
    }

    public func hash(into h: inout Hasher) {
        h.combine(seq)
        h.combine(at)
        h.combine(actor)
        h.combine(event)
        h.combine(visibility)
    }
}


/// The running intervals of each deadline clock, recorded as events happen; `Deadlines` turns them into due
/// instants with the desk's working-day calendar. Intervals (not totals) keep `evolve` free of calendars.
public struct Clocks: Sendable, Hashable {
    /// Received → disposed, archived or deleted; paused while `tunda`.
    public var verification = ClockTrack()
    /// Disposed → follow-up posted; restarts on each (re)disposition and on a dispute.
    public var agencyFollowUp = ClockTrack()
    /// Follow-up → closed, when the reporter stays silent.
    public var autoClose = ClockTrack()
    /// Received → closed (Perpres 76/2013 ceiling).
    public var settlement = ClockTrack()
    /// Postponed → reporter answers; past its limit the report may be archived.
    public var postponement = ClockTrack()

    public init() {}
}

/// Running intervals of one clock. An open last interval means the clock is running.
///
/// The first interval is kept inline and only later ones in an array: nearly every clock runs once, and
/// an array per started clock was 650,000 allocations (42 MB) on a 200,000-report desk. "None" is stored
/// as `ClockTrack.absent` rather than as optionals, so the inline form stays 32 bytes.
public struct ClockTrack: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var start: Date
        public var end: Date?
    }

    /// Stands for "no value" in the inline fields (no real instant is minus infinity).
    private static let absent = Date(timeIntervalSinceReferenceDate: -.infinity)
    private var firstStart = ClockTrack.absent
    private var firstEnd = ClockTrack.absent
    private var later: [Run] = []
    private var stoppedAtValue = ClockTrack.absent

    public init() {}

    /// Every interval, oldest first. Builds an array: loops should use `forEachRun`.
    public var runs: [Run] {
        var out: [Run] = []
        forEachRun { out.append($0) }
        return out
    }

    /// The first interval (when the clock first started).
    public var firstRun: Run? {
        firstStart == ClockTrack.absent ? nil : Run(start: firstStart, end: firstEnd == ClockTrack.absent ? nil : firstEnd)
    }

    public var runCount: Int { firstStart == ClockTrack.absent ? 0 : 1 + later.count }

    public func forEachRun(_ body: (Run) throws -> Void) rethrows {
        guard let first = firstRun else { return }
        try body(first)
        for run in later { try body(run) }
    }

    private var lastRun: Run? { later.last ?? firstRun }

    /// Adds an interval after the others (a snapshot reading the clock back).
    mutating func appendRun(_ run: Run) {
        if isStarted {
            later.append(run)
        } else {
            firstStart = run.start
            firstEnd = run.end ?? ClockTrack.absent
        }
    }

    /// Set when the clock's work was done (it can no longer be late).
    public var stoppedAt: Date? {
        get { stoppedAtValue == ClockTrack.absent ? nil : stoppedAtValue }
        set { stoppedAtValue = newValue ?? ClockTrack.absent }
    }

    public var isRunning: Bool { lastRun.map { $0.end == nil } ?? false }
    public var isPaused: Bool { isStarted && !isRunning && stoppedAt == nil }
    public var isStarted: Bool { firstStart != ClockTrack.absent }

    /// Starts afresh (e.g. a new agency gets its full limit).
    mutating func restart(at t: Date) {
        firstStart = t
        firstEnd = ClockTrack.absent
        later = []
        stoppedAt = nil
    }

    mutating func pause(at t: Date) {
        guard isRunning else { return }
        if later.isEmpty {
            firstEnd = max(t, firstStart)
        } else {
            later[later.count - 1].end = max(t, later[later.count - 1].start)
        }
    }

    mutating func resume(at t: Date) {
        guard isPaused else { return }
        later.append(Run(start: t, end: nil))
    }

    /// The work is done; keeps the runs for reporting (time to verification...).
    mutating func stop(at t: Date) {
        guard isStarted, stoppedAt == nil else { return }
        pause(at: t)
        stoppedAt = t
    }

    /// No longer applies (e.g. the report was archived before a follow-up was due).
    mutating func cancel(at t: Date) { stop(at: t) }
}
