import Foundation

/// Reads the `data` object of each event type, naming the field of any problem. Generic over the parsed
/// form so the tree (`JSONValue`) and the start-up tape (`PayloadTape.Value`) share every rule and message.
struct EventPayloadReader<Value: PayloadJSON> {
    var type: String
    var root: Value
    /// Where the payload sits in the journal: a long body is then left there (`StoredText`).
    var origin: PayloadOrigin? = nil

    func fail(_ field: String, _ reason: String) -> EventCodec.DecodeError {
        EventCodec.DecodeError(type: type, field: field, reason: reason)
    }

    func string(_ v: Value, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> String? {
        guard let x = v[field: key], !x.isNull else { return nil }
        guard let s = x.stringValue else { throw fail(path + key.description, "expected a string") }
        return s
    }

    func req(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        guard let s = try string(v, key, path: path) else { throw fail(path + key.description, "missing") }
        return s
    }

    /// A string from a small vocabulary (category, region, agency, unit, tag, rule), shared process-wide
    /// as it is decoded (`SharedVocabulary`): no copy per event, and no re-sharing on the fold's thread.
    func word(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String? {
        try string(v, key, path: path).map { SharedVocabulary.shared.intern($0) }
    }

    func reqWord(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        SharedVocabulary.shared.intern(try req(v, key, path: path))
    }

    func words(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        let list = try strings(v, key, path: path)
        return list.isEmpty ? list : list.map { SharedVocabulary.shared.intern($0) }
    }

    func bool(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Bool? {
        guard let x = v[field: key], !x.isNull else { return nil }
        guard let b = x.boolValue else { throw fail(path + key.description, "expected true or false") }
        return b
    }

    func strings(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        guard let x = v[field: key], !x.isNull else { return [] }
        guard let items = x.arrayValue else { throw fail(path + key.description, "expected an array") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw fail("\(path)\(key)[\(i)]", "expected a string") }
            out.append(s)
        }
        return out
    }

    func enumValue<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E?
        where E.RawValue == String
    {
        guard let raw = try string(v, key, path: path) else { return nil }
        guard let e = E(rawValue: raw) else { throw fail(path + key.description, "unknown value '\(raw)'") }
        return e
    }

    func reqEnum<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E
        where E.RawValue == String
    {
        guard let e: E = try enumValue(v, key, path: path) else { throw fail(path + key.description, "missing") }
        return e
    }

    func object(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Value? {
        guard let o = v[field: key], !o.isNull else { return nil }
        guard o.isObject else { throw fail(path + key.description, "expected an object") }
        return o
    }

    func attachments(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [Attachment] {
        guard let items = v[field: key]?.arrayValue else {
            if let x = v[field: key], !x.isNull { throw fail(path + key.description, "expected an array") }
            return []
        }
        var out: [Attachment] = []
        for (i, item) in items.enumerated() {
            let p = "\(path)\(key)[\(i)]."
            out.append(Attachment(name: try req(item, "name", path: p), ref: try string(item, "ref", path: p)))
        }
        return out
    }

    func event() throws(EventCodec.DecodeError) -> DomainEvent {
        let v = root
        // Most frequent types first: a string switch compares the cases in order, once per event at start-up.
        switch type {
        case "report.received":
            guard let i = try object(v, "intake") else { throw fail("intake", "missing") }
            return .received(try intake(i))
        case "report.note-added": return .noteAdded(text: try req(v, "text"))
        case "report.disposed":
            guard let d = try object(v, "disposition") else { throw fail("disposition", "missing") }
            let p = "disposition."
            let from = try word(d, "from_agency", path: p)
            let legacyFrom = try word(d, "fromAgency", path: p)
            return .disposed(Disposition(agency: try reqWord(d, "agency", path: p), unit: try word(d, "unit", path: p),
                                         kind: try reqEnum(d, "kind", path: p),
                                         fromAgency: from ?? legacyFrom,
                                         rule: try word(d, "rule", path: p), note: try string(d, "note", path: p)))
        case "report.assigned-to-unit": return .assignedToUnit(unit: try reqWord(v, "unit"))
        case "report.reply-posted": return .replyPosted(text: try req(v, "text"))
        case "report.tagged": return .tagged(add: try words(v, "add"), remove: try words(v, "remove"))
        case "report.followed-up": return .followedUp(text: try req(v, "text"), attachments: try attachments(v, "attachments"))
        case "report.priority-set": return .prioritySet(try reqEnum(v, "priority"))
        case "report.accepted": return .accepted(text: try string(v, "text", path: ""))
        case "report.postponed": return .postponed(question: try req(v, "question"))
        case "report.archived":
            return .archived(reason: try reqEnum(v, "reason"), note: try string(v, "note", path: ""),
                             duplicateOf: try string(v, "duplicate_of", path: "").map { ReportID($0) })
        case "report.deleted": return .deleted(reason: try reqEnum(v, "reason"), note: try string(v, "note", path: ""))
        case "report.reporter-replied": return .reporterReplied(text: try req(v, "text"), attachments: try attachments(v, "attachments"))
        case "report.sent-back": return .sentBack(reason: try req(v, "reason"))
        case "report.disputed": return .disputed(text: try req(v, "text"))
        case "report.auto-closed": return .autoClosed
        case "report.title-edited": return .titleEdited(title: try req(v, "title"))
        case "report.classified":
            return .classified(classification: try enumValue(v, "classification"), category: try word(v, "category"),
                               subcategory: try word(v, "subcategory"))
        case "report.flags-set": return .flagsSet(anonymous: try bool(v, "anonymous"), confidential: try bool(v, "confidential"))
        case "report.duplicate-linked": return .duplicateLinked(original: ReportID(try req(v, "original")))
        case "report.redacted":
            guard v[field: "fields"] != nil else { throw fail("fields", "missing") }
            return .redacted(fields: try strings(v, "fields"), reason: try req(v, "reason"))
        default:
            throw EventCodec.DecodeError(type: type, field: nil, reason: "unknown event type")
        }
    }

    func intake(_ i: Value) throws(EventCodec.DecodeError) -> Intake {
        let p = "intake."
        let receivedText = try req(i, "received_at", path: p)
        guard let received = ISOTime.parse(receivedText) else { throw fail(p + "received_at", "not an RFC 3339 time: \(receivedText)") }
        var location = Location()
        if let l = try object(i, "location", path: p) {
            let lp = "intake.location."
            location = Location(province: try word(l, "province", path: lp), regency: try word(l, "regency", path: lp),
                                district: try word(l, "district", path: lp), detail: try string(l, "detail", path: lp))
        }
        var reporter = Reporter()
        if let r = try object(i, "reporter", path: p) {
            let rp = "intake.reporter."
            var groups: [ReporterGroup] = []
            for (k, g) in try strings(r, "groups", path: rp).enumerated() {
                guard let group = ReporterGroup(rawValue: g) else { throw fail("\(rp)groups[\(k)]", "unknown value '\(g)'") }
                groups.append(group)
            }
            reporter = Reporter(name: try string(r, "name", path: rp), nik: try string(r, "nik", path: rp),
                                phone: try string(r, "phone", path: rp), email: try string(r, "email", path: rp), groups: groups)
        }
        var extra: [String: String] = [:]
        if let e = try object(i, "extra", path: p), let members = e.memberList {
            for m in members {
                guard let s = m.value.stringValue else { throw fail(p + "extra." + m.key, "expected a string") }
                extra[m.key] = s
            }
        }
        let title = try string(i, "title", path: p)
        // A body is left in the journal only when a title stands in for it: without one the inbox shows a
        // title derived from the body, which would then be read back for every row.
        var stored: StoredText?
        if let origin, let title, !title.isBlank, let span = i[field: "body"]?.stringSpan { stored = origin.stored(span) }
        var intake = Intake(externalID: try string(i, "external_id", path: p), channel: try reqEnum(i, "channel", path: p),
                      receivedAt: received, title: title, body: stored == nil ? try req(i, "body", path: p) : "",
                      classification: try enumValue(i, "classification", path: p) ?? .pengaduan,
                      category: try word(i, "category", path: p), subcategory: try word(i, "subcategory", path: p),
                      location: location, incidentDate: try string(i, "incident_date", path: p), agency: try word(i, "agency", path: p),
                      reporter: reporter, anonymous: try bool(i, "anonymous", path: p) ?? false,
                      confidential: try bool(i, "confidential", path: p) ?? false,
                      attachments: try attachments(i, "attachments", path: p), tags: try words(i, "tags", path: p), extra: extra)
        if let stored { intake.bodyStorage = .stored(stored) }
        return intake
    }
}
