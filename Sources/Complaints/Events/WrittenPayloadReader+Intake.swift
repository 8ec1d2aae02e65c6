import Foundation

/// A receipt's intake as `EventPayloadBytes.intake` writes it (see `WrittenPayloadReader`): a report a
/// line, the largest payload of a journal, and about fifty tape nodes each when read through the tape.
extension WrittenPayloadReader {
    private static let intakeMembers = openings([
        "agency", "anonymous", "attachments", "body", "category", "channel", "classification", "confidential",
        "external_id", "extra", "incident_date", "location", "received_at", "reporter", "subcategory", "tags", "title",
    ])
    private static let locationMembers = openings(["detail", "district", "province", "regency"])
    private static let reporterMembers = openings(["email", "groups", "name", "nik", "phone"])

    /// The members an intake is read into, before it is built.
    private struct Read {
        var agency: String?, category: String?, subcategory: String?, externalID: String?, incidentDate: String?
        var title: String?
        var anonymous = false, confidential = false
        var channel: Channel?, classification = Classification.pengaduan
        var body: Text?, receivedAt: Text?
        var location = Location(), reporter = Reporter()
        var tags: [String] = []
    }

    /// `{"intake":{…}}`, built as `EventPayloadReader.intake` builds it.
    mutating func intake(origin: PayloadOrigin?) -> Intake? {
        guard literal("{\"intake\":") else { return nil }
        var r = Read()
        let read = object(WrittenPayloadReader.intakeMembers) { p, k in p.intakeMember(k, into: &r) }
        guard read, literal("}"), let channel = r.channel, let body = r.body, let receivedAt = r.receivedAt,
              let received = ISOTime.parse(decode(receivedAt)) else { return nil }
        let stored = origin?.storedBody(at: body.start..<body.end, title: r.title)
        var intake = Intake(externalID: r.externalID, channel: channel, receivedAt: received, title: r.title,
                            body: stored == nil ? decode(body) : "", classification: r.classification, category: r.category,
                            subcategory: r.subcategory, location: r.location, incidentDate: r.incidentDate, agency: r.agency,
                            reporter: r.reporter, anonymous: r.anonymous, confidential: r.confidential, tags: r.tags)
        if let stored { intake.bodyStorage = .stored(stored) }
        return intake
    }

    private mutating func intakeMember(_ k: Int, into r: inout Read) -> Bool {
        switch k {
        case 0: r.agency = word(); return r.agency != nil
        case 1: guard let b = bool() else { return false }; r.anonymous = b
        case 2: return literal("[]")
        case 3: r.body = text(); return r.body != nil
        case 4: r.category = word(); return r.category != nil
        case 5: r.channel = enumValue(Channel.rawValueBytes); return r.channel != nil
        case 6: guard let c = enumValue(Classification.rawValueBytes) else { return false }; r.classification = c
        case 7: guard let b = bool() else { return false }; r.confidential = b
        case 8: r.externalID = string(); return r.externalID != nil
        case 9: return literal("{}")
        case 10: r.incidentDate = string(); return r.incidentDate != nil
        case 11: return object(WrittenPayloadReader.locationMembers) { p, k in p.locationMember(k, into: &r.location) }
        case 12: r.receivedAt = text(); return r.receivedAt != nil
        case 13: return object(WrittenPayloadReader.reporterMembers) { p, k in p.reporterMember(k, into: &r.reporter) }
        case 14: r.subcategory = word(); return r.subcategory != nil
        case 15: guard let t = array({ $0.word() }) else { return false }; r.tags = t
        default: r.title = string(); return r.title != nil
        }
        return true
    }

    private mutating func locationMember(_ k: Int, into l: inout Location) -> Bool {
        switch k {
        case 0: l.detail = string(); return l.detail != nil
        case 1: l.district = word(); return l.district != nil
        case 2: l.province = word(); return l.province != nil
        default: l.regency = word(); return l.regency != nil
        }
    }

    private mutating func reporterMember(_ k: Int, into r: inout Reporter) -> Bool {
        switch k {
        case 0: r.email = string(); return r.email != nil
        case 1:
            guard let g = array({ p in p.string().flatMap(ReporterGroup.init(rawValue:)) }) else { return false }
            r.groups = g
            return true
        case 2: r.name = string(); return r.name != nil
        case 3: r.nik = string(); return r.nik != nil
        default: r.phone = string(); return r.phone != nil
        }
    }
}
