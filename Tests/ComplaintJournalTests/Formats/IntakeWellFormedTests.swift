import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// A bulk import reads well-formed intake lines through `Intake.decodeWellFormed` (a tape, no tree) and
/// leaves everything else to `IntakeDecoder`. Whenever the fast reader accepts a line, the full decoder
/// must accept it too, without a warning, and yield the very same intake; whatever the full decoder
/// rejects or warns about, the fast reader must leave to it.
final class IntakeWellFormedTests: XCTestCase {
    static let hostile = #"Ada \"kutipan\", \\ miring \/ baris\nbaru\ttab \u0000 \u001b[2J \u007f \u0085 \u2028 \u202e \ud83d\ude00 😀 漢字 ꦗꦮ"#

    /// Lines the fast reader must accept (and decode exactly as the full decoder does).
    static let wellFormed: [String] = [
        #"{"channel":"sms","body":"Jalan rusak"}"#,
        #"  {"body":"x","channel":"walk-in"}  "#,
        Fx.exampleLine,
        #"{"external_id":"wa-1","channel":"whatsapp","received_at":"2026-04-01T08:15:00+07:00","title":"T","body":"B","classification":"aspirasi","category":"c","subcategory":"s","location":{"province":"Bali","regency":"Badung","district":"Kuta","detail":"d"},"incident_date":"2026-03-28","agency":"kemenkes","reporter":{"name":"Ni Luh","nik":"3201000011112222","phone":"+62","email":"a@b","groups":["lansia","perempuan","lansia"]},"anonymous":true,"confidential":false,"attachments":[{"name":"f.jpg","ref":"sha256:ab"},{"name":"g"}],"tags":["x","y"]}"#,
        #"{"channel":"web","body":"n","title":null,"location":null,"reporter":null,"attachments":null,"tags":null,"anonymous":null,"received_at":null,"classification":null}"#,
        #"{"channel":"web","body":"n","location":{"province":null,"regency":"R"},"reporter":{"groups":[],"name":null},"attachments":[{"name":"a","ref":null}],"tags":[]}"#,
        #"{"channel":"email","body":"\#(hostile)","title":"\#(hostile)","tags":["\#(hostile)"],"reporter":{"name":"\#(hostile)"}}"#,
        #"{"channel":"sms","body":"b","received_at":"2026-04-01T08:15:00.250Z"}"#,
        #"{"channel":"sms","body":"b","received_at":"2026-04-01 08:15:00-05:30"}"#,
        "{\"channel\":\"sms\",\r\n\t\"body\" : \"spasi\" }",
    ]

    /// Lines the fast reader must leave to the full decoder (a problem, a warning, or an unusual form).
    static let leftToTheFullDecoder: [String] = [
        "", "   ", "not json", "[]", "\"text\"", "null", "{}", #"{"channel":"sms"}"#, #"{"body":"b"}"#,
        #"{"channel":"fax","body":"b"}"#, #"{"channel":"sms","body":"   "}"#, #"{"channel":"sms","body":5}"#,
        #"{"channel":"sms","body":"b","body":"c"}"#, #"{"channel":"sms","body":"b","title":null,"title":"t"}"#,
        #"{"channel":"sms","body":"b","extra_field":1}"#, #"{"channel":"sms","body":"b","location":{"kota":"x"}}"#,
        #"{"channel":"sms","body":"b","reporter":{"groups":["x"]}}"#, #"{"channel":"sms","body":"b","reporter":{"groups":[null]}}"#,
        #"{"channel":"sms","body":"b","received_at":"kemarin"}"#, #"{"channel":"sms","body":"b","received_at":"2026-04-01"}"#,
        #"{"channel":"sms","body":"b","incident_date":"2026-13-01"}"#, #"{"channel":"sms","body":"b","incident_date":"2026-04-01T00:00:00Z"}"#,
        #"{"channel":"sms","body":"b","external_id":""}"#, #"{"channel":"sms","body":"b","attachments":[{"ref":"r"}]}"#,
        #"{"channel":"sms","body":"b","attachments":[{"name":""}]}"#, #"{"channel":"sms","body":"b","attachments":[null]}"#,
        #"{"channel":"sms","body":"b","attachments":{}}"#, #"{"channel":"sms","body":"b","tags":["a",1]}"#,
        #"{"channel":"sms","body":"b","anonymous":"true"}"#, #"{"channel":"sms","body":"b","location":"Bali"}"#,
        #"{"channel":"sms","body":"b\ud800"}"#, #"{"channel":"sms","body":"b"} x"#,
        #"{"channel":"sms","body":"b","title":"\u0000","tags":[[[]]]}"#, "{\"channel\":\"sms\",\"body\":\"tab\there\"}",
    ]

    func testWellFormedLinesDecodeExactlyAsTheFullDecoderDoes() throws {
        for line in Self.wellFormed {
            let fast = Self.fast(line)
            XCTAssertNotNil(fast, line)
            let (slow, warnings) = try XCTUnwrap(Fx.accepted(Self.slow(line)), line)
            XCTAssertEqual(warnings, [], line)
            XCTAssertEqual(fast, slow, line)
        }
    }

    func testEverythingUnusualIsLeftToTheFullDecoder() {
        for line in Self.leftToTheFullDecoder {
            XCTAssertNil(Self.fast(line), line)
            if case let .accepted(_, warnings) = Self.slow(line) {
                XCTAssertFalse(warnings.isEmpty, "only lines with a problem or a warning belong here: \(line)")
            }
        }
        // An escaped key is valid, but read by the full decoder only.
        XCTAssertNil(Self.fast(#"{"ch\u0061nnel":"sms","body":"b"}"#))
        XCTAssertNotNil(Fx.accepted(Self.slow(#"{"ch\u0061nnel":"sms","body":"b"}"#)))
        // Invalid UTF-8 is never read by the fast path (the full path names the byte column).
        let bad: [UInt8] = Array(#"{"channel":"sms","body":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        XCTAssertNil(bad.withUnsafeBufferPointer { Intake.decodeWellFormed($0, importTime: Fx.importTime) })
    }

    func testMutatedLinesNeverDecodeDifferently() {
        var rng = SeededGenerator(seed: 5)
        let pieces: [[UInt8]] = ["\"", "\\", "{", "}", "[", "]", ",", ":", "null", "1", "\"x\"", "\u{0}", "é", "\u{2028}", "true", " "]
            .map { Array($0.utf8) }
        var accepted = 0
        for round in 0..<4_000 {
            var bytes = Array(Self.wellFormed[round % Self.wellFormed.count].utf8)
            for _ in 0..<(1 + Int(rng.next() % 3)) where !bytes.isEmpty {
                let at = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            let fast = bytes.withUnsafeBufferPointer { Intake.decodeWellFormed($0, importTime: Fx.importTime) }
            guard let fast else { continue }
            accepted += 1
            let text = String(decoding: bytes, as: UTF8.self)
            guard case let .accepted(slow, warnings) = IntakeDecoder.decode(line: bytes, file: "m", line: 1, importTime: Fx.importTime) else {
                XCTFail("fast path accepted what the full decoder rejects: \(text)")
                continue
            }
            XCTAssertEqual(warnings, [], text)
            XCTAssertEqual(fast, slow, text)
        }
        XCTAssertGreaterThan(accepted, 100, "the mutations also produce lines the fast path reads")
    }

    func testLargeFileKeepsLineNumbersProblemsAndDuplicatesInOrder() {
        // Enough lines that the decoding runs on several workers.
        var text = ""
        var expectedRecords: [Int] = []
        var expectedProblems: [Int] = []
        for n in 1...3_000 {
            switch n % 250 {
            case 7: text += "not json\n"; expectedProblems.append(n)
            case 8: text += "   \r\n"
            // Every copy is handed on: the desk records the first it accepts.
            case 9: text += #"{"channel":"sms","body":"dup","external_id":"e-1"}"# + "\r\n"; expectedRecords.append(n)
            case 10: text += #"{"channel":"sms","body":"b","zz_unknown":[1,{"a":null}]}"# + "\n"; expectedRecords.append(n)
            default: text += #"{"channel":"web","body":"laporan \#(n)","external_id":"x-\#(n)"}"# + "\n"; expectedRecords.append(n)
            }
        }
        text += #"{"channel":"web","body":"last line without newline"}"#
        expectedRecords.append(3_001)
        let batch = IntakeFile.decodeLines(bytes: Array(text.utf8), fileName: "besar.jsonl", importTime: Fx.importTime)
        XCTAssertEqual(batch.records.map(\.line), expectedRecords)
        XCTAssertEqual(batch.problems.map(\.line), expectedProblems)
        XCTAssertTrue(batch.problems.allSatisfy { $0.description.hasPrefix("besar.jsonl:\($0.line): not valid JSON") })
        XCTAssertEqual(batch.records.first { $0.line == 10 }?.intake.extra, ["zz_unknown": #"[1,{"a":null}]"#])
        XCTAssertEqual(batch.warnings.filter { $0.field == "external_id" }, [])
        XCTAssertEqual(batch.warnings.filter { $0.field == "zz_unknown" }.map(\.line), Array(stride(from: 10, through: 3_000, by: 250)),
                       "each line that keeps the field says so (import says it once)")
        XCTAssertEqual(batch.records.first { $0.line == 12 }?.intake.body, "laporan 12")
    }

    /// Scripts hand `import` pipes (`<(zcat f.gz)`, a FIFO, `/dev/stdin`) as well as files (QA: every one of
    /// those was "cannot read the file").
    func testReadBytesReadsRegularFilesPipesAndDevices() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let path = folder.appendingPathComponent("laporan.jsonl").path
        let content = Array((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try TestSupport.write(content, to: path)
        XCTAssertEqual(IntakeFile.readBytes(atPath: path), content)
        XCTAssertEqual(IntakeFile.readBytes(atPath: "/dev/null"), [])
        XCTAssertNil(IntakeFile.readBytes(atPath: folder.appendingPathComponent("hilang.jsonl").path))
        XCTAssertNil(IntakeFile.readBytes(atPath: folder.path), "a folder is not a stream")
        // A named pipe, written by another thread in blocks larger than one read.
        let fifo = folder.appendingPathComponent("pipa").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        XCTAssertEqual(IntakeFile.readBytes(atPath: fifo), content)
    }

    // MARK: - Helpers

    static func fast(_ line: String) -> Intake? {
        Array(line.utf8).withUnsafeBufferPointer { Intake.decodeWellFormed($0, importTime: Fx.importTime) }
    }

    static func slow(_ line: String) -> IntakeDecoding {
        IntakeDecoder.decode(line: line, file: "t.jsonl", line: 1, importTime: Fx.importTime)
    }
}
