import SeededRandom
import XCTest
@testable import ComplaintJournal

final class CRC32CTests: XCTestCase {
    /// Bit-at-a-time reference implementation to check the slice-by-8 tables against.
    private func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    func testKnownVectors() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
    }

    func testSliceBy8MatchesBitwiseReferenceForEveryLengthAndAlignment() {
        var generator = SeededGenerator(seed: 0xC3C)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<9 {
            for length in stride(from: 0, through: 300 - start, by: 7) {
                let slice = Array(data[start..<(start + length)])
                XCTAssertEqual(CRC32C.checksum(slice), reference(slice), "start \(start) length \(length)")
            }
        }
    }

    /// The CPU instruction (when present) and the table loop must agree on every length and alignment,
    /// streamed or not: journals written on one machine are verified on another.
    func testHardwareAndTableLoopAgree() throws {
        try XCTSkipUnless(CRC32C.hardware, "this CPU has no CRC-32C instruction; only the table loop runs")
        var generator = SeededGenerator(seed: 0xC3C)
        // Past 192 bytes the instruction runs three chains over 64- or 256-byte blocks and joins them
        // (`ccrc32c.c`): lengths up to 2,400 take every mix of long blocks, short blocks and the tail.
        let data = (0..<2_500).map { _ in UInt8.random(in: 0...255, using: &generator) }
        data.withUnsafeBytes { all in
            for start in 0..<9 {
                for length in Array(stride(from: 0, through: 2_400, by: 13)) + [191, 192, 193, 767, 768, 769, 960, 1_536, 1_728] {
                    let slice = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
                    XCTAssertEqual(CRC32C.update(0, slice), CRC32C.software(0, slice), "start \(start) length \(length)")
                    XCTAssertEqual(CRC32C.update(0x1234_5678, slice), CRC32C.software(0x1234_5678, slice))
                }
            }
        }
    }

    func testStreamingEqualsOneShot() {
        let bytes = Array("The quick brown fox jumps over the lazy dog, berkali-kali.".utf8)
        let first = bytes.withUnsafeBytes { CRC32C.update(0, UnsafeRawBufferPointer(rebasing: $0[0..<13])) }
        let both = bytes.withUnsafeBytes { CRC32C.update(first, UnsafeRawBufferPointer(rebasing: $0[13...])) }
        XCTAssertEqual(both, CRC32C.checksum(bytes))
    }

    func testHexDigitsAreEightLowercase() {
        XCTAssertEqual(String(decoding: CRC32C.hexDigits(0x0A0B_1C2D), as: Unicode.UTF8.self), "0a0b1c2d")
        XCTAssertEqual(String(decoding: CRC32C.hexDigits(0), as: Unicode.UTF8.self), "00000000")
        // Every digit in every place, letters included, as `String(_:radix:)` spells them.
        for value: UInt32 in [0xFFFF_FFFF, 0x9ABC_DEF0, 0x1234_5678, 0xF0E1_D2C3, 0x0000_000A, 0xA000_0000] {
            let spelled = String(value, radix: 16)
            XCTAssertEqual(String(decoding: CRC32C.hexDigits(value), as: Unicode.UTF8.self),
                           String(repeating: "0", count: 8 - spelled.count) + spelled)
        }
        var line: [UInt8] = [0x2A]
        CRC32C.appendHexDigits(0xBEEF_0042, to: &line)
        XCTAssertEqual(String(decoding: line, as: Unicode.UTF8.self), "*beef0042", "appended after what the line holds")
    }
}
