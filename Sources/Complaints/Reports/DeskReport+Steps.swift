import Foundation

extension DeskReportPass {
    /// Durations of the three steps and the decided deadline clocks of one report in the period.
    mutating func addDurationsAndDeadlines(_ reports: [Report], _ i: Int) {
        let status = reports[i].status
        for clock in Self.measuredClocks {
            let reading = deadlines.reading(clock, of: reports[i], now: now)
            if clock == .verification { addVerification(reading) }
            judge(clock, reading, completedByWork: Self.isCompletion(clock, status))
        }
        addDispositionAndFollowUp(reports, i)
    }

    /// Verification: the working time the clock ran (pauses while *tunda* excluded).
    mutating func addVerification(_ reading: ClockReading) {
        switch reading.state {
        case .notStarted: return
        case .done: durations[.verification, default: []].append(reading.elapsed / 86400)
        case .running, .paused: waiting[.verification, default: 0] += 1
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

    /// Met when finished on time within the period; late when finished late within the period or past due
    /// by the cutoff without being finished; otherwise not decided (left out).
    mutating func judge(_ clock: DeadlineClock, _ reading: ClockReading, completedByWork: Bool) {
        switch reading.state {
        case .notStarted, .paused:
            return
        case let .running(due):
            if due <= cutoff { late[clock, default: 0] += 1 }
        case let .done(at, due, wasLate):
            if completedByWork && at < to {
                if wasLate { late[clock, default: 0] += 1 } else { met[clock, default: 0] += 1 }
            } else if due <= min(at, cutoff) {
                late[clock, default: 0] += 1
            }
        }
    }

    /// Disposition (receipt → first desk disposition) and follow-up (the disposition that reached the
    /// answering agency → its first follow-up), read from the trail.
    mutating func addDispositionAndFollowUp(_ reports: [Report], _ i: Int) {
        let receivedAt = reports[i].intake.receivedAt
        let reporterChose = reports[i].intake.agency != nil
        let open = reports[i].status.isOpen
        guard !reports[i].dispositions.isEmpty else {
            if open && !reporterChose { waiting[.disposition, default: 0] += 1 }
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
                durations[.disposition, default: []].append(calendar.workingSeconds(from: receivedAt, to: firstDesk) / 86400)
            } else if open {
                waiting[.disposition, default: 0] += 1
            }
        }
        if let start = lastDisposition, let followUp {
            durations[.followUp, default: []].append(calendar.workingSeconds(from: start, to: followUp) / 86400)
        } else if lastDisposition != nil && open {
            waiting[.followUp, default: 0] += 1
        }
    }
}
