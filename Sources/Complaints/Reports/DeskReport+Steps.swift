import Foundation

extension DeskReportPass {
    /// Durations of the three steps and the decided deadline clocks of one report in the period.
    mutating func addDurationsAndDeadlines(_ reports: Reports, _ i: Int) {
        let status = reports[i].status
        addClock(.verification, reports[i].clocks.verification, reports, i, status)
        addClock(.agencyFollowUp, reports[i].clocks.agencyFollowUp, reports, i, status)
        addClock(.settlement, reports[i].clocks.settlement, reports, i, status)
        addDispositionAndFollowUp(reports, i)
    }

    /// One clock: the verification duration, and met / late as `judge` defines them. Due instants (the
    /// costly part of deadline maths) are only computed when cheap bounds cannot decide: a clock cannot be
    /// due before `limit` calendar days after it started, and a clock stopped with less than its limit of
    /// working time used was on time.
    mutating func addClock(_ clock: DeadlineClock, _ track: ClockTrack, _ reports: Reports, _ i: Int,
                           _ status: ReportStatus) {
        guard let firstStart = track.firstRun?.start else { return }
        let limit = TimeInterval(clock.limit(deadlines.limits)) * 86400
        let earliestDue = firstStart.addingTimeInterval(limit)
        guard let stopped = track.stoppedAt else {
            if clock == .verification { waiting.add(.verification) }
            if earliestDue <= now { judge(clock, deadlines.reading(clock, of: reports[i], now: now), completedByWork: false) }
            return
        }
        var elapsed: TimeInterval = 0
        track.forEachRun { elapsed += deadlines.calendar.workingSeconds(from: $0.start, to: $0.end ?? stopped) }
        if clock == .verification { durations.append(.verification, elapsed / 86400) }
        let completed = Self.isCompletion(clock, status)
        if completed && elapsed < limit {
            met.add(clock)
        } else if completed {
            judge(clock, deadlines.reading(clock, of: reports[i], now: now), completedByWork: true)
        } else if elapsed >= limit && earliestDue <= min(stopped, now) {
            judge(clock, deadlines.reading(clock, of: reports[i], now: now), completedByWork: completed)
        }
    }

    /// Whether a stopped clock was stopped by the work it measures (a follow-up, a closure), not cancelled.
    static func isCompletion(_ clock: DeadlineClock, _ status: ReportStatus) -> Bool {
        switch clock {
        case .verification: true
        case .agencyFollowUp: status == .ditindaklanjuti || status == .selesai
        case .settlement: status == .selesai
        case .autoClose, .postponement: false
        }
    }

    /// For a report received in the period, judged with everything known now (a cohort, as its durations
    /// are): met when finished on time, late when finished late or past due now without being finished;
    /// otherwise (still running, not yet due) not decided: left out.
    mutating func judge(_ clock: DeadlineClock, _ reading: ClockReading, completedByWork: Bool) {
        switch reading.state {
        case .notStarted, .paused:
            return
        case let .running(due):
            if due <= now { late.add(clock) }
        case let .done(at, due, wasLate):
            if completedByWork {
                if wasLate { late.add(clock) } else { met.add(clock) }
            } else if due <= min(at, now) {
                late.add(clock)
            }
        }
    }

    /// Disposition (receipt → first desk disposition) and follow-up (the disposition that reached the
    /// answering agency → its first follow-up), read from the trail.
    mutating func addDispositionAndFollowUp(_ reports: Reports, _ i: Int) {
        let receivedAt = reports[i].intake.receivedAt
        let reporterChose = reports[i].intake.agency != nil
        let open = reports[i].status.isOpen
        guard !reports[i].dispositions.isEmpty else {
            if open && !reporterChose { waiting.add(.disposition) }
            return
        }
        var firstDesk: Date?
        var lastDisposition: Date? = reporterChose ? receivedAt : nil
        var followUp: Date?
        let trail = reports[i].trail
        for k in trail.indices {
            switch trail[k].event {
            case let .disposed(d):
                if firstDesk == nil && d.kind != .pilihanPelapor { firstDesk = trail[k].at }
                if followUp == nil { lastDisposition = trail[k].at }
            case .followedUp:
                if followUp == nil { followUp = trail[k].at }
            default:
                break
            }
            if followUp != nil && (firstDesk != nil || reporterChose) { break }
        }
        let calendar = deadlines.calendar
        if !reporterChose {
            if let firstDesk {
                durations.append(.disposition, calendar.workingSeconds(from: receivedAt, to: firstDesk) / 86400)
            } else if open {
                waiting.add(.disposition)
            }
        }
        if let start = lastDisposition, let followUp {
            durations.append(.followUp, calendar.workingSeconds(from: start, to: followUp) / 86400)
        } else if lastDisposition != nil && open {
            waiting.add(.followUp)
        }
    }
}
