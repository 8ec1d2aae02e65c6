import Foundation
import XCTest
@testable import Complaints

/// The positional reader of the layout `ISOTime.format` writes against the general one: the same instant
/// and offset for every written time, and anything else left to the general reader.
final class ISOTimeLayoutTests: XCTestCase {
    func testWrittenTimesReadTheSameByPositionAndByCharacter() throws {
        var generator = SystemRandomNumberGenerator()
        let offsets = [0, 7 * 3600, 8 * 3600, 9 * 3600, -(3 * 3600 + 30 * 60), 13 * 3600 + 45 * 60, -11 * 3600]
        var zulu = 0
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            let offset = offsets.randomElement(using: &generator)!
            let text = ISOTime.format(date, offsetSeconds: offset)
            let fast = try XCTUnwrap(Array(text.utf8).withUnsafeBufferPointer(ISOTime.parseAsWritten), "refused \(text)")
            // A lowercase "t" is read by the general reader only.
            let general = try XCTUnwrap(ISOTime.parseWithOffset(text.replacingOccurrences(of: "T", with: "t")), text)
            XCTAssertEqual(fast.date.timeIntervalSince1970.bitPattern, general.date.timeIntervalSince1970.bitPattern, text)
            XCTAssertEqual(fast.offset, general.offset, text)
            XCTAssertEqual(fast.date, date, text)
            if text.hasSuffix("Z") { zulu += 1 }
        }
        XCTAssertGreaterThan(zulu, 0, "the Z layout was exercised")
    }

    func testOtherTextsAreLeftToTheGeneralReader() {
        for text in ["2026-08-02T18:43:54.5+07:00", "2026-08-02t18:43:54+07:00", "2026-08-02 18:43:54+07:00", "2026-08-02T18:43:60+07:00",
                     "2026-02-30T18:43:54+07:00", "2026-08-02T24:00:00+07:00", "2026-08-02T18:43:54+24:00", "2026-08-02T18:43:54z",
                     "2026-08-02T18:43", "2026-08-02", "2O26-08-02T18:43:54+07:00", "2026-08-02T18:43:54*07:00"] {
            XCTAssertNil(Array(text.utf8).withUnsafeBufferPointer(ISOTime.parseAsWritten), text)
        }
        // The leap second still reads, as 59, through the general reader.
        XCTAssertEqual(ISOTime.parseWithOffset("2026-08-02T18:43:60+07:00")?.date, ISOTime.parseWithOffset("2026-08-02T18:43:59+07:00")?.date)
    }

    /// The positional reader computes the day number itself: for every day of years around each kind of
    /// leap rule, the first and last years, and random days of all the others, it is `LocalDate`'s; a day that
    /// does not exist (29 February of a common year, day 0 or 32, month 0 or 13, year 0) is refused as
    /// `LocalDate(year:month:day:)` refuses it.
    func testThePositionalDayNumberIsTheCalendarsForEveryKindOfDate() {
        func read(_ y: Int, _ m: Int, _ d: Int) -> Int? {
            let text = String(format: "%04d-%02d-%02dT13:45:07", y, m, d)
            return Array(text.utf8).withUnsafeBufferPointer { ISOTime.positionalDayAndSecond($0.baseAddress!)?.day }
        }
        var generator = SystemRandomNumberGenerator()
        let years = [1, 2, 3, 4, 99, 100, 101, 399, 400, 401, 1600, 1700, 1900, 1969, 1970, 1999, 2000, 2024, 2026, 2100, 9996, 9999]
            + (0..<60).map { _ in Int.random(in: 1...9999, using: &generator) }
        for y in years {
            for m in 0...13 {
                for d in 0...32 {
                    XCTAssertEqual(read(y, m, d), LocalDate(year: y, month: m, day: d)?.dayNumber, "\(y)-\(m)-\(d)")
                }
            }
        }
        XCTAssertNil(read(0, 1, 1), "year 0")
        XCTAssertEqual(read(1970, 1, 1), 0)
        let second = Array("2026-12-01T13:45:07".utf8).withUnsafeBufferPointer { ISOTime.positionalDayAndSecond($0.baseAddress!)?.second }
        XCTAssertEqual(second, 13 * 3600 + 45 * 60 + 7)
    }

    /// The word-at-a-time reader against a byte-by-byte one written here: every byte of a few timestamps
    /// replaced by each of the 256 values (digits, separators, letters, high bytes) gives the same answer.
    func testEveryByteOfTheLayoutIsCheckedAsByTheByteReader() {
        func byByte(_ b: [UInt8]) -> (day: Int, second: Int)? {
            func two(_ i: Int) -> Int? {
                let h = b[i] &- 0x30, l = b[i + 1] &- 0x30
                return h <= 9 && l <= 9 ? Int(h) * 10 + Int(l) : nil
            }
            guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, let c = two(0), let y = two(2),
                  let m = two(5), let d = two(8), let hh = two(11), let mm = two(14), let ss = two(17), hh < 24, mm < 60, ss < 60,
                  let date = LocalDate(year: c * 100 + y, month: m, day: d) else { return nil }
            return (date.dayNumber, hh * 3600 + mm * 60 + ss)
        }
        var compared = 0, accepted = 0
        for base in ["2026-08-03T12:59:22", "1999-12-31T23:59:59", "2024-02-29T00:00:00", "0001-01-01T09:09:09"] {
            for position in 0..<19 {
                for value in 0...255 {
                    var bytes = Array(base.utf8)
                    bytes[position] = UInt8(value)
                    // Exactly the nineteen bytes: the reader's last word ends at the last of them.
                    let fast = bytes.withUnsafeBufferPointer { ISOTime.positionalDayAndSecond($0.baseAddress!) }
                    let slow = byByte(bytes)
                    XCTAssertEqual(fast?.day, slow?.day, String(decoding: bytes, as: UTF8.self))
                    XCTAssertEqual(fast?.second, slow?.second, String(decoding: bytes, as: UTF8.self))
                    compared += 1
                    if slow != nil { accepted += 1 }
                }
            }
        }
        XCTAssertEqual(compared, 4 * 19 * 256)
        XCTAssertGreaterThan(accepted, 4 * 19 * 5, "digits in place were accepted")
    }
}
