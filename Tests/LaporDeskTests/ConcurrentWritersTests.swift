import Foundation
import XCTest

/// Two processes writing the same desk at once (the journal lock is what keeps this safe).
final class ConcurrentWritersTests: DeskTestCase {
    /// Starts `sh -c script` with stdout to `outFile`; returns the running process.
    func startShell(_ script: String, stdout outFile: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: outFile.appendingPathExtension("err").path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.environment = CLI.environment()
        p.standardOutput = try FileHandle(forWritingTo: outFile)
        p.standardError = try FileHandle(forWritingTo: outFile.appendingPathExtension("err"))
        try p.run()
        return p
    }

    func testParallelIntakesGetDistinctIDsAndGapFreeSequence() throws {
        try makeDesk()
        let binary = try CLI.requireBinary().path
        var processes: [(Process, URL)] = []
        for worker in ["a", "b"] {
            let out = scratch.appendingPathComponent("ids-\(worker)")
            let script = """
            i=0; while [ $i -lt 20 ]; do i=$((i+1));
              '\(binary)' intake --data '\(dataPath)' --channel sms --external-id "\(worker)-$i" --body "Laporan \(worker) $i" || echo "FAIL $i" >&2;
            done
            """
            processes.append((try startShell(script, stdout: out), out))
        }
        for (p, _) in processes { p.waitUntilExit() }
        var ids: [String] = []
        for (p, out) in processes {
            let err = (try? String(contentsOf: out.appendingPathExtension("err"), encoding: .utf8)) ?? ""
            XCTAssertEqual(p.terminationStatus, 0)
            XCTAssertFalse(err.contains("FAIL"), err)
            ids += try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(ids.count, 40)
        XCTAssertEqual(Set(ids).count, 40, "tracking ids must be distinct: \(ids.sorted())")
        let objects = try journalObjects()
        XCTAssertEqual(objects.compactMap { ($0["seq"] as? NSNumber)?.intValue }, Array(1...40))
        XCTAssertEqual(Set(objects.compactMap { $0["report"] as? String }), Set(ids))
        try expect(0, ["check"])
    }

    func testParallelActsOnOneReportKeepTheJournalConsistent() throws {
        try makeDesk()
        let id = try intake([])
        let binary = try CLI.requireBinary().path
        var processes: [Process] = []
        for worker in ["a", "b"] {
            let script = """
            i=0; while [ $i -lt 10 ]; do i=$((i+1));
              '\(binary)' act '\(id)' note --text "catatan \(worker) $i" --as rina --data '\(dataPath)' >/dev/null || echo "FAIL $i" >&2;
            done
            """
            processes.append(try startShell(script, stdout: scratch.appendingPathComponent("acts-\(worker)")))
        }
        for p in processes { p.waitUntilExit() }
        let objects = try journalObjects()
        XCTAssertEqual(objects.compactMap { ($0["seq"] as? NSNumber)?.intValue }, Array(1...21))
        XCTAssertEqual(objects.filter { ($0["type"] as? String) == "report.note-added" }.count, 20)
        let shown = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        XCTAssertEqual((object["version"] as? NSNumber)?.intValue ?? 21, 21)
    }

    func testSameFileImportedTwiceAtOnceIsRecordedOnce() throws {
        try makeDesk()
        let binary = try CLI.requireBinary().path
        let path = try writeFile("laporan.jsonl", Data((Fixtures.twenty.map(\.jsonLine).joined(separator: "\n") + "\n").utf8))
        var processes: [Process] = []
        for worker in ["a", "b", "c"] {
            let script = "'\(binary)' import --batch-size 3 --data '\(dataPath)' '\(path)'"
            processes.append(try startShell(script, stdout: scratch.appendingPathComponent("import-\(worker)")))
        }
        for p in processes {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        XCTAssertEqual(try listJSON().count, 20)
        XCTAssertEqual(try journalObjects().compactMap { ($0["seq"] as? NSNumber)?.intValue }, Array(1...20))
    }

    func testWriterKilledMidImportLeavesAUsableDesk() throws {
        try makeDesk()
        let binary = try CLI.requireBinary()
        var text = ""
        for i in 0..<20_000 { text += #"{"channel":"sms","external_id":"k-\#(i)","body":"Laporan massal nomor \#(i) tentang jalan rusak"}"# + "\n" }
        let path = try writeFile("massal.jsonl", Data(text.utf8))
        let p = Process()
        p.executableURL = binary
        p.arguments = ["import", "--batch-size", "50", "--data", dataPath, path]
        p.environment = CLI.environment()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(30)
        while p.isRunning, Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: journalFile.path)[.size] as? NSNumber)?.intValue ?? 0
            if size > 200_000 { break }
            usleep(5_000)
        }
        XCTAssertTrue(p.isRunning, "the import finished before it could be killed; make the file larger")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()

        let id = try intake([], body: "Setelah import terputus.")
        try expect(0, ["check"])
        let objects = try journalObjects()
        let seqs = objects.compactMap { ($0["seq"] as? NSNumber)?.intValue }
        XCTAssertEqual(seqs, Array(1...seqs.count))
        XCTAssertEqual(objects.last?["report"] as? String, id)
        // Importing the file again completes it: what was recorded is recognised, the rest added.
        try expect(0, ["import", path])
        XCTAssertEqual(try listJSON().count, 20_001)
    }
}
