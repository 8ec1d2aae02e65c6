import Foundation
import XCTest
@testable import ComplaintJournal

/// The positional reader of the written layout (`parseAsWritten`) against the general one
/// (`parseAnyLayout`): the same instant and offset for every text the positional one accepts, and a
/// refusal (left to the general reader, which names the problem) for everything else.
final class JournalTimestampTests: XCTestCase {
    private func both(_ text: String) -> (fast: (Date, Int)?, general: Result<(Date, Int), JournalTimestamp.Failure>) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            let general: Result<(Date, Int), JournalTimestamp.Failure>
            do throws(JournalTimestamp.Failure) { general = .success(try JournalTimestamp.parseAnyLayout(b)) } catch { general = .failure(error) }
            return (JournalTimestamp.parseAsWritten(b), general)
        }
    }

    func testWrittenTimestampsReadTheSameByPositionAndByCharacter() throws {
        var generator = SystemRandomNumberGenerator()
        let offsets = [0, 7 * 3600, 8 * 3600, 9 * 3600, -(5 * 3600 + 30 * 60), 14 * 3600, -12 * 3600, 5 * 3600 + 45 * 60]
        var withMillis = 0
        for _ in 0..<5_000 {
            let millis = Double(Int.random(in: 0..<1000, using: &generator)) / 1000
            let seconds = Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &generator)) + millis
            let offset = offsets.randomElement(using: &generator)!
            let text = try JournalTimestamp.format(Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset)
            let (fast, general) = both(text)
            let fastValue = try XCTUnwrap(fast, "the positional reader refused \(text)")
            let generalValue = try general.get()
            XCTAssertEqual(fastValue.0.timeIntervalSince1970.bitPattern, generalValue.0.timeIntervalSince1970.bitPattern, text)
            XCTAssertEqual(fastValue.1, generalValue.1, text)
            XCTAssertEqual(fastValue.1, offset, text)
            if text.utf8.count == 29 { withMillis += 1 }
        }
        XCTAssertGreaterThan(withMillis, 4_000, "the millisecond layout was exercised")
    }

    func testEveryOtherTextIsLeftToTheGeneralReader() {
        let refused = [
            "2026-08-03T08:43:54Z",              // Z: valid, another layout
            "2026-08-03T08:43:54.5+07:00",       // one fraction digit: valid, another layout
            "2026-08-03T08:43:54.539Z",
            "2026-02-30T08:43:54.539+07:00",     // no such day
            "2026-13-03T08:43:54.539+07:00",
            "2026-08-03T24:43:54.539+07:00",
            "2026-08-03T08:60:54.539+07:00",
            "2026-08-03T08:43:60.539+07:00",
            "2026-08-03T08:43:54.539+19:00",
            "2026-08-03T08:43:54.539+07:60",
            "2026-08-03 08:43:54.539+07:00",
            "2026-08-03T08:43:54.539*07:00",
            "2026-08-03T08:43:54,539+07:00",
            "2026-08-03T08:43:54.5a9+07:00",
            "2O26-08-03T08:43:54.539+07:00",
            "2026-08-03T08:43:54+07-00",
            "2026-08-03T08:43:5/+07:00",
        ]
        for text in refused {
            XCTAssertNil(both(text).fast, text)
        }
        // The valid ones among them still read, through the general reader.
        for text in refused.prefix(3) {
            XCTAssertNoThrow(try both(text).general.get(), text)
        }
        if case .success = both("2026-02-30T08:43:54.539+07:00").general { XCTFail("a day that does not exist was read") }
    }
}
