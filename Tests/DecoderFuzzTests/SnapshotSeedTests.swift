import DecoderFuzzing
import Foundation
import XCTest

/// The snapshot fuzzer's seeds are built by `SnapshotFuzzing.seeds()` and checked in under
/// `Tests/Fuzz/corpus/snapshot`; they must stay the current format (a format change re-records them with
/// `LAPORDESK_RECORD_SEEDS=1`), and each must be accepted whole.
final class SnapshotSeedTests: XCTestCase {
    func testCheckedInSeedsAreTheCurrentFormat() throws {
        let folder = SeededMutationTests.corpusRoot.appendingPathComponent("snapshot")
        let seeds = SnapshotFuzzing.seeds()
        if ProcessInfo.processInfo.environment["LAPORDESK_RECORD_SEEDS"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (i, seed) in seeds.enumerated() { try Data(seed).write(to: folder.appendingPathComponent("seed\(i)")) }
        }
        for (i, seed) in seeds.enumerated() {
            let stored = try Data(contentsOf: folder.appendingPathComponent("seed\(i)"))
            XCTAssertEqual(Array(stored), seed, "seed\(i) is stale: re-record with LAPORDESK_RECORD_SEEDS=1")
        }
        let target = try XCTUnwrap(FuzzTargets.named("snapshot"))
        XCTAssertEqual(seeds.map { target.run($0).accepted }, [2, 2, 2], "every seed decodes to the desk's two reports (or their rows)")
        XCTAssertEqual(seeds.map { target.run($0).problems }, [[], [], []])
    }
}
