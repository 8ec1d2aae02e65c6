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

    /// The members an intake must have, read before it is built (the rest go straight into its fields).
    private struct Required {
        var channel: Channel?
        var body: Text?, receivedAt: Text?
    }

    /// `{"intake":{…}}`, built as `EventPayloadReader.intake` builds it. The members are read straight into
    /// the new intake's fields (`Intake.init(readingFields:)`).
    mutating func intake(origin: PayloadOrigin?) -> Intake? {
        guard literal("{\"intake\":") else { return nil }
        return Intake(readingFields: { f in intakeFields(into: &f, origin: origin) })
    }

    /// The intake object's members, into `f`; false unless all are as written and the required ones there.
    private mutating func intakeFields(into f: inout Intake.Fields, origin: PayloadOrigin?) -> Bool {
        var r = Required()
        let read = object(WrittenPayloadReader.intakeMembers) { p, k in p.intakeMember(k, into: &f, &r) }
        guard read, literal("}"), let channel = r.channel, let body = r.body, let receivedAt = r.receivedAt,
              let received = instant(receivedAt) else { return false }
        f.channel = channel
        f.receivedAt = received
        if let stored = origin?.storedBody(at: body.start..<body.end, title: f.title) {
            f.body = .stored(stored)
        } else {
            f.body = .text(decode(body))
        }
        return true
    }

    /// An intake's `received_at`: read from its bytes when written as `ISOTime.format` writes it, otherwise
    /// from its text (the same instant either way: `ISOTime.parseWithOffset` tries the bytes first too).
    private func instant(_ t: Text) -> Date? {
        if !t.escaped, let (date, _) = ISOTime.parseAsWritten(inner(t)) { return date }
        return ISOTime.parse(decode(t))
    }

    private mutating func intakeMember(_ k: Int, into f: inout Intake.Fields, _ r: inout Required) -> Bool {
        switch k {
        case 0: f.agency = word(); return f.agency != nil
        case 1: guard let b = bool() else { return false }; f.anonymous = b
        case 2: return literal("[]")
        case 3: r.body = text(); return r.body != nil
        case 4: f.category = word(); return f.category != nil
        case 5: r.channel = enumValue(Channel.rawValueBytes); return r.channel != nil
        case 6: guard let c = enumValue(Classification.rawValueBytes) else { return false }; f.classification = c
        case 7: guard let b = bool() else { return false }; f.confidential = b
        case 8: f.externalID = string(); return f.externalID != nil
        case 9: return literal("{}")
        case 10: f.incidentDate = string(); return f.incidentDate != nil
        case 11: return object(WrittenPayloadReader.locationMembers) { p, k in p.locationMember(k, into: &f.location) }
        case 12: r.receivedAt = text(); return r.receivedAt != nil
        case 13: return object(WrittenPayloadReader.reporterMembers) { p, k in p.reporterMember(k, into: &f.reporter) }
        case 14: f.subcategory = word(); return f.subcategory != nil
        case 15: guard let t = array({ $0.word() }) else { return false }; f.tags = t
        default: f.title = string(); return f.title != nil
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
