import Foundation

extension Intake {
    /// The intake of a well-formed intake record (formats.md §2), read straight from its bytes through a
    /// `PayloadTape` (no `JSONValue` tree, no dictionaries), or nil when the record needs the full decoder:
    /// anything unusual (not JSON, any problem, an unknown field, a repeated key, an escaped key) is left
    /// to `IntakeDecoder`, which names every problem and keeps unknown fields. A bulk import decodes one
    /// record per line, and the generic tree was its largest single cost.
    ///
    /// For every record it accepts, the result equals what `IntakeDecoder` accepts with no warning (the
    /// tests hold the two side by side). `importTime` stands in for a missing `received_at`.
    public static func decodeWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, importTime: Date) -> Intake? {
        guard let tape = PayloadTape.parse(bytes) else { return nil }
        return tape.withRoot { root in WellFormedIntakeReader(importTime: importTime).intake(root) }
    }
}

/// The reading rules of `IntakeDecoder` for records without any problem; every deviation returns nil.
private struct WellFormedIntakeReader {
    typealias Value = PayloadTape.Value
    let importTime: Date

    static let topFields: [StaticString] = [
        "external_id", "channel", "received_at", "title", "body", "classification", "category", "subcategory",
        "location", "incident_date", "agency", "reporter", "anonymous", "confidential", "attachments", "tags",
    ]
    static let locationFields: [StaticString] = ["province", "regency", "district", "detail"]
    static let reporterFields: [StaticString] = ["name", "nik", "phone", "email", "groups"]
    static let attachmentFields: [StaticString] = ["name", "ref"]

    func intake(_ root: Value) -> Intake? {
        guard let top = members(root, Self.topFields) else { return nil }
        guard let channelValue = top[1], let channelText = string(channelValue), let channel = Channel(rawValue: channelText)
        else { return nil }
        guard let bodyValue = top[4], let body = string(bodyValue), !body.isBlank else { return nil }
        var receivedAt = importTime
        if let v = top[2] {
            guard let text = string(v), text.utf8.count > 10, !ISOTime.hasLeapSecond(text), let parsed = ISOTime.parseWithOffset(text)
            else { return nil }
            receivedAt = parsed.date
        }
        var classification = Classification.pengaduan
        if let v = top[5] {
            guard let text = string(v), let c = Classification(rawValue: text) else { return nil }
            classification = c
        }
        guard let incidentDate = optionalString(top[9]) else { return nil }
        if let d = incidentDate, !(d.utf8.count == 10 && ISOTime.parse(d) != nil) { return nil }
        guard let externalID = optionalString(top[0]) else { return nil }
        if let e = externalID, e.isEmpty { return nil }
        // Vocabulary values (topics, agency, places, tags) come shared, as a start-up's decoding shares them:
        // the desk folds an import's reports as written, without sharing their words again.
        guard let title = optionalString(top[3]), let category = optionalWord(top[6]),
              let subcategory = optionalWord(top[7]), let agency = optionalWord(top[10]),
              let anonymous = optionalBool(top[12]), let confidential = optionalBool(top[13]),
              let tags = optionalStrings(top[15], shared: true)
        else { return nil }
        // A blank or repeated tag is left out with a warning: the full decoder's business.
        if let tags, tags.contains(where: \.isBlank) || Set(tags).count != tags.count { return nil }
        var location = Location()
        if let v = top[8] {
            guard let m = members(v, Self.locationFields), let province = optionalWord(m[0]), let regency = optionalWord(m[1]),
                  let district = optionalWord(m[2]), let detail = optionalString(m[3])
            else { return nil }
            location = Location(province: province, regency: regency, district: district, detail: detail)
        }
        var reporter = Reporter()
        if let v = top[11] {
            guard let m = members(v, Self.reporterFields), let name = optionalString(m[0]), let nik = optionalString(m[1]),
                  let phone = optionalString(m[2]), let email = optionalString(m[3]), let groupTexts = optionalStrings(m[4])
            else { return nil }
            if let nik, !Reporter.isNIK(nik) { return nil }
            var groups: [ReporterGroup] = []
            for text in groupTexts ?? [] {
                guard let g = ReporterGroup(rawValue: text) else { return nil }
                if !groups.contains(g) { groups.append(g) }
            }
            reporter = Reporter(name: name, nik: nik, phone: phone, email: email, groups: groups)
        }
        var attachments: [Attachment] = []
        if let v = top[14] {
            guard let items = v.arrayValue else { return nil }
            for item in items {
                guard let m = members(item, Self.attachmentFields), let nameValue = m[0], let name = string(nameValue), !name.isEmpty,
                      let ref = optionalString(m[1])
                else { return nil }
                attachments.append(Attachment(name: name, ref: ref))
            }
        }
        return Intake(
            externalID: externalID, channel: channel, receivedAt: receivedAt, title: title, body: body,
            classification: classification, category: category, subcategory: subcategory, location: location,
            incidentDate: incidentDate, agency: agency, reporter: reporter, anonymous: anonymous ?? false,
            confidential: confidential ?? false, attachments: attachments, tags: tags ?? [])
    }

    /// The values of an object's members in the order of `known` (nil where missing or null); nil for a
    /// non-object, an unknown, repeated or escaped key.
    func members(_ value: Value, _ known: [StaticString]) -> [Value?]? {
        var found = [Value?](repeating: nil, count: known.count)
        var seen: UInt32 = 0
        let complete = value.forEachRawMember { key, member in
            guard let key, let slot = known.firstIndex(where: { Self.equal(key, $0) }), seen & (1 << slot) == 0 else { return false }
            seen |= 1 << slot
            if !member.isNull { found[slot] = member }
            return true
        }
        return complete ? found : nil
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        for i in 0..<bytes.count where bytes[i] != name.utf8Start[i] { return false }
        return true
    }

    func string(_ v: Value) -> String? { v.stringValue }

    /// `.some(nil)` when missing, `.some(text)` for a string, nil (refused) for any other value.
    func optionalString(_ v: Value?) -> String?? {
        guard let v else { return .some(nil) }
        guard let s = v.stringValue else { return nil }
        return .some(s)
    }

    /// As `optionalString`, the text shared with every equal vocabulary value (`PayloadTape.Value.sharedWord`).
    func optionalWord(_ v: Value?) -> String?? {
        guard let v else { return .some(nil) }
        guard let s = v.sharedWord else { return nil }
        return .some(s)
    }

    func optionalBool(_ v: Value?) -> Bool?? {
        guard let v else { return .some(nil) }
        guard let b = v.boolValue else { return nil }
        return .some(b)
    }

    func optionalStrings(_ v: Value?, shared: Bool = false) -> [String]?? {
        guard let v else { return .some(nil) }
        guard let items = v.arrayValue else { return nil }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let s = shared ? item.sharedWord : item.stringValue else { return nil }
            out.append(s)
        }
        return .some(out)
    }
}
