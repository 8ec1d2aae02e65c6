import Foundation
import XCTest
import Complaints
@testable import ComplaintJournal

final class EnvelopeCodecTests: XCTestCase {
    private func encodeLine(_ entry: NewEntry, seq: UInt64 = 42) throws -> [UInt8] {
        try EnvelopeEncoder.encode(entry, seq: seq)
    }

    private func decode(_ line: [UInt8]) throws -> JournalEntry {
        var body = line
        if body.last == 0x0A { body.removeLast() }
        return try body.withUnsafeBufferPointer {
            try EnvelopeDecoder.decode($0, position: JournalPosition(segment: 1, line: 1))
        }
    }

    func testLineLayoutMatchesTheSpecification() throws {
        let entry = NewEntry(
            eventID: "e1", reportID: "1234567", at: Date(timeIntervalSince1970: 1_775_006_100), utcOffsetSeconds: 7 * 3600,
            actor: JournalActor(name: "siti", role: "admin-nasional", agency: "pemkab-sleman", unit: nil, osUser: "root"),
            type: "report.verified", payload: Array("{\"a\":1}".utf8))
        let line = try encodeLine(entry)
        let text = String(decoding: line, as: Unicode.UTF8.self)
        let expectedPrefix = "{\"v\":1,\"seq\":42,\"id\":\"e1\",\"report\":\"1234567\",\"at\":\"2026-04-01T08:15:00+07:00\","
            + "\"actor\":{\"name\":\"siti\",\"role\":\"admin-nasional\",\"agency\":\"pemkab-sleman\",\"unit\":null,\"os\":\"root\"},"
            + "\"type\":\"report.verified\",\"data\":{\"a\":1}"
        XCTAssertTrue(text.hasPrefix(expectedPrefix), text)
        XCTAssertEqual(line.last, 0x0A)
        let trailer = String(decoding: line[(line.count - 17)..<(line.count - 1)], as: Unicode.UTF8.self)
        XCTAssertTrue(trailer.hasPrefix(",\"c\":\""))
        let checksum = CRC32C.checksum(Array(line[0..<(line.count - 17)]))
        XCTAssertEqual(trailer, ",\"c\":\"" + EnvelopeDecoder.hex8(checksum) + "\"}")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    func testHostileStringsRoundTripAndStayOnOneValidJSONLine() throws {
        for hostile in TestSupport.hostileStrings {
            let entry = NewEntry(
                eventID: "id " + hostile, reportID: hostile, at: Date(timeIntervalSince1970: 0), utcOffsetSeconds: -5 * 3600 - 30 * 60,
                actor: JournalActor(name: "n" + hostile, role: hostile, agency: hostile, unit: hostile, osUser: hostile),
                type: "t" + hostile, payload: Array("{\"x\":\"ok\"}".utf8))
            let line = try encodeLine(entry)
            XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "exactly one newline for \(hostile.debugDescription)")
            XCTAssertFalse(line.contains(0x0D))
            XCTAssertFalse(line.dropLast().contains { $0 < 0x20 }, "no raw control bytes")
            let text = String(decoding: line, as: Unicode.UTF8.self)
            XCTAssertFalse(text.contains("\u{2028}") || text.contains("\u{2029}"), "U+2028/2029 are escaped")
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            XCTAssertEqual(object["report"] as? String, hostile)
            let decoded = try decode(line)
            XCTAssertEqual(decoded.reportID, hostile)
            XCTAssertEqual(decoded.eventID, "id " + hostile)
            XCTAssertEqual(decoded.actor, entry.actor)
            XCTAssertEqual(decoded.type, entry.type)
            XCTAssertEqual(decoded.atText, "1969-12-31T18:30:00-05:30")
            XCTAssertEqual(decoded.at, entry.at)
            XCTAssertEqual(decoded.utcOffsetSeconds, -19800)
            XCTAssertEqual(decoded.payload, Array("{\"x\":\"ok\"}".utf8))
            XCTAssertEqual(decoded.seq, 42)
        }
    }

    /// The start-up fold's decode: the same entry without the id, timestamp text, actor and payload copy
    /// (the payload and the actor are the slices it names), the type a shared name when known, and the same
    /// refusals.
    func testFoldDecodeMatchesTheFullDecodeWithoutItsCopies() throws {
        let names = ["report.note-added", "t-known"]
        func fold(_ line: [UInt8]) throws -> (FoldEntry, [UInt8]) {
            try foldWithActor(line).0
        }
        func foldWithActor(_ line: [UInt8]) throws -> ((FoldEntry, [UInt8]), JournalActor) {
            var body = line
            if body.last == 0x0A { body.removeLast() }
            return try body.withUnsafeBufferPointer { b in
                let f = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true, typeNames: names)
                let (entry, checksum) = (f.entry, f.checksum)
                XCTAssertEqual(checksum, CRC32C.checksum(Array(b[0..<(b.count - 16)])), "the checksum the line records")
                // The payload handed out is the line's bytes from `payloadStart` to the trailer.
                XCTAssertEqual(Array(f.parts.payload), Array(b[f.payloadStart..<(b.count - 16)]))
                return ((entry, Array(f.parts.payload)), try EnvelopeDecoder.actor(fromObject: f.parts.actor))
            }
        }
        for hostile in TestSupport.hostileStrings + ["", "t-known"] {
            for type in ["t-known", "t" + hostile, "report.note-added"] {
                let entry = NewEntry(
                    eventID: "id " + hostile, reportID: hostile.isEmpty ? "1" : hostile, at: Date(timeIntervalSince1970: 12.5),
                    utcOffsetSeconds: 7 * 3600, actor: JournalActor(name: "n" + hostile, role: "r", agency: hostile, unit: nil, osUser: nil),
                    type: type, payload: Array("{\"x\":\"\(hostile.isEmpty ? "ok" : "y")\"}".utf8))
                let line = try encodeLine(entry)
                let full = try decode(line)
                let ((lean, payload), actor) = try foldWithActor(line)
                XCTAssertEqual(payload, full.payload)
                XCTAssertEqual(actor, full.actor, "the actor slice reads back as the full decode's actor")
                let expected = FoldEntry(seq: full.seq, reportID: full.reportID, at: full.at, type: full.type, position: full.position,
                                         kind: EventKind(typeName: full.type))
                XCTAssertEqual(lean, expected, hostile.debugDescription)
                if type == names[0] {
                    // A known name is the shared string itself, not an equal copy (long enough to live on the heap).
                    var a = lean.type, b = names[0]
                    XCTAssertEqual(a.withUTF8 { UnsafeRawPointer($0.baseAddress) }, b.withUTF8 { UnsafeRawPointer($0.baseAddress) })
                }
            }
        }
        // A type written with an escape is still read right (built, not shared).
        var text = String(decoding: try encodeLine(TestSupport.entry(1)).dropLast(17), as: Unicode.UTF8.self)
        text = text.replacingOccurrences(of: "\"type\":\"report.noted\"", with: "\"type\":\"report.note\\u002dadded\"")
        var line = Array(text.utf8)
        line += Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(line)) + Array("\"}".utf8)
        XCTAssertEqual(try fold(line).0.type, "report.note-added")
        XCTAssertNil(try fold(line).0.kind, "an escaped name is left to the kind lookup of the decoded string")
        // With the fold's own names (in the kinds' order) every type is its kind and its shared name.
        for kind in EventKind.allCases {
            var entryLine = try encodeLine(TestSupport.entry(3, type: kind.typeName))
            if entryLine.last == 0x0A { entryLine.removeLast() }
            let lean = try entryLine.withUnsafeBufferPointer { b in
                try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true,
                                                  typeNames: DomainEvent.typeNames).entry
            }
            XCTAssertEqual(lean.kind, kind)
            var a = lean.type, b = DomainEvent.typeNames[kind.rawValue]
            XCTAssertEqual(a.withUTF8 { UnsafeRawPointer($0.baseAddress) }, b.withUTF8 { UnsafeRawPointer($0.baseAddress) }, kind.typeName)
        }
        // Damage is refused exactly as the full decode refuses it.
        var damaged = try encodeLine(TestSupport.entry(2))
        damaged[10] ^= 0x01
        XCTAssertThrowsError(try fold(damaged))
        XCTAssertThrowsError(try decode(damaged))
    }

    /// The scan's digest reads a verified line's recorded checksum without checking it again: it must read
    /// exactly what the trailer check reads.
    func testTheRecordedChecksumOfAVerifiedLineIsTheTrailers() throws {
        for n in 1...200 {
            var line = try encodeLine(TestSupport.entry(n, payload: "{\"text\":\"\(String(repeating: "x", count: n))\"}"))
            if line.last == 0x0A { line.removeLast() }
            try line.withUnsafeBufferPointer { b in
                let (_, stored) = try EnvelopeDecoder.checkTrailer(b, verifyChecksum: true)
                XCTAssertEqual(EnvelopeDecoder.recordedChecksum(ofVerified: b), stored)
            }
        }
    }

    func testDecoderUnescapesEveryJSONEscapeIncludingSurrogatePairs() throws {
        let entry = TestSupport.entry(1)
        var text = String(decoding: try encodeLine(entry).dropLast(17), as: Unicode.UTF8.self)
        text = text.replacingOccurrences(of: "\"report\":\"1234567\"", with: "\"report\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\u2028\"")
        var line = Array(text.utf8)
        line += Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(line)) + Array("\"}".utf8)
        let decoded = try decode(line)
        XCTAssertEqual(decoded.reportID, "a\"\\/\u{8}\u{C}\n\r\té😀\u{2028}")
    }

    func testDecoderRejectsLoneSurrogatesAndRawControlCharacters() throws {
        for bad in ["\\ud83d", "\\ude00x", "raw\u{1}ctl", "\\x41"] {
            var text = String(decoding: try encodeLine(TestSupport.entry(1)).dropLast(17), as: Unicode.UTF8.self)
            text = text.replacingOccurrences(of: "\"report\":\"1234567\"", with: "\"report\":\"\(bad)\"")
            var line = Array(text.utf8)
            line += Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(line)) + Array("\"}".utf8)
            XCTAssertThrowsError(try decode(line), bad.debugDescription)
        }
    }

    func testTimestampsKeepOffsetAndMilliseconds() throws {
        let cases: [(Double, Int, String)] = [
            (1_775_006_100, 7 * 3600, "2026-04-01T08:15:00+07:00"),
            (1_775_006_100.25, 0, "2026-04-01T01:15:00.250+00:00"),
            (951_782_400, 9 * 3600, "2000-02-29T09:00:00+09:00"),
            (-1, 0, "1969-12-31T23:59:59+00:00"),
            (1_775_006_100, -(3 * 3600 + 30 * 60), "2026-03-31T21:45:00-03:30"),
        ]
        for (seconds, offset, expected) in cases {
            var entry = TestSupport.entry(1)
            entry.at = Date(timeIntervalSince1970: seconds)
            entry.utcOffsetSeconds = offset
            let decoded = try decode(try encodeLine(entry))
            XCTAssertEqual(decoded.atText, expected)
            XCTAssertEqual(decoded.at.timeIntervalSince1970, seconds, accuracy: 0.0005)
            XCTAssertEqual(decoded.utcOffsetSeconds, offset)
        }
    }

    func testInvalidFieldsAreRejectedWithTheFieldName() {
        var noType = TestSupport.entry(1)
        noType.type = ""
        var badOffset = TestSupport.entry(1)
        badOffset.utcOffsetSeconds = 7 * 3600 + 1
        var noID = TestSupport.entry(1)
        noID.eventID = ""
        for (entry, field) in [(noType, "type"), (badOffset, "at"), (noID, "id")] {
            XCTAssertThrowsError(try encodeLine(entry)) { error in
                guard case let JournalError.invalidEntry(actualField, _) = error else {
                    return XCTFail("unexpected \(error)")
                }
                XCTAssertEqual(actualField, field)
            }
        }
    }

    /// `line` (no newline) with `"seq":42` written as `seq`, its checksum trailer computed again.
    private func resealed(_ line: [UInt8], seq: String) -> [UInt8] {
        var text = String(decoding: line.dropLast(EnvelopeDecoder.trailerLength), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"seq\":42,", with: "\"seq\":\(seq),")
        let prefix = Array(text.utf8)
        return prefix + Array(",\"c\":\"\(EnvelopeDecoder.hex8(CRC32C.checksum(prefix)))\"}".utf8)
    }

    /// The sequence number and version are written digit by digit (no string between): every width from
    /// one digit to the largest number reads back as written and as `String(seq)` spells it.
    func testSequenceNumbersOfEveryWidthAreWrittenAsTheirDecimalDigits() throws {
        var seqs: [UInt64] = [1, 9, 10, 11, 99, 100, 101, 909, 1_000, 65_536, 999_999_999, 1_000_000_000, UInt64.max]
        var power: UInt64 = 1
        for _ in 0..<19 {
            seqs += [power, power + 7, power * 9]
            power *= 10
        }
        for seq in seqs {
            let line = try encodeLine(TestSupport.entry(1), seq: seq)
            let text = String(decoding: line, as: Unicode.UTF8.self)
            XCTAssertTrue(text.hasPrefix("{\"v\":1,\"seq\":\(seq),\"id\":"), text)
            XCTAssertEqual(try decode(line).seq, seq)
        }
    }

    /// Sequence numbers are read without a check per digit while they cannot overflow (19 digits): the
    /// largest number still decodes, one more fails as too large, and leading zeros fail, in both walks.
    func testSequenceNumbersUpToTheLargestDecodeAndLargerOrZeroPaddedOnesFail() throws {
        var line = try encodeLine(TestSupport.entry(1))
        line.removeLast()
        // (seq as written, the number decoded or the reason it fails)
        let cases: [(String, Any)] = [
            ("7", UInt64(7)), ("9999999999999999999", UInt64(9_999_999_999_999_999_999)),
            ("10000000000000000000", UInt64(10_000_000_000_000_000_000)), ("18446744073709551615", UInt64.max),
            ("18446744073709551616", "field seq: number too large"), ("99999999999999999999", "field seq: number too large"),
            ("123456789012345678901234", "field seq: number too large"),
            ("0042", "field seq: leading zero"), ("0", "field seq: must be at least 1"),
            ("", "field seq: number expected"), ("-1", "field seq: number expected"),
        ]
        for (text, expected) in cases {
            let sealed = resealed(line, seq: text)
            func outcome(_ decode: (UnsafeBufferPointer<UInt8>) throws -> UInt64) -> Result<UInt64, EnvelopeDecoder.Failure> {
                do { return .success(try sealed.withUnsafeBufferPointer(decode)) } catch {
                    return .failure(error as? EnvelopeDecoder.Failure ?? EnvelopeDecoder.Failure(reason: "\(error)"))
                }
            }
            let full = outcome { try EnvelopeDecoder.decode($0, position: JournalPosition(segment: 1, line: 1)).seq }
            let fold = outcome {
                try EnvelopeDecoder.decodeForFold($0, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true,
                                                  typeNames: DomainEvent.typeNames).entry.seq
            }
            for (walk, result) in [("full", full), ("fold", fold)] {
                switch (result, expected) {
                case let (.success(seq), want as UInt64): XCTAssertEqual(seq, want, "\(walk) \(text)")
                case let (.failure(failure), reason as String):
                    XCTAssertEqual(failure.reason, reason, "\(walk) \(text)")
                    XCTAssertTrue(failure.checksumVerified, "\(walk) \(text): a whole line, not a torn one")
                default: XCTFail("\(walk) \(text): \(result) where \(expected) was expected")
                }
            }
        }
    }

    static let invalidPayloads: [[UInt8]] = [
        [], Array("[]".utf8), Array("\"text\"".utf8), Array("null".utf8), Array("{".utf8), Array("}".utf8),
        Array("{\"a\":1}\n".utf8), Array("{\"a\":\n1}".utf8), Array("{\"a\":1}\r".utf8), Array("{\"a\":1}{}".utf8),
        Array("{\"a\":tru}".utf8), Array("{\"a\":01}".utf8), Array("{'a':1}".utf8), Array("{\"a\":1,}".utf8),
        Array("{\"a\":\"\u{1}\"}".utf8), Array("{\"a\":\"line\nbreak\"}".utf8), Array("{\"a\":\"\\q\"}".utf8),
        [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D],
        Array(("{\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}").utf8),
        Array("{\"a\":1.}".utf8), Array("{\"a\":-}".utf8), Array("{\"a\" 1}".utf8), Array("{\"a\":[1 2]}".utf8),
    ]

    func testInvalidPayloadsAreRejected() {
        for payload in Self.invalidPayloads {
            var entry = TestSupport.entry(1)
            entry.payload = payload
            XCTAssertThrowsError(try encodeLine(entry), String(decoding: payload, as: Unicode.UTF8.self).debugDescription) { error in
                guard case let JournalError.invalidEntry(field, _) = error else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(field, "data")
            }
        }
    }

    func testValidPayloadsAreStoredVerbatimWithoutSurroundingSpaces() throws {
        let payloads = [
            "{}", " {\"a\":[1,2.5e3,-0,true,false,null,{\"b\":\"\\u2028\\n\"}],\"c\":\"漢字👩🏽‍🚒\"}\t",
            "{\"deep\":" + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}",
            "{ \"spaced\" : [ 1 , { } ] }",
        ]
        for payload in payloads {
            var entry = TestSupport.entry(1)
            entry.payload = Array(payload.utf8)
            let decoded = try decode(try encodeLine(entry))
            XCTAssertEqual(decoded.payload, Array(payload.trimmingCharacters(in: CharacterSet(charactersIn: " \t")).utf8))
        }
    }
}
