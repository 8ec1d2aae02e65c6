import Complaints
import Foundation

extension ReportExport {
    /// The full export: one line per report with the whole intake and the current state (title, status,
    /// agency, unit, dispositions, trail...), each line ending in `\n`.
    ///
    /// `public` mode is for publishing: it drops every confidential (*rahasia*) and deleted report, every
    /// reporter identity (name, NIK, phone, email, and the group markers), attachments (file names often
    /// carry names), unknown channel fields, officers' names and every internal note or internal trail
    /// entry. Outside public mode, `identityVisible` decides per report whether the reporter is shown
    /// (pass `Access.canSeeIdentity` for the exporting operator). Throws at the first body that no longer
    /// reads back from the journal: an export never carries the notice the console shows in its place.
    public func jsonl(_ reports: [Report], public isPublic: Bool,
                      identityVisible: (Report) -> Bool = { _ in true }) throws(UnreadableBody) -> String {
        var out: [UInt8] = []
        // A duplicate link names its original only when the original is published too (QA: an archived
        // duplicate's `duplicate_of` gave away a rahasia report's id).
        let published = isPublic ? Set(reports.filter(ReportExport.isPublishable).map(\.id)) : nil
        for r in reports where !isPublic || ReportExport.isPublishable(r) {
            try fullObject(r, public: isPublic, identityVisible: !isPublic && identityVisible(r), published: published).write(into: &out)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reports as they came in: one intake record per line (formats.md §2), which `lapor-desk import`
    /// reads back (on another desk, or this one, where external id and channel make them duplicates).
    /// The same leaving-out rules as `jsonl`.
    public func intakeJSONL(_ reports: [Report], public isPublic: Bool,
                            identityVisible: (Report) -> Bool = { _ in true }) throws(UnreadableBody) -> String {
        var out: [UInt8] = []
        for r in reports where !isPublic || ReportExport.isPublishable(r) {
            // Erased identity fields are left out, not written as "[dihapus]": the file is read back by `import`,
            // which refused the placeholder as a NIK (QA).
            var intake = r.intake
            for field in r.redactedFields {
                switch field {
                case "reporter.name": intake.reporter.name = nil
                case "reporter.nik": intake.reporter.nik = nil
                case "reporter.phone": intake.reporter.phone = nil
                case "reporter.email": intake.reporter.email = nil
                default: break
                }
            }
            try intakeObject(intake, of: r.id, public: isPublic, identityVisible: !isPublic && identityVisible(r)).write(into: &out)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One line of `jsonl` (without its line end), for writing large exports report by report; nil when
    /// the report must not appear (public mode, confidential or deleted).
    public func jsonlLine(_ r: Report, public isPublic: Bool, identityVisible: Bool) throws(UnreadableBody) -> String? {
        guard !isPublic || ReportExport.isPublishable(r) else { return nil }
        return try fullObject(r, public: isPublic, identityVisible: !isPublic && identityVisible).compactText
    }

    /// The object of one full-export line (see `jsonl`).
    /// `published`: in public mode, the reports published beside this one (a link to any other is left out).
    public func fullObject(_ r: Report, public isPublic: Bool, identityVisible: Bool,
                           published: Set<ReportID>? = nil) throws(UnreadableBody) -> JSONValue {
        let urgency = deadlines.urgency(of: r, now: now)
        let returned: JSONValue = r.returned.map {
            .object(["agency": .string($0.agency), "reason": .string($0.reason), "at": time($0.at)])
        } ?? .null
        let dispositions = r.dispositions.map { d -> JSONValue in
            var m: [JSONValue.Member] = [
                .init("agency", .string(d.agency)), .init("unit", .optional(d.unit)),
                .init("kind", .string(d.kind.rawValue)), .init("from_agency", .optional(d.fromAgency)),
            ]
            if !isPublic { m += [.init("rule", .optional(d.rule)), .init("note", .optional(d.note))] }
            return .object(m)
        }
        let trail = r.trail.compactMap { trailObject($0, public: isPublic) }
        let object: JSONValue = .object([
            "id": .string(r.id.rawValue),
            "status": .string(r.status.rawValue),
            "title": .string(r.title),
            "original_title": .string(r.originalTitle),
            "classification": .string(r.classification.rawValue),
            "category": .optional(r.category),
            "subcategory": .optional(r.subcategory),
            "priority": .string(r.priority.rawValue),
            "tags": .array(r.tags.map(JSONValue.string)),
            "anonymous": .bool(r.anonymous),
            "confidential": .bool(r.confidential),
            "agency": .optional(r.agency),
            "unit": .optional(r.unit),
            "received_at": time(r.receivedAt),
            "last_changed": time(r.lastChanged),
            "version": .int(r.version),
            "due": time(deadlines.runningDue(of: r)),
            "overdue": .bool(urgency.isOverdue),
            "due_soon": .bool(urgency.isDueSoon),
            "returned": returned,
            "duplicate_of": .optional(r.duplicateOf.flatMap { isPublic && !(published?.contains($0) ?? false) ? nil : $0.rawValue }),
            "archive_reason": .optional(r.archiveReason?.rawValue),
            "delete_reason": .optional(r.deleteReason?.rawValue),
            "redacted_fields": .array(r.redactedFields.sorted().map(JSONValue.string)),
            "dispositions": .array(dispositions),
            "intake": try intakeObject(r.intake, of: r.id, public: isPublic, identityVisible: identityVisible),
            "trail": .array(trail),
        ])
        // The desk's own working labels are not published (`ReportExport.internalColumns`).
        guard isPublic, case let .object(members) = object else { return object }
        return .object(members.filter { !ReportExport.internalColumns.contains($0.key) })
    }

    /// The intake in its own line format (formats.md §2), so it can be imported again; unknown channel
    /// fields are put back at the top level as they came.
    func intakeObject(_ i: Intake, of report: ReportID, public isPublic: Bool, identityVisible: Bool) throws(UnreadableBody) -> JSONValue {
        let reporter: JSONValue = identityVisible ? ReportExport.reporterObject(i.reporter) : .object(["hidden": .bool(true)])
        let attachments: JSONValue = isPublic ? .array([]) : .array(i.attachments.map {
            .object(["name": .string($0.name), "ref": .optional($0.ref)])
        })
        var members: [JSONValue.Member] = [
            .init("external_id", .optional(i.externalID)),
            .init("channel", .string(i.channel.rawValue)),
            .init("received_at", time(i.receivedAt)),
            .init("title", .optional(i.title)),
            .init("body", .string(try ReportExport.body(of: i, report: report))),
            .init("classification", .string(i.classification.rawValue)),
            .init("category", .optional(i.category)),
            .init("subcategory", .optional(i.subcategory)),
            .init("location", .object([
                "province": .optional(i.location.province), "regency": .optional(i.location.regency),
                // The address detail is free text that may name a home or a person (the redaction procedure
                // lists it): not published.
                "district": .optional(i.location.district), "detail": isPublic ? .null : .optional(i.location.detail),
            ])),
            .init("incident_date", .optional(i.incidentDate)),
            .init("agency", .optional(i.agency)),
            .init("reporter", reporter),
            .init("anonymous", .bool(i.anonymous)),
            .init("confidential", .bool(i.confidential)),
            .init("attachments", attachments),
            .init("tags", .array(i.tags.map(JSONValue.string))),
        ]
        // Fields the format does not know are the channel's words: any of them may name the reporter
        // (`reporter_name`, `nama_pelapor`, a WhatsApp number), so they go only to whoever may see the
        // reporter's identity (QA: under anonim an agency officer read them). Each goes back where it came
        // from: `reporter.x` into `reporter`, `attachments[0].size` into that attachment (QA: they came out
        // as top-level fields named with dots).
        if !isPublic, identityVisible {
            for key in i.extra.keys.sorted() where !IntakeDecoder.knownFields.contains(key) {
                let text = i.extra[key] ?? "null"
                let value = (try? JSONValue.parse(text)) ?? .string(text)
                if !ReportExport.nest(key, value, into: &members) { members.append(.init(key, value)) }
            }
        }
        return .object(members)
    }

    /// One trail entry; nil when it must not appear (internal entries in public mode).
    func trailObject(_ e: TrailEntry, public isPublic: Bool) -> JSONValue? {
        if isPublic && e.visibility == .internal_ { return nil }
        var actor: [JSONValue.Member] = [.init("role", .string(e.actor.role.rawValue)),
                                         .init("agency", .optional(e.actor.agency))]
        if !isPublic { actor = [.init("name", .string(e.actor.name))] + actor + [.init("unit", .optional(e.actor.unit))] }
        var members: [JSONValue.Member] = [
            .init("seq", .number(String(e.seq))),
            .init("at", time(e.at)),
            .init("type", .string(e.event.type)),
            .init("visibility", .string(e.visibility.rawValue)),
            .init("actor", .object(actor)),
        ]
        if isPublic {
            if let text = ReportExport.publicText(of: e.event) { members.append(.init("text", .string(text))) }
        } else if case .received = e.event {
            // The intake is exported in full beside the trail.
        } else if let data = try? JSONValue.parse(EventCodec.encode(e.event, offsetSeconds: offsetSeconds)) {
            members.append(.init("data", data))
        }
        return .object(members)
    }

    /// Text the desk addressed to the public: follow-ups, replies and questions to the reporter.
    static func publicText(of event: DomainEvent) -> String? {
        switch event {
        case let .followedUp(text, _), let .replyPosted(text), let .postponed(text): text
        default: nil
        }
    }
}
