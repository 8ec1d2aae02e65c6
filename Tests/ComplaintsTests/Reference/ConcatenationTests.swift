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
}
