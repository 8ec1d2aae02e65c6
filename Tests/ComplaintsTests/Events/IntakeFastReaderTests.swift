import SeededRandom
import XCTest
@testable import Complaints

/// `IntakeFastReader` reads a receipt's payload without a tape, and must never disagree with the tape:
/// whatever it accepts, the tape accepts and reads to the same intake (body left in the journal the same
/// way); whatever is not laid out as this program writes it, it leaves to the tape. Checked on intakes with
/// every field, hostile text in each, and on thousands of damaged copies of their payloads.
final class IntakeFastReaderTests: XCTestCase {
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
    func throughTape(_ payload: [UInt8], origin: PayloadOrigin?) -> DomainEvent? {
        payload.withUnsafeBufferPointer { try? EventCodec.decodeThroughTape(type: "report.received", kind: .received, payloadBytes: $0, origin: origin) }
    }

    func fast(_ payload: [UInt8], origin: PayloadOrigin?) -> Intake? {
        payload.withUnsafeBufferPointer { IntakeFastReader.read($0, origin: origin) }
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
    }

    /// Damaged copies (a byte removed, added, replaced, or two swapped): whenever the fast reader accepts
    /// one, the tape accepts it too and reads the same intake.
    func testDamagedPayloadsTheFastReaderAcceptsReadTheSameThroughTheTape() {
        var random = SeededGenerator(seed: 21)
        let alphabet = Array("\"\\{}[],:0aetrufln ".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]
        let payloads = Self.intakes().prefix(12).map { EventCodec.encode(.received($0)) }
        var accepted = 0
        for round in 0..<6_000 {
            var bytes = payloads[round % payloads.count]
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                case 2: bytes[at] = alphabet.randomElement(using: &random)!
                default: if at + 1 < bytes.count { bytes.swapAt(at, at + 1) }
                }
            }
            guard let quick = fast(bytes, origin: Self.origin) else { continue }
            accepted += 1
            guard case let .received(slow) = throughTape(bytes, origin: Self.origin) else {
                return XCTFail("round \(round): the fast reader accepted what the tape refuses: \(String(decoding: bytes, as: UTF8.self).prefix(120))")
            }
            assertSame(quick, slow, "round \(round)")
        }
        XCTAssertGreaterThan(accepted, 500, "damage inside strings still reads: the comparison was made")
    }
}
