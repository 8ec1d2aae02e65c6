import XCTest
@testable import Complaints

/// The digit writer timestamps and journal sequence numbers share: as `String` spells the number, padded
/// with zeros to the width asked, never cut to it.
final class DecimalDigitsTests: XCTestCase {
    func testDigitsArePaddedToTheWidthAndNeverCut() {
        let cases: [(UInt64, Int, String)] = [
            (0, 1, "0"), (0, 4, "0000"), (7, 2, "07"), (42, 4, "0042"), (10, 2, "10"), (99, 2, "99"), (100, 2, "100"),
            (9_999, 4, "9999"), (10_000, 4, "10000"), (1_000_000_007, 1, "1000000007"),
            (10_000_000_000_000_000_000, 1, "10000000000000000000"), (UInt64.max, 1, "18446744073709551615"),
            (UInt64.max, 22, "0018446744073709551615"),
        ]
        for (value, width, text) in cases {
            var out: [UInt8] = [0x2A]
            DecimalDigits.append(value, width: width, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "*" + text, "\(value) at width \(width)")
        }
    }
}
