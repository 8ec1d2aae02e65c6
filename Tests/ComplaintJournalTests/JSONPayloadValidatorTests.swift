@testable import ComplaintJournal
import XCTest

/// The payload check passes plain runs of a string eight bytes at a time and validates non-ASCII text
/// once per run: it must still name the first problem in the bytes, at its exact byte, whatever the
/// alignment and whatever follows it.
final class JSONPayloadValidatorTests: XCTestCase {
    func failure(_ bytes: [UInt8]) -> JSONPayloadValidator.Failure? {
        bytes.withUnsafeBufferPointer { b in
            do throws(JSONPayloadValidator.Failure) {
                try JSONPayloadValidator.validateObject(b)
                return nil
            } catch {
                return error
            }
        }
    }

    /// `{"k":"` + text + `"}` with the text's offset in the payload.
    func payload(_ text: [UInt8]) -> (bytes: [UInt8], textStart: Int) {
        let head = Array("{\"k\":\"".utf8)
        return (head + text + Array("\"}".utf8), head.count)
    }

    func testTheFirstProblemIsNamedAtItsByteAtEveryAlignment() {
        let plain = Array("jalan rusak é 😀 \\\" \\n ".utf8)
        let problems: [(bad: [UInt8], reason: String)] = [
            ([0xFF], "invalid UTF-8"), ([0xC3], "invalid UTF-8"), ([0xED, 0xA0, 0x80], "invalid UTF-8"),
            ([0xE2, 0x82], "invalid UTF-8"), ([0x0A], "raw line break in payload"), ([0x0D], "raw line break in payload"),
            ([0x01], "raw control character in string"), (Array("\\q".utf8), "invalid escape"),
            (Array("\\u12G4".utf8), "invalid \\u escape"),
        ]
        for length in 0..<(plain.count + 9) {
            let before = Array((0..<length).map { plain[$0 % plain.count] })
            // Cut where a sequence or an escape would be split: step back to a whole prefix.
            guard String(validating: before, as: UTF8.self) != nil, before.reversed().prefix { $0 == 0x5C }.count % 2 == 0 else { continue }
            for (bad, reason) in problems {
                // A later problem of another kind must not be named first.
                for after in [[], Array("abc".utf8), [0x0A], [0xFF], Array("é\\".utf8)] {
                    let (bytes, start) = payload(before + bad + after)
                    let f = failure(bytes)
                    XCTAssertEqual(f?.reason, reason, "\(length) \(bad) \(after)")
                    let expected = reason == "invalid escape" || reason == "invalid \\u escape" ? start + length + 1 : start + length
                    XCTAssertEqual(f?.offset, expected, "\(length) \(bad) \(after)")
                }
            }
            XCTAssertNil(failure(payload(before).bytes), "\(length): well-formed")
        }
    }

    func testAStringCutShortIsUnterminated() {
        for text in ["", "abc", "é", String(repeating: "x", count: 17), "ab\\\""] {
            let bytes = Array("{\"k\":\"".utf8) + Array(text.utf8)
            XCTAssertEqual(failure(bytes)?.reason, "unterminated string", text)
        }
        XCTAssertEqual(failure(Array("{\"k\":\"ab\\".utf8))?.reason, "unterminated escape")
        XCTAssertEqual(failure(Array("{\"k\":\"é".utf8) + [0xC3])?.reason, "invalid UTF-8", "a bad sequence before the end is named first")
    }

    /// A long string of escapes and non-ASCII runs is checked in one pass over its runs (not from its start
    /// at every escape): a 4 MB body of them validates, and a bad byte at its end is still found.
    func testManyRunsAreEachCheckedOnce() {
        let unit = Array("é\\n".utf8)
        var text: [UInt8] = []
        for _ in 0..<(1 << 20) { text += unit }
        XCTAssertNil(failure(payload(text).bytes))
        let (bytes, start) = payload(text + [0xFF])
        XCTAssertEqual(failure(bytes), JSONPayloadValidator.Failure(offset: start + text.count, reason: "invalid UTF-8"))
    }
}
