import Foundation
import SeededRandom
import XCTest
@testable import Complaints

/// Shared helpers for the calendar tests: literal dates and instants, and the shipped files.
enum CalendarFixtures {
    /// Parses `YYYY-MM-DD`; a malformed literal fails the test and yields 1970-01-01.
    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            XCTFail("bad date literal \(text)", file: file, line: line)
            return LocalDate(dayNumber: 0)
        }
        return date
    }

    /// The instant of local wall time `YYYY-MM-DD HH:MM[:SS]` in `zone`, computed with
    /// Foundation's Gregorian calendar (independent of the code under test).
    static func at(_ text: String, _ zone: DeskTimeZone = .wib,
                   file: StaticString = #filePath, line: UInt = #line) -> Date {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).compactMap { Int($0) }
        guard parts.count == 5 || parts.count == 6 else {
            XCTFail("bad instant literal \(text)", file: file, line: line)
            return Date(timeIntervalSince1970: 0)
        }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        components.hour = parts[3]
        components.minute = parts[4]
        components.second = parts.count == 6 ? parts[5] : 0
        guard let date = gregorian(zone).date(from: components) else {
            XCTFail("unrepresentable instant \(text)", file: file, line: line)
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    static func gregorian(_ zone: DeskTimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: zone.secondsFromUTC) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    static let shippedFileNames = ["libur-2025.txt", "libur-2026.txt", "libur-2027.txt"]

    /// The folder of shipped holiday files in this checkout.
    static var shippedFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Calendar
            .deletingLastPathComponent()  // ComplaintsTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Sources/DeskResources/Files/calendar")
    }

    static func shippedText(_ name: String) throws -> String {
        try String(contentsOf: shippedFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// All shipped files parsed and merged.
    static func shippedHolidays() throws -> HolidayList {
        let lists = try shippedFileNames.map { try HolidayList.parse(try shippedText($0), fileName: $0) }
        return try HolidayList.merging(lists)
    }

    static func shippedCalendar(_ zone: DeskTimeZone = .wib) throws -> WorkingCalendar {
        WorkingCalendar(holidays: try shippedHolidays(), timeZone: zone)
    }
}

/// The shared SplitMix64 generator (target `SeededRandom`), by its short name in this target.
typealias SeededGenerator = SeededRandom.SeededGenerator
