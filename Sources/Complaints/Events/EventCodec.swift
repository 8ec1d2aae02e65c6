import Foundation

/// Turns domain events into the journal's `type` + `data` JSON object and back. Pure: no files.
///
/// The payload is one flat object whose keys depend on the type (see `EventPayload`); decoding checks that
/// every key the type needs is present, so a damaged or foreign event is refused with the field's name.
public enum EventCodec {
    public struct DecodeError: Error, CustomStringConvertible, Equatable {
        public var type: String
        public var field: String?
        public var reason: String
        public var description: String {
            if let field { return "\(type): \(field): \(reason)" }
            return "\(type): \(reason)"
        }
    }

    /// JSON bytes of the `data` object for `event`; dates are written in the zone `offsetSeconds`.
    public static func encode(_ event: DomainEvent, offsetSeconds: Int = 7 * 3600) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, enc in
            var c = enc.singleValueContainer()
            try c.encode(ISOTime.format(date, offsetSeconds: offsetSeconds))
        }
        // Encoding plain value types to JSON cannot fail; an empty object is a safe fallback.
        return (try? Array(encoder.encode(EventPayload(event)))) ?? Array("{}".utf8)
    }

    public static func decode(type: String, payload: [UInt8]) throws -> DomainEvent {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { dec in
            let c = try dec.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = ISOTime.parse(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 time: \(text)")
            }
            return date
        }
        let p: EventPayload
        do {
            p = try decoder.decode(EventPayload.self, from: Data(payload))
        } catch let DecodingError.dataCorrupted(ctx) {
            throw DecodeError(type: type, field: ctx.codingPath.map(\.stringValue).joined(separator: "."),
                              reason: ctx.debugDescription)
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw DecodeError(type: type, field: ctx.codingPath.map(\.stringValue).joined(separator: "."),
                              reason: "wrong type")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw DecodeError(type: type, field: (ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."),
                              reason: "missing")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw DecodeError(type: type, field: ctx.codingPath.map(\.stringValue).joined(separator: "."),
                              reason: "missing value")
        } catch {
            throw DecodeError(type: type, field: nil, reason: "not a JSON object")
        }
        return try p.event(type: type)
    }
}

/// The union of all payload fields. Only the keys a type uses are written.
struct EventPayload: Codable {
    var intake: Intake?
    var disposition: Disposition?
    var question: String?
    var text: String?
    var attachments: [Attachment]?
    var reason: String?
    var note: String?
    var duplicateOf: ReportID?
    var unit: String?
    var title: String?
    var classification: Classification?
    var category: String?
    var subcategory: String?
    var anonymous: Bool?
    var confidential: Bool?
    var add: [String]?
    var remove: [String]?
    var priority: Priority?
    var original: ReportID?
    var fields: [String]?

    enum CodingKeys: String, CodingKey {
        case intake, disposition, question, text, attachments, reason, note
        case duplicateOf = "duplicate_of"
        case unit, title, classification, category, subcategory, anonymous, confidential, add, remove, priority
        case original, fields
    }

    init(_ e: DomainEvent) {
        switch e {
        case let .received(i): intake = i
        case let .disposed(d): disposition = d
        case let .postponed(q): question = q
        case let .reporterReplied(t, a): text = t; attachments = a
        case let .archived(r, n, d): reason = r.rawValue; note = n; duplicateOf = d
        case let .deleted(r, n): reason = r.rawValue; note = n
        case let .assignedToUnit(u): unit = u
        case let .sentBack(r): reason = r
        case let .followedUp(t, a): text = t; attachments = a
        case let .disputed(t): text = t
        case let .accepted(t): text = t
        case .autoClosed: break
        case let .titleEdited(t): title = t
        case let .classified(c, cat, sub): classification = c; category = cat; subcategory = sub
        case let .flagsSet(a, c): anonymous = a; confidential = c
        case let .tagged(a, r): add = a; remove = r
        case let .prioritySet(p): priority = p
        case let .noteAdded(t): text = t
        case let .replyPosted(t): text = t
        case let .duplicateLinked(o): original = o
        case let .redacted(f, r): fields = f; reason = r
        }
    }

    private func need<T>(_ v: T?, _ field: String, _ type: String) throws -> T {
        guard let v else { throw EventCodec.DecodeError(type: type, field: field, reason: "missing") }
        return v
    }

    private func enumValue<E: RawRepresentable>(_ raw: String?, _ field: String, _ type: String) throws -> E
        where E.RawValue == String
    {
        let r = try need(raw, field, type)
        guard let v = E(rawValue: r) else {
            throw EventCodec.DecodeError(type: type, field: field, reason: "unknown value '\(r)'")
        }
        return v
    }

    func event(type t: String) throws -> DomainEvent {
        switch t {
        case "report.received": return .received(try need(intake, "intake", t))
        case "report.disposed": return .disposed(try need(disposition, "disposition", t))
        case "report.postponed": return .postponed(question: try need(question, "question", t))
        case "report.reporter-replied": return .reporterReplied(text: try need(text, "text", t), attachments: attachments ?? [])
        case "report.archived":
            return .archived(reason: try enumValue(reason, "reason", t), note: note, duplicateOf: duplicateOf)
        case "report.deleted": return .deleted(reason: try enumValue(reason, "reason", t), note: note)
        case "report.assigned-to-unit": return .assignedToUnit(unit: try need(unit, "unit", t))
        case "report.sent-back": return .sentBack(reason: try need(reason, "reason", t))
        case "report.followed-up": return .followedUp(text: try need(text, "text", t), attachments: attachments ?? [])
        case "report.disputed": return .disputed(text: try need(text, "text", t))
        case "report.accepted": return .accepted(text: text)
        case "report.auto-closed": return .autoClosed
        case "report.title-edited": return .titleEdited(title: try need(title, "title", t))
        case "report.classified": return .classified(classification: classification, category: category, subcategory: subcategory)
        case "report.flags-set": return .flagsSet(anonymous: anonymous, confidential: confidential)
        case "report.tagged": return .tagged(add: add ?? [], remove: remove ?? [])
        case "report.priority-set": return .prioritySet(try need(priority, "priority", t))
        case "report.note-added": return .noteAdded(text: try need(text, "text", t))
        case "report.reply-posted": return .replyPosted(text: try need(text, "text", t))
        case "report.duplicate-linked": return .duplicateLinked(original: try need(original, "original", t))
        case "report.redacted": return .redacted(fields: try need(fields, "fields", t), reason: try need(reason, "reason", t))
        default: throw EventCodec.DecodeError(type: t, field: nil, reason: "unknown event type")
        }
    }
}
