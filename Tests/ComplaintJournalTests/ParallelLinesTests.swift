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

    /// The pipeline hands every result to `consume` once, in order, whether its first chunks were started
    /// by the caller (`started`, a segment begun ahead) or by the pipeline itself, for any count (none, less
    /// than a chunk, many chunks); `whenAllStarted` runs exactly once, and only when no chunk is left to start.
    func testThePipelineConsumesEveryResultOnceInOrderAndSaysOnceWhenAllAreStarted() throws {
        for count in [0, 1, 99, 100, 1_001] {
            for ahead in [0, 3] {
                let work: @Sendable (Int) -> Int = { $0 * 7 }
                let started = ParallelLines.startChunks(count: count, chunk: 10, upTo: ahead, work: work)
                var consumed: [Int] = []
                var announcements = 0
                var consumedWhenAnnounced: Int?
                try ParallelLines.pipeline(count: count, chunk: 10, ahead: 4, started: started, vacated: -1, work: work,
                                           whenAllStarted: {
                                               announcements += 1
                                               consumedWhenAnnounced = consumed.count
                                           }, consume: { consumed.append($0) })
                XCTAssertEqual(consumed, (0..<count).map { $0 * 7 }, "count \(count), \(ahead) started ahead")
                XCTAssertEqual(announcements, 1, "count \(count), \(ahead) started ahead")
                // When the last chunk starts, at most `ahead` chunks of 10 are in flight besides the one about
                // to be consumed: the announcement is not made early.
                XCTAssertGreaterThanOrEqual(consumedWhenAnnounced ?? -1, max(0, count - (4 + 1) * 10))
            }
        }
    }
}
