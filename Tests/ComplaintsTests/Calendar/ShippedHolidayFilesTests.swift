import Foundation
import XCTest
@testable import Complaints

/// The holiday files shipped in DeskResources must parse cleanly and contain the decreed days.
final class ShippedHolidayFilesTests: XCTestCase {
    private func list(_ year: Int) throws -> HolidayList {
        let name = "libur-\(year).txt"
        return try HolidayList.parse(try CalendarFixtures.shippedText(name), fileName: name)
    }

    private func assertListed(_ date: String, _ kind: HolidayKind, in list: HolidayList,
                              file: StaticString = #filePath, line: UInt = #line) {
        let entry = list.holiday(on: CalendarFixtures.day(date, file: file, line: line))
        XCTAssertEqual(entry?.kind, kind, "\(date)", file: file, line: line)
    }

    func testShippedFilesParseWithoutErrorsAndCiteTheirDecree() throws {
        for name in CalendarFixtures.shippedFileNames {
            let text = try CalendarFixtures.shippedText(name)
            XCTAssertNoThrow(try HolidayList.parse(text, fileName: name), name)
            XCTAssertTrue(text.hasPrefix("#"), "\(name) starts with its source comment")
            XCTAssertTrue(text.contains("Keputusan Bersama"), "\(name) names its decree")
        }
        let merged = try CalendarFixtures.shippedHolidays()
        XCTAssertEqual(merged.coveredYears, [2025, 2026, 2027])
    }

    func testDecreedCounts() throws {
        // 2025: 17 libur + 10 cuti bersama, plus 18 August added by the 2025 amendment.
        // 2026: 17 + 8. 2027: 18 + 8 (Isra Mikraj falls twice).
        for (year, libur, cuti) in [(2025, 17, 11), (2026, 17, 8), (2027, 18, 8)] {
            let holidays = try list(year).holidays
            XCTAssertEqual(holidays.filter { $0.kind == .libur }.count, libur, "\(year) libur")
            XCTAssertEqual(holidays.filter { $0.kind == .cutiBersama }.count, cuti, "\(year) cuti bersama")
        }
    }

    func testFixedDatesEveryYear() throws {
        for year in [2025, 2026, 2027] {
            let holidays = try list(year)
            assertListed("\(year)-01-01", .libur, in: holidays)
            assertListed("\(year)-05-01", .libur, in: holidays)
            assertListed("\(year)-06-01", .libur, in: holidays)
            assertListed("\(year)-08-17", .libur, in: holidays)
            assertListed("\(year)-12-25", .libur, in: holidays)
        }
    }

    func testIdulFitri2026AndItsCutiBersama() throws {
        let holidays = try list(2026)
        assertListed("2026-03-21", .libur, in: holidays)
        assertListed("2026-03-22", .libur, in: holidays)
        for date in ["2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24"] {
            assertListed(date, .cutiBersama, in: holidays)
        }
        assertListed("2026-03-19", .libur, in: holidays)  // Nyepi
        XCTAssertNil(holidays.holiday(on: CalendarFixtures.day("2026-03-25")))
        XCTAssertTrue(holidays.holiday(on: CalendarFixtures.day("2026-03-21"))?.name.contains("Idul Fitri 1447") ?? false)
    }

    func testOtherKnownDates() throws {
        let y2025 = try list(2025)
        assertListed("2025-03-31", .libur, in: y2025)
        assertListed("2025-04-01", .libur, in: y2025)
        assertListed("2025-04-07", .cutiBersama, in: y2025)
        assertListed("2025-08-18", .cutiBersama, in: y2025)  // the August 2025 amendment
        assertListed("2025-12-26", .cutiBersama, in: y2025)
        let y2026 = try list(2026)
        assertListed("2026-12-24", .cutiBersama, in: y2026)
        assertListed("2026-05-27", .libur, in: y2026)
        let y2027 = try list(2027)
        assertListed("2027-03-10", .libur, in: y2027)
        assertListed("2027-03-11", .libur, in: y2027)
        for date in ["2027-03-09", "2027-03-12", "2027-03-15"] {
            assertListed(date, .cutiBersama, in: y2027)
        }
        assertListed("2027-12-24", .cutiBersama, in: y2027)
        assertListed("2027-12-26", .libur, in: y2027)
    }

    func testWorkingDaysPerYearMatchPublishedCounts() throws {
        let calendar = try CalendarFixtures.shippedCalendar()
        // 2026 has 261 weekdays, 21 of which are decreed days off. The Indonesia Stock
        // Exchange publishes 239 trading days for 2026: these 240 minus its own 31 December close.
        XCTAssertEqual(calendar.workingDayCount(from: CalendarFixtures.day("2026-01-01"),
                                                until: CalendarFixtures.day("2027-01-01")), 240)
        XCTAssertEqual(calendar.workingDayCount(from: CalendarFixtures.day("2026-03-01"),
                                                until: CalendarFixtures.day("2026-04-01")), 17)
    }
}
