import Foundation
import XCTest
@testable import Complaints

final class HolidayListParserTests: XCTestCase {
    private func errors(_ text: String, file: String = "libur-2026.txt") -> [HolidayFileError] {
        do {
            _ = try HolidayList.parse(text, fileName: file)
            XCTFail("expected parse errors")
            return []
        } catch let failure as HolidayFileErrors {
            return failure.errors
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testParsesEntriesCommentsBlankLinesAndSpacing() throws {
        let text = """
        # header comment

          2026-01-01  libur        Tahun Baru 2026 Masehi
        2026-02-16\tcuti-bersama\tTahun Baru Imlek 2577 Kongzili
            # indented comment
        2026-08-17 libur Proklamasi   Kemerdekaan
        """
        let list = try HolidayList.parse(text, fileName: "libur-2026.txt")
        XCTAssertEqual(list.holidays.map(\.date.description), ["2026-01-01", "2026-02-16", "2026-08-17"])
        XCTAssertEqual(list.holidays.map(\.kind), [.libur, .cutiBersama, .libur])
        XCTAssertEqual(list.holidays[1].name, "Tahun Baru Imlek 2577 Kongzili")
        XCTAssertEqual(list.holidays[2].name, "Proklamasi   Kemerdekaan")
        XCTAssertEqual(list.holidays[2].line, 6)
        XCTAssertEqual(list.holidays[2].file, "libur-2026.txt")
        XCTAssertEqual(list.coveredYears, [2026])
        XCTAssertEqual(list.holiday(on: CalendarFixtures.day("2026-02-16"))?.kind, .cutiBersama)
        XCTAssertNil(list.holiday(on: CalendarFixtures.day("2026-02-15")))
    }

    func testAcceptsCrlfAndByteOrderMarkAndKeepsLineNumbers() throws {
        let text = "\u{FEFF}# c\r\n2026-01-01 libur Tahun Baru\r\n\r\n2026-12-25 libur Natal\r\n"
        let list = try HolidayList.parse(text, fileName: "libur-2026.txt")
        XCTAssertEqual(list.holidays.map(\.line), [2, 4])
        XCTAssertEqual(list.holidays.map(\.name), ["Tahun Baru", "Natal"])
        let failures = errors("# c\r\n2026-01-01 libur Tahun Baru\r\n2026-13-01 libur X\r\n")
        XCTAssertEqual(failures.map(\.line), [3])
    }

    func testBadDate() {
        let failures = errors("""
        2026-01-01 libur Ok
        2026-02-30 libur Not a day
        26-01-01 libur Short year
        2026-1-2 libur Unpadded
        """)
        XCTAssertEqual(failures.map(\.line), [2, 3, 4])
        XCTAssertEqual(failures[0].description,
                       "libur-2026.txt:2: bad date '2026-02-30' (expected YYYY-MM-DD, a real calendar day)")
        XCTAssertTrue(failures.allSatisfy { $0.file == "libur-2026.txt" && $0.reason.hasPrefix("bad date") })
    }

    func testUnknownKindAndMissingKind() {
        let failures = errors("""
        2026-01-01 holiday Tahun Baru
        2026-01-02 Libur Capitalised
        2026-01-03
        """)
        XCTAssertEqual(failures.map(\.line), [1, 2, 3])
        XCTAssertEqual(failures[0].description,
                       "libur-2026.txt:1: unknown kind 'holiday' (expected libur or cuti-bersama)")
        XCTAssertTrue(failures[1].reason.contains("'Libur'"))
        XCTAssertEqual(failures[2].reason, "missing kind after 2026-01-03 (expected libur or cuti-bersama)")
    }

    func testMissingName() {
        let failures = errors("2026-01-01 libur\n2026-01-02 cuti-bersama   \t \n")
        XCTAssertEqual(failures.map(\.description), [
            "libur-2026.txt:1: missing name for 2026-01-01",
            "libur-2026.txt:2: missing name for 2026-01-02",
        ])
    }

    func testDuplicateDateNamesTheFirstLine() {
        let failures = errors("""
        2026-03-21 libur Idul Fitri
        # comment
        2026-03-21 cuti-bersama Idul Fitri again
        """)
        XCTAssertEqual(failures.map(\.description),
                       ["libur-2026.txt:3: duplicate date 2026-03-21 (first listed on line 1)"])
    }

    func testDateOutsideTheYearNamedByTheFile() {
        let failures = errors("2026-12-31 libur Ok\n2027-01-01 libur Tahun Baru 2027\n",
                              file: "calendar/libur-2026.txt")
        XCTAssertEqual(failures.map(\.description), [
            "calendar/libur-2026.txt:2: date 2027-01-01 is outside 2026, the year named by the file name",
        ])
    }

    func testCollectsAllErrorsInLineOrder() {
        let failures = errors("""
        2026-01-01 libur Ok
        bogus
        2026-01-05 maybe Name
        2025-12-31 libur Wrong year
        2026-01-06 libur
        2026-01-01 libur Duplicate
        """)
        XCTAssertEqual(failures.map(\.line), [2, 3, 4, 5, 6])
        do {
            _ = try HolidayList.parse("bogus\nx", fileName: "f.txt")
            XCTFail("expected errors")
        } catch {
            XCTAssertEqual(String(describing: error),
                           "f.txt:1: bad date 'bogus' (expected YYYY-MM-DD, a real calendar day)\n"
                           + "f.txt:2: bad date 'x' (expected YYYY-MM-DD, a real calendar day)")
        }
    }

    func testFileWithoutYearAcceptsAnyYearAndCoversTheYearsItLists() throws {
        let list = try HolidayList.parse("2025-12-26 cuti-bersama Natal\n2031-01-01 libur Tahun Baru\n",
                                         fileName: "extra-libur.txt")
        XCTAssertEqual(list.coveredYears, [2025, 2031])
    }

    func testEmptyFileNamedForAYearCoversThatYear() throws {
        let list = try HolidayList.parse("# nothing decreed yet\n", fileName: "libur-2030.txt")
        XCTAssertTrue(list.holidays.isEmpty)
        XCTAssertEqual(list.coveredYears, [2030])
    }

    func testYearNamedByFileName() {
        XCTAssertEqual(HolidayList.yearNamed(by: "libur-2026.txt"), 2026)
        XCTAssertEqual(HolidayList.yearNamed(by: "/etc/desk/2019/libur-2027.txt"), 2027)
        XCTAssertNil(HolidayList.yearNamed(by: "libur.txt"))
        XCTAssertNil(HolidayList.yearNamed(by: "libur-2026-2027.txt"))
        XCTAssertNil(HolidayList.yearNamed(by: "libur-20261.txt"))
    }

    func testMergingReportsDuplicatesAcrossFiles() throws {
        let first = try HolidayList.parse("2026-01-01 libur Tahun Baru\n", fileName: "libur-2026.txt")
        let second = try HolidayList.parse("# extra\n2026-01-01 libur Again\n", fileName: "extra.txt")
        XCTAssertThrowsError(try HolidayList.merging([first, second])) { error in
            XCTAssertEqual((error as? HolidayFileErrors)?.errors.map(\.description),
                           ["extra.txt:2: duplicate date 2026-01-01 (already listed at libur-2026.txt:1)"])
        }
        let empty = try HolidayList.parse("", fileName: "libur-2028.txt")
        let merged = try HolidayList.merging([second, empty])
        XCTAssertEqual(merged.coveredYears, [2026, 2028])
        XCTAssertEqual(merged.holidays.count, 1)
    }
}
