import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The start-up fast path (lines verified and decoded on every core, folded in order) must give the same
/// desk as a plain sequential decode of the same journal: no event skipped, damage still found.
final class ParallelStartupTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!

    /// The desk a plain, one-line-at-a-time decode folds (the pre-existing path: `entries(after:)`).
    func plainDesk(_ journal: FileJournal) throws -> (Desk, Int) {
        var desk = Desk()
        var problems = 0
        for e in try journal.entries(after: 0) {
            switch JournalMapping.recorded(e) {
            case let .success(r): desk.apply(r)
            case .failure: problems += 1
            }
        }
        return (desk, problems)
    }

    func testParallelStartupFoldsTheSameDeskAsAPlainDecodeAcrossSegmentsAndDamage() throws {
        let (folder, options, reference) = try TestSupport.generatedJournal(self, reports: 700, seed: 11, segmentSize: 700_000)
        let segments = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/journal")
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThanOrEqual(segments.count, 2)
        // Damage one line in the middle of the first segment: it must be found, skipped, and nothing else lost.
        let first = folder.path + "/journal/" + segments[0]
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: first)))
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        XCTAssertGreaterThan(lineStarts.count, 1_000)
        let victim = lineStarts[lineStarts.count / 2] + 40
        bytes[victim] = bytes[victim] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try Data(bytes).write(to: URL(fileURLWithPath: first))

        let (journal, report) = try FileJournal.open(at: folder, mode: .readOnly, options: options)
        XCTAssertEqual(report.damagedLines.count, 1, "\(report.damagedLines)")
        XCTAssertEqual(report.damagedLines.first?.line, lineStarts.count / 2 + 1)
        let store = try DeskStore(journal: journal, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()))
        let (plain, plainProblems) = try plainDesk(journal)
        XCTAssertEqual(store.problems.count, plainProblems)
        TestSupport.assertSameDesk(store.desk, plain)
        XCTAssertGreaterThan(store.desk.count, 690)

        // Exactly the damaged line is missing, nothing else.
        XCTAssertEqual(try journal.entries(after: 0).count, Int(journal.lastSequence) - 1)
    }

    func testParallelVerifyGivesTheSameVerdictsAsOneLineAtATime() throws {
        var text = ""
        for i in 1...1_500 {
            let line = try EnvelopeEncoder.encode(TestSupport.entry(i), seq: UInt64(i))
            text += String(decoding: line, as: UTF8.self)
            if line.last != 0x0A { text += "\n" }
            if i % 97 == 0 { text += "{\"v\":1,\"seq\":broken}\n" }
        }
        text += "{\"v\":1,\"se" // unterminated tail
        let bytes = Array(text.utf8)
        let verdicts = bytes.withUnsafeBufferPointer { JournalScanner.verifyAll($0) }
        var i = 0
        bytes.withUnsafeBufferPointer { buffer in
            LineSplitter.forEachLine(buffer) { line in
                defer { i += 1 }
                guard line.terminated else {
                    XCTAssertNil(verdicts[i])
                    return true
                }
                let one: Result<UInt64, EnvelopeDecoder.Failure>
                do throws(EnvelopeDecoder.Failure) {
                    one = .success(try EnvelopeDecoder.verify(UnsafeBufferPointer(rebasing: buffer[line.start..<line.end])))
                } catch {
                    one = .failure(error)
                }
                XCTAssertEqual(verdicts[i], one, "line \(i + 1)")
                return true
            }
        }
        XCTAssertEqual(i, verdicts.count)
        XCTAssertEqual(verdicts.compactMap { try? $0?.get() }.count, 1_500)
    }
}
