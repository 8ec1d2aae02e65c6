import Foundation
import XCTest
@testable import ComplaintJournal

/// A segment of a megabyte or more is split into lines on every core (`ParallelLines.lines`): the result is
/// exactly the one-pass split, whatever the line lengths around the cuts, blank lines, a last line without
/// its newline, or no newline at all.
final class ParallelLinesTests: XCTestCase {
    func onePass(_ b: UnsafeBufferPointer<UInt8>) -> [LineSplitter.Line] {
        var lines: [LineSplitter.Line] = []
        LineSplitter.forEachLine(b) { lines.append($0); return true }
        return lines
    }

    func assertSameSplit(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        bytes.withUnsafeBufferPointer { b in
            let parallel = ParallelLines.lines(b), serial = onePass(b)
            XCTAssertEqual(parallel.count, serial.count, what, file: file, line: line)
            XCTAssertTrue(zip(parallel, serial).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.terminated == $1.terminated },
                          what, file: file, line: line)
        }
    }

    func testLargeBuffersSplitOnEveryCoreAsInOnePass() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6 {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(3 << 20)
            while bytes.count < (1 << 20) + round * 300_000 {
                // Mostly journal-sized lines, some blank, some long.
                let length = [0, 1, 250, 600, 1_200, 70_000].randomElement(using: &generator)!
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: length) + [0x0A]
            }
            assertSameSplit(bytes, "round \(round), terminated")
            assertSameSplit(bytes + Array("tail without newline".utf8), "round \(round), unterminated tail")
        }
        assertSameSplit([UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20), "one line without a newline")
        assertSameSplit([UInt8](repeating: 0x0A, count: 2 << 20), "only newlines")
    }
}
