import Foundation

// The snapshot form of what a channel sent. Field order is the format: change it only with
// `DeskSnapshotCodec.formatVersion`.

extension SnapshotWriter {
    mutating func intake(_ i: Intake) {
        optionalString(i.externalID)
        caseIndex(i.channel)
        date(i.receivedAt)
        optionalString(i.title)
        string(i.body)
        caseIndex(i.classification)
        optionalString(i.category)
        optionalString(i.subcategory)
        location(i.location)
        optionalString(i.incidentDate)
        optionalString(i.agency)
        reporter(i.reporter)
        bool(i.anonymous)
        bool(i.confidential)
        attachments(i.attachments)
        strings(i.tags)
        count(i.extra.count)
        for key in i.extra.keys.sorted() {
            string(key)
            string(i.extra[key] ?? "")
        }
    }

    mutating func location(_ l: Location) {
        optionalString(l.province)
        optionalString(l.regency)
        optionalString(l.district)
        optionalString(l.detail)
    }

    mutating func reporter(_ r: Reporter) {
        optionalString(r.name)
        optionalString(r.nik)
        optionalString(r.phone)
        optionalString(r.email)
        count(r.groups.count)
        for g in r.groups { caseIndex(g) }
    }

    mutating func attachments(_ list: [Attachment]) {
        count(list.count)
        for a in list {
            string(a.name)
            optionalString(a.ref)
        }
    }
}

extension SnapshotReader {
    mutating func intake() throws(SnapshotFormatError) -> Intake {
        let externalID = try optionalString()
        let channel = try caseIndex(Channel.self)
        let receivedAt = try date()
        let title = try optionalString()
        let body = try string()
        let classification = try caseIndex(Classification.self)
        let category = try optionalString()
        let subcategory = try optionalString()
        let location = try location()
        let incidentDate = try optionalString()
        let agency = try optionalString()
        let reporter = try reporter()
        let anonymous = try bool()
        let confidential = try bool()
        let attachments = try attachments()
        let tags = try strings()
        let extraCount = try count()
        var extra: [String: String] = [:]
        for _ in 0..<extraCount {
            let key = try string()
            extra[key] = try string()
        }
        return Intake(externalID: externalID, channel: channel, receivedAt: receivedAt, title: title, body: body,
                      classification: classification, category: category, subcategory: subcategory,
                      location: location, incidentDate: incidentDate, agency: agency, reporter: reporter,
                      anonymous: anonymous, confidential: confidential, attachments: attachments, tags: tags,
                      extra: extra)
    }

    mutating func location() throws(SnapshotFormatError) -> Location {
        Location(province: try optionalString(), regency: try optionalString(), district: try optionalString(),
                 detail: try optionalString())
    }

    mutating func reporter() throws(SnapshotFormatError) -> Reporter {
        let name = try optionalString()
        let nik = try optionalString()
        let phone = try optionalString()
        let email = try optionalString()
        let n = try count()
        var groups: [ReporterGroup] = []
        for _ in 0..<n { groups.append(try caseIndex(ReporterGroup.self)) }
        return Reporter(name: name, nik: nik, phone: phone, email: email, groups: groups)
    }

    mutating func attachments() throws(SnapshotFormatError) -> [Attachment] {
        let n = try count()
        var out: [Attachment] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(Attachment(name: try string(), ref: try optionalString())) }
        return out
    }
}
