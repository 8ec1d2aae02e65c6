import Complaints
import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Four processes × LAPORDESK_DESK_ACTIONS (default 5,000) actions through the real `DeskStore` on
/// one desk, many on the same three reports, while this process follows the journal.
final class DeskConcurrencyTests: XCTestCase {
    func testFourProcessesActingOnOneDeskStayConsistent() throws {
        let perProcess = TortureChild.budget("LAPORDESK_DESK_ACTIONS", 5_000)
        let binary = try TortureChild.binary()
        let folder = try TestSupport.temporaryFolder(self)
        let scratch = try TestSupport.temporaryFolder(self)
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let now = Date(timeIntervalSince1970: 1_795_000_000)

        let (setupJournal, _) = try FileJournal.open(at: folder, mode: .writer)
        let setup = try DeskStore(journal: setupJournal, directory: PermissiveDirectory(), deadlines: deadlines)
        let shared = try (1...3).map { number in
            try setup.receive(Intake(externalID: "shared-\(number)", channel: .web, receivedAt: now, body: "Laporan bersama \(number)",
                                     location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman")),
                              as: .system, now: now).id
        }
        let setupEvents = setupJournal.lastSequence
        let (followerJournal, _) = try FileJournal.open(at: folder, mode: .writer)
        let follower = try DeskStore(journal: followerJournal, directory: PermissiveDirectory(), deadlines: deadlines)

        let started = ContinuousClock.now
        let children = try (1...4).map { number in
            try TortureChild.launch(binary, tag: "p\(number)", arguments: [
                "desk", folder.path, String(perProcess), "p\(number)", shared.map(\.rawValue).joined(separator: ","),
            ], scratch: scratch)
        }
        var followed: [UInt64] = []
        while children.contains(where: { $0.process.isRunning }) {
            followed += try follower.poll().map(\.seq)
            usleep(20_000)
        }
        let elapsed = ContinuousClock.now - started

        var acknowledged: [UInt64: (tag: String, report: String)] = [:]
        var stale = 0
        for child in children {
            let (lines, errors) = child.finish()
            XCTAssertEqual(child.process.terminationStatus, 0, "\(child.tag): \(errors)")
            XCTAssertEqual(lines.count, perProcess, "\(child.tag) reported every action")
            for line in lines {
                let words = line.split(separator: " ", maxSplits: 2)
                guard words.count >= 3 else { XCTFail("odd line \(line)"); continue }
                if words[0] == "ack" {
                    for seq in words[1].split(separator: ",").compactMap({ UInt64($0) }) {
                        if acknowledged.updateValue((child.tag, String(words[2])), forKey: seq) != nil {
                            XCTFail("seq \(seq) acknowledged twice")
                        }
                    }
                } else {
                    // Only a stale version may refuse a note, and the refusal must say why.
                    XCTAssertEqual(words[1], "stale", "\(child.tag): \(line)")
                    XCTAssertTrue(line.contains(": ") && !line.hasSuffix(": "), "refusal without a reason: \(line)")
                    stale += 1
                }
            }
        }
        followed += try follower.poll().map(\.seq)

        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(report.isClean, "\(report.descriptions)")
        let entries = try journal.allEntries()
        let total = entries.count
        XCTAssertEqual(entries.map(\.seq), (0..<total).map { UInt64($0 + 1) }, "gap-free")
        XCTAssertEqual(Set(acknowledged.keys), Set(entries.map(\.seq).filter { $0 > setupEvents }), "every acknowledged event once, nothing else")
        for entry in entries where entry.seq > setupEvents {
            guard let owner = acknowledged[entry.seq] else { continue }
            XCTAssertEqual(entry.reportID, owner.report, "seq \(entry.seq)")
            XCTAssertEqual(entry.actor.osUser, "torture-\(owner.tag)", "seq \(entry.seq) records the OS user")
        }
        XCTAssertEqual(followed, ((setupEvents + 1)...UInt64(total)).map { $0 }, "the follower saw every event exactly once, in order")
        XCTAssertGreaterThan(stale, 0, "the shared reports must have produced conflicts")

        // No interleaved lines: every line of every segment is one complete JSON object.
        var lineCount = 0
        for number in try JournalFolder(dataFolder: folder).segmentNumbers() {
            let bytes = try TestSupport.bytes(TestSupport.segmentPath(folder, number))
            XCTAssertEqual(bytes.last, 0x0A)
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line)), "line \(lineCount + 1) is not one JSON object")
                lineCount += 1
            }
        }
        XCTAssertEqual(lineCount, total)

        // The follower's incrementally folded desk equals a replay from scratch.
        let replay = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines)
        XCTAssertEqual(follower.desk.all, replay.desk.all)
        XCTAssertTrue(replay.problems.isEmpty)
        let sharedNotes = shared.map { replay.desk[$0]?.version ?? 0 }
        print("desk concurrency: 4 × \(perProcess) actions in \(elapsed), \(total) events, \(stale) stale refusals, "
            + "shared report versions \(sharedNotes)")
    }
}
