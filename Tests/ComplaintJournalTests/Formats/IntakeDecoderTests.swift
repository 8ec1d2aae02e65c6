import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

final class IntakeDecoderTests: XCTestCase {
    private func decode(_ line: String) -> IntakeDecoding {
        IntakeDecoder.decode(line: line, file: "masuk.jsonl", line: 7, importTime: Fx.importTime)
    }

    func testTheContractExampleDecodesCompletely() throws {
        let (i, warnings) = try XCTUnwrap(Fx.accepted(decode(Fx.exampleLine)))
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(i.externalID, "sms-20260401-0042")
        XCTAssertEqual(i.channel, .sms)
        XCTAssertEqual(i.receivedAt, Fx.received)
        XCTAssertEqual(i.title, "Jalan berlubang di depan SDN 2")
        XCTAssertEqual(i.body, "Sudah tiga bulan ...")
        XCTAssertEqual(i.classification, .pengaduan)
        XCTAssertEqual(i.category, "Pekerjaan Umum dan Penataan Ruang")
        XCTAssertEqual(i.subcategory, "Infrastruktur Jalan")
        XCTAssertEqual(i.location, Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", district: "Depok",
                                            detail: "Jl. Kaliurang km 7"))
        XCTAssertEqual(i.incidentDate, "2026-03-28")
        XCTAssertNil(i.agency)
        XCTAssertEqual(i.reporter, Reporter(name: "Siti Aminah", nik: "3404012345670001", phone: "+6281234567890",
                                            email: nil, groups: [.perempuan]))
        XCTAssertEqual(i.attachments, [Attachment(name: "foto-jalan.jpg", ref: "sha256:9f2c...")])
        XCTAssertEqual(i.tags, [])
        XCTAssertEqual(i.extra, [:])
    }

    /// QA: `"anonim": true` was kept as unknown text and the report recorded without the protection, so its
    /// reporter's name reached the agency. The Indonesian names of the flags are refused, naming the field.
    func testTheFlagsUnderTheirIndonesianNamesAreRefused() throws {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","anonim":true}"#)),
                       [#"masuk.jsonl:7: anonim: not an intake field: use "anonymous" (true or false); the report was not recorded "#
                        + "so it cannot reach an agency without the protection it asks for"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","Rahasia":"ya"}"#)).first?.hasPrefix(
            #"masuk.jsonl:7: Rahasia: not an intake field: use "confidential""#), true)
        // Inside another object it is only an unknown field (nothing there could mean the flag).
        XCTAssertNotNil(Fx.accepted(decode(#"{"channel":"sms","body":"x","location":{"anonim":1}}"#)))
    }

    func testMinimalLineTakesDefaults() throws {
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(#"{"channel":"walk-in","body":"Antre lama"}"#)))
        XCTAssertEqual(i.channel, .walkIn)
        XCTAssertEqual(i.receivedAt, Fx.importTime, "missing received_at is the import time")
        XCTAssertNil(i.title, "the domain derives the title")
        XCTAssertEqual(i.classification, .pengaduan)
        XCTAssertFalse(i.anonymous)
        XCTAssertEqual(i.reporter, Reporter())
    }

    func testNullIsLikeMissing() throws {
        let line = #"{"channel":"web","body":"x","title":null,"received_at":null,"reporter":null,"tags":null,"location":{"regency":null}}"#
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(line)))
        XCTAssertNil(i.title)
        XCTAssertEqual(i.receivedAt, Fx.importTime)
        XCTAssertEqual(i.tags, [])
        XCTAssertNil(i.location.regency)
    }

    func testTextStaysExactlyAsReceived() throws {
        let body = "  Baris satu\r\n\tbaris dua \u{1B}[31m merah ꦗꦮ 😀 عربى  "
        let line = JSONValue.object(["channel": .string("app"), "body": .string(body), "title": .string(" T ")]).compactText
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(line)))
        XCTAssertEqual(i.body, body)
        XCTAssertEqual(i.title, " T ")
    }

    func testRequiredFields() {
        XCTAssertEqual(Fx.rejected(decode(#"{"body":"x"}"#)),
                       ["masuk.jsonl:7: channel: missing (required; one of: web, sms, twitter, app, whatsapp, email, letter, walk-in, phone, api)"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms"}"#)), ["masuk.jsonl:7: body: missing (required)"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":" \n "}"#)), ["masuk.jsonl:7: body: must not be empty"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":null}"#)), ["masuk.jsonl:7: body: missing (required)"])
    }

    func testUnknownEnumValues() {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"fax","body":"x"}"#)),
                       ["masuk.jsonl:7: channel: unknown value 'fax' (expected one of: web, sms, twitter, app, whatsapp, email, letter, walk-in, phone, api)"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","classification":"keluhan"}"#)),
                       ["masuk.jsonl:7: classification: unknown value 'keluhan' (expected one of: pengaduan, aspirasi, permintaan-informasi)"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","reporter":{"groups":["lansia","pria"]}}"#)),
                       ["masuk.jsonl:7: reporter.groups[1]: unknown value 'pria' (expected one of: perempuan, pemuda, disabilitas, lansia)"])
    }

    func testANIKMustBeSixteenDigits() throws {
        for bad in ["3201", "3404 0123 4567 0001", "340401234567000X", "34040123456700011", "３４０４０１２３４５６７０００１", ""] {
            XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","reporter":{"nik":"\#(bad)"}}"#)),
                           ["masuk.jsonl:7: reporter.nik: not a NIK (16 digits, as on the KTP): '\(bad)'"], bad)
        }
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(#"{"channel":"sms","body":"x","reporter":{"nik":"0404012345670001"}}"#)))
        XCTAssertEqual(i.reporter.nik, "0404012345670001")
        XCTAssertNotNil(Fx.accepted(decode(#"{"channel":"sms","body":"x","reporter":{"nik":null}}"#)))
    }

    func testWrongTypesNameTheFieldPath() {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":42}"#)),
                       ["masuk.jsonl:7: body: expected a string, found a number"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","location":{"regency":["a"]}}"#)),
                       ["masuk.jsonl:7: location.regency: expected a string, found an array"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","location":"Sleman"}"#)),
                       ["masuk.jsonl:7: location: expected an object, found a string"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","anonymous":"ya"}"#)),
                       ["masuk.jsonl:7: anonymous: expected true or false, found a string"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","tags":["a",1]}"#)),
                       ["masuk.jsonl:7: tags[1]: expected a string, found a number"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","attachments":[{"ref":"r"}]}"#)),
                       ["masuk.jsonl:7: attachments[0].name: missing (required)"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","attachments":[{"name":""}]}"#)),
                       ["masuk.jsonl:7: attachments[0].name: must not be empty"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","reporter":{"groups":"lansia"}}"#)),
                       ["masuk.jsonl:7: reporter.groups: expected an array, found a string"])
        XCTAssertEqual(Fx.rejected(decode(#"["sms"]"#)), ["masuk.jsonl:7: expected a JSON object, found an array; an Open311 file is one JSON array: import it with --format open311"])
    }

    func testAllProblemsOfALineAreReported() {
        let problems = Fx.rejected(decode(#"{"channel":"fax","body":"","incident_date":"28-03-2026"}"#))
        XCTAssertEqual(problems.count, 3)
        XCTAssertTrue(problems.contains("masuk.jsonl:7: incident_date: not a date like 2026-03-28: '28-03-2026'"))
    }

    func testTimesAndDates() throws {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","received_at":"2026-04-01T08:15:00"}"#)),
                       ["masuk.jsonl:7: received_at: not an RFC 3339 time with offset like 2026-04-01T08:15:00+07:00: '2026-04-01T08:15:00'"])
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","received_at":"2026-04-01"}"#)).count, 1)
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","incident_date":"2026-02-30"}"#)).count, 1)
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","incident_date":"2026-03-28T00:00:00Z"}"#)).count, 1)
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(#"{"channel":"sms","body":"x","received_at":"2026-04-01T01:15:00Z"}"#)))
        XCTAssertEqual(i.receivedAt, Fx.received)
    }

    func testUnknownFieldsAreKeptVerbatimWithWarnings() throws {
        let line = #"{"channel":"sms","body":"x","operator_sms": {"gateway" : "tsel", "n": 1.50},"location":{"rt":"003"}}"#
        let (i, warnings) = try XCTUnwrap(Fx.accepted(decode(line)))
        XCTAssertEqual(i.extra, ["operator_sms": #"{"gateway":"tsel","n":1.50}"#, "location.rt": #""003""#])
        XCTAssertEqual(warnings.map(\.description).sorted(),
                       ["masuk.jsonl:7: location.rt: unknown field kept verbatim",
                        "masuk.jsonl:7: operator_sms: unknown field kept verbatim"])
    }

    func testAnUnknownDottedKeyThatReadsLikeANestedFieldIsRefusedNotOverwritten() {
        for line in [#"{"channel":"sms","body":"x","location.rt":"1","location":{"rt":"2"}}"#,
                     #"{"channel":"sms","body":"x","location":{"rt":"2"},"location.rt":"1"}"#] {
            XCTAssertEqual(Fx.rejected(decode(line)),
                           ["masuk.jsonl:7: location.rt: two unknown fields read as 'location.rt' (a key with dots in it and a field inside an object); rename one"],
                           line)
        }
    }

    func testDuplicateKeysAreRefused() {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms","body":"x","body":"y"}"#)),
                       ["masuk.jsonl:7: body: appears more than once"])
    }

    func testSyntaxErrorNamesTheColumn() {
        XCTAssertEqual(Fx.rejected(decode(#"{"channel":"sms",,"body":"x"}"#)),
                       ["masuk.jsonl:7: not valid JSON: expected a quoted member name at byte column 18"])
    }

    func testReporterChosenAgencyAndGroupsAreKept() throws {
        let line = #"{"channel":"app","body":"x","agency":"dinkes-sleman","reporter":{"groups":["disabilitas","lansia"]}}"#
        let (i, _) = try XCTUnwrap(Fx.accepted(decode(line)))
        XCTAssertEqual(i.agency, "dinkes-sleman")
        XCTAssertEqual(i.reporter.groups, [.disabilitas, .lansia])
    }
}
