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
        try string(found: v[field: key], key, path: path)
    }

    /// As `string`, for the member `x` already looked up under `key` (`PayloadJSON.fields`); so are the
    /// other `found:` readers below.
    func string(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> String? {
        guard let x, !x.isNull else { return nil }
        guard let s = x.stringValue else { throw fail(path + key.description, "expected a string") }
        return s
    }

    func req(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        try req(found: v[field: key], key, path: path)
    }

    func req(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> String {
        guard let s = try string(found: x, key, path: path) else { throw fail(path + key.description, "missing") }
        return s
    }

    /// A string from a small vocabulary (category, region, agency, unit, tag, rule), shared process-wide
    /// as it is decoded (`SharedVocabulary`): no copy per event, and no re-sharing on the fold's thread.
    func word(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String? {
        try word(found: v[field: key], key, path: path)
    }

    func word(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> String? {
        guard let x, !x.isNull else { return nil }
        guard let s = x.sharedWord else { throw fail(path + key.description, "expected a string") }
        return s
    }

    func reqWord(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        SharedVocabulary.shared.intern(try req(v, key, path: path))
    }

    func words(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        try words(found: v[field: key], key, path: path)
    }

    func words(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> [String] {
        try strings(found: x, key, path: path, shared: true)
    }

    func bool(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Bool? {
        try bool(found: v[field: key], key, path: path)
    }

    func bool(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> Bool? {
        guard let x, !x.isNull else { return nil }
        guard let b = x.boolValue else { throw fail(path + key.description, "expected true or false") }
        return b
    }

    func strings(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        try strings(found: v[field: key], key, path: path)
    }

    /// `shared`: each item a vocabulary word (`PayloadJSON.sharedWord`).
    func strings(found x: Value?, _ key: StaticString, path: String, shared: Bool = false) throws(EventCodec.DecodeError) -> [String] {
        guard let x, !x.isNull else { return [] }
        guard let items = x.arrayValue else { throw fail(path + key.description, "expected an array") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = shared ? item.sharedWord : item.stringValue else { throw fail("\(path)\(key)[\(i)]", "expected a string") }
            out.append(s)
        }
        return out
    }

    func enumValue<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E?
        where E.RawValue == String
    {
        try enumValue(found: v[field: key], key, path: path)
    }

    func enumValue<E: RawRepresentable>(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> E?
        where E.RawValue == String
    {
        guard let raw = try string(found: x, key, path: path) else { return nil }
        guard let e = E(rawValue: raw) else { throw fail(path + key.description, "unknown value '\(raw)'") }
        return e
    }

    func reqEnum<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E
        where E.RawValue == String
    {
        try reqEnum(found: v[field: key], key, path: path)
    }

    func reqEnum<E: RawRepresentable>(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> E
        where E.RawValue == String
    {
        guard let e: E = try enumValue(found: x, key, path: path) else { throw fail(path + key.description, "missing") }
        return e
    }

    func object(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Value? {
        try object(found: v[field: key], key, path: path)
    }

    func object(found o: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> Value? {
        guard let o, !o.isNull else { return nil }
        guard o.isObject else { throw fail(path + key.description, "expected an object") }
        return o
    }

    func attachments(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [Attachment] {
        try attachments(found: v[field: key], key, path: path)
    }

    func attachments(found x: Value?, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> [Attachment] {
        guard let items = x?.arrayValue else {
            if let x, !x.isNull { throw fail(path + key.description, "expected an array") }
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
        let found = i.fields(IntakeMembers.intakeNames)
        func f(_ k: IntakeMembers.Intake) -> Value? { found[k.rawValue] }
        let receivedText = try req(found: f(.receivedAt), "received_at", path: p)
        guard let received = ISOTime.parse(receivedText) else { throw fail(p + "received_at", "not an RFC 3339 time: \(receivedText)") }
        var location = Location()
        if let l = try object(found: f(.location), "location", path: p) {
            let lp = "intake.location."
            let lfound = l.fields(IntakeMembers.locationNames)
            func lf(_ k: IntakeMembers.Location) -> Value? { lfound[k.rawValue] }
            location = Location(province: try word(found: lf(.province), "province", path: lp), regency: try word(found: lf(.regency), "regency", path: lp),
                                district: try word(found: lf(.district), "district", path: lp), detail: try string(found: lf(.detail), "detail", path: lp))
        }
        var reporter = Reporter()
        if let r = try object(found: f(.reporter), "reporter", path: p) {
            let rp = "intake.reporter."
            let rfound = r.fields(IntakeMembers.reporterNames)
            func rf(_ k: IntakeMembers.Reporter) -> Value? { rfound[k.rawValue] }
            var groups: [ReporterGroup] = []
            for (k, g) in try strings(found: rf(.groups), "groups", path: rp).enumerated() {
                guard let group = ReporterGroup(rawValue: g) else { throw fail("\(rp)groups[\(k)]", "unknown value '\(g)'") }
                groups.append(group)
            }
            reporter = Reporter(name: try string(found: rf(.name), "name", path: rp), nik: try string(found: rf(.nik), "nik", path: rp),
                                phone: try string(found: rf(.phone), "phone", path: rp), email: try string(found: rf(.email), "email", path: rp),
                                groups: groups)
        }
        var extra: [String: String] = [:]
        if let e = try object(found: f(.extra), "extra", path: p), let members = e.memberList {
            for m in members {
                guard let s = m.value.stringValue else { throw fail(p + "extra." + m.key, "expected a string") }
                extra[m.key] = s
            }
        }
        let title = try string(found: f(.title), "title", path: p)
        // A body is left in the journal only when a title stands in for it: without one the inbox shows a
        // title derived from the body, which would then be read back for every row.
        var stored: StoredText?
        if let origin, let title, !title.isBlank, let span = f(.body)?.stringSpan { stored = origin.stored(span) }
        var intake = Intake(externalID: try string(found: f(.externalID), "external_id", path: p), channel: try reqEnum(found: f(.channel), "channel", path: p),
                      receivedAt: received, title: title, body: stored == nil ? try req(found: f(.body), "body", path: p) : "",
                      classification: try enumValue(found: f(.classification), "classification", path: p) ?? .pengaduan,
                      category: try word(found: f(.category), "category", path: p), subcategory: try word(found: f(.subcategory), "subcategory", path: p),
                      location: location, incidentDate: try string(found: f(.incidentDate), "incident_date", path: p),
                      agency: try word(found: f(.agency), "agency", path: p),
                      reporter: reporter, anonymous: try bool(found: f(.anonymous), "anonymous", path: p) ?? false,
                      confidential: try bool(found: f(.confidential), "confidential", path: p) ?? false,
                      attachments: try attachments(found: f(.attachments), "attachments", path: p), tags: try words(found: f(.tags), "tags", path: p),
                      extra: extra)
        if let stored { intake.bodyStorage = .stored(stored) }
        return intake
    }
}

/// An intake's members, in the order the journal writes them (`EventPayloadBytes.intake`), for
/// `EventPayloadReader.intake` to find in one pass (`PayloadJSON.fields`): one comparison per member when
/// the order holds. Each enum's cases index the names listed after it.
private enum IntakeMembers {
    enum Intake: Int {
        case agency, anonymous, attachments, body, category, channel, classification, confidential, externalID, extra
        case incidentDate, location, receivedAt, reporter, subcategory, tags, title
    }
    static let intakeNames: [StaticString] = [
        "agency", "anonymous", "attachments", "body", "category", "channel", "classification", "confidential",
        "external_id", "extra", "incident_date", "location", "received_at", "reporter", "subcategory", "tags", "title",
    ]
    enum Location: Int { case detail, district, province, regency }
    static let locationNames: [StaticString] = ["detail", "district", "province", "regency"]
    enum Reporter: Int { case email, groups, name, nik, phone }
    static let reporterNames: [StaticString] = ["email", "groups", "name", "nik", "phone"]
}
