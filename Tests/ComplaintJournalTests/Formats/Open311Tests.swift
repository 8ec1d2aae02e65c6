import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

final class Open311Tests: XCTestCase {
    private func decode(_ text: String) -> IntakeBatch {
        Open311.decode(bytes: Array(text.utf8), fileName: "kota.json", importTime: Fx.importTime)
    }

    private func sampleReports() -> [Report] {
        Fx.reports(Fx.desk([
            (Fx.intake(1, category: "Pekerjaan Umum dan Penataan Ruang"),
             [.disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi)),
              .followedUp(text: "Lubang sudah ditambal", attachments: [])]),
            (Fx.intake(2, body: "Baris 1\nBaris \"2\" ꦗꦮ 😀", category: nil), [.accepted(text: nil)]),
            (Fx.intake(3, confidential: true), []),
            (Fx.intake(4, anonymous: true, category: "Kesehatan"), [.archived(reason: .duplikat, note: nil, duplicateOf: "2600001")]),
        ]))
    }

    func testExportShape() throws {
        let e = ReportExport(deadlines: Fx.deadlines, now: Fx.received.addingTimeInterval(7200))
        let text = try e.open311(sampleReports())
        let items = try XCTUnwrap(Fx.foundationJSON(text) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["service_request_id"] as? String }, ["2600001", "2600002", "2600004"])
        let first = items[0]
        XCTAssertEqual(first["status"] as? String, "open")
        XCTAssertEqual(first["status_notes"] as? String, "Lubang sudah ditambal")
        XCTAssertEqual(first["service_name"] as? String, "Pekerjaan Umum dan Penataan Ruang")
        XCTAssertEqual(first["service_code"] as? String, "pekerjaan-umum-dan-penataan-ruang")
        XCTAssertEqual(first["agency_responsible"] as? String, "pemkab-sleman")
        XCTAssertEqual(first["requested_datetime"] as? String, "2026-04-01T08:16:00+07:00")
        XCTAssertEqual(first["updated_datetime"] as? String, "2026-04-01T10:16:00+07:00")
        XCTAssertNotNil(first["expected_datetime"] as? String)
        XCTAssertEqual(first["address"] as? String, "Jl. 1, Kabupaten Sleman, DI Yogyakarta")
        XCTAssertEqual(items[1]["status"] as? String, "closed")
        XCTAssertEqual(items[1]["status_notes"] as? String, "Selesai")
        XCTAssertTrue(items[1]["service_code"] is NSNull)
        XCTAssertEqual(items[2]["status"] as? String, "closed")
        XCTAssertEqual(Set(first.keys), ["service_request_id", "status", "status_notes", "service_name", "service_code",
                                         "description", "agency_responsible", "requested_datetime", "updated_datetime",
                                         "expected_datetime", "address"])
        for secret in ["Pelapor Rahasia", "340401", "+62811", "@contoh.id", "ktp-pelapor", "Isi laporan nomor 3"] {
            XCTAssertFalse(text.contains(secret), secret)
        }
    }

    func testRoundTripKeepsBodiesCategoriesAndTimes() throws {
        let reports = sampleReports()
        let e = ReportExport(deadlines: Fx.deadlines, now: Fx.received.addingTimeInterval(7200))
        let batch = Open311.decode(bytes: Array(try e.open311(reports).utf8), fileName: "x.json", importTime: Fx.importTime)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.warnings, [], "our own GeoReport fields are expected, not unknown")
        let published = reports.filter { !$0.confidential }
        XCTAssertEqual(batch.records.map(\.intake.body), published.map(\.body))
        XCTAssertEqual(batch.records.map(\.intake.category), published.map(\.category))
        XCTAssertEqual(batch.records.map(\.intake.receivedAt), published.map(\.receivedAt))
        XCTAssertEqual(batch.records.map(\.intake.externalID), published.map(\.id.rawValue))
        XCTAssertTrue(batch.records.allSatisfy { $0.intake.channel == .api })
        XCTAssertEqual(batch.records.first?.intake.location.detail, "Jl. 1, Kabupaten Sleman, DI Yogyakarta")
        XCTAssertEqual(batch.records.first?.intake.extra["agency_responsible"], #""pemkab-sleman""#)
    }

    func testProblemsNameTheElementAndTheOpen311Field() {
        let text = """
        [{"service_request_id": 101, "description": "ok", "requested_datetime": "2026-04-01T08:15:00+07:00"},
         {"service_request_id": "102", "description": ""},
         {"service_request_id": "103", "description": "x", "requested_datetime": "01/04/2026"},
         "bukan objek",
         {"service_request_id": "101", "description": "duplikat"},
         {"description": "tanpa id", "service_name": ["a"], "media_url": "http://x/y.jpg", "warna": "merah"}]
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [1, 5], "the desk decides which copy is recorded")
        XCTAssertEqual(batch.records.first?.intake.externalID, "101")
        XCTAssertEqual(batch.records.first?.intake.receivedAt, Fx.received)
        XCTAssertEqual(batch.problems.map(\.description), [
            "kota.json:2: description: must not be empty (service request 2 of the array)",
            "kota.json:3: requested_datetime: not an RFC 3339 time with offset like 2026-04-01T08:15:00+07:00: '01/04/2026' (service request 3 of the array)",
            "kota.json:4: expected a JSON object, found a string (service request 4 of the array)",
            "kota.json:6: service_name: expected a string, found an array (service request 6 of the array)",
        ])
        XCTAssertEqual(batch.warnings, [])
    }

    /// QA: in a pretty-printed file `FILE:LINE` gave the element's number, not the line it starts on.
    func testProblemsNameTheLineWhereTheElementStarts() {
        let text = """
        [
          {
            "service_request_id": "201",
            "description": "ok, with [brackets], {braces} and a \\"quote\\""
          },
          {
            "service_request_id": "202",
            "description": 5
          }
        ]
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [2])
        XCTAssertEqual(batch.problems.map(\.description),
                       ["kota.json:6: description: expected a string, found a number (service request 2 of the array)"])
    }

    func testWholeFileErrors() {
        XCTAssertEqual(decode("{\"a\":1}").problems.map(\.description),
                       ["kota.json:1: expected a JSON array of service requests, found an object"])
        XCTAssertEqual(decode("[\n {\"description\": \"a\"},\n {\"description\" \"b\"}\n]").problems.map(\.description),
                       ["kota.json:3: not valid JSON: expected ':' after the member name at byte column 17"])
    }

    func testARequestOverTheLineLimitIsRejectedAndTheOthersKept() {
        let huge = String(repeating: "A", count: IntakeFile.defaultMaxLineBytes + 1)
        let batch = decode("[{\"description\":\"a\"},\n{\"description\":\"\(huge)\"},\n{\"description\":\"c\"}]")
        XCTAssertEqual(batch.records.map(\.intake.body), ["a", "c"])
        XCTAssertEqual(batch.problems.map(\.description),
                       ["kota.json:2: record is longer than 16 MiB as written (escapes included); rejected (service request 2 of the array)"])
    }

    func testUnknownFieldsWarnButGeoReportFieldsDoNot() {
        let batch = decode(#"[{"description":"a","media_url":"http://x","warna":"merah"}]"#)
        XCTAssertEqual(batch.records.first?.intake.extra, ["media_url": #""http://x""#, "warna": #""merah""#])
        XCTAssertEqual(batch.warnings.map(\.description),
                       ["kota.json:1: warna: unknown field kept verbatim (service request 1 of the array)"])
        XCTAssertEqual(batch.unknownFields, ["warna"])
    }

    /// QA: GeoReport v2's own identity fields were kept as plain extra fields, visible under *anonim* and not
    /// redactable. They are the reporter's now; device and account ids are kept as reporter extras.
    func testRequesterIdentityGoesToTheReporter() throws {
        let batch = decode(#"[{"description":"a","email":"siti@x.id","first_name":"Siti","last_name":"Aminah","#
                           + #""phone":"+628111","device_id":"dev-9"}]"#)
        let intake = try XCTUnwrap(batch.records.first?.intake)
        XCTAssertEqual(intake.reporter.email, "siti@x.id")
        XCTAssertEqual(intake.reporter.name, "Siti Aminah")
        XCTAssertEqual(intake.reporter.phone, "+628111")
        XCTAssertEqual(intake.extra, ["reporter.device_id": #""dev-9""#])
        XCTAssertEqual(batch.warnings.map(\.description), [], "GeoReport fields are expected")
    }

    func testSlug() {
        XCTAssertEqual(ReportExport.slug("Kesetaraan Gender dan Sosial Inklusif"), "kesetaraan-gender-dan-sosial-inklusif")
        XCTAssertEqual(ReportExport.slug("  Énergi & SDM -- 2026 "), "energi-sdm-2026")
        XCTAssertEqual(ReportExport.slug("ꦗꦮ"), "lainnya")
    }
}

final class Open311CollisionTests: XCTestCase {
    func testSenderFieldsNamedLikeIntakeFieldsDoNotOverrideTheMapping() {
        let text = #"[{"service_request_id":"9","description":"isi","body":"lain","channel":"sms"}]"#
        let batch = Open311.decode(bytes: Array(text.utf8), fileName: "k.json", importTime: Fx.importTime)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.records.first?.intake.body, "isi")
        XCTAssertEqual(batch.records.first?.intake.channel, .api)
        XCTAssertEqual(batch.records.first?.intake.extra, ["open311.body": #""lain""#, "open311.channel": #""sms""#])
    }
}

/// The place at the end of an Open311 address, read against the shipped region list.
final class Open311PlaceTests: XCTestCase {
    func testTheAddressEndsInAKnownPlaceOrStaysDetail() throws {
        let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files/reference")
        var texts: [String: String] = [:]
        for name in ReferenceData.fileNames {
            texts[name] = try String(contentsOf: files.appendingPathComponent(name), encoding: .utf8)
        }
        let regions = try ReferenceData.load(files: texts).regions
        XCTAssertEqual(Open311.placed("Depok, Kabupaten Sleman, DI Yogyakarta", regions: regions),
                       Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", detail: "Depok"), "what our export writes")
        XCTAssertEqual(Open311.placed("Kabupaten Sleman, DI Yogyakarta", regions: regions),
                       Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman"))
        XCTAssertEqual(Open311.placed("Jl. Kaliurang, Kabupaten Sleman", regions: regions),
                       Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", detail: "Jl. Kaliurang"), "a regency named once")
        XCTAssertEqual(Open311.placed("Jl. Asia Afrika, Bandung", regions: regions), Location(detail: "Jl. Asia Afrika, Bandung"),
                       "Bandung is two places: left as written")
        XCTAssertEqual(Open311.placed("Jl. Mawar 12, 12", regions: regions), Location(detail: "Jl. Mawar 12, 12"),
                       "a house number is not a province code")
        XCTAssertEqual(Open311.placed("Gang Buntu", regions: regions), Location(detail: "Gang Buntu"))
    }
}
