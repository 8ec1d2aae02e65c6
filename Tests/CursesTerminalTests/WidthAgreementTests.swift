import CNCursesW
import Glibc
import TextCanvas
import XCTest

/// DisplayWidth's table must agree with the wcwidth that ncurses uses on this machine.
final class WidthAgreementTests: XCTestCase {
    func testEveryScalarMatchesGlibcWcwidth() throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        defer { _ = setlocale(LC_CTYPE, previous ?? "C") }
        var mismatches: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let glibc = Int(lapor_wcwidth(wchar_t(bitPattern: value)))
            let ours = DisplayWidth.of(scalar)
            // glibc says -1 for unassigned code points; we draw those as one column.
            let expected = glibc < 0 ? 1 : glibc
            if ours != expected && mismatches.count < 10 {
                mismatches.append("U+\(String(value, radix: 16)): ours \(ours), glibc \(glibc)")
            }
        }
        XCTAssertEqual(mismatches, [])
    }
}
