import XCTest
@testable import Complaints

/// Damaged reference files must produce errors, never a crash.
final class ReferenceRobustnessTests: XCTestCase {
    func testLineDeletionsAndSwapsNeverCrash() {
        var random = SeededGenerator(seed: 7)
        let base = ReferenceFixtures.small
        var failures = 0
        for round in 0..<400 {
            var files = base
            let name = ReferenceData.fileNames[round % 4]
            var lines = (files[name] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard !lines.isEmpty else { continue }
            let index = Int.random(in: 0..<lines.count, using: &random)
            switch round % 3 {
            case 0: lines.remove(at: index)
            case 1: lines[index] = String(lines[index].shuffled(using: &random))
            default: lines.insert(lines[Int.random(in: 0..<lines.count, using: &random)], at: index)
            }
            files[name] = lines.joined(separator: "\n")
            do {
                _ = try ReferenceData.load(files: files)
            } catch {
                failures += 1
                XCTAssertFalse(error.errors.isEmpty)
                for problem in error.errors {
                    XCTAssertTrue(ReferenceData.fileNames.contains(problem.file))
                    XCTAssertFalse(problem.reason.isEmpty)
                }
            }
        }
        XCTAssertGreaterThan(failures, 100, "mutations should mostly break the files")
    }

    func testEmptyFilesReportWhatIsMissing() {
        let files = Dictionary(uniqueKeysWithValues: ReferenceData.fileNames.map { ($0, "") })
        let errors = ReferenceFixtures.errors(files)
        XCTAssertEqual(errors.map(\.description), [
            "kategori.toml:1: kategori: no [[kategori]] entries",
            "wilayah.toml:1: provinsi: no [[provinsi]] entries",
            "instansi.toml:1: instansi: no [[instansi]] entries",
        ])
    }
}
