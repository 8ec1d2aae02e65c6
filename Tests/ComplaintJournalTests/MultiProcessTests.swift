import Foundation
import XCTest
@testable import ComplaintJournal

/// Several real processes (`JournalTorture`) appending to one journal at the same time.
final class MultiProcessTests: XCTestCase {
    /// The `JournalTorture` binary (shared lookup with the kill and concurrency harnesses).
    private func tortureBinary() throws -> URL { try TortureChild.binary() }

    private struct Child {
        var tag: String
        var process: Process
        var output: Pipe
    }

    private func launch(_ binary: URL, folder: URL, count: Int, tag: String) throws -> Child {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["append", folder.path, String(count), tag]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return Child(tag: tag, process: process, output: output)
    }

    /// Acknowledged sequence numbers printed by a finished (or killed) child.
    private func acknowledgements(_ child: Child) -> [UInt64] {
        let data = child.output.fileHandleForReading.readDataToEndOfFile()
        child.process.waitUntilExit()
        return String(decoding: data, as: Unicode.UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("ack ") ? UInt64(line.dropFirst(4)) : nil
        }
    }

    private func runConcurrentWriters(processes: Int, perProcess: Int) throws {
        let binary = try tortureBinary()
        let folder = try TestSupport.temporaryFolder(self)
        let (follower, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(segmentSizeLimit: 16 * 1024))
        let children = try (1...processes).map { try launch(binary, folder: folder, count: perProcess, tag: "w\($0)") }
        var followed: [UInt64] = []
        while children.contains(where: { $0.process.isRunning }) {
            followed += try follower.poll().map(\.seq)
            usleep(3000)
        }
        let acks = children.map { acknowledgements($0) }
        followed += try follower.poll().map(\.seq)
        for (child, acked) in zip(children, acks) {
            XCTAssertEqual(child.process.terminationStatus, 0, child.tag)
            XCTAssertEqual(acked.count, perProcess, child.tag)
        }

        let total = processes * perProcess
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.isClean, "\(report.descriptions)")
        let entries = try journal.allEntries()
        XCTAssertEqual(entries.map(\.seq), (1...total).map { UInt64($0) }, "gap-free, no duplicates")
        XCTAssertEqual(Set(entries.map(\.eventID)).count, total)
        let ownerBySeq = Dictionary(uniqueKeysWithValues: entries.map { ($0.seq, $0.eventID) })
        var allAcked: [UInt64] = []
        for (child, acked) in zip(children, acks) {
            allAcked += acked
            for seq in acked {
                XCTAssertTrue(ownerBySeq[seq]?.hasPrefix(child.tag + "-") ?? false, "seq \(seq) acknowledged to \(child.tag)")
            }
        }
        XCTAssertEqual(allAcked.sorted(), (1...total).map { UInt64($0) }, "every acknowledged seq exactly once")
        XCTAssertEqual(followed, (1...total).map { UInt64($0) }, "the follower saw every event exactly once, in order")

        // Raw check: every line is complete and parses as JSON on its own.
        var lineCount = 0
        for number in try JournalFolder(dataFolder: folder).segmentNumbers() {
            let bytes = try TestSupport.bytes(TestSupport.segmentPath(folder, number))
            XCTAssertEqual(bytes.last, 0x0A)
            for line in bytes.split(separator: 0x0A) {
                XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line)))
                lineCount += 1
            }
        }
        XCTAssertEqual(lineCount, total)
    }

    func testTwoProcessesAppendConcurrently() throws {
        try runConcurrentWriters(processes: 2, perProcess: 150)
    }

    func testFourProcessesAppendConcurrently() throws {
        try runConcurrentWriters(processes: 4, perProcess: 100)
    }

    func testAKilledWriterLosesNothingItAcknowledged() throws {
        let binary = try tortureBinary()
        let folder = try TestSupport.temporaryFolder(self)
        _ = try FileJournal.open(at: folder, mode: .writer)
        let victim = try launch(binary, folder: folder, count: 100_000, tag: "victim")
        let survivor = try launch(binary, folder: folder, count: 150, tag: "survivor")
        // Kill the victim once it has stored a few dozen entries of its own.
        let deadline = Date().addingTimeInterval(10)
        let marker = Array("\"id\":\"victim-".utf8)
        var victimLines = 0
        while victimLines < 30, Date() < deadline {
            usleep(5000)
            let bytes = (try? TestSupport.bytes(TestSupport.segmentPath(folder))) ?? []
            victimLines = bytes.split(separator: 0x0A).filter { $0.firstRange(of: marker) != nil }.count
        }
        kill(victim.process.processIdentifier, SIGKILL)
        let victimAcks = acknowledgements(victim)
        let survivorAcks = acknowledgements(survivor)
        XCTAssertEqual(survivor.process.terminationStatus, 0)
        XCTAssertGreaterThan(victimAcks.count, 0)

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.damagedLines.isEmpty && report.gaps.isEmpty && report.duplicates.isEmpty, "\(report.descriptions)")
        let entries = try journal.allEntries()
        let bySeq = Dictionary(uniqueKeysWithValues: entries.map { ($0.seq, $0.eventID) })
        XCTAssertEqual(entries.map(\.seq), (1...entries.count).map { UInt64($0) })
        for seq in victimAcks { XCTAssertTrue(bySeq[seq]?.hasPrefix("victim-") ?? false, "victim seq \(seq)") }
        for seq in survivorAcks { XCTAssertTrue(bySeq[seq]?.hasPrefix("survivor-") ?? false, "survivor seq \(seq)") }
        XCTAssertEqual(survivorAcks.count, 150)
    }
}
