import Foundation

/// The deadline clocks of the domain brief.
public enum DeadlineClock: String, CaseIterable, Sendable, Hashable, Codable {
    case verification, agencyFollowUp = "agency-follow-up", autoClose = "auto-close", settlement, postponement

    public var label: Localized {
        switch self {
        case .verification: Localized("Verifikasi", en: "Verification")
        case .agencyFollowUp: Localized("Tindak lanjut instansi", en: "Agency follow-up")
        case .autoClose: Localized("Tutup otomatis", en: "Auto-close")
        case .settlement: Localized("Batas penyelesaian", en: "Settlement ceiling")
        case .postponement: Localized("Menunggu pelapor", en: "Waiting for reporter")
        }
    }

    func track(_ c: Clocks) -> ClockTrack {
        switch self {
        case .verification: c.verification
        case .agencyFollowUp: c.agencyFollowUp
        case .autoClose: c.autoClose
        case .settlement: c.settlement
        case .postponement: c.postponement
        }
    }

    func limit(_ l: DeadlineLimits) -> Int {
        switch self {
        case .verification: l.verification
        case .agencyFollowUp: l.agencyFollowUp
        case .autoClose: l.autoClose
        case .settlement: l.settlement
        case .postponement: l.postponement
        }
    }
}

/// Where one clock stands at a given instant.
public struct ClockReading: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case notStarted
        /// Running: due at `due`.
        case running(due: Date)
        /// Paused (the report is `tunda`); `remaining` working seconds are left.
        case paused(remaining: TimeInterval)
        /// The work was done at `at`; `late` says whether after the due instant.
        case done(at: Date, due: Date, late: Bool)
    }

    public var clock: DeadlineClock
    public var state: State
    /// Working seconds the clock has run so far (for reports: time to verification, etc.).
    public var elapsed: TimeInterval
}

/// How urgent an open report is, for badges and the overdue queue.
public enum Urgency: Sendable, Hashable, Comparable {
    /// Past its running deadline (*terlambat*) since `since`.
    case overdue(since: Date)
    /// Due within one working day (*jatuh tempo*).
    case dueSoon(due: Date)
    case onTrack(due: Date)
    /// Clock paused while waiting for the reporter.
    case paused
    /// No running deadline (closed, archived, deleted).
    case none

    var rank: Int {
        switch self {
        case .overdue: 0
        case .dueSoon: 1
        case .onTrack: 2
        case .paused: 3
        case .none: 4
        }
    }

    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    public var isOverdue: Bool { if case .overdue = self { true } else { false } }
    public var isDueSoon: Bool { if case .dueSoon = self { true } else { false } }
}

/// Deadline maths over a report's clock intervals and the desk's working-day calendar.
public struct Deadlines: Sendable {
    public var calendar: any WorkingTimeMeasure
    public var limits: DeadlineLimits

    public init(calendar: any WorkingTimeMeasure, limits: DeadlineLimits = DeadlineLimits()) {
        self.calendar = calendar
        self.limits = limits
    }

    /// Reads one clock at `now`.
    public func reading(_ clock: DeadlineClock, of report: borrowing Report, now: Date) -> ClockReading {
        let track = clock.track(report.clocks)
        let limit = TimeInterval(clock.limit(limits)) * 86400
        guard track.isStarted else { return ClockReading(clock: clock, state: .notStarted, elapsed: 0) }
        let (due, remaining, elapsed) = walk(track, limit: limit, elapsedUntil: now)
        if let stopped = track.stoppedAt {
            let dueAt = due ?? calendar.adding(workingSeconds: remaining, to: stopped)
            return ClockReading(clock: clock, state: .done(at: stopped, due: dueAt, late: stopped > dueAt), elapsed: elapsed)
        }
        if track.isRunning, let due {
            return ClockReading(clock: clock, state: .running(due: due), elapsed: elapsed)
        }
        if let due { // paused after the due instant had already passed
            return ClockReading(clock: clock, state: .running(due: due), elapsed: elapsed)
        }
        return ClockReading(clock: clock, state: .paused(remaining: max(0, limit - elapsed)), elapsed: elapsed)
    }

    /// The due instant of `clock` when `reading` would say `.running(due:)` (at any `now`: a running clock's
    /// due instant never depends on it), else nil. What `schedule` asks of every open report for the first
    /// inbox rows, without what it does not need: the working time elapsed in the open run and the
    /// reading itself (a third of the schedule's instructions). `RunningDueTests` holds it to `reading`.
    /// (Not `runningDue(of:)`, the report's one running deadline over all its clocks.)
    func dueWhileRunning(_ clock: DeadlineClock, of report: borrowing Report) -> Date? {
        let track = clock.track(report.clocks)
        guard track.isStarted, track.stoppedAt == nil else { return nil }
        return walk(track, limit: TimeInterval(clock.limit(limits)) * 86400, elapsedUntil: nil).due
    }

    /// One pass over a clock's runs: the instant its `limit` (working seconds) runs out — in the open run, or
    /// in the first closed run that uses up what is left — and what was left before it. With `now`, also the
    /// working time elapsed in every run up to `now`; without (`dueWhileRunning`), the open run and the runs
    /// after the due instant are not measured.
    private func walk(_ track: ClockTrack, limit: TimeInterval, elapsedUntil now: Date?)
        -> (due: Date?, remaining: TimeInterval, elapsed: TimeInterval)
    {
        var remaining = limit
        var elapsed: TimeInterval = 0
        var due: Date?
        track.forEachRun { run in
            guard due == nil || now != nil else { return }
            let w: TimeInterval? = run.end.map { calendar.workingSeconds(from: run.start, to: $0) }
                ?? now.map { calendar.workingSeconds(from: run.start, to: max($0, run.start)) }
            if due == nil {
                if run.end == nil || (w ?? 0) >= remaining {
                    due = calendar.adding(workingSeconds: remaining, to: run.start)
                } else {
                    remaining -= w ?? 0
                }
            }
            elapsed += w ?? 0
        }
        return (due, remaining, elapsed)
    }

    /// The clock the officer is racing now, given the status: verification at the national desk, the
    /// agency's follow-up, the reporter's auto-close window, or the postponement window.
    public func stageClock(of report: borrowing Report) -> DeadlineClock? {
        switch report.status {
        case .baru: .verification
        case .tunda: .postponement
        case .terdisposisi, .diproses: report.returned == nil ? .agencyFollowUp : nil
        case .ditindaklanjuti: .autoClose
        case .selesai, .diarsipkan, .dihapus: nil
        }
    }

    /// The running deadline of an open report (formats.md `due`): the instant its urgency turns overdue, so
    /// `due`, `overdue` and the badge always agree. That is the stage clock (not the reporter's auto-close
    /// window, see `autoCloseDue`), the settlement ceiling, a sent-back report's re-dispose limit, or the end
    /// of a postponement. Nil when nothing runs.
    public func runningDue(of report: Report) -> Date? {
        switch schedule(of: report).kind {
        case let .track(due, _): return due
        case let .pausedUntil(due): return due
        case .none, .paused: return nil
        }
    }

    /// The settlement ceiling of an open report (received → selesai), while it runs: still ahead after the
    /// stage clock ran out, so the practice clock's "next deadline" can reach it.
    public func settlementDue(of report: Report) -> Date? {
        guard report.status.isOpen else { return nil }
        return dueWhileRunning(.settlement, of: report)
    }

    /// When a followed-up report closes by itself unless the reporter replies: the reporter's window, shown
    /// beside the desk's deadline but never its lateness.
    public func autoCloseDue(of report: Report) -> Date? {
        guard report.status == .ditindaklanjuti else { return nil }
        return dueWhileRunning(.autoClose, of: report)
    }

    /// Overdue, due soon, on track or paused. An open report past a deadline is *terlambat*; one due within
    /// a working day is *jatuh tempo*. The auto-close window is the reporter's, not the desk's: passing it
    /// makes the report due for closing, not late.
    public func urgency(of report: Report, now: Date) -> Urgency {
        schedule(of: report).urgency(at: now)
    }

    /// The instants at which a report's urgency changes. They depend only on its events and the calendar,
    /// not on the current time, so the inbox computes them once per report change and then classifies
    /// 200,000 reports against the clock with two comparisons each.
    public func schedule(of report: borrowing Report) -> UrgencySchedule {
        guard report.status.isOpen else { return UrgencySchedule(kind: .none) }
        if report.status == .tunda {
            // Only verification pauses: the reporter's window ends the wait, and the settlement ceiling keeps
            // running (QA: postponing hid a report already past its 60 working days).
            var end: Date?
            if let due = dueWhileRunning(.postponement, of: report) { end = earlier(end, due) }
            if let due = dueWhileRunning(.settlement, of: report) { end = earlier(end, due) }
            if let end { return UrgencySchedule(kind: .pausedUntil(end)) }
            return UrgencySchedule(kind: .paused)
        }
        // The earliest of the candidates, kept as they come (an array per report was 200,000 allocations
        // on a large desk's first inbox rows).
        var earliest: Date?
        if let stage = stageClock(of: report), stage != .autoClose, let due = dueWhileRunning(stage, of: report) {
            earliest = earlier(earliest, due)
        }
        if let due = dueWhileRunning(.settlement, of: report) {
            earliest = earlier(earliest, due)
        }
        if let back = report.returned {
            // Sent back: the national desk must re-dispose within the verification limit of the return.
            earliest = earlier(earliest, calendar.adding(workingSeconds: TimeInterval(limits.verification) * 86400, to: back.at))
        }
        guard let due = earliest else {
            if let d = autoCloseDue(of: report) {
                return UrgencySchedule(kind: .track(due: d, soonFrom: .distantFuture))
            }
            return UrgencySchedule(kind: .none)
        }
        return UrgencySchedule(kind: .track(due: due, soonFrom: subtractingOneWorkingDay(from: due)))
    }

    private func earlier(_ a: Date?, _ b: Date) -> Date { a.map { min($0, b) } ?? b }

    /// The instant from which one working day or less is left before `due` (*jatuh tempo*).
    func subtractingOneWorkingDay(from due: Date) -> Date {
        calendar.subtracting(workingSeconds: 86400, from: due)
    }

    /// True when the reporter's silence window after a follow-up has passed: the desk must write the
    /// auto-close event.
    public func isAutoCloseDue(_ report: Report, now: Date) -> Bool {
        guard report.status == .ditindaklanjuti,
              case let .running(due) = reading(.autoClose, of: report, now: now).state else { return false }
        return due <= now
    }

    /// True when a postponed report waited past its window and may be archived.
    public func isPostponementExpired(_ report: Report, now: Date) -> Bool {
        guard report.status == .tunda,
              case let .running(due) = reading(.postponement, of: report, now: now).state else { return false }
        return due <= now
    }

    /// Working days left until `due` (negative when overdue), for badges like "2 hari" / "TERLAMBAT 1h".
    public func workingDaysLeft(until due: Date, now: Date) -> Double {
        if due >= now { return calendar.workingSeconds(from: now, to: due) / 86400 }
        return -calendar.workingSeconds(from: due, to: now) / 86400
    }
}

/// When a report's urgency changes (see `Deadlines.schedule(of:)`).
public struct UrgencySchedule: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case none
        case paused
        /// Postponed: paused until the reporter's window ends, overdue after.
        case pausedUntil(Date)
        /// On track until `soonFrom`, due soon until `due`, overdue after.
        case track(due: Date, soonFrom: Date)
    }

    public var kind: Kind

    public func urgency(at now: Date) -> Urgency {
        switch kind {
        case .none: return .none
        case .paused: return .paused
        case let .pausedUntil(due): return due <= now ? .overdue(since: due) : .paused
        case let .track(due, soonFrom):
            if due <= now { return .overdue(since: due) }
            if now >= soonFrom { return .dueSoon(due: due) }
            return .onTrack(due: due)
        }
    }
}

extension Deadlines {
    /// The deadline badge officers read, in words (never colour alone): "TERLAMBAT 2h", "JATUH TEMPO",
    /// "3h lagi", "DITUNDA"; "—" when nothing runs. Whole working days, overdue rounded down to at least 1.
    public func badge(_ urgency: Urgency, now: Date) -> Localized {
        switch urgency {
        case let .overdue(since):
            // Whole working days late; under one reads "<1h" (QA: a minute late read "TERLAMBAT 1h", as if a
            // day had passed, while 23.6 days read "23h").
            let days = Int(floor(-workingDaysLeft(until: since, now: now)))
            return days < 1 ? Localized("TERLAMBAT <1h", en: "OVERDUE <1d") : Localized("TERLAMBAT \(days)h", en: "OVERDUE \(days)d")
        case .dueSoon:
            return Localized("JATUH TEMPO", en: "DUE SOON")
        case let .onTrack(due):
            // Rounded up: "due within N working days". A deadline of 5 working days set a minute ago reads
            // "5h lagi", not "4h lagi" (QA), and the pane and the row agree whichever second they were drawn.
            let days = Int(ceil(workingDaysLeft(until: due, now: now)))
            return Localized("\(days)h lagi", en: "\(days)d left")
        case .paused:
            return Localized("DITUNDA", en: "PAUSED")
        case .none:
            return Localized("—", en: "—")
        }
    }
}
