import XCTest
@testable import Complaints

/// The journal format must not change by a single byte: the direct payload writer (`EventCodec.encode`)
/// must produce exactly the bytes of the `JSONValue` tree writer it replaced (`EventCodec.encodeTree`),
/// for every event type, hostile text, every zone and odd dates.
final class EventPayloadBytesTests: XCTestCase {
    /// Text that needs every kind of escape, and text right beside the escaped ranges that must not be.
    static let hostileStrings: [String] = [
        "", "plain", "\"", "\\", "\"\\\"", "/", "a\"b\\c/d",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "x\u{7F}y",
        String((0x80...0xA0).map { Character(Unicode.Scalar($0)!) }), "\u{A0}\u{FF}",
        "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{2027}\u{202F}\u{2000}\u{2065}\u{206A}\u{20AC}",
        "\u{61C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}",
        "emoji 😀👩🏽‍💻🇮🇩", "漢字 ꦗꦮ ᬅᬓ᭄ᬱᬭ", "\u{FEFF}bom", "\u{FFFD}", "\u{FFFF}\u{10FFFF}\u{E000}\u{D7FF}",
        // Invalid surrogates (a lone high or low half) reach a Swift string as U+FFFD.
        String(decoding: [0xED, 0xA0, 0x80, 0x41, 0xED, 0xB0, 0x80], as: UTF8.self),
        String(decoding: [0x22, 0xC2, 0x5C, 0xE2, 0x80, 0xFF, 0xE2], as: UTF8.self),
        "e\u{301} é", "\r\n\t\u{8}\u{C}\u{0}", "ends with E2 lead \u{2030}", "ends with C2 lead \u{A9}",
        PayloadTapeTests.hostileText, String(repeating: "panjang 😀\u{2028}\"", count: 300),
    ]

    func testStringWriterMatchesTheTreeWriterOnHostileText() {
        for s in Self.hostileStrings { assertSameString(s) }
    }

    func testStringWriterMatchesTheTreeWriterOnRandomText() {
        // Scalars around every boundary the escaper looks at, mixed at random.
        let pool: [Unicode.Scalar] = [0x00, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x2F, 0x41, 0x5C, 0x7E, 0x7F, 0x80,
                                      0x85, 0x9F, 0xA0, 0xC2, 0xE2, 0x600, 0x61B, 0x61C, 0x61D, 0x2000, 0x200E, 0x2028, 0x2029, 0x202A, 0x202E,
                                      0x2030, 0x2066, 0x2069, 0x206A, 0xFEFF, 0xFFFD, 0x1F600].compactMap(Unicode.Scalar.init)
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                s.append(Bool.random(using: &rng) ? pool.randomElement(using: &rng)! : "abcdefgh ".unicodeScalars.randomElement(using: &rng)!)
            }
            assertSameString(String(s))
        }
    }

    func testEveryEventTypeEncodesToTheSameBytes() {
        let events = PayloadTapeTests.events
        XCTAssertEqual(Set(events.map(\.type)).count, 21, "every event type is covered")
        for e in events {
            for offset in [7 * 3600, 0, -5 * 3600, 19_800, 12_345, -(14 * 3600)] {
                assertSameEvent(e, offset: offset)
            }
        }
    }

    func testHostileTextInEveryFieldEncodesToTheSameBytes() {
        let at = Date(timeIntervalSince1970: 1_775_440_800.75)
        for h in Self.hostileStrings {
            let attachments = [Attachment(name: h, ref: h), Attachment(name: h)]
            let events: [DomainEvent] = [
                .received(Intake(externalID: h, channel: .walkIn, receivedAt: at, title: h, body: h, category: h,
                                 subcategory: h, location: Location(province: h, regency: h, district: h, detail: h),
                                 incidentDate: h, agency: h, reporter: Reporter(name: h, nik: h, phone: h, email: h, groups: ReporterGroup.allCases),
                                 attachments: attachments, tags: [h, h], extra: [h: h, "a" + h: "[\(h)]", "z": h])),
                .disposed(Disposition(agency: h, unit: h, kind: .pilihanPelapor, fromAgency: h, rule: h, note: h)),
                .postponed(question: h), .reporterReplied(text: h, attachments: attachments),
                .archived(reason: .bukanPelayananPublik, note: h, duplicateOf: ReportID(h)), .deleted(reason: .tidakTerbaca, note: h),
                .assignedToUnit(unit: h), .sentBack(reason: h), .followedUp(text: h, attachments: attachments), .disputed(text: h),
                .accepted(text: h), .titleEdited(title: h), .classified(classification: .aspirasi, category: h, subcategory: h),
                .tagged(add: [h], remove: [h, ""]), .noteAdded(text: h), .replyPosted(text: h),
                .duplicateLinked(original: ReportID(h)), .redacted(fields: [h], reason: h),
            ]
            for e in events { assertSameEvent(e, offset: 7 * 3600) }
        }
    }

    func testExtraKeysAreSortedAsTheTreeSortsThem() {
        let extra = ["z": "1", "a": "2", "_": "3", "A": "4", "ä": "5", "😀": "6", "a.b": "7", "a[0]": "8", "é": "9", "\u{7F}": "10"]
        assertSameEvent(.received(Intake(channel: .web, receivedAt: Date(timeIntervalSince1970: 0), body: "b", extra: extra)), offset: 0)
    }

    func testOddDatesEncodeToTheSameBytes() {
        let seconds: [Double] = [0, -1, -0.5, 0.999, 1_775_440_800, 1_775_440_799.999, -86_400 * 365 * 100,
                                 253_402_300_799, 253_402_300_800, -62_135_596_800, -62_135_596_801, 4e11]
        for s in seconds {
            for offset in [0, 7 * 3600, -3600, 30 * 60, -(12 * 3600 + 45 * 60)] {
                let intake = Intake(channel: .sms, receivedAt: Date(timeIntervalSince1970: s), body: "x")
                assertSameEvent(.received(intake), offset: offset)
            }
        }
    }

    // MARK: - Helpers

    /// The escaping rules one byte at a time, written plainly (the tree writer's former loop): the
    /// specification the fast writer is held against.
    static func referenceQuoted(_ s: String) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ v: UInt32, _ out: inout [UInt8]) {
            out += [0x5C, UInt8(ascii: "u"), hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)], hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)]]
        }
        var out: [UInt8] = [0x22]
        let u = Array(s.utf8)
        var k = 0
        while k < u.count {
            let b = u[k]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00...0x1F, 0x7F: escape(UInt32(b), &out)
            case 0xC2 where k + 1 < u.count && (0x80...0x9F).contains(u[k + 1]):
                escape(UInt32(u[k + 1]), &out)
                k += 1
            case 0xD8 where k + 1 < u.count && u[k + 1] == 0x9C: // U+061C ARABIC LETTER MARK
                escape(0x061C, &out)
                k += 1
            case 0xE2 where k + 2 < u.count && u[k + 1] == 0x80 && (u[k + 2] == 0xA8 || u[k + 2] == 0xA9):
                escape(u[k + 2] == 0xA8 ? 0x2028 : 0x2029, &out)
                k += 2
            case 0xE2 where k + 2 < u.count
                && ((u[k + 1] == 0x80 && [0x8E, 0x8F, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE].contains(u[k + 2]))
                    || (u[k + 1] == 0x81 && (0xA6...0xA9).contains(u[k + 2]))):
                escape(0x2000 | UInt32(u[k + 1] & 0x0F) << 6 | UInt32(u[k + 2] & 0x3F), &out)
                k += 2
            default: out.append(b)
            }
            k += 1
        }
        return out + [0x22]
    }

    func testReferenceLoopPinsEachEscape() {
        XCTAssertEqual(String(decoding: Self.referenceQuoted("a\"\\\n\r\t\u{1}\u{7F}\u{85}\u{2028}\u{202E}\u{2066}\u{61C}é"), as: UTF8.self),
                       #""a\"\\\n\r\t\u0001\u007f\u0085\u2028\u202e\u2066\u061cé""#)
    }

    func assertSameString(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        let tree = Self.referenceQuoted(s)
        var direct: [UInt8] = []
        JSONStringWriter.appendQuoted(s, to: &direct)
        XCTAssertEqual(direct, tree, "\(s.unicodeScalars.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    func assertSameEvent(_ e: DomainEvent, offset: Int, file: StaticString = #filePath, line: UInt = #line) {
        let direct = EventCodec.encode(e, offsetSeconds: offset)
        let tree = EventCodec.encodeTree(e, offsetSeconds: offset)
        XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: tree, as: UTF8.self),
                       "\(e.type) at offset \(offset)", file: file, line: line)
        XCTAssertEqual(direct, tree, "\(e.type) at offset \(offset)", file: file, line: line)
    }
}
