import Complaints
import Foundation

/// How a desk's start-up used the projection snapshot.
public enum SnapshotStatus: Sendable, Equatable {
    /// The caller asked for a full fold (`check`, `bench --no-snapshot`).
    case notRequested
    /// No snapshot file yet.
    case missing
    /// A snapshot exists but was ignored (format, build, checksum or journal mismatch): the reason.
    case rejected(String)
    /// Started from the snapshot taken at this sequence number; later events were folded on top.
    case used(seq: UInt64)
}

extension OpenedDesk {
    /// Events read on top of the snapshot (nil when start-up did not use one): every journal line after its
    /// point, also one the desk could not apply (QA: a line read but not applied was not counted).
    public var eventsAfterSnapshot: UInt64? {
        guard case let .used(seq) = snapshot else { return nil }
        let last = max(desk.lastSeq, journal.lastSequence)
        return last >= seq ? last - seq : 0
    }

    /// Whether a new snapshot would save noticeable start-up time: none was used, or at least
    /// `threshold` events were folded on top of the one that was.
    /// Its inbox rows computed under other deadline rules (a holiday list or a limit edited) also make it
    /// stale: the console's first frame is drawn from them.
    public func snapshotIsStale(threshold: UInt64) -> Bool {
        guard desk.lastSeq > 0 else { return false }
        guard let after = eventsAfterSnapshot else { return true }
        return after >= threshold || !snapshotRowsCurrent
    }

    /// Whether this desk is the one a first frame was drawn for: started from the snapshot, with the
    /// journal's last event `lastSeq` and `reports` reports (nothing appended since the preview). Only
    /// then may the console take over that frame's inbox index.
    public func isDescribed(byPreviewAt lastSeq: UInt64, reports: Int) -> Bool {
        guard case .used = snapshot else { return false }
        return desk.lastSeq == lastSeq && desk.count == reports
    }

    /// What a snapshot of the desk as it stands now needs: the folded desk and the journal point it is
    /// the fold of. Nil when there is none to take (read-only, nothing written, the journal has findings,
    /// or events not folded yet). Cheap: call it on the console's thread, then write elsewhere.
    public func snapshotSource() -> (desk: Desk, resume: JournalResumePoint)? {
        guard journal.mode == .writer, store.problems.isEmpty, let point = journal.resumePoint(),
              point.lastSeq == desk.lastSeq else { return nil }
        return (desk, point)
    }

    /// Writes the projection snapshot of `source` (from `snapshotSource`). Returns the bytes written.
    @discardableResult
    public func writeSnapshot(_ source: (desk: Desk, resume: JournalResumePoint)) throws(ProjectionSnapshot.WriteError) -> Int {
        try ProjectionSnapshot.write(source.desk, at: source.resume, journal: journal,
                                     programStamp: ProjectionSnapshot.currentProgramStamp(), rules: inboxRowRules)
    }

    /// The deadline rules the snapshot's inbox rows are computed with, keyed by everything a deadline
    /// schedule depends on: the limits, the time zone and each holiday (date and kind) with the years the
    /// lists cover. Editing `desk.toml` or a holiday file changes the key, and start-up then builds rows
    /// from the desk instead of trusting the snapshot's. Both come from the rules in force: a console reloads
    /// them when those files change, and a snapshot it writes later must not label rows computed under the
    /// new rules with the start-up key (a revert before the next start would make them pass for current).
    public var inboxRowRules: InboxRowRules {
        let live = deadlines
        // Every desk's rules use a working calendar; any other measure gets a key no snapshot can match.
        guard let liveCalendar = live.calendar as? WorkingCalendar else {
            return InboxRowRules(deadlines: live, key: "rules without a working calendar")
        }
        return InboxRowRules(deadlines: live, key: OpenedDesk.rulesKey(limits: live.limits, calendar: liveCalendar))
    }

    static func rulesKey(limits: DeadlineLimits, calendar: WorkingCalendar) -> String {
        var key = "limits \(limits.verification) \(limits.agencyFollowUp) \(limits.autoClose) \(limits.settlement) "
            + "\(limits.postponement); zone \(calendar.timeZone.rawValue); years"
        for year in calendar.holidays.coveredYears.sorted() { key += " \(year)" }
        key += "; days"
        for h in calendar.holidays.holidays { key += " \(h.date) \(h.kind)" }
        return key
    }
}
