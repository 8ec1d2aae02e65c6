import SeededRandom
import XCTest
@testable import TinyTOML

/// `UTF8Validation` skips ASCII eight bytes at a time; the first bad byte's offset (which errors name as
/// a column) must be exactly what a byte-by-byte reading finds, wherever it falls in a word.
final class UTF8ValidationTests: XCTestCase {
    /// The offset of the first malformed sequence, one sequence at a time (the reading before the fast path).
    func reference(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                guard let n = UTF8Validation.sequenceLength(b, at: i) else { return i }
                i += n
            }
            return nil
        }
    }

    func testFirstInvalidOffsetMatchesASequenceBySequenceReading() {
        // Valid sequences of every length, and bytes that break them (stray continuation, overlong lead,
        // surrogate, beyond U+10FFFF, cut short).
        let pieces: [[UInt8]] = [Array("é".utf8), Array("“".utf8), Array("😀".utf8), Array("ꦗ".utf8),
                                 [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]]
        var random = SeededGenerator(seed: 8)
        var invalid = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...48, using: &random)
            while bytes.count < length {
                if Int.random(in: 0..<6, using: &random) == 0 {
                    bytes += pieces.randomElement(using: &random)!
                } else {
                    bytes.append(UInt8.random(in: 0x20...0x7E, using: &random))
                }
            }
            let expected = reference(bytes)
            if expected != nil { invalid += 1 }
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), expected, "round \(round): \(bytes)")
        }
        XCTAssertGreaterThan(invalid, 1_000, "the inputs must exercise both outcomes")
    }

    func testABadByteAfterLongASCIIRunsIsFoundAtItsOffset() {
        for offset in 0..<24 {
            let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + [0xC3, 0x28] + Array(repeating: UInt8(ascii: "b"), count: 9)
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), offset)
            XCTAssertNil(UTF8Validation.firstInvalidOffset(Array(repeating: UInt8(ascii: "a"), count: offset) + Array("é".utf8)))
        }
    }
}
