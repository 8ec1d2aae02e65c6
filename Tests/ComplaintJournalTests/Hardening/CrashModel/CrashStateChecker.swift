import Foundation
import XCTest
@testable import ComplaintJournal

/// Reopens one crash state with the real recovery and checks the journal's promises: every
/// acknowledged event present, no half event applied, the entries a prefix of what was written,
/// torn tails quarantined byte for byte, a second open clean, and appending possible again.
final class CrashStateChecker {
    /// Event ids in the order the scenario writes them (the replay the state must be a prefix of).
    var expectedIDs: [String]
    /// How many of `expectedIDs` had been acknowledged (returned from append) at this moment.
    var acknowledged = 0
    /// Whether damaged middle lines are part of the scenario (repair); otherwise any is a failure.
    var damageExpected = false
    /// Whether a quarantine file left by the interrupted run has acceptable content.
    var quarantineIsValid: (String, [UInt8]) -> Bool = { _, _ in false }
    let options: FileJournal.Options
    /// Also crash the recovery of each state at each of its own sync points (a second power cut
    /// while recovering from the first), checking those states the same way.
    var crashDuringRecovery = false
    /// Torn tails that must end up in quarantine, byte for byte (from the interrupted recovery).
    var requiredTails: [[UInt8]] = []
    /// States checked inside interrupted recoveries (included in `statesChecked`).
    private(set) var recoveryStatesChecked = 0
    private let testCase: XCTestCase
    private(set) var statesChecked = 0
    private var scratchCounter = 0
    private let scratch: URL

    init(_ testCase: XCTestCase, expectedIDs: [String], options: FileJournal.Options) throws {
        self.testCase = testCase
        self.expectedIDs = expectedIDs
        self.options = options
        scratch = try TestSupport.temporaryFolder(testCase)
    }

    /// Checks every crash state the model offers at this sync point.
    func checkAll(_ model: CrashRecordingCalls, at point: String) {
        for state in model.crashStates() { check(state, at: point) }
    }

    func check(_ state: CrashRecordingCalls.CrashState, at point: String) {
        statesChecked += 1
        scratchCounter += 1
        let folder = scratch.appendingPathComponent("state-\(scratchCounter)")
        let context = "\(point) [\(state.label)]"
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try state.write(into: folder)
            checkLeftQuarantine(state, context: context)
            let (journal, report) = try FileJournal.open(at: folder, mode: .writer, options: options)
            let entries = try journal.allEntries()
            let ids = entries.map(\.eventID)
            XCTAssertEqual(ids, Array(expectedIDs.prefix(ids.count)), "not a prefix of the replay: \(context)")
            XCTAssertGreaterThanOrEqual(ids.count, acknowledged, "acknowledged events lost: \(context)")
            if !damageExpected {
                XCTAssertEqual(entries.map(\.seq), (0..<entries.count).map { UInt64($0 + 1) }, "gap: \(context)")
                XCTAssertTrue(report.damagedLines.isEmpty, "damage after a crash: \(report.descriptions) \(context)")
            }
            for torn in report.tornTails {
                let segmentBytes = state.files["journal/" + torn.file] ?? []
                guard let quarantined = torn.quarantineFile else {
                    XCTFail("torn tail not quarantined: \(context)")
                    continue
                }
                let saved = try TestSupport.bytes(folder.appendingPathComponent("journal/" + quarantined).path)
                XCTAssertEqual(saved, Array(segmentBytes[torn.byteOffset...]), "quarantine differs from the torn bytes: \(context)")
                let now = try TestSupport.bytes(folder.appendingPathComponent("journal/" + torn.file).path)
                XCTAssertEqual(now, Array(segmentBytes[..<torn.byteOffset]), "segment not cut at the torn tail: \(context)")
            }
            let saved = Set(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("journal/quarantine").path)
                .map { try TestSupport.bytes(folder.appendingPathComponent("journal/quarantine/" + $0).path) })
            for tail in requiredTails {
                XCTAssertTrue(saved.contains(tail), "a torn tail the first recovery was saving is lost: \(context)")
            }
            if crashDuringRecovery {
                let tails = report.tornTails.map { Array((state.files["journal/" + $0.file] ?? [])[$0.byteOffset...]) }
                try crashTheRecovery(of: state, tails: tails, context: context)
            }
            let (again, secondReport) = try FileJournal.open(at: folder, mode: .writer, options: options)
            XCTAssertTrue(secondReport.tornTails.isEmpty, "second open found a torn tail: \(context)")
            XCTAssertEqual(try again.allEntries().map(\.eventID), ids, "second open differs: \(context)")
            let next = try again.append { _ in [TestSupport.entry(9_999)] }
            XCTAssertEqual(next.map(\.seq), [(entries.last?.seq ?? 0) + 1], "append after recovery: \(context)")
        } catch {
            XCTFail("reopening failed: \(error) — \(context)")
        }
    }

    /// Runs the recovery of `state` over the crash model and checks every state it could leave.
    private func crashTheRecovery(of state: CrashRecordingCalls.CrashState, tails: [[UInt8]], context: String) throws {
        let folder = scratch.appendingPathComponent("recovery-\(scratchCounter)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try state.write(into: folder)
        let model = try CrashRecordingCalls(root: folder)
        let inner = try CrashStateChecker(testCase, expectedIDs: expectedIDs, options: options)
        inner.acknowledged = acknowledged
        inner.damageExpected = damageExpected
        inner.requiredTails = tails
        let outerIsValid = quarantineIsValid
        let segments = state.files.filter { !$0.key.contains("quarantine") }.map(\.value)
        inner.quarantineIsValid = { name, bytes in
            // A torn tail the interrupted recovery saved: exactly the end of a segment of the state.
            outerIsValid(name, bytes)
                || (name.hasSuffix(".torn") && segments.contains { $0.count >= bytes.count && Array($0.suffix(bytes.count)) == bytes })
        }
        model.onSyncPoint = { inner.checkAll($0, at: "\(context) → recovery sync point \($0.syncPoints)") }
        _ = try FileJournal.open(at: folder, mode: .writer, options: options, calls: model)
        statesChecked += inner.statesChecked
        recoveryStatesChecked += inner.statesChecked
    }

    /// Quarantine files that exist in the crash state itself were written by the interrupted run.
    private func checkLeftQuarantine(_ state: CrashRecordingCalls.CrashState, context: String) {
        for (path, bytes) in state.files where path.hasPrefix("journal/quarantine/") {
            let name = String(path.dropFirst("journal/quarantine/".count))
            if name.hasPrefix(".tmp-") || name == "acknowledged.jsonl" { continue }
            XCTAssertTrue(quarantineIsValid(name, bytes), "quarantine file \(name) has wrong content: \(context)")
        }
    }
}
