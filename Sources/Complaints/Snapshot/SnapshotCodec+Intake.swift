import Foundation

// The snapshot form of what a channel sent. Field order is the format: change it only with
// `DeskSnapshotCodec.formatVersion`.

extension SnapshotWriter {
    mutating func body(_ b: IntakeBody) {
        switch b {
        case let .text(s):
            byte(0)
            string(s)
        case let .stored(t):
            byte(1)
            count(Int(t.segment))
            count(t.lineOffset)
            count(Int(t.lineLength))
            fixed32(t.checksum)
            count(Int(t.start))
            count(Int(t.end))
        }
    }

    mutating func intake(_ i: Intake) {
        optionalString(i.externalID)
        caseIndex(i.channel)
        date(i.receivedAt)
        optionalString(i.title)
        body(i.bodyStorage)
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
        let body = try body()
        let classification = try caseIndex(Classification.self)
        let category = try optionalWord()
        let subcategory = try optionalWord()
        let location = try location()
        let incidentDate = try optionalString()
        let agency = try optionalWord()
        let reporter = try reporter()
        let anonymous = try bool()
        let confidential = try bool()
        let attachments = try attachments()
        let tags = try words()
        let extraCount = try count()
        var extra: [String: String] = [:]
        for _ in 0..<extraCount {
            let key = try string()
            extra[key] = try string()
        }
        var intake = Intake(externalID: externalID, channel: channel, receivedAt: receivedAt, title: title, body: "",
                            classification: classification, category: category, subcategory: subcategory,
                            location: location, incidentDate: incidentDate, agency: agency, reporter: reporter,
                            anonymous: anonymous, confidential: confidential, attachments: attachments, tags: tags,
                            extra: extra)
        intake.bodyStorage = body
        return intake
    }

    /// A string from a small vocabulary (category, region, unit, tag): one shared copy per value.
    mutating func word() throws(SnapshotFormatError) -> String { vocabulary.intern(try string()) }
    mutating func optionalWord() throws(SnapshotFormatError) -> String? { try optionalString().map { vocabulary.intern($0) } }
    mutating func words() throws(SnapshotFormatError) -> [String] { vocabulary.intern(try strings()) }

    /// A body as text (tag 0) or as the journal span it was left in (tag 1): the snapshot does not copy
    /// what the journal already holds, so it needs the journal (`textSource`) to hand such bodies out.
    mutating func body() throws(SnapshotFormatError) -> IntakeBody {
        switch try byte() {
        case 0: return .text(try string())
        case 1:
            guard let textSource else { throw fail("a body kept in the journal, but no journal to read it from") }
            let segment = try count(max: Int(Int32.max))
            let lineOffset = try count(max: Int.max / 2)
            let lineLength = try count(max: StoredText.maximumLineLength)
            let checksum = try fixed32()
            let start = try count(max: lineLength)
            let end = try count(max: lineLength)
            guard segment > 0, start + 2 <= end else { throw fail("body span out of range") }
            return .stored(StoredText(source: textSource, segment: Int32(segment), lineOffset: lineOffset,
                                      lineLength: UInt32(lineLength), checksum: checksum, start: UInt32(start), end: UInt32(end)))
        default: throw fail("unknown body form")
        }
    }

    mutating func location() throws(SnapshotFormatError) -> Location {
        Location(province: try optionalWord(), regency: try optionalWord(), district: try optionalWord(),
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
