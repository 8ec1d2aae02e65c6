import Foundation
import XCTest
@testable import Complaints

final class DeskTimeZoneTests: XCTestCase {
    func testParsesAbbreviationsAndIanaNames() {
        XCTAssertEqual(DeskTimeZone(parsing: "WIB"), .wib)
        XCTAssertEqual(DeskTimeZone(parsing: "wita"), .wita)
        XCTAssertEqual(DeskTimeZone(parsing: " WIT "), .wit)
        XCTAssertEqual(DeskTimeZone(parsing: "Asia/Jakarta"), .wib)
        XCTAssertEqual(DeskTimeZone(parsing: "Asia/Pontianak"), .wib)
        XCTAssertEqual(DeskTimeZone(parsing: "Asia/Makassar"), .wita)
        XCTAssertEqual(DeskTimeZone(parsing: "Asia/Jayapura"), .wit)
        for bad in ["", "UTC", "Asia/Singapore", "WIBB", "Europe/Amsterdam"] {
            XCTAssertNil(DeskTimeZone(parsing: bad), bad)
        }
    }

    func testOffsetsAndDefault() {
        XCTAssertEqual(DeskTimeZone.default, .wib)
        XCTAssertEqual(DeskTimeZone.wib.secondsFromUTC, 25_200)
        XCTAssertEqual(DeskTimeZone.wita.secondsFromUTC, 28_800)
        XCTAssertEqual(DeskTimeZone.wit.secondsFromUTC, 32_400)
        XCTAssertEqual(DeskTimeZone.wita.ianaIdentifier, "Asia/Makassar")
        XCTAssertEqual(WorkingCalendar().timeZone, .wib)
    }

    func testFixedOffsetsMatchTheIanaZones() throws {
        // Indonesia has no daylight saving: the IANA zones must agree with our fixed offsets.
        let instant = CalendarFixtures.at("2026-07-01 12:00")
        for zone in DeskTimeZone.allCases {
            let iana = try XCTUnwrap(TimeZone(identifier: zone.ianaIdentifier))
            XCTAssertEqual(iana.secondsFromGMT(for: instant), zone.secondsFromUTC, zone.rawValue)
        }
    }
}
