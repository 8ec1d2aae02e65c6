import Foundation
import XCTest
@testable import ComplaintJournal

/// Random damage *with a recomputed checksum*, so the envelope parser itself (not the CRC) must
/// reject or accept every variant without crashing, and anything it accepts must be sound.
final class DecoderRobustnessTests: XCTestCase {
    private func sealed(_ prefix: [UInt8]) -> [UInt8] {
        prefix + Array(",\"c\":\"".utf8) + CRC32C.hexDigits(CRC32C.checksum(prefix)) + Array("\"}".utf8)
    }

    func testRandomMutationsWithValidChecksumsNeverCrashAndAcceptOnlySoundLines() throws {
        var random = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("{}[]\":,\\u0123456789abcdefnulltruefalse -.eE\u{1}\n\t".utf8) + [0x80, 0xC3, 0xA9, 0xE2, 0xED, 0xFF]
        var originals: [[UInt8]] = []
        for (index, text) in TestSupport.hostileStrings.enumerated() {
            var entry = TestSupport.entry(index)
            entry.reportID = text
            entry.payload = Array("{\"a\":[1,{\"b\":\"\(index)\"}],\"c\":null}".utf8)
            originals.append(Array(try EnvelopeEncoder.encode(entry, seq: UInt64(index + 1)).dropLast(17)))
        }
        var accepted = 0
        for round in 0..<20_000 {
            var prefix = originals[round % originals.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<prefix.count, using: &random)
                let byte = alphabet.randomElement(using: &random) ?? 0
                switch Int.random(in: 0..<3, using: &random) {
                case 0: prefix[position] = byte
                case 1: prefix.insert(byte, at: position)
                default: prefix.remove(at: position)
                }
            }
            let line = sealed(prefix)
            let decoded = line.withUnsafeBufferPointer {
                try? EnvelopeDecoder.decode($0, position: JournalPosition(segment: 1, line: 1))
            }
            let verified = line.withUnsafeBufferPointer { try? EnvelopeDecoder.verify($0) }
            XCTAssertEqual(decoded?.seq, verified, "decode and verify agree (round \(round))")
            guard let decoded else { continue }
            accepted += 1
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line)), "accepted lines are JSON (round \(round))")
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(decoded.payload)) as? [String: Any])
            XCTAssertFalse(line.contains(0x0A))
        }
        XCTAssertGreaterThan(accepted, 0, "some harmless mutations (inside strings) are accepted")
    }
}
