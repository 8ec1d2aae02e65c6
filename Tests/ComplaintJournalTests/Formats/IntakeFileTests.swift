import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

final class IntakeFileTests: XCTestCase {
    private func decode(_ bytes: [UInt8], maxLineBytes: Int = IntakeFile.defaultMaxLineBytes) -> IntakeBatch {
        IntakeFile.decodeLines(bytes: bytes, fileName: "sms.jsonl", importTime: Fx.importTime, maxLineBytes: maxLineBytes)
    }

    private func decode(_ text: String) -> IntakeBatch { decode(Array(text.utf8)) }

    func testMixedFileKeepsGoodLinesAndNamesBadOnes() {
        let text = """
        {"channel":"sms","body":"satu","external_id":"a"}
        not json
        {"channel":"fax","body":"dua"}
        {"channel":"sms","body":"tiga","reporter":{"groups":["perempuan","x"]}}
        {"channel":"sms","body":"empat","location":{"regency":7}}
        {"channel":"sms"}
        {"channel":"web","body":"lima","received_at":"kemarin"}
        {"channel":"web","body":"enam","incident_date":"2026-13-01"}
        {"channel":"email","body":"tujuh"}
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [1, 9])
        XCTAssertEqual(batch.records.map(\.intake.body), ["satu", "tujuh"])
        let problems = batch.problems.map(\.description)
        XCTAssertEqual(problems.count, 7)
        XCTAssertEqual(problems[0], "sms.jsonl:2: not valid JSON: invalid literal (expected null) at byte column 1")
        XCTAssertTrue(problems[1].hasPrefix("sms.jsonl:3: channel: unknown value 'fax'"))
        XCTAssertTrue(problems[2].hasPrefix("sms.jsonl:4: reporter.groups[1]: unknown value 'x'"))
        XCTAssertEqual(problems[3], "sms.jsonl:5: location.regency: expected a string, found a number")
        XCTAssertEqual(problems[4], "sms.jsonl:6: body: missing (required)")
        XCTAssertTrue(problems[5].hasPrefix("sms.jsonl:7: received_at: not an RFC 3339 time"))
        XCTAssertTrue(problems[6].hasPrefix("sms.jsonl:8: incident_date: not a date"))
    }

    func testBOMCRLFBlankLinesAndLastLineWithoutNewline() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("""
        {"channel":"sms","body":"satu"}\r
        \r
           \t\r

        {"channel":"sms","body":"dua\\r\\n"}\r
        {"channel":"sms","body":"tiga"}
        """.utf8)
        let batch = decode(bytes)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.records.map(\.line), [1, 5, 6])
        XCTAssertEqual(batch.records.map(\.intake.body), ["satu", "dua\r\n", "tiga"])
    }

    func testBOMOnlyCountsAtTheStart() {
        let batch = decode("{\"channel\":\"sms\",\"body\":\"a\"}\n\u{FEFF}{\"channel\":\"sms\",\"body\":\"b\"}\n")
        XCTAssertEqual(batch.records.count, 1)
        XCTAssertEqual(batch.problems.map(\.line), [2])
    }

    func testInvalidUTF8RejectsOnlyThatLine() {
        let bad: [UInt8] = Array(#"{"channel":"sms","body":"ru"#.utf8) + [0xFF] + Array(#"sak"}"#.utf8)
        let bytes = Array(#"{"channel":"sms","body":"baik"}"#.utf8) + [0x0A] + bad + [0x0A]
            + Array(#"{"channel":"sms","body":"juga baik"}"#.utf8)
        let batch = decode(bytes)
        XCTAssertEqual(batch.records.map(\.intake.body), ["baik", "juga baik"])
        XCTAssertEqual(batch.problems.map(\.description), ["sms.jsonl:2: invalid UTF-8 at byte column 28"])
    }

    func testAOneMegabyteBodyWorks() throws {
        let body = String(repeating: "Jalan rusak parah ꦗꦮ. ", count: 40_000)
        XCTAssertGreaterThan(body.utf8.count, 1_000_000)
        let line = JSONValue.object(["channel": .string("web"), "body": .string(body)]).compactText
        let batch = decode(line + "\n" + #"{"channel":"sms","body":"kecil"}"#)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.records.count, 2)
        XCTAssertEqual(batch.records.first?.intake.body, body)
    }

    func testOverlongLineIsRejectedAndOthersKept() {
        let long = #"{"channel":"web","body":""# + String(repeating: "x", count: 200) + #""}"#
        let text = #"{"channel":"sms","body":"a"}"# + "\n" + long + "\n" + #"{"channel":"sms","body":"b"}"#
        let batch = decode(Array(text.utf8), maxLineBytes: 100)
        XCTAssertEqual(batch.records.map(\.intake.body), ["a", "b"])
        XCTAssertEqual(batch.problems.map(\.line), [2])
        XCTAssertTrue(batch.problems.first?.message.hasPrefix("line is longer than") ?? false)
    }

    /// Every copy is handed on: the desk records the first it accepts (a copy after a refused line is not lost).
    func testDuplicateExternalIDsWithinAFileAreAllHandedToTheDesk() {
        let text = """
        {"channel":"sms","external_id":"x-1","body":"pertama"}
        {"channel":"web","external_id":"x-1","body":"kanal lain, bukan duplikat"}
        {"channel":"sms","external_id":"x-1","body":"kedua"}
        {"channel":"sms","body":"tanpa id"}
        {"channel":"sms","body":"tanpa id"}
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [1, 2, 3, 4, 5])
        XCTAssertEqual(batch.warnings, [])
        XCTAssertEqual(batch.problems, [])
    }

    /// QA: the same accented id written two ways (é, and e with a combining accent) was taken for one id,
    /// and the second report skipped. A channel's id is a code: compared byte for byte, here and in the desk.
    func testExternalIDsThatAreEqualOnlyAsTextAreTwoReports() {
        let text = #"{"channel":"web","external_id":"caf\u00e9-1","body":"pertama"}"# + "\n"
            + #"{"channel":"web","external_id":"cafe\u0301-1","body":"kedua"}"#
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [1, 2])
        XCTAssertEqual(batch.warnings, [])
        var desk = Desk()
        for (k, record) in batch.records.enumerated() {
            desk.apply(RecordedEvent(seq: UInt64(k + 1), id: "e\(k)", reportID: ReportID("260000\(k + 1)"), at: Date(),
                                     actor: Actor(Operator.system), event: .received(record.intake)))
        }
        XCTAssertEqual(desk.reportID(channel: .web, externalID: "caf\u{E9}-1"), ReportID("2600001"))
        XCTAssertEqual(desk.reportID(channel: .web, externalID: "cafe\u{301}-1"), ReportID("2600002"))
    }

    /// Each line that keeps an unknown field says so; `import` says it once per file, at the first line the
    /// desk records (`ImportTests.testAReadersWarningIsSaidOnceAtTheFirstRecordedLine`).
    func testUnknownFieldsAreKeptAndWarnedAtEveryLine() {
        let text = """
        {"channel":"sms","body":"a","gateway":"tsel"}
        {"channel":"sms","body":"b","gateway":{"id": 2}}
        {"channel":"sms","body":"c","operator":"x"}
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.intake.extra), [["gateway": #""tsel""#], ["gateway": #"{"id":2}"#],
                                                            ["operator": #""x""#]])
        XCTAssertEqual(batch.warnings.map(\.description), ["sms.jsonl:1: gateway: unknown field kept verbatim",
                                                           "sms.jsonl:2: gateway: unknown field kept verbatim",
                                                           "sms.jsonl:3: operator: unknown field kept verbatim"])
        XCTAssertEqual(batch.unknownFields, ["gateway", "operator"])
    }

    func testEmptyFileIsEmpty() {
        let batch = decode([])
        XCTAssertTrue(batch.records.isEmpty && batch.problems.isEmpty && batch.warnings.isEmpty)
    }
}
