import Foundation

extension Report {
    /// A report as it stands right after its `report.received` event.
    ///
    /// Made through the memberwise initializer, every field computed first: assigned one by one, the report
    /// was built aside and then copied into place (every string and array retained, then released), for
    /// every report of a start-up.
    public init(received intake: Intake, id: ReportID, recorded: consuming RecordedEvent) {
        // Room for a typical report's events at once: grown from one entry, the trail was copied to a new
        // buffer two or three times per report, a tenth of a cold start's sequential fold.
        var trail: [TrailEntry] = []
        trail.reserveCapacity(Report.typicalEventCount)
        let seq = recorded.seq, at = recorded.at, actorRef = recorded.actorRef
        trail.append(TrailEntry(seq: seq, at: at, actorRef: actorRef, event: recorded.takeEvent(), visibility: .pelapor))
        var clocks = Clocks()
        clocks.settlement.restart(at: intake.receivedAt)
        var dispositions: [Disposition] = []
        let status: ReportStatus
        if let chosen = intake.agency {
            // The reporter chose the agency: straight to its queue, no verification at the national desk.
            dispositions = [Disposition(agency: chosen, kind: .pilihanPelapor)]
            status = .terdisposisi
            clocks.agencyFollowUp.restart(at: intake.receivedAt)
        } else {
            status = .baru
            clocks.verification.restart(at: intake.receivedAt)
        }
        self.init(id: id, intake: intake, title: intake.effectiveTitle, classification: intake.classification,
                  category: intake.category, subcategory: intake.subcategory, anonymous: intake.anonymous,
                  confidential: intake.confidential, tags: intake.tags, priority: .normal, status: status, agency: intake.agency,
                  unit: nil, returned: nil, dispositions: dispositions, duplicateOf: nil, archiveReason: nil, deleteReason: nil,
                  redactedFields: [], trail: trail, clocks: clocks)
    }

    /// Events a report usually collects (received, disposed, followed up, a note or two, closed).
    static let typicalEventCount = 4

    /// Applies one recorded event. Total and never failing: events are facts, so even one that `decide`
    /// would refuse today (an older rule, an imported journal) is applied as best it can be.
    ///
    /// The event is taken, not borrowed: the trail entry keeps its payload, so the fold hands its
    /// reference over instead of retaining the payload once more per event and releasing its own after.
    public mutating func apply(_ r: consuming RecordedEvent) {
        let t = r.at, seq = r.seq, actorRef = r.actorRef
        // Taken out of the record before it is switched on: switched on in place, the whole payload was
        // copied for the switch (each of its strings retained) and released after, for every event.
        let event = r.takeEvent()
        var visibility: TrailEntry.Visibility = .publik
        switch event {
        case .received:
            return // A second `received` for the same id is an anomaly the desk reports; the first one stands.
        case let .disposed(d):
            agency = d.agency
            unit = d.unit
            returned = nil
            status = d.unit == nil ? .terdisposisi : .diproses
            clocks.verification.stop(at: t)
            clocks.postponement.cancel(at: t)
            clocks.agencyFollowUp.restart(at: t)
            // Last, so the binding moves into the list instead of being copied once more.
            dispositions.append(d)
        case .postponed:
            status = .tunda
            clocks.verification.pause(at: t)
            clocks.postponement.restart(at: t)
        case .reporterReplied:
            visibility = .pelapor
            if status == .tunda {
                status = .baru
                clocks.postponement.stop(at: t)
                clocks.verification.resume(at: t)
            }
        case let .archived(reason, _, dup):
            status = .diarsipkan
            archiveReason = reason
            if let dup { duplicateOf = dup }
            // No longer waiting to be re-disposed (QA: it stayed in the new queue as "Kembali").
            returned = nil
            stopAll(at: t)
        case let .deleted(reason, _):
            status = .dihapus
            deleteReason = reason
            returned = nil
            stopAll(at: t)
        case let .assignedToUnit(u):
            unit = u
            status = .diproses
        case let .sentBack(reason):
            returned = SentBack(agency: agency ?? "", reason: reason, at: t)
            agency = nil
            unit = nil
            status = .terdisposisi
            clocks.agencyFollowUp.cancel(at: t)
        case .followedUp:
            status = .ditindaklanjuti
            clocks.agencyFollowUp.stop(at: t)
            clocks.autoClose.restart(at: t)
        case .disputed:
            visibility = .pelapor
            status = .diproses
            clocks.autoClose.cancel(at: t)
            clocks.agencyFollowUp.restart(at: t)
        case .accepted, .autoClosed:
            if case .accepted = event { visibility = .pelapor }
            status = .selesai
            stopAll(at: t)
        case let .titleEdited(newTitle):
            title = newTitle
            visibility = .internal_
        case let .classified(c, cat, sub):
            if let c { classification = c }
            if let cat { category = cat; subcategory = sub }
            else if let sub { subcategory = sub }
            visibility = .internal_
        case let .flagsSet(a, c):
            if let a { anonymous = a }
            if let c { confidential = c }
            visibility = .internal_
        case let .tagged(add, remove):
            tags.removeAll { remove.contains($0) }
            for tag in add where !tags.contains(tag) { tags.append(tag) }
            visibility = .internal_
        case let .prioritySet(p):
            priority = p
            visibility = .internal_
        case .noteAdded:
            visibility = .internal_
        case .replyPosted:
            visibility = .publik
        case let .duplicateLinked(original):
            duplicateOf = original
            visibility = .internal_
        case let .redacted(fields, _):
            redactedFields.formUnion(fields)
            applyRedaction(fields)
            visibility = .internal_
        }
        // The event moves into the trail: copied, each of its strings was retained here and released again
        // with `r` (a million times at start-up).
        trail.append(TrailEntry(seq: seq, at: t, actorRef: actorRef, event: consume event, visibility: visibility))
    }

    private mutating func stopAll(at t: Date) {
        clocks.verification.stop(at: t)
        clocks.agencyFollowUp.stop(at: t)
        clocks.autoClose.stop(at: t)
        clocks.settlement.stop(at: t)
        clocks.postponement.stop(at: t)
    }

    /// What erased personal data reads as in the state (data, in the desk's language; the console shows it in
    /// the officer's).
    public static let redactionMark = "[dihapus]"

    /// Replaces erased personal data in the state (the journal line itself is never rewritten; views built
    /// from this state no longer show it).
    private mutating func applyRedaction(_ fields: [String]) {
        let mark = Report.redactionMark
        for f in fields {
            switch f {
            case "reporter.name": intake.reporter.name = intake.reporter.name == nil ? nil : mark
            case "reporter.nik": intake.reporter.nik = intake.reporter.nik == nil ? nil : mark
            case "reporter.phone": intake.reporter.phone = intake.reporter.phone == nil ? nil : mark
            case "reporter.email": intake.reporter.email = intake.reporter.email == nil ? nil : mark
            case "body": intake.body = mark
            case "title": intake.title = mark; title = mark
            case "location.detail": intake.location.detail = intake.location.detail == nil ? nil : mark
            case "attachments": intake.attachments = intake.attachments.map { _ in Attachment(name: mark, ref: nil) }
            default:
                // A field the intake format does not know, kept verbatim (JSON text): erased the same way.
                if intake.extra[f] != nil { intake.extra[f] = "\"\(mark)\"" }
            }
        }
        for i in trail.indices {
            if case .received = trail[i].event { trail[i].event = .received(intake) }
            // Earlier title edits carry the erased title too.
            if fields.contains("title"), case .titleEdited = trail[i].event { trail[i].event = .titleEdited(title: mark) }
        }
    }

    /// Whether `field` may be redacted on this report: a personal-data field, or a field the intake format
    /// does not know that came with this report (kept verbatim, it may hold anything, e.g. `reporter.address`).
    public func isRedactable(_ field: String) -> Bool {
        Report.redactableFields.contains(field) || intake.extra[field] != nil
    }

    /// Personal-data fields that a redaction may name.
    public static let redactableFields = [
        "reporter.name", "reporter.nik", "reporter.phone", "reporter.email", "body", "title", "location.detail",
        "attachments",
    ]
}
