import DecoderFuzzing
import Foundation
import XCTest

/// The fuzzers' corpora, mutated deterministically: plain `swift test` catches a decoder that crashes,
/// hangs or rejects without saying where, on every build, without libFuzzer.
final class SeededMutationTests: XCTestCase {
    /// Mutated inputs per decoder on each run.
    static let iterations = 600
    /// A decoder given a few kilobytes that needs longer than this (debug build) counts as hanging.
    static let budgetPerInput: TimeInterval = 2

    static var corpusRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus")
    }

    static func seeds(_ name: String) throws -> [[UInt8]] {
        let folder = corpusRoot.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try files.map { Array(try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    func testEveryDecoderHasASeedCorpus() throws {
        for target in FuzzTargets.all {
            XCTAssertFalse(try Self.seeds(target.name).isEmpty, "Tests/Fuzz/corpus/\(target.name) is empty")
        }
    }

    /// Seeds are real examples: at least one is accepted by its decoder (else the corpus tests nothing deep).
    func testSeedsReachAcceptance() throws {
        for target in FuzzTargets.all {
            let accepted = try Self.seeds(target.name).map { target.run($0).accepted }.reduce(0, +)
            XCTAssertGreaterThan(accepted, 0, "no seed of \(target.name) is accepted")
        }
    }

    func testMutatedInputsNeverCrashHangOrRejectWithoutLocation() throws {
        var failures: [String] = []
        for (index, target) in FuzzTargets.all.enumerated() {
            let seeds = try Self.seeds(target.name)
            var mutator = SeededMutator(seed: 0x5EED_0000 + UInt64(index))
            var rejected = 0
            for i in 0..<Self.iterations {
                let input = mutator.mutate(seeds[i % seeds.count], splice: seeds[mutator.below(seeds.count)])
                let started = Date()
                let outcome = target.run(input)
                let took = Date().timeIntervalSince(started)
                if !outcome.problems.isEmpty { rejected += 1 }
                if took > Self.budgetPerInput {
                    failures.append("\(target.name) #\(i): \(String(format: "%.2f", took)) s for \(input.count) bytes")
                }
                for bad in target.badMessages(in: outcome) {
                    failures.append("\(target.name) #\(i): rejection without FILE:LINE, or a broken invariant: '\(bad)' for \(Self.show(input))")
                }
            }
            XCTAssertGreaterThan(rejected, 0, "\(target.name): mutations never rejected, so the check above tested nothing")
        }
        XCTAssertEqual(failures, [], failures.prefix(10).joined(separator: "\n"))
    }

    /// The contract check itself can fail: a message without FILE:LINE is caught.
    func testMessageContractCatchesAMessageWithoutLocation() {
        let target = FuzzTarget(name: "t", fileName: "f.toml") { _ in FuzzOutcome(accepted: 0, problems: ["bad value"]) }
        XCTAssertEqual(target.badMessages(in: target.run([])), ["bad value"])
        let good = FuzzOutcome(accepted: 0, problems: ["f.toml:3: name: must be a string"])
        XCTAssertEqual(target.badMessages(in: good), [])
        XCTAssertEqual(target.badMessages(in: FuzzOutcome(accepted: 0, problems: ["f.toml:3: "])), ["f.toml:3: "])
    }

    /// Every crash, timeout or bad message libFuzzer ever found is kept in `Tests/Fuzz/regressions/NAME/`
    /// and replayed here.
    func testRegressionInputsStayFixed() throws {
        let root = Self.corpusRoot.deletingLastPathComponent().appendingPathComponent("regressions")
        for target in FuzzTargets.all {
            let folder = root.appendingPathComponent(target.name)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in files.sorted() {
                let input = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
                let started = Date()
                let outcome = target.run(input)
                XCTAssertLessThan(Date().timeIntervalSince(started), Self.budgetPerInput * 5, "\(target.name)/\(file)")
                XCTAssertEqual(target.badMessages(in: outcome), [], "\(target.name)/\(file)")
            }
        }
    }

    static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\"\(text)\"\(bytes.count > 200 ? "…(\(bytes.count) bytes)" : "")"
    }
}
