import ComplaintJournal
import Foundation
import XCTest

/// Read commands on a journal with damage say what was left out and where (`PATH:LINE`), a handover
/// (`export`) does not pass for complete, writers say what opening the journal set aside, and `check`
/// counts the events it read. Each of these was silent or wrong before (QA).
final class DamagedJournalCLITests: DeskTestCase {
    var segmentPath: String { journalFile.path }

    /// Five reports, then one bit flipped inside the third report's line (a good line follows: damage).
    func damagedDesk() throws -> [String] {
        try makeDesk()
        let ids = try (1...5).map { try intake([], body: "laporan nomor \($0) tentang jalan rusak") }
        var bytes = try Data(contentsOf: journalFile)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let third = lines[0].count + lines[1].count + 2
        bytes[bytes.startIndex + third + lines[2].count - 40] ^= 0x01
        try bytes.write(to: journalFile)
        return ids
    }

    /// QA: a sealed line of an event type this build does not know (a newer build's) made `list` and `stats`
    /// exit 3 for ever: `check --repair` has nothing to set aside. They warn and exit 0.
    /// `line` (a journal line without its newline, edited) with a checksum trailer that matches it again.
    func resealed(_ line: String) -> String {
        let prefix = String(line.dropLast(16))
        let crc = String(CRC32C.checksum(Array(prefix.utf8)), radix: 16)
        return prefix + ",\"c\":\"" + String(repeating: "0", count: 8 - crc.count) + crc + "\"}"
    }

    func testALineOfAnUnknownEventTypeIsAWarningNotDamageForListStatsAndExport() throws {
        try makeDesk()
        _ = try intake([])
        var text = try String(contentsOf: journalFile, encoding: .utf8)
        let first = String(text.split(separator: "\n")[0])
        text += resealed(first.replacingOccurrences(of: "\"type\":\"report.received\"", with: "\"type\":\"report.exploded\"")
            .replacingOccurrences(of: "\"seq\":1,", with: "\"seq\":2,")) + "\n"
        try text.write(to: journalFile, atomically: false, encoding: .utf8)
        let listed = try expect(0, ["list"])
        XCTAssertTrue(listed.stderr.contains("unknown event type"), listed.stderr)
        try expect(0, ["stats"])
        let exported = try expect(0, ["export"])
        XCTAssertTrue(exported.stderr.contains("unknown event type"), exported.stderr)
        try expect(0, ["check", "--repair"])
        try expect(0, ["list"])
        // A sealed second report.received for the same report is not applied, and `check` says so (QA: silent).
        text += resealed(first.replacingOccurrences(of: "\"seq\":1,", with: "\"seq\":3,")) + "\n"
        try text.write(to: journalFile, atomically: false, encoding: .utf8)
        let checked = try expect(0, ["check"])
        XCTAssertTrue(checked.stdout.contains("seq 3: report 2600001: second report.received ignored"), checked.stdout)
        XCTAssertTrue(checked.stdout.contains("1 peristiwa diabaikan"), checked.stdout)
    }

    func testReadCommandsNameTheDamagedLineAndExportDoesNotPassForComplete() throws {
        let ids = try damagedDesk()
        let located = "warning: \(segmentPath):3: damaged line skipped: checksum mismatch"
        // Like the export, a list or figures that leave reports out do not pass for complete (formats.md: exit
        // 3, the data folder is damaged; QA: both exited 0), and still show every good report.
        let listed = try expect(3, ["list"])
        XCTAssertTrue(listed.stderr.contains(located), listed.stderr)
        XCTAssertTrue(listed.stderr.contains("the list is not complete, damaged journal lines were skipped: #\(ids[2]) left out (\(segmentPath):3)"),
                      listed.stderr)
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 4, "the good reports are still listed")
        let stats = try expect(3, ["stats"])
        XCTAssertTrue(stats.stderr.contains(located), stats.stderr)
        XCTAssertTrue(stats.stdout.contains("Diterima: 4"), stats.stdout)
        let exported = try expect(3, ["export"])
        XCTAssertTrue(exported.stderr.contains(located), exported.stderr)
        XCTAssertTrue(exported.stderr.contains("the export is not complete, damaged journal lines were skipped: #\(ids[2]) left out"), exported.stderr)
        XCTAssertEqual(exported.stdout.split(separator: "\n").count, 4, "the good reports are still written")
        let shown = try expect(3, ["show", ids[2]])
        XCTAssertTrue(shown.stderr.contains("\(ids[2]): its journal line is damaged and skipped: \(segmentPath):3:"), shown.stderr)
        try expect(1, ["show", "2699999"])
        // Once repair has set the line aside by decision, the export is complete again (and says nothing).
        try expect(0, ["check", "--repair"])
        let after = try expect(0, ["export"])
        XCTAssertEqual(after.stderr, "")
        try expect(0, ["list"])
        try expect(0, ["stats"])
    }

    /// QA: a damaged line after a report's receipt (its deletion as spam) left the report listed as new under
    /// "the list leaves out the reports…", and `show` printed it with exit 0 and no word. The closing error
    /// says which report is shown without which event; `show` exits 3 naming the line, and after the repair
    /// notes that an event was set aside.
    func testAReportWithADamagedLaterEventIsNamedAsShownWithoutIt() throws {
        try makeDesk()
        let id = try intake([], body: "laporan yang kemudian dihapus")
        try expect(0, ["act", id, "delete", "--reason", "spam"])
        _ = try intake([], body: "laporan berikutnya")
        var bytes = try Data(contentsOf: journalFile)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        bytes[bytes.startIndex + lines[0].count + 1 + lines[1].count - 40] ^= 0x01
        try bytes.write(to: journalFile)
        let place = "\(segmentPath):2"
        let listed = try expect(3, ["list"])
        XCTAssertTrue(listed.stderr.contains("the list is not complete, damaged journal lines were skipped: #\(id) shown without its event on \(place)"),
                      listed.stderr)
        let shown = try expect(3, ["show", id])
        XCTAssertTrue(shown.stdout.contains("#\(id)"), "the report is still shown: \(shown.stdout)")
        XCTAssertTrue(shown.stderr.contains("\(id): shown without the event of a damaged journal line, so its state may be wrong: \(place): damaged line skipped"),
                      shown.stderr)
        try expect(0, ["check", "--repair"])
        let after = try expect(0, ["show", id])
        XCTAssertTrue(after.stderr.contains("note: \(id): an event of this report was set aside as damaged by `lapor-desk check --repair` (\(place))"),
                      after.stderr)
    }

    /// QA: a line deleted whole (a receipt gone) was damage to `check` and to writers, while `list`, `stats`
    /// and `export` exited 0 without it: a backup script took the export for complete.
    func testALostLineMakesReadCommandsSayTheOutputIsIncomplete() throws {
        try makeDesk()
        let ids = try (1...3).map { try intake([], body: "laporan nomor \($0)") }
        var lines = try String(contentsOf: journalFile, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: 1)
        try (lines.joined(separator: "\n") + "\n").write(to: journalFile, atomically: false, encoding: .utf8)
        let missing = "not complete, journal lines are missing: events 2 missing before \(segmentPath):2"
        for (command, what) in [("list", "the list is"), ("stats", "the figures are"), ("export", "the export is")] {
            let run = try expect(3, [command])
            XCTAssertTrue(run.stderr.contains("\(what) \(missing)"), "\(command): \(run.stderr)")
        }
        let listed = try expect(3, ["list", "--json"])
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 2, "the good reports are still listed")
        // The lost report is not simply "no such report": lines it may be in are missing.
        let shown = try expect(3, ["show", ids[1]])
        XCTAssertTrue(shown.stderr.contains("\(ids[1]): no such report in your view, but the journal lost lines that may have recorded it"),
                      shown.stderr)
        XCTAssertFalse(listed.stdout.contains(ids[1]))
        // Repair records the loss by decision; the output is then complete as far as the desk knows.
        try expect(0, ["check", "--repair"])
        try expect(0, ["list"])
        try expect(0, ["export"])
    }

    func testCheckCountsTheEventsItReadNotTheLastSequenceNumber() throws {
        try makeDesk()
        for i in 1...5 { _ = try intake([], body: "laporan \(i)") }
        var lines = try String(contentsOf: journalFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 2)
        try lines.joined(separator: "\n").write(to: journalFile, atomically: true, encoding: .utf8)
        let checked = try expect(3, ["check"])
        XCTAssertTrue(checked.stdout.contains("jurnal: 4 peristiwa, 4 laporan, 1 temuan"), checked.stdout)
        XCTAssertTrue(checked.stdout.contains("\(segmentPath):3: sequence gap"), checked.stdout)
    }

    func testATornLastLineSetAsideOnOpenIsReportedByWritersAndByRepair() throws {
        try makeDesk()
        _ = try intake([])
        let handle = try FileHandle(forWritingTo: journalFile)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"v":1,"seq":2,"id":"abc"#.utf8))
        try handle.close()
        let torn = try Data(contentsOf: journalFile)
        let written = try expect(0, ["intake", "--channel", "sms", "--body", "laporan baru"])
        XCTAssertTrue(written.stderr.contains("warning: \(segmentPath):2: torn write:") && written.stderr.contains("moved to quarantine/"),
                      written.stderr)
        try torn.write(to: journalFile)
        let repaired = try expect(0, ["check", "--repair"])
        XCTAssertTrue(repaired.stdout.contains("\(segmentPath):2: torn write:") && repaired.stdout.contains("moved to quarantine/"),
                      repaired.stdout)
        XCTAssertTrue(repaired.stdout.contains("1 temuan"), repaired.stdout)
    }

    /// QA: a bit flipped in the last, complete line was cut off as a torn write by the next writer, and its
    /// tracking id given to the next report. It is damage: writers wait for `check --repair`, and the id
    /// stays taken.
    func testAChangedLastLineIsDamageAndItsTrackingIdIsNeverGivenAgain() throws {
        try makeDesk()
        _ = try intake([])
        let last = try intake([])
        var bytes = try Array(Data(contentsOf: journalFile))
        let lastLine = (bytes.dropLast().lastIndex(of: 0x0A) ?? -1) + 1
        // A bit of its `type` value (not of its tracking id, which the set-aside keeps by reading the line).
        let marker = Array(#""type":"report."#.utf8)
        let type = try XCTUnwrap((lastLine..<(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[type + marker.count + 1] ^= 0x01
        try Data(bytes).write(to: journalFile)
        let checked = try expect(3, ["check"])
        XCTAssertTrue(checked.stdout.contains(":2: damaged line skipped: checksum mismatch"), checked.transcript)
        XCTAssertTrue(try expect(3, ["act", last, "note", "--text", "x"]).stderr.contains("check --repair"))
        try expect(0, ["check", "--repair"])
        let next = try intake([])
        XCTAssertNotEqual(next, last, "the damaged line's tracking id is never handed out again")
    }

    func testAnEmptyDataFolderArgumentIsAUsageError() throws {
        try makeDesk()
        let r = try CLI.run(["import", "--data", "", "-"], stdin: Data(#"{"channel":"sms","body":"x"}"#.utf8 + [0x0A]),
                            env: ["LAPOR_DESK_DATA": dataPath])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("--data: the folder path is empty"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalFile.path), "nothing written to the default desk")
    }

    /// QA: with the journal rolled back to an older copy, `intake` handed out a tracking id (and sequence
    /// numbers) already given; restoring the segment then merged two reports. The projection snapshot shows
    /// the journal was longer: writers refuse, naming the remedy; read commands warn.
    func testWritersRefuseAJournalShorterThanTheSnapshotRecorded() throws {
        try makeDesk()
        _ = try intake([], body: "laporan pertama")
        let older = try Data(contentsOf: journalFile)
        let second = try intake([], body: "laporan kedua")
        try expect(0, ["snapshot"])
        // An older copy put back in place of the segment (a new file, as a restore from a backup does).
        let copy = journalFile.deletingLastPathComponent().appendingPathComponent(".lama")
        try older.write(to: copy)
        XCTAssertEqual(rename(copy.path, journalFile.path), 0)
        let r = try desk(["intake", "--channel", "sms", "--body", "laporan ketiga"])
        XCTAssertEqual(r.code, 3, r.transcript)
        XCTAssertTrue(r.stderr.contains("projection snapshot") && r.stderr.contains("from a backup"), r.stderr)
        XCTAssertFalse(r.stderr.contains("check --repair"), "repair would not help: \(r.stderr)")
        XCTAssertEqual(try Data(contentsOf: journalFile), older, "nothing written")
        let list = try desk(["list"])
        XCTAssertTrue(list.stderr.contains("recorded events up to"), list.stderr)
        // QA: `check` said "0 temuan" here, the journal alone looking whole.
        let check = try desk(["check"])
        XCTAssertEqual(check.code, 3, check.transcript)
        XCTAssertTrue(check.stdout.contains("recorded events up to 2") && check.stdout.contains("1 temuan"), check.stdout)
        XCTAssertEqual(try desk(["check", "--repair"]).code, 3, "repair cannot bring the events back")
        // Deleting the snapshot accepts the journal as it is.
        try FileManager.default.removeItem(at: dataURL.appendingPathComponent("cache/proyeksi.snap"))
        let again = try expect(0, ["intake", "--channel", "sms", "--body", "laporan ketiga"])
        XCTAssertEqual(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines), second, "the lost report's id, now knowingly reused")
    }

    /// QA: a line damaged before the snapshot's point went unnoticed from the snapshot (lengths and last lines
    /// matched): no warning, `export` passed, writers wrote on and `snapshot` carried the damage forward. Every
    /// command now finds what a cold start finds.
    func testDamageBeforeTheSnapshotsPointIsFoundAsAColdStartFindsIt() throws {
        try makeDesk()
        for i in 1...4 { _ = try intake([], body: "laporan nomor \(i) tentang jalan rusak") }
        try expect(0, ["snapshot"])
        var bytes = try Array(Data(contentsOf: journalFile))
        let second = try XCTUnwrap(bytes.firstIndex(of: 0x0A)) + 1
        bytes[second + 30] ^= 0x01
        try Data(bytes).write(to: journalFile)
        let list = try expect(3, ["list"])
        XCTAssertTrue(list.stderr.contains("000001.jsonl:2: damaged line skipped"), list.transcript)
        try expect(3, ["export", "-o", scratch.appendingPathComponent("x.jsonl").path])
        XCTAssertTrue(try expect(3, ["intake", "--channel", "sms", "--body", "lagi"]).stderr.contains("check --repair"))
        let snapshot = try desk(["snapshot"])
        XCTAssertNotEqual(snapshot.code, 0, "no snapshot over damage: \(snapshot.transcript)")
    }

    /// QA: with a writer hung on the lock, `list` waited 10 s and printed nothing (exit 3). Readers wait a
    /// second, then read past the lock and say so.
    func testReadCommandsReadPastAHeldLockWithAWarning() throws {
        try makeDesk()
        _ = try intake([], body: "laporan pertama")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-x", dataURL.appendingPathComponent("journal/LOCK").path, "sleep", "3"]
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        usleep(300_000)
        let started = Date()
        let r = try desk(["list", "--json"])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "about a second, not the writers' 10 s")
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(r.stderr.contains("read without the lock"), r.stderr)
    }

    /// QA: `check` under a lock held past its wait exited 1 without naming the holder; locked is exit 3.
    func testCheckUnderAHeldLockIsExitThreeAndNamesTheHolder() throws {
        try makeDesk()
        _ = try intake([])
        // Held by this test's own process, for exactly as long as the check runs.
        let fd = open(dataURL.appendingPathComponent("journal/LOCK").path, O_RDWR | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let r = try expect(3, ["check"])
        XCTAssertTrue(r.stderr.contains("journal locked by another process, process \(getpid())"), r.stderr)
    }

    /// QA: a duplicated line, once `check --repair` acknowledged it, kept `check` at exit 3 with "run
    /// `lapor-desk check --repair`" for ever (a nightly check alarmed although writers worked).
    func testAnAcknowledgedDuplicateLeavesCheckClean() throws {
        try makeDesk()
        _ = try intake([])
        _ = try intake([], body: "laporan kedua")
        var bytes = try Data(contentsOf: journalFile)
        let first = bytes.split(separator: 0x0A)[0]
        bytes.append(contentsOf: first + [0x0A])
        try bytes.write(to: journalFile)
        let found = try expect(3, ["check"])
        XCTAssertTrue(found.stdout.contains("duplicate sequence number 1 skipped"), found.stdout)
        try expect(0, ["check", "--repair"])
        let again = try expect(0, ["check"])
        XCTAssertTrue(again.stdout.contains("(acknowledged)"), again.stdout)
        XCTAssertFalse(again.stderr.contains("--repair"), again.stderr)
    }

    /// QA: a projection snapshot taken over a repaired journal, then the damaged line put back as it was (a
    /// restored backup): the console that started from it turned read-only and said to run `check`, which
    /// said "0 temuan", and `check --repair` left the snapshot in place. `check` names it; repair removes it.
    func testCheckNamesASnapshotTheJournalChangedUnderAndRepairRemovesIt() throws {
        try makeDesk()
        for n in 1...4 { _ = try intake([], body: "laporan nomor \(n) tentang jalan rusak") }
        let original = try Data(contentsOf: journalFile)
        var damaged = original
        let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false)
        damaged[damaged.startIndex + lines[0].count + 1 + 30] ^= 0x01
        try damaged.write(to: journalFile)
        try expect(0, ["check", "--repair"])
        try expect(0, ["snapshot"])
        let snapshot = dataURL.appendingPathComponent("cache/proyeksi.snap").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshot))
        try original.write(to: journalFile)
        let checked = try expect(3, ["check"])
        XCTAssertTrue(checked.stdout.contains("cache/proyeksi.snap: ignored at start-up: 000001.jsonl:2: a line an acknowledged finding "
                                              + "was about moved or changed since the snapshot was taken; `check --repair` removes it"), checked.stdout)
        let repaired = try expect(0, ["check", "--repair"])
        XCTAssertTrue(repaired.stdout.contains("cache/proyeksi.snap: removed: "), repaired.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: snapshot))
        try expect(0, ["check"])
    }

    /// QA: `check --repair --as pengamat` set damage aside and made the desk writable again, and the registry
    /// did not say who acknowledged anything. A pengamat is refused; the registry names operator and account.
    func testARepairIsNotAPengamatsAndNamesWhoAcknowledged() throws {
        _ = try damagedDesk()
        let refused = try expect(1, ["check", "--repair", "--as", "pelatih"])
        XCTAssertTrue(refused.stderr.contains("a pengamat only reads"), refused.stderr)
        try expect(3, ["check"])
        try expect(0, ["check", "--repair", "--as", "rina"])
        let registry = try String(contentsOf: dataURL.appendingPathComponent("journal/quarantine/acknowledged.jsonl"), encoding: .utf8)
        XCTAssertTrue(registry.contains("\"by\":\"rina (os:"), registry)
        try expect(0, ["check"])
    }

    /// QA: a missing segment left thousands of events for reports it had received, and `check` printed a
    /// line for each, burying the finding that explains them. At most a screenful, then how many more.
    func testEventsForLostReportsAreCountedNotListedOneByOne() throws {
        let folder = scratch.appendingPathComponent("generated")
        let made = try CLI.run(["generate", "--reports", "60", "--seed", "3", "--out", folder.path])
        XCTAssertEqual(made.code, 0, made.transcript)
        let segment = folder.appendingPathComponent("journal/000001.jsonl")
        let kept = try String(contentsOf: segment, encoding: .utf8).split(separator: "\n").filter { !$0.contains("\"type\":\"report.received\"") }
        try (kept.joined(separator: "\n") + "\n").write(to: segment, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--data", folder.path])
        XCTAssertEqual(r.code, 3, r.transcript)
        let listed = r.stdout.split(separator: "\n").filter { $0.contains("for an unknown report") }
        XCTAssertEqual(listed.count, 40, r.stdout)
        XCTAssertTrue(r.stdout.contains("more events not applied ("), r.stdout)
        XCTAssertTrue(r.stdout.contains("for reports with no report.received in the journal"), r.stdout)
    }
}
