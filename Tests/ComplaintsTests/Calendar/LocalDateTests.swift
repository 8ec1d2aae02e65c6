import Foundation
import XCTest
@testable import Complaints

final class LocalDateTests: XCTestCase {
    func testValidationRejectsImpossibleDates() {
        XCTAssertNil(LocalDate(year: 2026, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2028, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2100, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2026, month: 4, day: 31))
        XCTAssertNil(LocalDate(year: 2026, month: 13, day: 1))
        XCTAssertNil(LocalDate(year: 2026, month: 0, day: 1))
        XCTAssertNil(LocalDate(year: 2026, month: 1, day: 0))
        XCTAssertNil(LocalDate(year: 0, month: 1, day: 1))
        XCTAssertNil(LocalDate(year: 10_000, month: 1, day: 1))
    }

    func testIsoParsingIsStrict() {
        XCTAssertEqual(LocalDate(iso: "2026-08-17"), LocalDate(year: 2026, month: 8, day: 17))
        for bad in ["2026-8-17", "26-08-17", "2026/08/17", "2026-08-17 ", " 2026-08-17", "2026-02-30",
                    "2026-08-1x", "", "２０２６-08-17", "+026-08-17"] {
            XCTAssertNil(LocalDate(iso: bad), bad)
        }
    }

    /// Days before year 1 (year 0 and below, reached only through `init(dayNumber:)`) still round-trip: the
    /// day number takes plain division for the years dates are written in and floor division below them.
    func testDayNumbersBeforeYearOneRoundTrip() {
        for dayNumber in stride(from: -1_500_000, through: -700_000, by: 97) {
            XCTAssertEqual(LocalDate(dayNumber: dayNumber).dayNumber, dayNumber)
        }
        XCTAssertLessThanOrEqual(LocalDate(dayNumber: -1_500_000).year, -2_000)
    }

    func testDayNumberAgreesWithFoundationOverManyYears() {
        let utc = CalendarFixtures.gregorian(.wib)
        var components = DateComponents()
        // Foundation switches to the Julian calendar before 1582, so compare from 1583 to 9999.
        for dayNumber in stride(from: -140_000, through: 2_932_000, by: 997) {
            let date = LocalDate(dayNumber: dayNumber)
            XCTAssertEqual(date.dayNumber, dayNumber)
            let instant = Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 12 * 3600
                               - Double(DeskTimeZone.wib.secondsFromUTC))
            let reference = utc.dateComponents([.year, .month, .day, .weekday], from: instant)
            components = reference
            XCTAssertEqual(date.year, components.year)
            XCTAssertEqual(date.month, components.month)
            XCTAssertEqual(date.day, components.day)
            // Foundation: Sunday = 1 … Saturday = 7; ISO: Monday = 1 … Sunday = 7.
            let iso = ((components.weekday ?? 1) + 5) % 7 + 1
            XCTAssertEqual(date.weekday.rawValue, iso, "\(date)")
        }
    }

    func testKnownWeekdays() {
        XCTAssertEqual(LocalDate(dayNumber: 0).description, "1970-01-01")
        XCTAssertEqual(LocalDate(dayNumber: 0).weekday, .thursday)
        XCTAssertEqual(CalendarFixtures.day("2026-08-17").weekday, .monday)
        XCTAssertEqual(CalendarFixtures.day("2026-03-21").weekday, .saturday)
        XCTAssertTrue(CalendarFixtures.day("2026-03-22").weekday.isWeekend)
        XCTAssertFalse(CalendarFixtures.day("2026-03-20").weekday.isWeekend)
    }

    func testAddingDaysCrossesMonthsYearsAndLeapDays() {
        XCTAssertEqual(CalendarFixtures.day("2026-12-31").adding(days: 1), CalendarFixtures.day("2027-01-01"))
        XCTAssertEqual(CalendarFixtures.day("2028-02-28").adding(days: 1), CalendarFixtures.day("2028-02-29"))
        XCTAssertEqual(CalendarFixtures.day("2027-03-01").adding(days: -1), CalendarFixtures.day("2027-02-28"))
        XCTAssertEqual(CalendarFixtures.day("2026-01-01").adding(days: 365), CalendarFixtures.day("2027-01-01"))
        XCTAssertEqual(CalendarFixtures.day("2026-05-05").adding(days: 0), CalendarFixtures.day("2026-05-05"))
    }

    func testOrderingAndDescriptionPadding() {
        XCTAssertLessThan(CalendarFixtures.day("2026-12-31"), CalendarFixtures.day("2027-01-01"))
        XCTAssertLessThan(CalendarFixtures.day("2026-01-31"), CalendarFixtures.day("2026-02-01"))
        XCTAssertLessThan(CalendarFixtures.day("2026-02-01"), CalendarFixtures.day("2026-02-02"))
        XCTAssertEqual(LocalDate(year: 7, month: 3, day: 4)?.description, "0007-03-04")
    }

    func testCodableUsesIsoText() throws {
        let date = CalendarFixtures.day("2026-03-20")
        let data = try JSONEncoder().encode([date])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2026-03-20\"]")
        XCTAssertEqual(try JSONDecoder().decode([LocalDate].self, from: data), [date])
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data("[20260320]".utf8)))
    }
}
