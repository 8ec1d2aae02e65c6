import Foundation
import XCTest
@testable import ComplaintJournal

/// Segment files are named with six or more digits, so `ls` sorts them; every officer action names its
/// segment's path (written in one piece, not joined from strings).
final class SegmentNameTests: XCTestCase {
    func testNamesArePaddedToSixDigitsAndWiderNumbersKeepEveryDigit() {
        let cases: [(Int, String)] = [
            (0, "000000.jsonl"), (1, "000001.jsonl"), (9, "000009.jsonl"), (10, "000010.jsonl"), (42, "000042.jsonl"),
            (99_999, "099999.jsonl"), (100_000, "100000.jsonl"), (999_999, "999999.jsonl"),
            (1_000_000, "1000000.jsonl"), (12_345_678_901, "12345678901.jsonl"),
        ]
        for (number, name) in cases {
            XCTAssertEqual(SegmentName.fileName(number), name)
            XCTAssertEqual(SegmentName.path(in: "/data/meja/journal", number), "/data/meja/journal/" + name)
            if number > 0 { XCTAssertEqual(SegmentName.number(of: name), number) }
        }
        XCTAssertEqual(SegmentName.stem(7), "000007")
    }

    func testAFolderWithWideCharactersIsKeptByteForByte() {
        // Compared as bytes: a decomposed "é" must stay decomposed (String's == would accept either form).
        for folder in ["/home/petugas/Meja Pengaduan ✓/journal", "/data/Andre\u{301}/journal", "/data/Andr\u{E9}/journal"] {
            XCTAssertEqual(Array(SegmentName.path(in: folder, 3).utf8), Array((folder + "/000003.jsonl").utf8))
        }
        XCTAssertEqual(SegmentName.path(in: "", 3), "/000003.jsonl")
        let folder = JournalFolder(dataFolder: URL(fileURLWithPath: "/tmp/x"))
        XCTAssertEqual(folder.segmentPath(12), "/tmp/x/journal/000012.jsonl")
    }
}
