import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Writer processes using the real library, killed with SIGKILL at random moments, over and over
/// on one journal: whatever a writer reported durable ("ack SEQ") is there exactly once afterwards.
/// Bounded by LAPORDESK_KILLS (default 300 kills) and LAPORDESK_KILL_SECONDS (default 45 s). Every
/// ten rounds the journal is verified and a fresh one started, so start-up scans stay short and
/// the kills land while writing rather than while reading a long journal.
final class KillHarnessTests: XCTestCase {
    private struct Totals {
        var kills = 0
        var killsAfterAcks = 0
        var rounds = 0
        var acknowledged = 0
        var stored = 0
        var tornTails = 0
    }

    func testWritersKilledAtRandomMomentsLoseNothingTheyAcknowledged() throws {
        let binary = try TortureChild.binary()
        let scratch = try TestSupport.temporaryFolder(self)
        let maximumKills = TortureChild.budget("LAPORDESK_KILLS", 300)
        let deadline = Date().addingTimeInterval(Double(TortureChild.budget("LAPORDESK_KILL_SECONDS", 45)))
        var totals = Totals()
        var journalCount = 0
        while totals.kills < maximumKills, Date() < deadline {
            journalCount += 1
            let folder = scratch.appendingPathComponent("journal-\(journalCount)")
            var acknowledgedBy: [UInt64: String] = [:]
            for _ in 1...10 where totals.kills < maximumKills && Date() < deadline {
                totals.rounds += 1
                try killRound(binary, folder: folder, scratch: scratch, round: totals.rounds, into: &acknowledgedBy, totals: &totals)
            }
            try verify(folder, acknowledgedBy, totals: &totals)
        }
        XCTAssertGreaterThan(totals.killsAfterAcks, totals.kills / 2, "most kills should land while writing, not at start-up")
        print("kill harness: \(totals.kills) kills survived (\(totals.killsAfterAcks) after acknowledgements), "
            + "\(totals.rounds) rounds on \(journalCount) journals, \(totals.acknowledged) acknowledged of \(totals.stored) stored, "
            + "\(totals.tornTails) torn tails quarantined")
    }

    /// One writer on `folder` (every third round two, racing for the lock); most rounds wait until a
    /// writer is writing and kill at a random moment after, every fifth kills at a random moment of
    /// start-up and recovery instead.
    private func killRound(
        _ binary: URL, folder: URL, scratch: URL, round: Int, into acknowledgedBy: inout [UInt64: String], totals: inout Totals
    ) throws {
        let children = try (1...(round % 3 == 0 ? 2 : 1)).map { number -> TortureChild in
            let tag = "k\(round)x\(number)"
            return try TortureChild.launch(binary, tag: tag, arguments: ["append", folder.path, "1000000", tag], scratch: scratch)
        }
        if round % 5 != 0 {
            let started = Date()
            while Date().timeIntervalSince(started) < 1,
                children.allSatisfy({ ((try? FileManager.default.attributesOfItem(atPath: $0.output.path)[.size]) as? NSNumber)?.intValue ?? 0 == 0 })
            {
                usleep(500)
            }
        }
        usleep(UInt32.random(in: 0...20_000))
        for child in children.shuffled() {
            kill(child.process.processIdentifier, SIGKILL)
            usleep(UInt32.random(in: 0...2_000))
        }
        for child in children {
            let (lines, errors) = child.finish()
            XCTAssertEqual(child.process.terminationReason, .uncaughtSignal, "\(child.tag) ended by itself: \(errors)")
            totals.kills += 1
            var acked = 0
            for line in lines {
                // The last line may be cut by the kill: then it was never a complete report.
                guard line.hasPrefix("ack "), let seq = UInt64(line.dropFirst(4)) else { continue }
                if let other = acknowledgedBy.updateValue(child.tag, forKey: seq) {
                    XCTFail("seq \(seq) acknowledged to \(other) and \(child.tag)")
                }
                acked += 1
            }
            if acked > 0 { totals.killsAfterAcks += 1 }
        }
    }

    private func verify(_ folder: URL, _ acknowledgedBy: [UInt64: String], totals: inout Totals) throws {
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.damagedLines.isEmpty && report.gaps.isEmpty && report.duplicates.isEmpty, "\(report.descriptions)")
        let entries = try journal.allEntries()
        XCTAssertEqual(entries.map(\.seq), (0..<entries.count).map { UInt64($0 + 1) }, "gap-free")
        let bySeq = Dictionary(entries.map { ($0.seq, $0.eventID) }, uniquingKeysWith: { first, _ in first })
        for (seq, tag) in acknowledgedBy {
            XCTAssertTrue(bySeq[seq]?.hasPrefix(tag + "-") ?? false, "seq \(seq) acknowledged to \(tag) but holds \(bySeq[seq] ?? "nothing")")
        }
        XCTAssertEqual(Set(entries.map(\.eventID)).count, entries.count, "every event exactly once")
        let (_, second) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(second.isClean, "reopens cleanly: \(second.descriptions)")
        totals.acknowledged += acknowledgedBy.count
        totals.stored += entries.count
        totals.tornTails += TestSupport.quarantineFiles(folder).filter { $0.hasSuffix(".torn") }.count
    }
}
