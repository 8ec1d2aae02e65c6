import Foundation

/// A receipt's intake as `EventPayloadBytes.intake` writes it (see `WrittenPayloadReader`): a report a
/// line, the largest payload of a journal, and about fifty tape nodes each when read through the tape.
extension WrittenPayloadReader {
    /// `{"intake":{…}}`, built as `EventPayloadReader.intake` builds it. The members are read straight into
    /// the new intake's fields (`Intake.init(readingFields:)`).
    mutating func intake(origin: PayloadOrigin?) -> Intake? {
        guard literal("{\"intake\":") else { return nil }
        return Intake(readingFields: { f in intakeFields(into: &f, origin: origin) })
    }

    /// The intake object's members, into `f`, each looked for in the order the writer puts them (`opens`);
    /// false unless all are as written and the required ones there.
    private mutating func intakeFields(into f: inout Intake.Fields, origin: PayloadOrigin?) -> Bool {
        guard literal("{") else { return false }
        var first = true
        var channel: Channel?, body: Text?, receivedAt: Text?
        if opens("\"agency\":", &first) { guard let v = word() else { return false }; f.agency = v }
        if opens("\"anonymous\":", &first) { guard let v = bool() else { return false }; f.anonymous = v }
        if opens("\"attachments\":", &first) { guard literal("[]") else { return false } }
        if opens("\"body\":", &first) { guard let v = text() else { return false }; body = v }
        if opens("\"category\":", &first) { guard let v = word() else { return false }; f.category = v }
        if opens("\"channel\":", &first) { guard let v = enumValue(Channel.rawValueBytes) else { return false }; channel = v }
        if opens("\"classification\":", &first) {
            guard let v = enumValue(Classification.rawValueBytes) else { return false }
            f.classification = v
        }
        if opens("\"confidential\":", &first) { guard let v = bool() else { return false }; f.confidential = v }
        if opens("\"external_id\":", &first) { guard let v = string() else { return false }; f.externalID = v }
        if opens("\"extra\":", &first) { guard literal("{}") else { return false } }
        if opens("\"incident_date\":", &first) { guard let v = string() else { return false }; f.incidentDate = v }
        if opens("\"location\":", &first) { guard locationFields(into: &f.location) else { return false } }
        if opens("\"received_at\":", &first) { guard let v = text() else { return false }; receivedAt = v }
        if opens("\"reporter\":", &first) { guard reporterFields(into: &f.reporter) else { return false } }
        if opens("\"subcategory\":", &first) { guard let v = word() else { return false }; f.subcategory = v }
        if opens("\"tags\":", &first) { guard let v = array({ $0.word() }) else { return false }; f.tags = v }
        if opens("\"title\":", &first) { guard let v = string() else { return false }; f.title = v }
        guard literal("}"), literal("}"), let channel, let body, let receivedAt, let received = instant(receivedAt) else { return false }
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

    /// `{"detail":…,"district":…,"province":…,"regency":…}`, each member optional, in that order.
    private mutating func locationFields(into l: inout Location) -> Bool {
        guard literal("{") else { return false }
        var first = true
        if opens("\"detail\":", &first) { guard let v = string() else { return false }; l.detail = v }
        if opens("\"district\":", &first) { guard let v = word() else { return false }; l.district = v }
        if opens("\"province\":", &first) { guard let v = word() else { return false }; l.province = v }
        if opens("\"regency\":", &first) { guard let v = word() else { return false }; l.regency = v }
        return literal("}")
    }

    /// `{"email":…,"groups":[…],"name":…,"nik":…,"phone":…}`, each member optional, in that order.
    private mutating func reporterFields(into r: inout Reporter) -> Bool {
        guard literal("{") else { return false }
        var first = true
        if opens("\"email\":", &first) { guard let v = string() else { return false }; r.email = v }
        if opens("\"groups\":", &first) {
            guard let v = array({ p in p.string().flatMap(ReporterGroup.init(rawValue:)) }) else { return false }
            r.groups = v
        }
        if opens("\"name\":", &first) { guard let v = string() else { return false }; r.name = v }
        if opens("\"nik\":", &first) { guard let v = string() else { return false }; r.nik = v }
        if opens("\"phone\":", &first) { guard let v = string() else { return false }; r.phone = v }
        return literal("}")
    }
}
