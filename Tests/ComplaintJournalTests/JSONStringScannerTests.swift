import XCTest
@testable import ComplaintJournal

/// The envelope's string scanner after non-ASCII text (names, regions and units in journal actors): the
/// text is read whole, and a raw control byte, a bad escape or broken UTF-8 after it is still refused.
final class JSONStringScannerTests: XCTestCase {
    func scan(_ bytes: [UInt8]) -> Result<String?, JSONStringScanner.Failure> {
        bytes.withUnsafeBufferPointer { b in
            do throws(JSONStringScanner.Failure) { return .success(try JSONStringScanner.scan(b, from: 0).0) } catch { return .failure(error) }
        }
    }

    func testNonASCIITextAtEveryAlignmentIsReadAndCheckedToItsEnd() {
        for pad in 0..<16 {
            let text = "Dinas Pekerjaan Umum – " + String(repeating: "x", count: pad) + "é 😀"
            XCTAssertEqual(try scan(Array("\"\(text)\",".utf8)).get(), text, "pad \(pad)")
            XCTAssertEqual(try scan(Array("\"\(text)\\n\"".utf8)).get(), text + "\n", "pad \(pad): an escape after non-ASCII text")
            let control = Array("\"\(text)".utf8) + [0x09] + Array("\"".utf8)
            guard case let .failure(f) = scan(control) else { return XCTFail("pad \(pad): a raw tab was skipped") }
            XCTAssertEqual(f.reason, "raw control character in string")
            let broken = Array("\"\(text)".utf8) + [0xE2, 0x28] + Array("\"".utf8)
            guard case let .failure(g) = scan(broken) else { return XCTFail("pad \(pad): broken UTF-8 accepted") }
            XCTAssertEqual(g.reason, "invalid UTF-8 in string")
        }
    }
}
