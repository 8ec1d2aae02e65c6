import Foundation

// The snapshot form of one report's folded state, trail included. Actors are written as indices into
// the snapshot's actor table (a desk has few distinct actors and a million trail entries).

extension SnapshotWriter {
    mutating func report(_ r: Report, actorIndex: (ActorRef) -> Int) {
        string(r.id.rawValue)
        intake(r.intake)
        // The title is usually the intake's own: flag it so both share one string when read back.
        if let own = r.intake.title, own == r.title {
            byte(1)
        } else {
            byte(0)
            string(r.title)
        }
        caseIndex(r.classification)
        optionalString(r.category)
        optionalString(r.subcategory)
        bool(r.anonymous)
        bool(r.confidential)
        strings(r.tags)
        caseIndex(r.priority)
        caseIndex(r.status)
        optionalString(r.agency)
        optionalString(r.unit)
        bool(r.returned != nil)
        if let back = r.returned {
            string(back.agency)
            string(back.reason)
            date(back.at)
        }
        count(r.dispositions.count)
        for d in r.dispositions { disposition(d) }
        optionalString(r.duplicateOf?.rawValue)
        bool(r.archiveReason != nil)
        if let a = r.archiveReason { caseIndex(a) }
        bool(r.deleteReason != nil)
        if let d = r.deleteReason { caseIndex(d) }
        strings(r.redactedFields.sorted())
        count(r.trail.count)
        for entry in r.trail {
            varint(entry.seq)
            date(entry.at)
            count(actorIndex(entry.actorRef))
            event(entry.event, reportIntake: r.intake)
            caseIndex(entry.visibility)
        }
        for track in [r.clocks.verification, r.clocks.agencyFollowUp, r.clocks.autoClose, r.clocks.settlement,
                      r.clocks.postponement] {
            clock(track)
        }
    }

    mutating func clock(_ t: ClockTrack) {
        count(t.runCount)
        t.forEachRun { run in
            date(run.start)
            optionalDate(run.end)
        }
        optionalDate(t.stoppedAt)
    }

    public mutating func actor(_ a: Actor) {
        string(a.name)
        caseIndex(a.role)
        optionalString(a.agency)
        optionalString(a.unit)
        optionalString(a.osUser)
    }
}

extension SnapshotReader {
    mutating func report(actors: [ActorRef]) throws(SnapshotFormatError) -> Report {
        let id = ReportID(rawValue: try string())
        let intake = try intake()
        let title: String
        switch try byte() {
        case 1:
            guard let own = intake.title else { throw fail("title flag without an intake title") }
            title = own
        case 0: title = try string()
        default: throw fail("bad title flag")
        }
        let classification = try caseIndex(Classification.self)
        let category = try optionalWord()
        let subcategory = try optionalWord()
        let anonymous = try bool()
        let confidential = try bool()
        let tags = try words()
        let priority = try caseIndex(Priority.self)
        let status = try caseIndex(ReportStatus.self)
        let agency = try optionalWord()
        let unit = try optionalWord()
        let returned = try bool() ? SentBack(agency: try word(), reason: try string(), at: try date()) : nil
        let dispositionCount = try count()
        var dispositions: [Disposition] = []
        dispositions.reserveCapacity(dispositionCount)
        for _ in 0..<dispositionCount { dispositions.append(try disposition()) }
        let duplicateOf = try optionalString().map(ReportID.init(rawValue:))
        let archiveReason = try bool() ? try caseIndex(ArchiveReason.self) : nil
        let deleteReason = try bool() ? try caseIndex(DeleteReason.self) : nil
        let redacted = Set(try strings())
        let trailCount = try count()
        var trail: [TrailEntry] = []
        trail.reserveCapacity(trailCount)
        for _ in 0..<trailCount {
            let seq = try varint()
            let at = try date()
            let actorIndex = try count(max: actors.count - 1)
            let event = try event(reportIntake: intake)
            let visibility = try caseIndex(TrailEntry.Visibility.self)
            trail.append(TrailEntry(seq: seq, at: at, actorRef: actors[actorIndex], event: event, visibility: visibility))
        }
        var clocks = Clocks()
        clocks.verification = try clock()
        clocks.agencyFollowUp = try clock()
        clocks.autoClose = try clock()
        clocks.settlement = try clock()
        clocks.postponement = try clock()
        return Report(id: id, intake: intake, title: title, classification: classification, category: category,
                      subcategory: subcategory, anonymous: anonymous, confidential: confidential, tags: tags,
                      priority: priority, status: status, agency: agency, unit: unit, returned: returned,
                      dispositions: dispositions, duplicateOf: duplicateOf, archiveReason: archiveReason,
                      deleteReason: deleteReason, redactedFields: redacted, trail: trail, clocks: clocks)
    }

    mutating func clock() throws(SnapshotFormatError) -> ClockTrack {
        var t = ClockTrack()
        let n = try count()
        for _ in 0..<n { t.appendRun(ClockTrack.Run(start: try date(), end: try optionalDate())) }
        t.stoppedAt = try optionalDate()
        return t
    }

    public mutating func actor() throws(SnapshotFormatError) -> Actor {
        Actor(name: try string(), role: try caseIndex(Role.self), agency: try optionalString(), unit: try optionalString(),
              osUser: try optionalString())
    }
}
