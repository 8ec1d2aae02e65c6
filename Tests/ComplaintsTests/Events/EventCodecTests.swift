import XCTest
@testable import Complaints

final class EventCodecTests: XCTestCase {
    let all: [DomainEvent] = [
        .received(Intake(externalID: "wa-1", channel: .whatsapp, receivedAt: at(0), title: nil,
                         body: "Ada \"kutipan\", baris\nbaru, emoji 😀, 漢字, ꦗꦮ, \u{1B}[2J", classification: .aspirasi,
                         location: Location(province: "Bali"), incidentDate: "2026-03-28",
                         reporter: Reporter(name: "Ni Luh", groups: [.disabilitas, .lansia]), anonymous: true,
                         confidential: true, attachments: [Attachment(name: "f.jpg", ref: "sha256:ab")], tags: ["x"],
                         extra: ["foo": "{\"a\":1}"])),
        .disposed(Disposition(agency: "a", unit: "a/u", kind: .pelimpahan, fromAgency: "b", rule: "rute.toml:3", note: "n")),
        .postponed(question: "q"), .reporterReplied(text: "t", attachments: [Attachment(name: "n")]),
        .archived(reason: .duplikat, note: nil, duplicateOf: "2600001"), .deleted(reason: .spam, note: "x"),
        .assignedToUnit(unit: "u"), .sentBack(reason: "r"), .followedUp(text: "f", attachments: []),
        .disputed(text: "d"), .accepted(text: nil), .autoClosed, .titleEdited(title: "t"),
        .classified(classification: .pengaduan, category: "c", subcategory: nil),
        .flagsSet(anonymous: true, confidential: nil), .tagged(add: ["a"], remove: ["b"]), .prioritySet(.mendesak),
        .noteAdded(text: "n"), .replyPosted(text: "r"), .duplicateLinked(original: "1"),
        .redacted(fields: ["reporter.nik"], reason: "UU PDP"),
    ]

    func testEveryEventRoundTrips() throws {
        for e in all {
            let bytes = EventCodec.encode(e)
            XCTAssertEqual(try EventCodec.decode(type: e.type, payload: bytes), e, e.type)
        }
    }

    /// The body span an import keeps (`encodeLocatingBody`) is exactly the span decoding finds: the body's
    /// JSON string, quotes included, whatever the text and whatever is written before it.
    func testTheLocatedBodyIsTheStringDecodingFinds() throws {
        let bodies = ["", "a", "\"\\\"", "emoji 😀 漢字 ꦗꦮ \u{1B}[2J \u{202E}", String(repeating: "\u{7}\t\"x", count: 300)]
        for body in bodies {
            let intake = Intake(externalID: "\"body\":\"x\"", channel: .web, receivedAt: at(0), title: "t", body: body,
                                agency: "body", attachments: [Attachment(name: "\"body\":", ref: "\\")])
            let (payload, span) = EventCodec.encodeLocatingBody(.received(intake))
            XCTAssertEqual(payload, EventCodec.encode(.received(intake)))
            let located = try XCTUnwrap(span)
            let found = try XCTUnwrap(payload.withUnsafeBufferPointer { PayloadTape.parse($0)?.withRoot { root in
                root[field: "intake"]?[field: "body"]?.stringSpan
            } })
            XCTAssertEqual(located, found)
            let text = payload.withUnsafeBufferPointer { PayloadTape.parse(UnsafeBufferPointer(rebasing: $0[located]))?.withRoot(\.stringValue) }
            XCTAssertEqual(text, body)
        }
        XCTAssertNil(EventCodec.encodeLocatingBody(.noteAdded(text: "body")).body, "only a receipt has a body")
    }

    func testTypeStringsAreStable() {
        XCTAssertEqual(all.map(\.type).count, Set(all.map(\.type)).count)
        XCTAssertEqual(DomainEvent.autoClosed.type, "report.auto-closed")
        XCTAssertEqual(DomainEvent.disposed(Disposition(agency: "a", kind: .disposisi)).type, "report.disposed")
    }

    /// `ISOTime.format` (written digit by digit, shared with the payload writer) pinned at its edges:
    /// zero and negative offsets, years padded to four digits, a fifth digit past 9999, offsets past 99 h.
    func testISOTimeFormatAtTheEdges() {
        let cases: [(Double, Int, String)] = [
            (0, 0, "1970-01-01T00:00:00Z"),
            (0, -(5 * 3600 + 30 * 60), "1969-12-31T18:30:00-05:30"),
            (-62_135_596_800, 0, "0001-01-01T00:00:00Z"),
            (-62_135_596_800, -3600, "0000-12-31T23:00:00-01:00"),
            (253_402_300_799, 0, "9999-12-31T23:59:59Z"),
            (253_402_300_800, 0, "10000-01-01T00:00:00Z"),
            (0.75, 100 * 3600, "1970-01-05T04:00:00+100:00"),
        ]
        for (seconds, offset, text) in cases {
            XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: seconds), offsetSeconds: offset), text)
        }
    }

    /// Start-up hands out these shared names for the type field: every type must be listed, once.
    func testTypeNamesListEveryTypeOnce() {
        XCTAssertEqual(all.count, 21, "one sample per event type")
        XCTAssertEqual(Set(DomainEvent.typeNames), Set(all.map(\.type)))
        XCTAssertEqual(DomainEvent.typeNames.count, Set(DomainEvent.typeNames).count)
    }

    /// Each event's kind is the one its type name is found as (`EventKind`), and no two types share one.
    func testEveryEventSaysItsOwnKind() {
        for event in all {
            XCTAssertEqual(EventKind(typeName: event.type), event.kind, event.type)
        }
        XCTAssertEqual(Set(all.map(\.kind)).count, EventKind.allCases.count)
    }

    func testDatesWrittenWithDeskOffset() {
        let text = String(decoding: EventCodec.encode(all[0]), as: UTF8.self)
        XCTAssertTrue(text.contains("\"received_at\":\"2026-04-06T09:00:00+07:00\""), text)
    }

    func testBadPayloadsNameTheField() {
        XCTAssertThrowsError(try EventCodec.decode(type: "report.postponed", payload: Array("{}".utf8))) {
            XCTAssertEqual(($0 as? EventCodec.DecodeError)?.field, "question")
        }
        XCTAssertThrowsError(try EventCodec.decode(type: "report.archived", payload: Array("{\"reason\":\"bosan\"}".utf8))) {
            XCTAssertEqual(($0 as? EventCodec.DecodeError)?.reason, "unknown value 'bosan'")
        }
        XCTAssertThrowsError(try EventCodec.decode(type: "report.exploded", payload: Array("{}".utf8)))
        XCTAssertThrowsError(try EventCodec.decode(type: "report.received", payload: Array("[1,2]".utf8)))
        XCTAssertThrowsError(try EventCodec.decode(type: "report.received",
                                                   payload: Array("{\"intake\":{\"channel\":\"fax\",\"body\":\"x\",\"received_at\":\"2026-01-01T00:00:00Z\"}}".utf8)))
    }

    /// A required vocabulary word (a disposition's agency, a unit) is read through the decoding thread's
    /// word cache: missing, null or not a string is refused with its field, and an escaped spelling reads
    /// as its text, the same word as the plain one, every time.
    func testRequiredWordsAreRefusedWithTheirFieldAndReadThroughEscapes() throws {
        func problem(_ type: String, _ payload: String) -> String? {
            do {
                _ = try EventCodec.decode(type: type, payload: Array(payload.utf8))
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(problem("report.assigned-to-unit", "{}"), "report.assigned-to-unit: unit: missing")
        XCTAssertEqual(problem("report.assigned-to-unit", #"{"unit":null}"#), "report.assigned-to-unit: unit: missing")
        XCTAssertEqual(problem("report.assigned-to-unit", #"{"unit":7}"#), "report.assigned-to-unit: unit: expected a string")
        XCTAssertEqual(problem("report.disposed", #"{"disposition":{"kind":"disposisi"}}"#),
                       "report.disposed: disposition.agency: missing")
        XCTAssertEqual(problem("report.disposed", #"{"disposition":{"agency":["a"],"kind":"disposisi"}}"#),
                       "report.disposed: disposition.agency: expected a string")
        for _ in 0..<2 {
            XCTAssertEqual(try EventCodec.decode(type: "report.assigned-to-unit", payload: Array(#"{"unit":"dinas pu"}"#.utf8)),
                           .assignedToUnit(unit: "dinas pu"))
            XCTAssertEqual(try EventCodec.decode(type: "report.assigned-to-unit", payload: Array(#"{"unit":"dinas pu"}"#.utf8)),
                           .assignedToUnit(unit: "dinas pu"))
        }
    }

    func testISOTimeParsesAndFormats() {
        XCTAssertEqual(ISOTime.format(ISOTime.parse("2026-04-01T08:15:00+07:00")!), "2026-04-01T08:15:00+07:00")
        XCTAssertEqual(ISOTime.parse("2026-04-01T01:15:00Z"), ISOTime.parse("2026-04-01T08:15:00+07:00"))
        XCTAssertEqual(ISOTime.format(ISOTime.parse("2026-12-31T23:30:00+09:00")!, offsetSeconds: 8 * 3600),
                       "2026-12-31T22:30:00+08:00")
        XCTAssertNil(ISOTime.parse("2026-02-30T00:00:00Z"))
        XCTAssertNil(ISOTime.parse("2026-04-01T08:15"))
        XCTAssertNil(ISOTime.parse("kemarin"))
        XCTAssertEqual(ISOTime.parse("2024-02-29"), ISOTime.parse("2024-02-29T00:00:00+07:00"))
    }

    func testDeskAnomaliesNeverCrash() {
        var desk = Desk()
        desk.apply(RecordedEvent(seq: 1, id: "x", reportID: "404", at: at(0), actor: Actor(nasional), event: .autoClosed))
        XCTAssertEqual(desk.anomalies.count, 1)
        XCTAssertEqual(desk.count, 0)
        desk.apply(RecordedEvent(seq: 2, id: "y", reportID: "2600005", at: at(0), actor: Actor(nasional),
                                 event: .received(sampleIntake())))
        desk.apply(RecordedEvent(seq: 3, id: "z", reportID: "2600005", at: at(0), actor: Actor(nasional),
                                 event: .received(sampleIntake())))
        XCTAssertEqual(desk.anomalies.count, 2)
        XCTAssertEqual(desk.nextReportID, "2600006")
        XCTAssertEqual(desk.report(channel: .sms, externalID: "sms-1")?.id, "2600005")
    }
}
