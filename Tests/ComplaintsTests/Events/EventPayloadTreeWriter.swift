@testable import Complaints
import Foundation

/// The journal's original payload writer, kept as the reference `EventCodec.encode` must match byte for
/// byte: builds the `data` object of each event type (keys in sorted order, absent values left out).
struct EventPayloadWriter {
    var offset: Int

    func object(for e: DomainEvent) -> JSONValue {
        var m: [String: JSONValue] = [:]
        switch e {
        case let .received(i): m["intake"] = intake(i)
        case let .disposed(d): m["disposition"] = disposition(d)
        case let .postponed(q): m["question"] = .string(q)
        case let .reporterReplied(t, a): m["text"] = .string(t); m["attachments"] = attachments(a)
        case let .archived(r, n, d): m["reason"] = .string(r.rawValue); m["note"] = opt(n); m["duplicate_of"] = opt(d?.rawValue)
        case let .deleted(r, n): m["reason"] = .string(r.rawValue); m["note"] = opt(n)
        case let .assignedToUnit(u): m["unit"] = .string(u)
        case let .sentBack(r): m["reason"] = .string(r)
        case let .followedUp(t, a): m["text"] = .string(t); m["attachments"] = attachments(a)
        case let .disputed(t): m["text"] = .string(t)
        case let .accepted(t): m["text"] = opt(t)
        case .autoClosed: break
        case let .titleEdited(t): m["title"] = .string(t)
        case let .classified(c, cat, sub):
            m["classification"] = opt(c?.rawValue); m["category"] = opt(cat); m["subcategory"] = opt(sub)
        case let .flagsSet(a, c): m["anonymous"] = a.map(JSONValue.bool); m["confidential"] = c.map(JSONValue.bool)
        case let .tagged(add, remove): m["add"] = strings(add); m["remove"] = strings(remove)
        case let .prioritySet(p): m["priority"] = .string(p.rawValue)
        case let .noteAdded(t), let .replyPosted(t): m["text"] = .string(t)
        case let .duplicateLinked(o): m["original"] = .string(o.rawValue)
        case let .redacted(f, r): m["fields"] = strings(f); m["reason"] = .string(r)
        }
        return sorted(m)
    }

    func sorted(_ m: [String: JSONValue?]) -> JSONValue {
        .object(m.compactMap { k, v in v.map { JSONValue.Member(k, $0) } }.sorted { $0.key < $1.key })
    }

    func opt(_ s: String?) -> JSONValue? { s.map(JSONValue.string) }
    func strings(_ xs: [String]) -> JSONValue { .array(xs.map(JSONValue.string)) }

    func attachments(_ a: [Attachment]) -> JSONValue {
        .array(a.map { sorted(["name": .string($0.name), "ref": opt($0.ref)]) })
    }

    func disposition(_ d: Disposition) -> JSONValue {
        sorted(["agency": .string(d.agency), "unit": opt(d.unit), "kind": .string(d.kind.rawValue),
                "from_agency": opt(d.fromAgency), "rule": opt(d.rule), "note": opt(d.note)])
    }

    func intake(_ i: Intake) -> JSONValue {
        let loc = i.location
        let r = i.reporter
        return sorted([
            "external_id": opt(i.externalID), "channel": .string(i.channel.rawValue),
            "received_at": .string(ISOTime.format(i.receivedAt, offsetSeconds: offset)), "title": opt(i.title),
            "body": .string(i.body), "classification": .string(i.classification.rawValue), "category": opt(i.category),
            "subcategory": opt(i.subcategory),
            "location": sorted(["province": opt(loc.province), "regency": opt(loc.regency), "district": opt(loc.district),
                                "detail": opt(loc.detail)]),
            "incident_date": opt(i.incidentDate), "agency": opt(i.agency),
            "reporter": sorted(["name": opt(r.name), "nik": opt(r.nik), "phone": opt(r.phone), "email": opt(r.email),
                                "groups": strings(r.groups.map(\.rawValue))]),
            "anonymous": .bool(i.anonymous), "confidential": .bool(i.confidential), "attachments": attachments(i.attachments),
            "tags": strings(i.tags),
            "extra": i.extra.isEmpty ? nil : sorted(i.extra.mapValues { JSONValue.string($0) }),
        ])
    }
}

extension EventCodec {
    /// The reference encoder: builds the `JSONValue` tree and writes it. `encode` must produce exactly
    /// these bytes (the journal format never changes).
    static func encodeTree(_ event: DomainEvent, offsetSeconds: Int = 7 * 3600) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        EventPayloadWriter(offset: offsetSeconds).object(for: event).write(into: &out)
        return out
    }
}
