import XCTest
@testable import TextCanvas

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("Laporan 123"), 11)
        XCTAssertEqual(DisplayWidth.of(Character("a")), 1)
    }

    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x0301)!), 0)
        XCTAssertEqual(DisplayWidth.of("e\u{0301}"), 1)
        XCTAssertEqual(DisplayWidth.of(Character("e\u{0301}")), 1)
    }

    func testZeroWidthJoinerAndVariationSelectors() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x200D)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0xFE0F)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0xFE0E)!), 0)
    }

    func testCJKHangulKanaAreWide() {
        XCTAssertEqual(DisplayWidth.of("漢字"), 4)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)  // fullwidth Latin
    }

    func testEmojiAreWide() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)  // with skin tone modifier: one cluster
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)  // text-default heart + VS16
        XCTAssertEqual(DisplayWidth.of("❤"), 1)  // without VS16 glibc says 1
        XCTAssertEqual(DisplayWidth.of("1️⃣"), 2)  // keycap sequence
    }

    func testZWJFamilyIsOneWideCluster() {
        let family = "👨‍👩‍👧‍👦"
        XCTAssertEqual(family.count, 1)
        XCTAssertEqual(DisplayWidth.of(family), 2)
    }

    func testFlagsAreWideButALoneRegionalIndicatorIsNot() {
        XCTAssertEqual(DisplayWidth.of("🇮🇩"), 2)
        XCTAssertEqual(DisplayWidth.of("🇮🇩🇯🇵"), 4)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1F1EE)!), 1)
    }

    func testJavaneseScript() {
        // ꦗ (JA) and ꦮ (WA) are narrow; the vowel sign ꦶ (U+A9B6) combines.
        XCTAssertEqual(DisplayWidth.of("ꦗꦮ"), 2)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0xA9B6)!), 0)
        XCTAssertEqual(DisplayWidth.of("ꦗꦶ"), 1)
    }

    func testArabicLettersAndHarakat() {
        XCTAssertEqual(DisplayWidth.of("سلام"), 4)
        XCTAssertEqual(DisplayWidth.of("بَ"), 1)  // fatha combines
    }

    func testHangulJamoSequenceIsOneWideCluster() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{1100}\u{1161}\u{11A8}")), 2)
    }

    func testControlsCountZero() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1B)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x9B)!), 0)
    }

    func testTablesAreSortedAndDisjoint() {
        for table in [DisplayWidthTables.wide, DisplayWidthTables.zero] {
            for (a, b) in zip(table, table.dropFirst()) {
                XCTAssertLessThan(a.upperBound, b.lowerBound)
            }
        }
    }

    func testBinarySearchEdges() {
        let ranges: [ClosedRange<UInt32>] = [1...2, 5...5, 9...12]
        XCTAssertFalse(DisplayWidth.contains(ranges, 0))
        XCTAssertTrue(DisplayWidth.contains(ranges, 1))
        XCTAssertTrue(DisplayWidth.contains(ranges, 2))
        XCTAssertFalse(DisplayWidth.contains(ranges, 3))
        XCTAssertTrue(DisplayWidth.contains(ranges, 5))
        XCTAssertTrue(DisplayWidth.contains(ranges, 12))
        XCTAssertFalse(DisplayWidth.contains(ranges, 13))
        XCTAssertFalse(DisplayWidth.contains([], 1))
    }
}
