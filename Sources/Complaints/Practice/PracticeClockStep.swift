import Foundation

/// How a trainer moves the practice desk's simulated clock. Why: a class cannot wait days for a report
/// to go overdue or auto-close, so the trainer jumps the desk's time forward in steps the room understands.
public enum PracticeClockStep: Sendable, Hashable {
    /// Forward `n` working days, landing at the same local time of day (weekends and holidays skipped).
    case workingDays(Int)
    /// Just past the earliest deadline (of any kind) of any open report.
    case nextDeadline
    /// To a given instant (command line `--to`); must lie ahead of the current practice time.
    case to(Date)
}

/// Where a step lands, computed from the desk and its calendar. Pure: the caller passes the current
/// practice time and writes the result wherever the clock lives.
public enum PracticeClockMath {
    /// How far past a deadline `nextDeadline` lands: the console shows time to the minute, and a deadline
    /// counts as passed when `due <= now`, so one minute past is the first instant the room sees it overdue.
    public static let pastDeadline: TimeInterval = 60

    /// The instant `step` lands on from `now`, or nil when it cannot move (no open deadline ahead, a
    /// target not in the future, a non-positive day count).
    public static func target(_ step: PracticeClockStep, from now: Date, desk: Desk, deadlines: Deadlines,
                              calendar: WorkingCalendar) -> Date? {
        switch step {
        case let .workingDays(n):
            guard n > 0 else { return nil }
            var t = now
            for _ in 0..<n { t = nextWorkingDaySameTime(after: t, calendar: calendar) }
            return t
        case .nextDeadline:
            return nextDeadline(in: desk, deadlines: deadlines, after: now).map { $0.addingTimeInterval(pastDeadline) }
        case let .to(date):
            return date > now ? date : nil
        }
    }

    /// The same local time of day on the first working day after `instant`'s local day (Friday 10:00 →
    /// Monday 10:00; the day before a holiday → the day after it).
    public static func nextWorkingDaySameTime(after instant: Date, calendar: WorkingCalendar) -> Date {
        let day = calendar.localDate(of: instant)
        let intoDay = instant.timeIntervalSince(calendar.startOfDay(day))
        let next = calendar.nextWorkingDay(after: day)
        return calendar.startOfDay(next).addingTimeInterval(intoDay)
    }

    /// The earliest deadline strictly after `now` among open reports: the stage clock (verification,
    /// agency follow-up, re-disposition after a return), the settlement ceiling, the reporter's auto-close
    /// window and the postponement window.
    public static func nextDeadline(in desk: Desk, deadlines: Deadlines, after now: Date) -> Date? {
        var best: Date?
        func consider(_ d: Date?) {
            guard let d, d > now else { return }
            if best.map({ d < $0 }) ?? true { best = d }
        }
        for r in desk.all where r.status.isOpen {
            switch deadlines.schedule(of: r).kind {
            case let .track(due, _): consider(due)
            case let .pausedUntil(due): consider(due)
            case .none, .paused: break
            }
            consider(deadlines.autoCloseDue(of: r))
            // Past its stage deadline a report's ceiling is still ahead (QA: "no deadline ahead" while every
            // open report's 60 working days were still running).
            consider(deadlines.settlementDue(of: r))
        }
        return best
    }
}
