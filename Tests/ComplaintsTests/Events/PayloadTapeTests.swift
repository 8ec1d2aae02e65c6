import XCTest
@testable import Complaints

/// The start-up decoder (`PayloadTape`, no tree) must decode every payload exactly as the `JSONValue`
/// tree path does: the same event, or the same error (type, field and reason), for every event type and
/// for hostile input.
final class PayloadTapeTests: XCTestCase {
    func outcome(_ type: String, _ payload: [UInt8], _ decode: (String, [UInt8]) throws(EventCodec.DecodeError) -> DomainEvent)
        -> Result<DomainEvent, EventCodec.DecodeError>
    {
        do throws(EventCodec.DecodeError) { return .success(try decode(type, payload)) } catch { return .failure(error) }
    }

    func assertSame(_ type: String, _ payload: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let fast = outcome(type, payload) { t, p throws(EventCodec.DecodeError) in try EventCodec.decode(type: t, payload: p) }
        let tree = outcome(type, payload, EventCodec.decodeTree)
        XCTAssertEqual(fast, tree, "\(type): \(String(decoding: payload, as: UTF8.self))", file: file, line: line)
        // The tape accepts exactly the documents the tree parser accepts.
        let tapeAccepts = payload.withUnsafeBufferPointer { PayloadTape.parse($0) != nil }
        let treeAccepts = (try? JSONValue.parse(payload)) != nil
        XCTAssertEqual(tapeAccepts, treeAccepts, "\(String(decoding: payload, as: UTF8.self))", file: file, line: line)
    }

    static let hostileText = "Ada \"kutipan\", \\ garis miring / baris\nbaru\ttab, emoji 😀, 漢字, ꦗꦮ, \u{1B}[2J \u{0} \u{7F} \u{FEFF}"

    static let events: [DomainEvent] = {
        let h = hostileText
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        return [
            .received(Intake(externalID: "wa-1\(h)", channel: .whatsapp, receivedAt: at, title: h, body: h, classification: .aspirasi,
                             category: "c", subcategory: h, location: Location(province: "Bali", regency: h, district: nil, detail: h),
                             incidentDate: "2026-03-28", agency: "kemenkes",
                             reporter: Reporter(name: h, nik: "3201", phone: "+62", email: "a@b", groups: [.disabilitas, .lansia]),
                             anonymous: true, confidential: true, attachments: [Attachment(name: h, ref: "sha256:ab"), Attachment(name: "x")],
                             tags: ["x", h], extra: ["foo": "{\"a\":1}", h: "[1,2]"])),
            .received(Intake(channel: .sms, receivedAt: at, body: "x")),
            .disposed(Disposition(agency: "a", unit: "a/u", kind: .pelimpahan, fromAgency: "b", rule: "rute.toml:3", note: h)),
            .disposed(Disposition(agency: "a", kind: .disposisi)),
            .postponed(question: h), .reporterReplied(text: h, attachments: [Attachment(name: "n")]),
            .archived(reason: .duplikat, note: nil, duplicateOf: "2600001"), .archived(reason: .duplikat, note: h, duplicateOf: nil),
            .deleted(reason: .spam, note: "x"), .assignedToUnit(unit: h), .sentBack(reason: h), .followedUp(text: h, attachments: []),
            .disputed(text: h), .accepted(text: nil), .accepted(text: h), .autoClosed, .titleEdited(title: h),
            .classified(classification: .pengaduan, category: "c", subcategory: nil), .classified(classification: nil, category: nil, subcategory: nil),
            .flagsSet(anonymous: true, confidential: nil), .flagsSet(anonymous: nil, confidential: false),
            .tagged(add: ["a", h], remove: ["b"]), .tagged(add: [], remove: []), .prioritySet(.mendesak),
            .noteAdded(text: h), .replyPosted(text: h), .duplicateLinked(original: "1"),
            .redacted(fields: ["reporter.nik"], reason: "UU PDP"), .redacted(fields: [], reason: h),
        ]
    }()

    func testEveryEventTypeDecodesAsTheTreeDoes() throws {
        XCTAssertEqual(Set(Self.events.map(\.type)).count, 21, "every event type is covered")
        for e in Self.events {
            let payload = EventCodec.encode(e)
            XCTAssertEqual(try EventCodec.decode(type: e.type, payload: payload), e, e.type)
            assertSame(e.type, payload)
        }
    }

    func testHostilePayloadsGiveTheSameEventOrTheSameError() {
        let cases: [(String, String)] = [
            ("report.postponed", #"{"question":"a\"b\\c\/d\b\f\n\r\t\u00e9\u0000"}"#),
            ("report.postponed", #"{"question":"\ud83d\ude00 surrogate pair"}"#),
            ("report.postponed", #"{"question":"\ud83d lone high"}"#),
            ("report.postponed", #"{"question":"\ude00 lone low"}"#),
            ("report.postponed", #"{"question":"\ud83d\u0041 bad low"}"#),
            ("report.postponed", #"{"question":"\uZZZZ"}"#),
            ("report.postponed", #"{"question":"\x"}"#),
            ("report.postponed", #"{"question":"unterminated}"#),
            ("report.postponed", #"{"qu\u0065stion":"escaped key"}"#),
            ("report.postponed", #"{"question":"first","question":"second"}"#),
            ("report.postponed", #" { "question" : "spaced" , "extra" : [1, -2.5e+3, true, false, null, {}] } "#),
            ("report.postponed", #"{"question":01}"#),
            ("report.postponed", #"{"question":1.}"#),
            ("report.postponed", #"{"question":null}"#),
            ("report.postponed", #"{"question":42}"#),
            ("report.postponed", #"{"question":"x",}"#),
            ("report.postponed", #"{"question":"x"} trailing"#),
            ("report.postponed", #"["question"]"#),
            ("report.postponed", #""#),
            ("report.postponed", #"{"question":tru}"#),
            ("report.tagged", #"{"add":["a",1],"remove":null}"#),
            ("report.tagged", #"{"add":"a"}"#),
            ("report.flags-set", #"{"anonymous":"yes"}"#),
            ("report.redacted", #"{"reason":"r"}"#),
            ("report.redacted", #"{"fields":null,"reason":"r"}"#),
            ("report.disposed", #"{"disposition":{"agency":"a","kind":"disposisi","fromAgency":"legacy"}}"#),
            ("report.disposed", #"{"disposition":[]}"#),
            ("report.disposed", #"{"disposition":{"agency":"a","kind":"teleport"}}"#),
            ("report.received", #"{"intake":{"channel":"sms","body":"x","received_at":"kemarin"}}"#),
            ("report.received", #"{"intake":{"channel":"sms","body":"x","received_at":"2026-01-01T00:00:00Z","extra":{"k":1}}}"#),
            ("report.received", #"{"intake":{"channel":"sms","body":"x","received_at":"2026-01-01T00:00:00Z","reporter":{"groups":["alien"]}}}"#),
            ("report.received", #"{"intake":{"channel":"sms","body":"x","received_at":"2026-01-01T00:00:00Z","attachments":[{"ref":"r"}]}}"#),
            ("report.exploded", #"{}"#),
            ("report.auto-closed", "{\"x\":\"tab\tinside\"}"),
            ("report.auto-closed", "{\"x\":\"line\nbreak\"}"),
        ]
        for (type, text) in cases { assertSame(type, Array(text.utf8)) }
        // Invalid UTF-8 inside and outside strings, overlong forms and truncated sequences.
        let prefix = Array(#"{"question":""#.utf8), suffix = Array(#""}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3, 0xA9]] {
            assertSame("report.postponed", prefix + bad + suffix)
            assertSame("report.postponed", prefix + suffix.dropLast() + bad + [UInt8(ascii: "}")])
        }
        // Nesting at and beyond the depth limit.
        for depth in [62, 63, 64, 65] {
            let text = #"{"question":"q","n":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            assertSame("report.postponed", Array(text.utf8))
        }
    }

    /// An intake's members are found in one pass (`PayloadJSON.fields`): every field lands where it
    /// belongs (each holds a different text here), in the written order, reversed, with a key repeated (the
    /// first counts) or escaped, and with unknown members among them.
    func testIntakeFieldsAreFoundInAnyOrder() throws {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let intake = Intake(externalID: "ext", channel: .whatsapp, receivedAt: at, title: "judul", body: "isi", classification: .aspirasi,
                            category: "kat", subcategory: "subkat",
                            location: Location(province: "prov", regency: "kab", district: "kec", detail: "rinci"),
                            incidentDate: "2026-03-28", agency: "instansi",
                            reporter: Reporter(name: "nama", nik: "3201", phone: "+62", email: "a@b", groups: [.lansia]),
                            anonymous: true, confidential: false, attachments: [Attachment(name: "f.jpg")], tags: ["t1"],
                            extra: ["k": "v"])
        let written = EventCodec.encode(.received(intake))
        XCTAssertEqual(try EventCodec.decode(type: "report.received", payload: written), .received(intake))
        assertSame("report.received", written)
        // The same members in reverse order, at every level.
        let tree = try JSONValue.parse(written)
        func reversed(_ v: JSONValue) -> JSONValue {
            guard let members = v.objectMembers else { return v }
            return .object(members.reversed().map { JSONValue.Member($0.key, reversed($0.value)) })
        }
        let backwards = Array(reversed(tree).compactText.utf8)
        XCTAssertEqual(try EventCodec.decode(type: "report.received", payload: backwards), .received(intake))
        assertSame("report.received", backwards)
        let oddities = [
            #"{"intake":{"title":"first","channel":"sms","title":"second","body":"b","received_at":"2026-01-01T00:00:00Z"}}"#,
            #"{"intake":{"zzz":1,"channel":"sms","body":"escaped","received_at":"2026-01-01T00:00:00Z","aaa":[]}}"#,
            #"{"intake":{"channel":"sms","body":"b","received_at":"2026-01-01T00:00:00Z","location":{"regency":"r","province":"p","regency":"again"}}}"#,
        ]
        for text in oddities { assertSame("report.received", Array(text.utf8)) }
        guard case let .received(first) = try EventCodec.decode(type: "report.received", payload: Array(oddities[0].utf8)) else {
            return XCTFail("not a receipt")
        }
        XCTAssertEqual(first.title, "first")
    }

    /// Every single-byte change of every event's payload (a deterministic sample of bytes) decodes the same
    /// way on both paths: the tape never accepts what the tree refuses, nor refuses what it accepts.
    func testMutatedPayloadsDecodeTheSameOnBothPaths() {
        var rng = SeededGenerator(seed: 7)
        let replacements: [UInt8] = Array(#"{}[]",:\ u0aZ-.e+9tfn"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]
        var checked = 0
        for e in Self.events {
            let payload = EventCodec.encode(e)
            for _ in 0..<60 {
                var mutated = payload
                let at = Int(rng.next() % UInt64(mutated.count))
                switch rng.next() % 3 {
                case 0: mutated[at] = replacements[Int(rng.next() % UInt64(replacements.count))]
                case 1: mutated.remove(at: at)
                default: mutated.insert(replacements[Int(rng.next() % UInt64(replacements.count))], at: at)
                }
                assertSame(e.type, mutated)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_500)
    }
}

