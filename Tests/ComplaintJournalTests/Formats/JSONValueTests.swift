import SeededRandom
import TinyTOML
@testable import ComplaintJournal
import Complaints
import Foundation
import XCTest

final class JSONValueTests: XCTestCase {
    private func error(_ text: String) -> JSONParseError? {
        error(Array(text.utf8))
    }

    private func error(_ bytes: [UInt8], maxDepth: Int = JSONValue.defaultMaxDepth) -> JSONParseError? {
        do {
            _ = try JSONValue.parse(bytes, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    func testParsesAllKindsKeepingOrderAndNumberText() throws {
        let v = try JSONValue.parse(#" {"b": [1, -0.5e+3, true, false, null], "a": "x\u00e9\n\"\\/", "c": {}} "#)
        XCTAssertEqual(v.objectMembers?.map(\.key), ["b", "a", "c"])
        XCTAssertEqual(v["b"], .array([.number("1"), .number("-0.5e+3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(v["a"], .string("xé\n\"\\/"))
        XCTAssertEqual(v["c"], .object([]))
    }

    func testSurrogatePairEscapeBecomesOneScalar() throws {
        XCTAssertEqual(try JSONValue.parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(error(#""\ud83d""#)?.message, "unpaired surrogate escape")
        XCTAssertEqual(error(#""\ude00x""#)?.message, "unpaired surrogate escape")
        XCTAssertEqual(error(#""\ud83d\u0041""#)?.message, "unpaired surrogate escape")
    }

    func testSyntaxErrorsReportTheByteColumn() {
        XCTAssertEqual(error(#"{"a": 1,}"#)?.column, 9)
        XCTAssertEqual(error(#"{"a" 1}"#)?.column, 6)
        XCTAssertEqual(error("[1, 2")?.message, "unexpected end of input (unclosed array)")
        XCTAssertEqual(error("01")?.message, "invalid number: leading zero")
        XCTAssertEqual(error("1.")?.column, 3)
        XCTAssertEqual(error("tru")?.message, "invalid literal (expected true)")
        XCTAssertEqual(error(#"{"a":1} x"#)?.column, 9)
        XCTAssertEqual(error(#""a\qb""#)?.column, 3)
        XCTAssertEqual(error("\"a\u{01}b\"")?.message, "control character in string (must be escaped)")
        XCTAssertEqual(error("\"abc")?.message, "unterminated string")
        XCTAssertEqual(error("")?.message, "unexpected end of input")
        XCTAssertEqual(error("'a'")?.message, "unexpected character '''")
    }

    func testInvalidUTF8IsRefusedWithItsColumn() {
        let bytes: [UInt8] = Array(#"{"a":"ok "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        XCTAssertEqual(error(bytes), JSONParseError(offset: 9, message: "invalid UTF-8"))
        // Overlong encoding of '/', an encoded surrogate, a truncated sequence.
        XCTAssertNotNil(error([0x22, 0xC0, 0xAF, 0x22]))
        XCTAssertNotNil(error([0x22, 0xED, 0xA0, 0x80, 0x22]))
        XCTAssertNotNil(error([0x22, 0xE2, 0x82]))
        XCTAssertNil(UTF8Validation.firstInvalidOffset(Array("Sléman 😀 ꦗꦮ".utf8)))
    }

    func testDepthIsLimited() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertEqual(error(deep)?.message, "nesting deeper than 64 levels")
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNil(error(ok))
        // Far deeper input must not exhaust the stack.
        XCTAssertNotNil(error(Array(repeating: UInt8(ascii: "{"), count: 100_000)))
        XCTAssertNotNil(error(Array(repeating: UInt8(ascii: "["), count: 100_000)))
    }

    func testHostileStringsRoundTripThroughFoundation() throws {
        let hostile = "a\"b\\c\n\r\t\u{0}\u{1B}[31m\u{7F}\u{85}\u{9B}\u{2028}\u{2029}</script>😀\u{FEFF}"
        let text = JSONValue.object(["k\n\"": .string(hostile)]).compactText
        XCTAssertFalse(text.contains("\n"))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        XCTAssertFalse(text.contains("\u{2028}"))
        let back = try XCTUnwrap(Fx.foundationJSON(text) as? [String: String])
        XCTAssertEqual(back, ["k\n\"": hostile])
        XCTAssertEqual(try JSONValue.parse(text), .object(["k\n\"": .string(hostile)]))
    }

    func testCompactTextOfParsedValueIsStable() throws {
        let v = try JSONValue.parse(#"{ "x" : [ 1.50 , "y" ] , "z" : null }"#)
        XCTAssertEqual(v.compactText, #"{"x":[1.50,"y"],"z":null}"#)
    }

    /// Seeded, so a failure repeats (it drew a different sample on every run). A number too large for a
    /// Double (`93e7606`) is valid JSON that Foundation declines to represent: our text must then still parse
    /// as the same value, which is what "valid" means here.
    func testRandomBytesNeverCrash() {
        var rng = SeededGenerator(seed: 0x15_0A)
        let alphabet = Array(#"{}[]",:\u0123456789.eE+-truefalsn "#.utf8) + [0xC3, 0xA9, 0xFF, 0x0A]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let bytes = (0..<n).map { _ in alphabet.randomElement(using: &rng) ?? 0x20 }
            guard let v = try? JSONValue.parse(bytes) else { continue }
            XCTAssertEqual(try? JSONValue.parse(v.compactText), v, v.compactText)
            do {
                _ = try Fx.foundationJSON(v.compactText)
            } catch {
                XCTAssertTrue("\(error)".contains("not representable"), "\(v.compactText): \(error)")
            }
        }
    }
}
