@testable import Complaints
import Foundation
import XCTest

/// `skenario.toml`: a good manifest becomes a scenario; every mistake is reported as FILE:LINE: field.
final class ScenarioParseTests: XCTestCase {
    let good = """
    title = "Dasar"
    title_en = "Basics"
    description = "Triase"
    starts_at = "2026-11-23T08:30:00+08:00"
    time_zone = "WITA"
    desk_name = "Meja Latihan"
    trainee = "rina"

    [[step]]
    instruction = "Disposisikan {WEB-1}"
    do = "dispose"
    report = "WEB-1"
    agency = "pemkab-sleman"
    kind = "disposisi"
    praise = "Tepat"

    [[step.wrong]]
    do = "archive"
    explanation = "Jangan diarsipkan"

    [[step]]
    instruction = "Rahasiakan"
    do = "set-flags"
    report = "WEB-2"
    confidential = true
    praise = "Benar"
    """

    func testAGoodManifest() throws {
        let s = try Complaints.Scenario.parse(good, name: "dasar")
        XCTAssertEqual(s.title, Localized("Dasar", en: "Basics"))
        XCTAssertEqual(s.description, Localized("Triase", en: "Triase"), "English falls back to Indonesian")
        XCTAssertEqual(s.timeZone, .wita)
        XCTAssertEqual(s.startsAt, ISOTime.parse("2026-11-23T00:30:00+00:00"))
        XCTAssertEqual(s.lesson.steps.count, 2)
        XCTAssertEqual(s.lesson.steps[0].expect, EventPattern(verb: .dispose, reportExternalID: "WEB-1",
                                                             fields: ["agency": "pemkab-sleman", "kind": "disposisi"]))
        XCTAssertEqual(s.lesson.steps[0].wrongMoves.first?.pattern.reportExternalID, "WEB-1", "a wrong move defaults to the step's report")
        XCTAssertEqual(s.lesson.steps[1].expect.fields, ["confidential": "true"])
        XCTAssertEqual(Set(s.namedReports.map(\.externalID)), ["WEB-1", "WEB-2"])
    }

    func testEveryProblemIsReportedWithItsLine() {
        let bad = good
            .replacingOccurrences(of: "time_zone = \"WITA\"", with: "time_zone = \"CET\"")
            .replacingOccurrences(of: "do = \"dispose\"", with: "do = \"kirim\"")
            .replacingOccurrences(of: "confidential = true", with: "confidential = true\nagency = \"x\"")
            .replacingOccurrences(of: "praise = \"Benar\"", with: "praise = \"Benar\"\ncolour = \"red\"")
        XCTAssertThrowsError(try Complaints.Scenario.parse(bad, name: "x", fileName: "x/skenario.toml")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("x/skenario.toml:5: time_zone: use WIB, WITA or WIT"), text)
            XCTAssertTrue(text.contains("x/skenario.toml:11: step[1].do: unknown verb 'kirim'"), text)
            XCTAssertTrue(text.contains("x/skenario.toml:26: step[2].agency: does not apply to 'set-flags'"), text)
            XCTAssertTrue(text.contains("x/skenario.toml:28: step[2].colour"), text)
        }
    }

    func testAManifestWithoutStepsOrRequiredFieldsIsRefused() {
        XCTAssertThrowsError(try Complaints.Scenario.parse("title = \"x\"\n", name: "x")) { error in
            let text = String(describing: error)
            for field in ["description", "starts_at", "desk_name", "trainee", "[[step]]"] {
                XCTAssertTrue(text.contains(field), "\(field) missing from:\n\(text)")
            }
        }
        XCTAssertThrowsError(try Complaints.Scenario.parse("title = \n", name: "x")) { error in
            XCTAssertTrue(String(describing: error).contains("skenario.toml:1:"))
        }
    }

    func testFieldValuesAreChecked() {
        let bad = good.replacingOccurrences(of: "kind = \"disposisi\"", with: "kind = \"kirim\"")
            .replacingOccurrences(of: "do = \"archive\"", with: "do = \"archive\"\nreason = \"bosan\"")
        XCTAssertThrowsError(try Complaints.Scenario.parse(bad, name: "x")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("kind: use disposisi, pelimpahan or pilihan-pelapor"), text)
            XCTAssertTrue(text.contains("reason: unknown reason 'bosan'"), text)
        }
    }
}
