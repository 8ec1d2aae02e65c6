import GoldenText
import XCTest
import SeededRandom
@testable import Complaints

/// The loaded reference data and every error message, compared whole against outputs recorded from the
/// loader before it was made faster: a speed-up must not change a value, an order, a line or a word.
/// Re-record (only for an intended change) with `RECORD_REFERENCE_GOLDEN=1 swift test --filter ReferenceGolden`.
final class ReferenceGoldenTests: XCTestCase {
    func testShippedDataMatchesTheGoldenDump() throws {
        let dump = ReferenceDump.text(try ReferenceFixtures.shipped())
        try assertGolden(dump, "shipped-reference.txt")
    }

    /// Damaged copies of the shipped and the small files: each load's errors (file, line, field, reason)
    /// or, when it still loads, a hash of its dump. The mutations aim at what the loaders normalise:
    /// case, spacing, dots, "Kab."-style prefixes, non-ASCII letters and spaces, typos near known names.
    func testMutatedFilesGiveTheGoldenOutcomes() throws {
        var report: [String] = []
        var random = SeededGenerator(seed: 20_250_611)
        let shipped = try ReferenceFixtures.shippedFiles()
        for round in 0..<120 {
            report += outcome(of: ReferenceMutation.random(of: shipped, round: round, using: &random), round: round)
        }
        for round in 120..<720 {
            report += outcome(of: ReferenceMutation.random(of: ReferenceFixtures.small, round: round, using: &random), round: round)
        }
        try assertGolden(report.joined(separator: "\n") + "\n", "mutated-reference.txt")
    }

    private func outcome(of mutation: ReferenceMutation, round: Int) -> [String] {
        var lines = ["#\(round) \(mutation.summary)"]
        do {
            lines.append("loads \(ReferenceDump.hash(try ReferenceData.load(files: mutation.files)))")
        } catch {
            lines += error.errors.map(\.description)
        }
        return lines
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = ReferenceFixtures.goldenFolder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_REFERENCE_GOLDEN"] == "1"
        if let mismatch = try GoldenText.mismatch(actual, goldenAt: url, record: record) { XCTFail(mismatch, file: file, line: line) }
    }
}
