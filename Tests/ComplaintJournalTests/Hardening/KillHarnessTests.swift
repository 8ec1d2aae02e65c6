import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Writer processes using the real library, killed with SIGKILL at random moments, over and over
/// on one journal: whatever a writer reported durable ("ack SEQ") is there exactly once afterwards.
/// Bounded by LAPORDESK_KILLS (default 300 kills) and LAPORDESK_KILL_SECONDS (default 45 s).
final class KillHarnessTests: XCTestCase {
    func testWritersKilledAtRandomMomentsLoseNothingTheyAcknowledged() throws {
        let binary = try TortureChild.binary()
        let folder = try TestSupport.temporaryFolder(self)
        let scratch = try TestSupport.temporaryFolder(self)
        let maximumKills = TortureChild.budget("LAPORDESK_KILLS", 300)
        let deadline = Date().addingTimeInterval(Double(TortureChild.budget("LAPORDESK_KILL_SECONDS", 45)))
        var acknowledgedBy: [UInt64: String] = [:]
        var kills = 0
        var killsAfterAcks = 0
        var round = 0
        while kills < maximumKills, Date() < deadline {
            round += 1
            let children = try (1...3).map { number -> TortureChild in
                let tag = "k\(round)x\(number)"
                return try TortureChild.launch(binary, tag: tag, arguments: ["append", folder.path, "1000000", tag], scratch: scratch)
            }
            // Most rounds wait until the writers are writing, then kill at a random moment; every
            // fifth kills at a random moment of start-up and recovery instead.
            if round % 5 != 0 {
                let started = Date()
                while Date().timeIntervalSince(started) < 2,
                    children.allSatisfy({ ((try? FileManager.default.attributesOfItem(atPath: $0.output.path)[.size]) as? NSNumber)?.intValue ?? 0 == 0 })
                {
                    usleep(1_000)
                }
            }
            usleep(UInt32.random(in: 0...40_000))
            for child in children.shuffled() {
                kill(child.process.processIdentifier, SIGKILL)
                usleep(UInt32.random(in: 0...3_000))
            }
            for child in children {
                let (lines, errors) = child.finish()
                XCTAssertEqual(child.process.terminationReason, .uncaughtSignal, "\(child.tag) ended by itself: \(errors)")
                kills += 1
                var acked = 0
                for line in lines {
                    guard line.hasPrefix("ack "), let seq = UInt64(line.dropFirst(4)) else {
                        continue  // the last line may be cut by the kill; it was never a complete report
                    }
                    if let other = acknowledgedBy.updateValue(child.tag, forKey: seq) {
                        XCTFail("seq \(seq) acknowledged to \(other) and \(child.tag)")
                    }
                    acked += 1
                }
                if acked > 0 { killsAfterAcks += 1 }
            }
        }

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.damagedLines.isEmpty && report.gaps.isEmpty && report.duplicates.isEmpty, "\(report.descriptions)")
        let entries = try journal.allEntries()
        XCTAssertEqual(entries.map(\.seq), (0..<entries.count).map { UInt64($0 + 1) }, "gap-free after \(kills) kills")
        let bySeq = Dictionary(entries.map { ($0.seq, $0.eventID) }, uniquingKeysWith: { first, _ in first })
        for (seq, tag) in acknowledgedBy {
            XCTAssertTrue(bySeq[seq]?.hasPrefix(tag + "-") ?? false, "seq \(seq) acknowledged to \(tag) but holds \(bySeq[seq] ?? "nothing")")
        }
        XCTAssertEqual(Set(entries.map(\.eventID)).count, entries.count, "every event exactly once")
        let (_, second) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(second.isClean, "reopens cleanly: \(second.descriptions)")
        XCTAssertGreaterThan(killsAfterAcks, kills / 4, "most kills should land while writing, not at start-up")
        let torn = TestSupport.quarantineFiles(folder).filter { $0.hasSuffix(".torn") }.count
        print("kill harness: \(kills) kills survived (\(killsAfterAcks) after acknowledgements), \(round) rounds, "
            + "\(acknowledgedBy.count) acknowledged of \(entries.count) stored, \(torn) torn tails quarantined")
    }
}
