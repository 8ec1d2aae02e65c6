import Foundation

/// Writes the `data` object of each event type straight into bytes: exactly the bytes of building the
/// `EventPayloadWriter` tree and writing it (keys in sorted order, absent values left out, the same
/// escaping), without the tree, its dictionaries and its sorting. A bulk import encodes one payload per
/// report, and the tree was a fifth of its time. The tree writer lives on in the tests
/// (`EventPayloadTreeWriter.swift`) as the reference they compare against, event type by event type.
struct EventPayloadBytes {
    private(set) var out: [UInt8] = []
    /// Where an intake's body string was written in `out`, its quotes included (`EventCodec.encodeLocatingBody`).
    private(set) var bodySpan: Range<Int>?
    let offset: Int
    /// Whether the object being written has no member yet (no comma before the next key).
    private var first = true

    init(offset: Int, capacity: Int = 256) {
        self.offset = offset
        out.reserveCapacity(capacity)
    }

    /// Appends the payload of `e`. Every `case` lists its keys in sorted order.
    mutating func write(_ e: DomainEvent) {
        object { w in
            switch e {
            case let .received(i): w.object("intake") { $0.intake(i) }
            case let .disposed(d): w.object("disposition") { $0.disposition(d) }
            case let .postponed(q): w.string("question", q)
            case let .reporterReplied(t, a), let .followedUp(t, a): w.attachments("attachments", a); w.string("text", t)
            case let .archived(r, n, d):
                w.optional("duplicate_of", d?.rawValue); w.optional("note", n); w.string("reason", r.rawValue)
            case let .deleted(r, n): w.optional("note", n); w.string("reason", r.rawValue)
            case let .assignedToUnit(u): w.string("unit", u)
            case let .sentBack(r): w.string("reason", r)
            case let .disputed(t): w.string("text", t)
            case let .accepted(t): w.optional("text", t)
            case .autoClosed: break
            case let .titleEdited(t): w.string("title", t)
            case let .classified(c, cat, sub):
                w.optional("category", cat); w.optional("classification", c?.rawValue); w.optional("subcategory", sub)
            case let .flagsSet(a, c):
                if let a { w.bool("anonymous", a) }
                if let c { w.bool("confidential", c) }
            case let .tagged(add, remove): w.strings("add", add); w.strings("remove", remove)
            case let .prioritySet(p): w.string("priority", p.rawValue)
            case let .noteAdded(t), let .replyPosted(t): w.string("text", t)
            case let .duplicateLinked(o): w.string("original", o.rawValue)
            case let .redacted(f, r): w.strings("fields", f); w.string("reason", r)
            }
        }
    }

    private mutating func intake(_ i: Intake) {
        optional("agency", i.agency)
        bool("anonymous", i.anonymous)
        attachments("attachments", i.attachments)
        key("body")
        let bodyStart = out.count
        JSONStringWriter.appendQuoted(i.body, to: &out)
        bodySpan = bodyStart..<out.count
        optional("category", i.category)
        string("channel", i.channel.rawValue)
        string("classification", i.classification.rawValue)
        bool("confidential", i.confidential)
        optional("external_id", i.externalID)
        if !i.extra.isEmpty {
            object("extra") { w in
                for (key, value) in i.extra.sorted(by: { $0.key < $1.key }) {
                    w.comma()
                    JSONStringWriter.appendQuoted(key, to: &w.out)
                    w.out.append(UInt8(ascii: ":"))
                    JSONStringWriter.appendQuoted(value, to: &w.out)
                }
            }
        }
        optional("incident_date", i.incidentDate)
        let loc = i.location
        object("location") { w in
            w.optional("detail", loc.detail); w.optional("district", loc.district)
            w.optional("province", loc.province); w.optional("regency", loc.regency)
        }
        key("received_at")
        timestamp(i.receivedAt)
        let r = i.reporter
        object("reporter") { w in
            w.optional("email", r.email)
            w.key("groups")
            w.array(r.groups) { w, g in JSONStringWriter.appendQuoted(g.rawValue, to: &w.out) }
            w.optional("name", r.name); w.optional("nik", r.nik); w.optional("phone", r.phone)
        }
        optional("subcategory", i.subcategory)
        strings("tags", i.tags)
        optional("title", i.title)
    }

    private mutating func disposition(_ d: Disposition) {
        string("agency", d.agency); optional("from_agency", d.fromAgency); string("kind", d.kind.rawValue)
        optional("note", d.note); optional("rule", d.rule); optional("unit", d.unit)
    }

    // MARK: - Members

    private mutating func comma() {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
    }

    /// `"key":` (keys are constant ASCII names that need no escaping), after a comma when needed.
    private mutating func key(_ name: StaticString) {
        comma()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    private mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        JSONStringWriter.appendQuoted(value, to: &out)
    }

    private mutating func optional(_ name: StaticString, _ value: String?) {
        if let value { string(name, value) }
    }

    private mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        let literal: StaticString = value ? "true" : "false"
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        array(values) { w, s in JSONStringWriter.appendQuoted(s, to: &w.out) }
    }

    private mutating func attachments(_ name: StaticString, _ values: [Attachment]) {
        key(name)
        array(values) { w, a in
            w.object { o in o.string("name", a.name); o.optional("ref", a.ref) }
        }
    }

    private mutating func object(_ name: StaticString, _ body: (inout EventPayloadBytes) -> Void) {
        key(name)
        object(body)
    }

    /// `{…}` around `body`'s members; the enclosing object's comma state is kept aside meanwhile.
    private mutating func object(_ body: (inout EventPayloadBytes) -> Void) {
        let outer = first
        first = true
        out.append(UInt8(ascii: "{"))
        body(&self)
        out.append(UInt8(ascii: "}"))
        first = outer
    }

    private mutating func array<T>(_ items: [T], _ element: (inout EventPayloadBytes, T) -> Void) {
        out.append(UInt8(ascii: "["))
        for (k, item) in items.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The quoted `ISOTime.format` text, written straight into the payload.
    private mutating func timestamp(_ date: Date) {
        out.append(UInt8(ascii: "\""))
        ISOTime.append(date, offsetSeconds: offset, to: &out)
        out.append(UInt8(ascii: "\""))
    }
}
