import Foundation

/// Reads the `data` object of each event type, naming the field of any problem. Generic over the parsed
/// form so the tree (`JSONValue`) and the start-up tape (`PayloadTape.Value`) share every rule and message.
struct EventPayloadReader<Value: PayloadJSON> {
    var type: String
    var root: Value
    /// Where the payload sits in the journal: a long body is then left there (`StoredText`).
    var origin: PayloadOrigin?
    /// `type`'s kind (nil: a type this build does not know), found once from its bytes.
    let kind: EventKind?

    init(type: String, root: Value, origin: PayloadOrigin? = nil) {
        self.init(type: type, kind: EventKind(typeName: type), root: root, origin: origin)
    }

    /// As above with `type`'s kind already found.
    init(type: String, kind: EventKind?, root: Value, origin: PayloadOrigin?) {
        self.type = type
        self.kind = kind
        self.root = root
        self.origin = origin
    }

    /// A member looked up already (`PayloadJSON.fields`), with the name a problem with it is reported under.
    struct Member {
        var value: Value?
        var key: StaticString
    }

    func fail(_ field: String, _ reason: String) -> EventCodec.DecodeError {
        EventCodec.DecodeError(type: type, field: field, reason: reason)
    }

    func string(_ v: Value, _ key: StaticString, path: String) throws(EventCodec.DecodeError) -> String? {
        try string(Member(value: v[field: key], key: key), path: path)
    }

    /// As `string`, for a member already looked up (`PayloadJSON.fields`); so are the other readers of a
    /// `Member` below.
    func string(_ m: Member, path: String) throws(EventCodec.DecodeError) -> String? {
        guard let x = m.value, !x.isNull else { return nil }
        guard let s = x.stringValue else { throw fail(path + m.key.description, "expected a string") }
        return s
    }

    func req(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        try req(Member(value: v[field: key], key: key), path: path)
    }

    func req(_ m: Member, path: String) throws(EventCodec.DecodeError) -> String {
        guard let s = try string(m, path: path) else { throw fail(path + m.key.description, "missing") }
        return s
    }

    /// A string from a small vocabulary (category, region, agency, unit, tag, rule), shared process-wide
    /// as it is decoded (`SharedVocabulary`): no copy per event, and no re-sharing on the fold's thread.
    func word(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String? {
        try word(Member(value: v[field: key], key: key), path: path)
    }

    func word(_ m: Member, path: String) throws(EventCodec.DecodeError) -> String? {
        guard let x = m.value, !x.isNull else { return nil }
        guard let s = x.sharedWord else { throw fail(path + m.key.description, "expected a string") }
        return s
    }

    /// As `word`, for a member that must be there (a disposition's agency, a unit): through the same
    /// per-thread cache, where interning each one through the process's locked vocabulary was 2 % of a
    /// cold start.
    func reqWord(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> String {
        guard let w = try word(v, key, path: path) else { throw fail(path + key.description, "missing") }
        return w
    }

    func words(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        try words(Member(value: v[field: key], key: key), path: path)
    }

    func words(_ m: Member, path: String) throws(EventCodec.DecodeError) -> [String] {
        try strings(m, path: path, shared: true)
    }

    func bool(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Bool? {
        try bool(Member(value: v[field: key], key: key), path: path)
    }

    func bool(_ m: Member, path: String) throws(EventCodec.DecodeError) -> Bool? {
        guard let x = m.value, !x.isNull else { return nil }
        guard let b = x.boolValue else { throw fail(path + m.key.description, "expected true or false") }
        return b
    }

    func strings(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [String] {
        try strings(Member(value: v[field: key], key: key), path: path)
    }

    /// `shared`: each item a vocabulary word (`PayloadJSON.sharedWord`).
    func strings(_ m: Member, path: String, shared: Bool = false) throws(EventCodec.DecodeError) -> [String] {
        guard let x = m.value, !x.isNull else { return [] }
        guard let items = x.arrayValue else { throw fail(path + m.key.description, "expected an array") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = shared ? item.sharedWord : item.stringValue else { throw fail("\(path)\(m.key)[\(i)]", "expected a string") }
            out.append(s)
        }
        return out
    }

    func enumValue<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E?
        where E.RawValue == String
    {
        try enumValue(Member(value: v[field: key], key: key), path: path)
    }

    func enumValue<E: RawRepresentable>(_ m: Member, path: String) throws(EventCodec.DecodeError) -> E?
        where E.RawValue == String
    {
        guard let raw = try string(m, path: path) else { return nil }
        guard let e = E(rawValue: raw) else { throw fail(path + m.key.description, "unknown value '\(raw)'") }
        return e
    }

    func reqEnum<E: RawRepresentable>(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> E
        where E.RawValue == String
    {
        try reqEnum(Member(value: v[field: key], key: key), path: path)
    }

    func reqEnum<E: RawRepresentable>(_ m: Member, path: String) throws(EventCodec.DecodeError) -> E
        where E.RawValue == String
    {
        guard let e: E = try enumValue(m, path: path) else { throw fail(path + m.key.description, "missing") }
        return e
    }

    func object(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> Value? {
        try object(Member(value: v[field: key], key: key), path: path)
    }

    func object(_ m: Member, path: String) throws(EventCodec.DecodeError) -> Value? {
        guard let o = m.value, !o.isNull else { return nil }
        guard o.isObject else { throw fail(path + m.key.description, "expected an object") }
        return o
    }

    func attachments(_ v: Value, _ key: StaticString, path: String = "") throws(EventCodec.DecodeError) -> [Attachment] {
        try attachments(Member(value: v[field: key], key: key), path: path)
    }

    func attachments(_ m: Member, path: String) throws(EventCodec.DecodeError) -> [Attachment] {
        guard let items = m.value?.arrayValue else {
            if let x = m.value, !x.isNull { throw fail(path + m.key.description, "expected an array") }
            return []
        }
        var out: [Attachment] = []
        for (i, item) in items.enumerated() {
            let p = "\(path)\(m.key)[\(i)]."
            out.append(Attachment(name: try req(item, "name", path: p), ref: try string(item, "ref", path: p)))
        }
        return out
    }

    func event() throws(EventCodec.DecodeError) -> DomainEvent {
        let v = root
        guard let kind else { throw EventCodec.DecodeError(type: type, field: nil, reason: "unknown event type") }
        switch kind {
        case .received:
            guard let i = try object(v, "intake") else { throw fail("intake", "missing") }
            return .received(try intake(i))
        case .noteAdded: return .noteAdded(text: try req(v, "text"))
        case .disposed:
            guard let d = try object(v, "disposition") else { throw fail("disposition", "missing") }
            let p = "disposition."
            let from = try word(d, "from_agency", path: p)
            let legacyFrom = try word(d, "fromAgency", path: p)
            return .disposed(Disposition(agency: try reqWord(d, "agency", path: p), unit: try word(d, "unit", path: p),
                                         kind: try reqEnum(d, "kind", path: p),
                                         fromAgency: from ?? legacyFrom,
                                         rule: try word(d, "rule", path: p), note: try string(d, "note", path: p)))
        case .assignedToUnit: return .assignedToUnit(unit: try reqWord(v, "unit"))
        case .replyPosted: return .replyPosted(text: try req(v, "text"))
        case .tagged: return .tagged(add: try words(v, "add"), remove: try words(v, "remove"))
        case .followedUp: return .followedUp(text: try req(v, "text"), attachments: try attachments(v, "attachments"))
        case .prioritySet: return .prioritySet(try reqEnum(v, "priority"))
        case .accepted: return .accepted(text: try string(v, "text", path: ""))
        case .postponed: return .postponed(question: try req(v, "question"))
        case .archived:
            return .archived(reason: try reqEnum(v, "reason"), note: try string(v, "note", path: ""),
                             duplicateOf: try string(v, "duplicate_of", path: "").map { ReportID($0) })
        case .deleted: return .deleted(reason: try reqEnum(v, "reason"), note: try string(v, "note", path: ""))
        case .reporterReplied: return .reporterReplied(text: try req(v, "text"), attachments: try attachments(v, "attachments"))
        case .sentBack: return .sentBack(reason: try req(v, "reason"))
        case .disputed: return .disputed(text: try req(v, "text"))
        case .autoClosed: return .autoClosed
        case .titleEdited: return .titleEdited(title: try req(v, "title"))
        case .classified:
            return .classified(classification: try enumValue(v, "classification"), category: try word(v, "category"),
                               subcategory: try word(v, "subcategory"))
        case .flagsSet: return .flagsSet(anonymous: try bool(v, "anonymous"), confidential: try bool(v, "confidential"))
        case .duplicateLinked: return .duplicateLinked(original: ReportID(try req(v, "original")))
        case .redacted:
            guard v[field: "fields"] != nil else { throw fail("fields", "missing") }
            return .redacted(fields: try strings(v, "fields"), reason: try req(v, "reason"))
        }
    }

    /// The members of an object that `K` lists, found in one pass (`PayloadJSON.fields`); `found(.title)`
    /// is the `title` member with its key.
    fileprivate struct Found<K: IntakeMember> {
        let values: [Value?]
        func callAsFunction(_ k: K) -> Member { Member(value: values[k.rawValue], key: k.key) }
    }

    private func members<K: IntakeMember>(of v: Value, _: K.Type) -> Found<K> {
        Found(values: v.fields(K.keys))
    }

    func intake(_ i: Value) throws(EventCodec.DecodeError) -> Intake {
        let p = "intake."
        let f = members(of: i, IntakeMembers.Intake.self)
        let receivedText = try req(f(.receivedAt), path: p)
        guard let received = ISOTime.parse(receivedText) else { throw fail(p + "received_at", "not an RFC 3339 time: \(receivedText)") }
        var location = Location()
        if let l = try object(f(.location), path: p) {
            let lp = "intake.location."
            let lf = members(of: l, IntakeMembers.Location.self)
            location = Location(province: try word(lf(.province), path: lp), regency: try word(lf(.regency), path: lp),
                                district: try word(lf(.district), path: lp), detail: try string(lf(.detail), path: lp))
        }
        var reporter = Reporter()
        if let r = try object(f(.reporter), path: p) {
            let rp = "intake.reporter."
            let rf = members(of: r, IntakeMembers.Reporter.self)
            var groups: [ReporterGroup] = []
            for (k, g) in try strings(rf(.groups), path: rp).enumerated() {
                guard let group = ReporterGroup(rawValue: g) else { throw fail("\(rp)groups[\(k)]", "unknown value '\(g)'") }
                groups.append(group)
            }
            reporter = Reporter(name: try string(rf(.name), path: rp), nik: try string(rf(.nik), path: rp),
                                phone: try string(rf(.phone), path: rp), email: try string(rf(.email), path: rp), groups: groups)
        }
        var extra: [String: String] = [:]
        if let e = try object(f(.extra), path: p), let members = e.memberList {
            for m in members {
                guard let s = m.value.stringValue else { throw fail(p + "extra." + m.key, "expected a string") }
                extra[m.key] = s
            }
        }
        let title = try string(f(.title), path: p)
        // Left in the journal by the rule `PayloadOrigin.storedBody` states.
        var stored: StoredText?
        if let origin { stored = origin.storedBody(at: f(.body).value?.stringSpan, title: title) }
        var intake = Intake(externalID: try string(f(.externalID), path: p), channel: try reqEnum(f(.channel), path: p),
                      receivedAt: received, title: title, body: stored == nil ? try req(f(.body), path: p) : "",
                      classification: try enumValue(f(.classification), path: p) ?? .pengaduan,
                      category: try word(f(.category), path: p), subcategory: try word(f(.subcategory), path: p),
                      location: location, incidentDate: try string(f(.incidentDate), path: p), agency: try word(f(.agency), path: p),
                      reporter: reporter, anonymous: try bool(f(.anonymous), path: p) ?? false,
                      confidential: try bool(f(.confidential), path: p) ?? false,
                      attachments: try attachments(f(.attachments), path: p), tags: try words(f(.tags), path: p), extra: extra)
        if let stored { intake.bodyStorage = .stored(stored) }
        return intake
    }
}

/// Members of an intake object, listed in the order the journal writes them (`EventPayloadBytes.intake`), so
/// `PayloadJSON.fields` matches each with one comparison when the order holds. A case's raw value indexes
/// `keys`; its `key` is the member's name as written and as problems name it.
private protocol IntakeMember: CaseIterable, RawRepresentable where RawValue == Int {
    var key: StaticString { get }
    static var keys: [StaticString] { get }
}

private enum IntakeMembers {
    enum Intake: Int, IntakeMember {
        case agency, anonymous, attachments, body, category, channel, classification, confidential, externalID, extra
        case incidentDate, location, receivedAt, reporter, subcategory, tags, title

        var key: StaticString {
            switch self {
            case .agency: "agency"
            case .anonymous: "anonymous"
            case .attachments: "attachments"
            case .body: "body"
            case .category: "category"
            case .channel: "channel"
            case .classification: "classification"
            case .confidential: "confidential"
            case .externalID: "external_id"
            case .extra: "extra"
            case .incidentDate: "incident_date"
            case .location: "location"
            case .receivedAt: "received_at"
            case .reporter: "reporter"
            case .subcategory: "subcategory"
            case .tags: "tags"
            case .title: "title"
            }
        }
        static let keys = allCases.map(\.key)
    }

    enum Location: Int, IntakeMember {
        case detail, district, province, regency

        var key: StaticString {
            switch self {
            case .detail: "detail"
            case .district: "district"
            case .province: "province"
            case .regency: "regency"
            }
        }
        static let keys = allCases.map(\.key)
    }

    enum Reporter: Int, IntakeMember {
        case email, groups, name, nik, phone

        var key: StaticString {
            switch self {
            case .email: "email"
            case .groups: "groups"
            case .name: "name"
            case .nik: "nik"
            case .phone: "phone"
            }
        }
        static let keys = allCases.map(\.key)
    }
}
