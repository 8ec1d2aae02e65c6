import XCTest
@testable import Complaints

final class ConcatenationTests: XCTestCase {
    /// Byte for byte what `+` gives, for empty, small (inline) and large strings and any script.
    func testConcatenatesAsPlusDoes() {
        let pieces = ["", "/", "dinkes", "pemkab-kepulauan-mentawai", "Dinas Kesehatan ", "Sl\u{E9}man", "e\u{301}", "日本語のテキスト"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let joined = Concatenation.concatenated(first, second, third)
                    XCTAssertEqual(Array(joined.utf8), Array((first + second + third).utf8))
                }
                XCTAssertEqual(Array(Concatenation.concatenated(first, second).utf8), Array((first + second).utf8))
            }
        }
    }

    /// As `joined(separator:)`, byte for byte, for no part, one, and many, with empty and long separators.
    func testJoinsAsTheStandardLibraryDoes() {
        let pieces = ["", " ", "dinkes", "Kabupaten Kepulauan Mentawai", "Sl\u{E9}man", "e\u{301}", "日本語"]
        var lists: [[String]] = [[]]
        for a in pieces {
            lists.append([a])
            for b in pieces { lists.append([a, b]); lists.append([a, b, a, "x"]) }
        }
        for separator in ["", " ", "{wilayah}", "Daerah Istimewa Yogyakarta", "\u{301}"] {
            for parts in lists {
                XCTAssertEqual(Array(Concatenation.joined(parts, separator: separator).utf8),
                               Array(parts.joined(separator: separator).utf8), "\(parts) by \(separator.debugDescription)")
            }
        }
    }
}
