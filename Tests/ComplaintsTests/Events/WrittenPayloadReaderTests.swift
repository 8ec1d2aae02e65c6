import SeededRandom
import XCTest
@testable import Complaints

/// `WrittenPayloadReader` reads payloads without a tape, and must never disagree with the tape: whatever it
/// accepts, the tape accepts and reads to the same event (a body left in the journal the same way);
/// whatever is not laid out as this program writes it, it leaves to the tape. Checked on every event type,
/// intakes with every field, hostile text in each, and thousands of damaged copies of their payloads.
final class WrittenPayloadReaderTests: XCTestCase {
    /// A source that is never read: the readers only record where a body is.
    final class NoLines: StoredTextSource {
        func line(segment: Int, offset: Int, length: Int, checksum: UInt32) -> Result<[UInt8], UnreadableLine> {
            .failure(UnreadableLine("not read in this test"))
        }
    }

    static let origin = PayloadOrigin(source: NoLines(), segment: 3, lineOffset: 1_000, lineLength: 1 << 20, payloadOffset: 250,
                                      checksum: 0xABCD)

    static func intakes() -> [Intake] {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let long = String(repeating: "Jalan berlubang di depan sekolah. ", count: 12)
        var all: [Intake] = [
            Intake(channel: .web, receivedAt: at, body: "singkat"),
            Intake(externalID: "gen-42-0", channel: .app, receivedAt: at, title: "Jalan rusak", body: long, classification: .aspirasi,
                   category: "Pemerintahan Daerah", subcategory: "Perizinan Daerah",
                   location: Location(province: "Bali", regency: "Kota Denpasar", district: "Denpasar Barat", detail: "dekat pasar"),
                   incidentDate: "2026-03-28", agency: "pemkot-denpasar",
                   reporter: Reporter(name: "Budi", nik: "5171010101010001", phone: "+628121000000", email: "b@example.id",
                                      groups: [.lansia, .disabilitas]),
                   anonymous: true, confidential: true, tags: ["banjir", "jalan-rusak-di-kawasan-sekolah"]),
            Intake(channel: .walkIn, receivedAt: at, title: "   ", body: long, classification: .permintaanInformasi),
            Intake(channel: .sms, receivedAt: at.addingTimeInterval(0.75), title: "t", body: long, reporter: Reporter(groups: [])),
        ]
        for h in EventPayloadBytesTests.hostileStrings {
            all.append(Intake(externalID: h, channel: .whatsapp, receivedAt: at, title: h, body: h + long, category: h, subcategory: h,
                              location: Location(province: h, regency: h, district: h, detail: h), incidentDate: h, agency: h,
                              reporter: Reporter(name: h, nik: h, phone: h, email: h, groups: ReporterGroup.allCases), tags: [h, "x" + h]))
        }
        return all
    }

    /// What the tape reads from `payload` (nil when it refuses it).
    func throughTape(_ payload: [UInt8], kind: EventKind = .received, origin: PayloadOrigin?) -> DomainEvent? {
        payload.withUnsafeBufferPointer { try? EventCodec.decodeThroughTape(type: kind.typeName, kind: kind, payloadBytes: $0, origin: origin) }
    }

    func fastEvent(_ payload: [UInt8], kind: EventKind, origin: PayloadOrigin?) -> DomainEvent? {
        payload.withUnsafeBufferPointer { WrittenPayloadReader.read(kind, $0, origin: origin) }
    }

    func fast(_ payload: [UInt8], origin: PayloadOrigin?) -> Intake? {
        guard case let .received(intake) = fastEvent(payload, kind: .received, origin: origin) else { return nil }
        return intake
    }

    /// Every event type, with and without hostile text, and how each is expected to be read.
    static func events() -> [DomainEvent] {
        var all = PayloadTapeTests.events
        for h in EventPayloadBytesTests.hostileStrings {
            all += [
                .disposed(Disposition(agency: "a" + h, unit: h, kind: .pilihanPelapor, fromAgency: h, rule: h, note: h)),
                .postponed(question: h), .reporterReplied(text: h, attachments: []), .followedUp(text: h, attachments: []),
                .archived(reason: .bukanPelayananPublik, note: h, duplicateOf: ReportID(h)), .deleted(reason: .tidakTerbaca, note: h),
                .assignedToUnit(unit: h), .sentBack(reason: h), .disputed(text: h), .accepted(text: h), .titleEdited(title: h),
                .tagged(add: [h], remove: [h, ""]), .noteAdded(text: h), .replyPosted(text: h),
            ]
        }
        return all
    }

    /// Types left to the tape whatever their payload, and payloads with attachments or `extra` members.
    static func leftToTheTape(_ e: DomainEvent) -> Bool {
        switch e {
        case .classified, .flagsSet, .duplicateLinked, .redacted: return true
        case let .reporterReplied(_, a), let .followedUp(_, a): return !a.isEmpty
        case let .received(i): return !i.attachments.isEmpty || !i.extra.isEmpty
        default: return false
        }
    }

    func testEveryEventAsWrittenIsReadWithoutTheTapeToTheSameEvent() throws {
        var read = Set<EventKind>()
        for (n, e) in Self.events().enumerated() {
            let payload = EventCodec.encode(e)
            let quick = fastEvent(payload, kind: e.kind, origin: nil)
            if Self.leftToTheTape(e) {
                XCTAssertNil(quick, "\(n) \(e.type): left to the tape")
                continue
            }
            XCTAssertEqual(quick, e, "\(n) \(e.type)")
            XCTAssertEqual(quick, throughTape(payload, kind: e.kind, origin: nil), "\(n) \(e.type)")
            read.insert(e.kind)
        }
        XCTAssertEqual(read.count, 17, "every type but the four rare ones is read without the tape")
    }

    /// Compares two intakes field by field, and where each keeps its body.
    func assertSame(_ a: Intake, _ b: Intake, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, message, file: file, line: line)
        switch (a.bodyStorage, b.bodyStorage) {
        case let (.text(x), .text(y)): XCTAssertEqual(x, y, message, file: file, line: line)
        case let (.stored(x), .stored(y)): XCTAssertTrue(x.sameSpan(y), message, file: file, line: line)
        default: XCTFail("one keeps the body in the journal, the other in memory: \(message)", file: file, line: line)
        }
    }

    func testPayloadsAsWrittenAreReadWithoutTheTapeToTheSameIntake() throws {
        for (n, intake) in Self.intakes().enumerated() {
            let payload = EventCodec.encode(.received(intake))
            for origin in [nil, Self.origin] {
                let quick = try XCTUnwrap(fast(payload, origin: origin), "intake \(n): written by us, read without the tape")
                guard case let .received(slow) = try XCTUnwrap(throughTape(payload, origin: origin)) else { return XCTFail("not a receipt") }
                assertSame(quick, slow, "intake \(n)")
                if origin == nil { XCTAssertEqual(quick.body, intake.body, "intake \(n)") }
            }
        }
    }

    func testAnythingElseIsLeftToTheTape() {
        let written = String(decoding: EventCodec.encode(.received(Self.intakes()[1])), as: UTF8.self)
        let others: [String] = [
            written.replacingOccurrences(of: ",\"channel\"", with: ", \"channel\""), // a space
            written.replacingOccurrences(of: "\"anonymous\":true,", with: ""), // fine as written: absent members are allowed
            written.replacingOccurrences(of: "\"agency\":\"pemkot-denpasar\",\"anonymous\":true", with: "\"anonymous\":true,\"agency\":\"pemkot-denpasar\""),
            written.replacingOccurrences(of: "\"agency\":\"pemkot-denpasar\"", with: "\"agency\":null"),
            written.replacingOccurrences(of: "\"attachments\":[]", with: "\"attachments\":[{\"name\":\"foto.jpg\"}]"),
            written.replacingOccurrences(of: "\"confidential\":true", with: "\"confidential\":true,\"extra\":{\"a\":\"b\"}"),
            written.replacingOccurrences(of: "\"confidential\":true", with: "\"confidential\":true,\"zzz\":1"),
            written.replacingOccurrences(of: "\"title\":\"Jalan rusak\"", with: "\"title\":\"Jalan rusak\",\"title\":\"lagi\""),
            written.replacingOccurrences(of: "\"channel\":\"app\"", with: "\"channel\":\"\\u0061pp\""),
            written + " ",
            written.replacingOccurrences(of: "{\"intake\":", with: "{\"intake\" :"),
        ]
        for (n, text) in others.enumerated() {
            let payload = Array(text.utf8)
            let quick = fast(payload, origin: Self.origin)
            let tape = throughTape(payload, origin: Self.origin)
            if n == 1 {
                XCTAssertNotNil(quick, "an absent optional member is as written")
            } else {
                XCTAssertNil(quick, "case \(n): \(text.prefix(80))")
            }
            // Whichever reads it, `decode` gives what the tape gives.
            let decoded = payload.withUnsafeBufferPointer { try? EventCodec.decode(type: "report.received", payloadBytes: $0, origin: Self.origin) }
            XCTAssertEqual(decoded, tape, "case \(n)")
        }
        let smaller: [(EventKind, String)] = [
            (.noteAdded, #"{"text": "spasi"}"#), (.noteAdded, #"{"text":null}"#), (.noteAdded, #"{"text":"a","text":"b"}"#),
            (.noteAdded, #"{"teks":"a"}"#), (.noteAdded, #"{}"#), (.assignedToUnit, #"{"unit":7}"#),
            (.disposed, #"{"disposition":{"agency":"a","fromAgency":"b","kind":"pelimpahan"}}"#),
            (.disposed, #"{"disposition":{"kind":"disposisi","agency":"a"}}"#), (.disposed, #"{"disposition":{"agency":"a"}}"#),
            (.prioritySet, #"{"priority":"urgent"}"#), (.prioritySet, #"{"priority":"\u0074inggi"}"#),
            (.tagged, #"{"remove":["a"],"add":["b"]}"#), (.followedUp, #"{"text":"t","attachments":[]}"#),
            (.archived, #"{"note":"n"}"#), (.deleted, #"{"reason":"spam","note":"n"}"#), (.autoClosed, #"{"x":1}"#),
            (.accepted, #"{"text":"a"} "#),
        ]
        for (kind, text) in smaller {
            let payload = Array(text.utf8)
            XCTAssertNil(fastEvent(payload, kind: kind, origin: nil), text)
            let decoded = payload.withUnsafeBufferPointer { try? EventCodec.decode(type: kind.typeName, payloadBytes: $0) }
            XCTAssertEqual(decoded, throughTape(payload, kind: kind, origin: nil), text)
        }
    }

    /// Every single-byte damage of every written payload (each byte removed, doubled, or replaced by one that
    /// matters to JSON): whenever the fast reader accepts one, the tape reads the same event.
    func testEverySingleByteDamageTheFastReaderAcceptsReadsTheSameThroughTheTape() {
        let replacements = Array("\"\\{}[],:xe ".utf8) + [0x00, 0x80]
        let payloads = (PayloadTapeTests.events + Self.intakes().prefix(4).map { .received($0) })
            .filter { !Self.leftToTheTape($0) }.map { ($0.kind, EventCodec.encode($0)) }
        var accepted = 0
        for (kind, written) in payloads {
            var damaged: [[UInt8]] = []
            for at in written.indices {
                var removed = written
                removed.remove(at: at)
                var doubled = written
                doubled.insert(written[at], at: at)
                damaged += [removed, doubled]
                for r in replacements where r != written[at] {
                    var replaced = written
                    replaced[at] = r
                    damaged.append(replaced)
                }
            }
            for bytes in damaged {
                guard let quick = fastEvent(bytes, kind: kind, origin: nil) else { continue }
                accepted += 1
                XCTAssertEqual(quick, throughTape(bytes, kind: kind, origin: nil), String(decoding: bytes, as: UTF8.self))
            }
        }
        XCTAssertGreaterThan(accepted, 1_000, "damage inside strings still reads: the comparison was made")
    }

    /// Damaged copies (a byte removed, added, replaced, or two swapped): whenever the fast reader accepts
    /// one, the tape accepts it too and reads the same intake.
    func testDamagedPayloadsTheFastReaderAcceptsReadTheSameThroughTheTape() {
        var random = SeededGenerator(seed: 21)
        let alphabet = Array("\"\\{}[],:0aetrufln ".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]
        let payloads = Self.intakes().prefix(12).map { (EventKind.received, EventCodec.encode(.received($0))) }
            + Self.events().prefix(60).filter { !Self.leftToTheTape($0) }.map { ($0.kind, EventCodec.encode($0)) }
        var accepted = 0
        for round in 0..<12_000 {
            let (kind, written) = payloads[round % payloads.count]
            var bytes = written
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                case 2: bytes[at] = alphabet.randomElement(using: &random)!
                default: if at + 1 < bytes.count { bytes.swapAt(at, at + 1) }
                }
            }
            guard let quick = fastEvent(bytes, kind: kind, origin: Self.origin) else { continue }
            accepted += 1
            guard let slow = throughTape(bytes, kind: kind, origin: Self.origin) else {
                return XCTFail("round \(round): the fast reader accepted what the tape refuses: \(String(decoding: bytes, as: UTF8.self).prefix(120))")
            }
            if case let .received(q) = quick, case let .received(s) = slow {
                assertSame(q, s, "round \(round)")
            } else {
                XCTAssertEqual(quick, slow, "round \(round)")
            }
        }
        XCTAssertGreaterThan(accepted, 1_000, "damage inside strings still reads: the comparison was made")
    }
}
