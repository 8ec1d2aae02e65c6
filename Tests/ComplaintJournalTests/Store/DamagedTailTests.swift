import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// Whole lines at the end of the journal that no longer check out are damage, not a torn write: nothing is
/// cut off, and neither their tracking ids nor their sequence numbers are ever given out again.
final class DamagedTailTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T10:00:00+07:00")!
    let deadlines = Deadlines(calendar: WorkingCalendar())

    func intake(_ ext: String) -> Intake {
        Intake(externalID: ext, channel: .sms, receivedAt: now, body: "Jalan rusak \(ext)",
               location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman"))
    }

    /// A desk of three reports (events 1–3, ids 2600001–3), then `damage` applied to its segment's bytes.
    func desk(_ damage: (inout [UInt8]) -> Void) throws -> (URL, String) {
        let folder = try TestSupport.temporaryFolder(self)
        let store = try self.store(folder)
        for i in 1...3 { _ = try store.receive(intake("sms-\(i)"), as: .system, now: now) }
        let path = TestSupport.segmentPath(folder)
        var bytes = try TestSupport.bytes(path)
        damage(&bytes)
        try TestSupport.write(bytes, to: path)
        return (folder, path)
    }

    func store(_ folder: URL) throws -> DeskStore {
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        return try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines)
    }

    /// QA: an editor or a copy tool turned the last lines' newlines into CRLF; every writer, even a console
    /// opening, moved them to quarantine as a torn write and gave their ids and numbers out again.
    func testLinesEndingInCRLFAreDamageNotATornWrite() throws {
        let (folder, path) = try desk { bytes in
            bytes = Array(bytes.split(separator: 0x0A).map { Array($0) + [0x0D, 0x0A] }.joined())
        }
        let size = try TestSupport.bytes(path).count
        let (journal, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(found.tornTails.isEmpty, found.descriptions.joined(separator: "\n"))
        XCTAssertEqual(found.damagedLines.map(\.line), [1, 2, 3])
        XCTAssertEqual(found.damagedLines.flatMap(\.reportIDs), ["2600001", "2600002", "2600003"])
        XCTAssertEqual(try TestSupport.bytes(path).count, size, "nothing cut off")
        // (The command line and the console refuse to write until a repair; a write here still numbers after.)
        let receipt = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines)
            .receive(intake("sms-4"), as: .system, now: now)
        XCTAssertEqual(receipt.id, "2600004")
        XCTAssertEqual(try journal.allEntries().map(\.seq), [4])
    }

    /// QA (second round): a bit flipped in the last line's closing brace, the checksum's name or the envelope's
    /// first bytes still made it a torn write: cut off by the next writer, its number given out again.
    func testAFlipInTheLastLinesFrameIsDamage() throws {
        for back in [2, 12, 16] {
            let (folder, path) = try desk { bytes in bytes[bytes.count - back] ^= 0x01 }
            let size = try TestSupport.bytes(path).count
            let (journal, found) = try FileJournal.open(at: folder, mode: .writer)
            XCTAssertTrue(found.tornTails.isEmpty, "\(back): " + found.descriptions.joined(separator: "\n"))
            XCTAssertEqual(found.damagedLines.map(\.line), [3], "\(back)")
            XCTAssertEqual(try TestSupport.bytes(path).count, size, "nothing cut off")
            _ = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: deadlines).receive(intake("sms-4"), as: .system, now: now)
            XCTAssertEqual(try journal.allEntries().last?.seq, 4, "\(back): number 3 stays the damaged line's")
        }
        let (folder, _) = try desk { bytes in bytes[1] ^= 0x01 } // the first line's `"v"`, with good lines after
        XCTAssertEqual(try FileJournal.open(at: folder, mode: .readOnly).1.damagedLines.map(\.line), [1])
    }

    func testALastLineWithTrailingSpacesIsDamage() throws {
        let (folder, _) = try desk { bytes in bytes.insert(contentsOf: [0x20, 0x20], at: bytes.count - 1) }
        let (_, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertTrue(found.tornTails.isEmpty)
        XCTAssertEqual(found.damagedLines.map(\.line), [3])
    }

    /// QA: a lost newline merged the last two lines; after the repair the next report got the second one's
    /// tracking id and the next event its number.
    func testTwoMergedLinesNameBothIdsAndNumbersAfterTheRepair() throws {
        let (folder, _) = try desk { bytes in
            let last = bytes[..<(bytes.count - 1)].lastIndex(of: 0x0A)!
            bytes.remove(at: last)
        }
        let (journal, found) = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(found.damagedLines.flatMap(\.reportIDs), ["2600002", "2600003"])
        _ = try journal.repair()
        let receipt = try store(folder).receive(intake("sms-4"), as: .system, now: now)
        XCTAssertEqual(receipt.id, "2600004")
        let seqs = try FileJournal.open(at: folder, mode: .readOnly).0.allEntries().map(\.seq)
        XCTAssertEqual(seqs, [1, 4], "numbers 2 and 3 are the merged line's")
        let (_, after) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertTrue(after.unacknowledgedDescriptions.isEmpty, after.descriptions.joined(separator: "\n"))
    }

    /// QA: after the repair of a bit flipped in the last line, the next event took its number; restoring
    /// the line from a backup then made it a duplicate, and the acknowledged report vanished.
    func testARepairedLastLineKeepsItsNumberAfterARestore() throws {
        let folder = try TestSupport.temporaryFolder(self)
        let first = try store(folder)
        for i in 1...2 { _ = try first.receive(intake("sms-\(i)"), as: .system, now: now) }
        let path = TestSupport.segmentPath(folder)
        let original = try TestSupport.bytes(path)
        var flipped = original
        flipped[flipped.count - 40] ^= 0x20
        try TestSupport.write(flipped, to: path)
        _ = try FileJournal.open(at: folder, mode: .writer).0.repair()
        XCTAssertEqual(try store(folder).receive(intake("sms-3"), as: .system, now: now).id, "2600003")
        var now3 = try TestSupport.bytes(path)
        now3.replaceSubrange(0..<original.count, with: original) // the damaged line restored from a backup
        try TestSupport.write(now3, to: path)
        let (journal, found) = try FileJournal.open(at: folder, mode: .readOnly)
        XCTAssertEqual(try journal.allEntries().map(\.seq), [1, 2, 3])
        XCTAssertTrue(found.duplicates.isEmpty, found.descriptions.joined(separator: "\n"))
    }
}
