import XCTest
@testable import ComplaintJournal

/// The folding scan finds lines slice by slice (`LineSlices`), on the core that decodes them: the lines of
/// every slice, in order, are exactly the one-pass split of the whole buffer, whatever falls on a slice's
/// edge (a newline, a line start, a line longer than several slices), blank lines, a last line without its
/// newline, or no newline at all.
final class LineSlicesTests: XCTestCase {
    private func onePass(_ b: UnsafeBufferPointer<UInt8>) -> [LineSplitter.Line] {
        var lines: [LineSplitter.Line] = []
        LineSplitter.forEachLine(b) { lines.append($0); return true }
        return lines
    }

    private func sliced(_ b: UnsafeBufferPointer<UInt8>, sliceBytes: Int) -> [LineSplitter.Line] {
        var lines: [LineSplitter.Line] = []
        for k in 0..<LineSlices.count(b.count, sliceBytes: sliceBytes) {
            LineSlices.forEachLine(in: b, slice: k, sliceBytes: sliceBytes) { lines.append($0) }
        }
        return lines
    }

    private func assertSameSplit(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        bytes.withUnsafeBufferPointer { b in
            let serial = onePass(b)
            for size in [1, 2, 3, 5, 8, 13, 64, 1_000, 1 << 16] {
                let slices = sliced(b, sliceBytes: size)
                XCTAssertEqual(slices.count, serial.count, "\(what), slices of \(size)", file: file, line: line)
                XCTAssertTrue(zip(slices, serial).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.terminated == $1.terminated },
                              "\(what), slices of \(size)", file: file, line: line)
            }
        }
    }

    func testSlicesFindTheLinesOfTheOnePassSplit() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            var bytes: [UInt8] = []
            while bytes.count < 200 + round * 300 {
                let length = [0, 0, 1, 2, 7, 8, 9, 63, 64, 65, 250, 1_500].randomElement(using: &generator)!
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: length) + [0x0A]
            }
            assertSameSplit(bytes, "round \(round), terminated")
            assertSameSplit(bytes + Array("tail without newline".utf8), "round \(round), unterminated tail")
        }
        assertSameSplit([], "empty")
        assertSameSplit([0x0A], "one blank line")
        assertSameSplit(Array("x".utf8), "one byte, no newline")
        assertSameSplit([UInt8](repeating: UInt8(ascii: "x"), count: 5_000), "one line without a newline")
        assertSameSplit([UInt8](repeating: 0x0A, count: 3_000), "only newlines")
    }

    /// A slice past the buffer's end, or one inside a line that started before it, has no lines.
    func testASliceInsideALongLineOrPastTheEndHasNoLines() {
        let bytes = Array("short\n".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 100) + [0x0A]
        bytes.withUnsafeBufferPointer { b in
            var inside: [LineSplitter.Line] = []
            LineSlices.forEachLine(in: b, slice: 2, sliceBytes: 10) { inside.append($0) }
            XCTAssertTrue(inside.isEmpty)
            var past: [LineSplitter.Line] = []
            LineSlices.forEachLine(in: b, slice: 50, sliceBytes: 10) { past.append($0) }
            XCTAssertTrue(past.isEmpty)
            var first: [LineSplitter.Line] = []
            LineSlices.forEachLine(in: b, slice: 0, sliceBytes: 10) { first.append($0) }
            XCTAssertEqual(first.map(\.start), [0, 6], "the long line belongs to the slice it starts in")
            XCTAssertEqual(first.last?.end, 106)
        }
    }
}
