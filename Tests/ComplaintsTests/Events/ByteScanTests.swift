import SeededRandom
import XCTest
@testable import Complaints

/// `ByteScan.nextStringSpecial` is the hot loop of every string at start-up: it must stop exactly at the
/// first byte a JSON string scanner has to look at, and must say whether it passed a non-ASCII byte (the
/// caller then validates UTF-8). Checked against a byte-by-byte reading of random strings built from the
/// bytes that matter, at every alignment, long enough for several rounds of the sixteen-byte (SSE2) loop
/// with the byte found in each of its lanes.
final class ByteScanTests: XCTestCase {
    /// Bytes a string scanner stops at, the boundaries around them, and non-ASCII bytes of each kind.
    static let alphabet: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF]
        + Array("aZ9 ,:{".utf8)

    func isSpecial(_ b: UInt8) -> Bool { b == 0x22 || b == 0x5C || b < 0x20 }

    func testStopsExactlyAtTheFirstByteTheScannerMustSeeAndReportsNonASCII() {
        var random = SeededGenerator(seed: 5)
        for round in 0..<20_000 {
            let length = Int.random(in: 0...100, using: &random)
            // Mostly plain text, so long runs reach the eight-byte loop.
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<4, using: &random) == 0 ? Self.alphabet.randomElement(using: &random)! : UInt8.random(in: 0x20...0x7E, using: &random)
            }
            let start = length == 0 ? 0 : Int.random(in: 0...length, using: &random)
            var highBits: UInt64 = 0
            let stop = bytes.withUnsafeBufferPointer { b in
                ByteScan.nextStringSpecial(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: start, count: length, highBits: &highBits)
            }
            let expected = bytes[start...].firstIndex(where: isSpecial) ?? length
            XCTAssertEqual(stop, expected, "round \(round): \(bytes[start...].map { String($0, radix: 16) })")
            let passed = bytes[start..<min(stop, length)]
            XCTAssertEqual(highBits != 0, passed.contains { $0 >= 0x80 }, "round \(round): non-ASCII reported wrongly")
        }
    }

    /// A string with non-ASCII text before its end decodes to the same text, and a quote, backslash or
    /// control byte after the non-ASCII text is still seen (at every offset within the eight-byte word).
    func testNonASCIIBeforeTheEndIsDecodedAndCheckedByTheTape() throws {
        let lead = "Jalan “rusak” — "
        for pad in 0..<16 {
            let text = lead + String(repeating: "x", count: pad) + "é"
            let good = Array("{\"text\":\"\(text)\"}".utf8)
            let event = try EventCodec.decode(type: "report.note-added", payload: good)
            XCTAssertEqual(event, .noteAdded(text: text))
            // A raw control byte after the non-ASCII text: rejected, not skipped over.
            var bad = Array("{\"text\":\"\(text)".utf8)
            bad += [0x0A] + Array("\"}".utf8)
            XCTAssertNil(bad.withUnsafeBufferPointer { PayloadTape.parse($0) }, "pad \(pad): a raw newline was skipped")
            // Invalid UTF-8 after valid non-ASCII text is still refused.
            var broken = Array("{\"text\":\"\(text)".utf8)
            broken += [0xC3, 0x28] + Array("\"}".utf8)
            XCTAssertNil(broken.withUnsafeBufferPointer { PayloadTape.parse($0) }, "pad \(pad): invalid UTF-8 accepted")
        }
    }

    /// Short strings are built from their bytes directly: the same string, byte for byte, as
    /// `String(decoding:as:)` builds, ASCII or not, well-formed or repaired, at every length around the
    /// inline limit of 15 bytes.
    func testShortStringsAreBuiltAsDecodingBuildsThem() {
        var generator = SeededGenerator(seed: 15)
        let pieces: [[UInt8]] = [[0x41], [0x7F], [0x00], [0xC3, 0xA9], [0xE2, 0x80, 0xA6], [0xF0, 0x9F, 0x87, 0xAE], [0xFF], [0xC3],
                                 [0xED, 0xA0, 0x80], [0xE2, 0x80], [0x80], [0x22], [0x5C], [0xCC, 0x81]]
        var cases: [[UInt8]] = [[]]
        for length in 1...20 { cases.append(Array(repeating: 0x61, count: length)) }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            while bytes.count < Int.random(in: 1...18, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            cases.append(bytes)
        }
        for bytes in cases {
            let fast = bytes.withUnsafeBufferPointer { ByteScan.string($0) }
            let decoded = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(Array(fast.utf8), Array(decoded.utf8), "\(bytes)")
        }
    }
}
