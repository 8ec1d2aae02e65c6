import XCTest
import SeededRandom
@testable import Complaints

/// The byte-level name folding must give exactly what the character-level code gives, for every ASCII
/// text, and must decline every other text.
final class ASCIINameTests: XCTestCase {
    func testEveryShortASCIITextFoldsAsCharactersDo() {
        let bytes = (0..<128).map { UInt8($0) }
        for first in bytes {
            assertSameFolding(String(decoding: [first], as: UTF8.self))
            for second in bytes { assertSameFolding(String(decoding: [first, second], as: UTF8.self)) }
        }
    }

    func testRandomASCIITextsFoldAsCharactersDo() {
        var random = SeededGenerator(seed: 41)
        // Mostly the bytes the folding treats specially, so runs of separators and mixed case are common.
        let alphabet = Array(" \t\r\n\u{0B}\u{0C}.,-_aAzZkK09/{}\u{1C}\u{1F}\u{7F}\u{0}".utf8)
        for _ in 0..<20_000 {
            let length = random.below(24)
            let text = (0..<length).map { _ in
                random.below(4) == 0 ? UInt8(random.below(128)) : alphabet[random.below(alphabet.count)]
            }
            assertSameFolding(String(decoding: text, as: UTF8.self))
        }
        for name in ["  Kab.  Sleman ", "D.I. Yogyakarta", "KOTA ADM. Jakarta Pusat", "Provinsi,Bali", "\r\n", ""] {
            assertSameFolding(name)
        }
    }

    func testNonASCIITextIsLeftToTheCharacterLevelPath() {
        for text in ["é", "Kab.\u{A0}Sleman", "\u{212A}ota", "x\u{301}", "İ", "a\u{85}b"] {
            XCTAssertNil(ASCIIName.normalized(text), text)
            XCTAssertNil(ASCIIName.slug(text), text)
            XCTAssertNil(ASCIIName.removingWhitespace(text), text)
        }
        // The Kelvin sign lowercases to an ASCII k: only the scalar path sees it.
        XCTAssertEqual(ReferenceName.slug("\u{212A}ota Bandung"), "kota-bandung")
        XCTAssertEqual(ReferenceName.normalized("Kab.\u{A0}Sleman"), "kab sleman")
    }

    /// `normalizedName` skips its rules when they would change nothing; it must agree with running them.
    func testRegionNamesNormaliseAsTheRulesSay() {
        let firsts = ["", "provinsi", "Prov.", "PROV", "kab", "KAB.", "kabupaten", "Kota", "kotamadya", "Kodya", "kotamadia",
                      "d", "D.I.", "daerah", "di", "adm", "kotak", "kab-", "provinsi kab", "prov. kota adm.", "é", "kota\u{A0}"]
        let seconds = ["", "adm", "Adm.", "administrasi", "i", "I.", "istimewa", "Sleman", "Jakarta  Pusat", "kota"]
        let separators = [" ", ".", ", ", "  ", "\t", ".,", "\r\n"]
        for first in firsts {
            for second in seconds {
                for separator in separators {
                    for name in [first + separator + second, first + separator + second + separator + "Barat", separator + first + second] {
                        XCTAssertEqual(RegionDirectory.normalizedName(name), RegionDirectory.normalizedNameByWords(name),
                                       name.debugDescription)
                    }
                }
            }
        }
    }

    /// `isRegencyCode` compares bytes; for a province code of two ASCII digits (the only kind it is asked
    /// about) it must agree with splitting the code into characters, for codes with marks, other digits and
    /// line ends too.
    func testRegencyCodesAreCheckedAsCharactersDo() {
        let pieces = ["", "3", "4", "34", ".", "0", "04", "9", "a", "\r\n", "\u{301}", "\u{663}", "\u{FF14}", " ", "1.2"]
        for province in ["34", "01", "99"] {
            for first in pieces {
                for second in pieces {
                    for third in pieces {
                        let code = first + second + third
                        XCTAssertEqual(RegionDirectory.isRegencyCode(code, of: province), isRegencyCodeByCharacters(code, of: province),
                                       "\(code.debugDescription) of \(province.debugDescription)")
                    }
                }
            }
        }
    }

    private func isRegencyCodeByCharacters(_ code: String, of provinceCode: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == provinceCode && parts[1].count == 2
            && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
    }

    private func assertSameFolding(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let words = ReferenceName.unicodeWords(text)
        XCTAssertEqual(ASCIIName.normalized(text), words.joined(separator: " "), text.debugDescription, file: file, line: line)
        XCTAssertEqual(ASCIIName.slug(text), ReferenceName.unicodeSlug(text), text.debugDescription, file: file, line: line)
        XCTAssertEqual(ASCIIName.removingWhitespace(text), String(text.filter { !$0.isWhitespace }),
                       text.debugDescription, file: file, line: line)
    }
}
