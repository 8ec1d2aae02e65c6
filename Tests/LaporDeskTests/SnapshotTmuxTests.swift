import Foundation
import XCTest

/// The projection snapshot as an officer meets it: the console on a big desk writes one in the background,
/// the next start uses it, later events are folded on top, and every command shows the same desk with or
/// without it.
final class SnapshotTmuxTests: DeskTestCase {
    var snapshotFile: String { dataPath + "/cache/proyeksi.snap" }

    func waitForFile(_ path: String, timeout: TimeInterval = 60) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if FileManager.default.fileExists(atPath: path) { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    /// QA: a line the snapshot stood for, changed after it was taken, failed the check after the first frame;
    /// the console said JURNAL RUSAK but went on showing the snapshot's desk (a report archived by the changed
    /// line stayed archived, while a cold start showed it new and overdue). It now reopens from the journal.
    func testAConsoleWhoseSnapshotLinesFailReopensFromTheJournal() throws {
        let generated = try CLI.run(["generate", "--reports", "300", "--seed", "5", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        try expect(0, ["snapshot"])
        var bytes = try Data(contentsOf: journalFile)
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let middle = starts[99] + (starts[100] - starts[99]) / 2
        bytes[middle] = bytes[middle] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try bytes.write(to: journalFile)

        let s = try openConsole("--as admin")
        guard s.waitFor(text: "dibuka ulang dari jurnal seluruhnya", timeout: 30) else { return }
        // The reopened console read the whole journal: damaged, and the desk a cold read gives (the command line
        // leaves the damaged line out just the same).
        guard s.waitFor(text: "JURNAL RUSAK") else { return }
        let listed = try desk(["list", "--status", "baru", "--json"]).stdout.split(separator: "\n").count
        XCTAssertTrue(s.lastScreen.contains("1 Baru (\(listed))"), "list --status baru gives \(listed)\n\(s.lastScreen)")
        _ = quit(s)
    }

    func testConsoleWritesTheSnapshotAndLaterStartsUseIt() throws {
        // 1,100 reports: about 5,600 events, above the size where a snapshot is worth writing.
        let generated = try CLI.run(["generate", "--reports", "1100", "--seed", "3", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        let fullList = try expect(0, ["list", "--json"]).stdout
        XCTAssertTrue(try expect(0, ["snapshot", "--status"]).stdout.contains("none yet"))

        let s = try openConsole("--as admin")
        guard s.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        // The file appears only by rename, complete: once it is there the write is done.
        XCTAssertTrue(waitForFile(snapshotFile), "the console wrote the snapshot in the background")
        guard quit(s) else { return }

        let status = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(status.contains("used, taken at event"), status)
        XCTAssertTrue(status.contains("0 events folded on top"), status)
        let mode = try FileManager.default.attributesOfItem(atPath: snapshotFile)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "the snapshot holds citizens' data: private like the journal")

        // Same desk from the snapshot as from the full fold.
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, fullList)

        // A later event is folded on top of the snapshot; the desk still equals the full fold.
        try expect(0, ["act", "--as", "admin", "2601100", "note", "--text", "sesudah snapshot"])
        let after = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(after.contains("1 events folded on top"), after)
        let shown = try expect(0, ["show", "2601100"]).stdout
        XCTAssertTrue(shown.contains("sesudah snapshot"), shown)
        let withSnapshot = try expect(0, ["list", "--json"]).stdout
        try FileManager.default.removeItem(atPath: snapshotFile)
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, withSnapshot, "deleting the snapshot changes nothing")

        // A damaged snapshot is ignored with the reason, and nothing is lost.
        try expect(0, ["snapshot"])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshotFile))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: snapshotFile))
        let damaged = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(damaged.contains("ignored") && damaged.contains("checksum"), damaged)
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, withSnapshot)
    }

    /// How `bench --startup-only` says the first frame was drawn (the console's own path).
    func firstFrameLine() throws -> String {
        let out = try expect(0, ["bench", "--startup-only"]).stdout
        return out.split(separator: "\n").first { $0.hasPrefix("start-up to first inbox frame") }.map(String.init) ?? out
    }

    /// The screen without the title bar's clock and with times of day masked (two consoles started a minute
    /// apart differ there only: the title's clock, and the routing pane's deadline counted from now).
    func withoutClock(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            .replacingOccurrences(of: #"\b\d\d:\d\d\b"#, with: "--:--", options: .regularExpression)
    }

    /// QA: without a snapshot the start-up log said nothing about why the first frame waited for the fold.
    func testTheStartupLogSaysWhyNoSnapshotGaveTheFirstFrame() throws {
        try makeDesk()
        _ = try intake([])
        let console = try openConsole("--as rina", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard console.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        guard quit(console) else { return }
        XCTAssertEqual(try loggedStart().first, "first frame after decoding: no projection snapshot (cache/proyeksi.snap; `lapor-desk snapshot` writes one)")
    }

    func testFirstFrameComesFromTheSnapshotRowsWhenTheyStillHold() throws {
        let generated = try CLI.run(["generate", "--reports", "1100", "--seed", "5", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        XCTAssertFalse(try firstFrameLine().contains("snapshot"), "no snapshot yet: the desk is folded first")
        try expect(0, ["snapshot"])
        XCTAssertTrue(try firstFrameLine().hasSuffix("drawn from the snapshot's inbox rows"))

        // The console's screen from the snapshot's rows equals the one folded from the journal, and
        // answers keys (the desk was decoded behind the first frame); its start-up log says so.
        let fromRows = try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard fromRows.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        let first = settledScreen(fromRows)
        try fromRows.keys("j", "2")
        XCTAssertTrue(fromRows.waitFor(text: "[ 2 Ditunda"), "keys are answered")
        guard quit(fromRows) else { return }
        let stderr = try String(contentsOfFile: scratch.path + "/console.err", encoding: .utf8)
        XCTAssertEqual(stderr, "", "nothing printed over the console")
        XCTAssertEqual(try loggedStart(), startFromRows)
        XCTAssertEqual(withoutClock(first), withoutClock(try screenFoldedWithoutTheSnapshot()))

        // Events after the snapshot (the top report postponed, a note): folded into the rows they touch,
        // so the first frame is still drawn from the snapshot and equals the folded screen.
        let top = try XCTUnwrap(first.split(separator: "\n").dropFirst(4).first?.split(separator: " ").first { $0.count == 7 })
        try expect(0, ["act", "--as", "admin", String(top), "postpone", "--question", "Mohon lengkapi lokasi."])
        try expect(0, ["act", "--as", "admin", "2601100", "note", "--text", "sesudah snapshot"])
        XCTAssertTrue(try firstFrameLine().hasSuffix("drawn from the snapshot's inbox rows"))
        let later = try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard later.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        let laterScreen = settledScreen(later)
        XCTAssertFalse(laterScreen.contains(String(top) + " Baru"), "the postponed report left the Baru view")
        XCTAssertEqual(try loggedStart().first, "first frame from the snapshot's inbox rows")
        guard quit(later) else { return }
        XCTAssertEqual(withoutClock(laterScreen), withoutClock(try screenFoldedWithoutTheSnapshot()))

        // A holiday added since: the rows' deadlines no longer hold, so they are not used (the desk is).
        let holidays = dataURL.appendingPathComponent("kalender/libur-2026.txt")
        let text = try String(contentsOf: holidays, encoding: .utf8)
        try (text + "2026-12-01  libur        Hari Jadi Kabupaten\n").write(to: holidays, atomically: true, encoding: .utf8)
        XCTAssertFalse(try firstFrameLine().contains("snapshot"))
        let status = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(status.contains("used, taken at event") && status.contains("inbox rows predate the current deadline rules"), status)
        let staleInode = try FileManager.default.attributesOfItem(atPath: snapshotFile)[.systemFileNumber] as? Int
        let edited = try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard edited.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        XCTAssertEqual(try loggedStart().first, "first frame after decoding: no usable inbox rows (deadline rules edited, "
            + "damage, or too many events after the snapshot)")
        // The console rewrites the stale snapshot in the background (a new file, renamed over the old one);
        // the next start draws from its rows again.
        let end = Date().addingTimeInterval(60)
        while Date() < end, (try? FileManager.default.attributesOfItem(atPath: snapshotFile)[.systemFileNumber] as? Int) == staleInode {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertNotEqual(try FileManager.default.attributesOfItem(atPath: snapshotFile)[.systemFileNumber] as? Int, staleInode,
                          "the console rewrote the stale snapshot")
        guard quit(edited) else { return }
        XCTAssertTrue(try firstFrameLine().hasSuffix("drawn from the snapshot's inbox rows"))
    }

    func testASecondConsoleAtOnceDrawsItsFirstFrameFromTheRows() throws {
        try generateWithSnapshot(seed: 6)
        let writer = try openConsole("--as admin")
        guard writer.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        let reader = try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard reader.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        XCTAssertEqual(try loggedStart(), startFromRows)
        // Below the title bar the panes are the first console's. Times of day are left out: the routing pane's
        // agency deadline counts from now, and the two consoles may have drawn either side of a minute (CI).
        let panes = { (screen: String) in
            Array(screen.split(separator: "\n", omittingEmptySubsequences: false)[1..<36])
                .map { $0.replacingOccurrences(of: #"\d\d:\d\d"#, with: "HH:MM", options: .regularExpression) }
        }
        XCTAssertEqual(panes(settledScreen(reader)), panes(settledScreen(writer)))
        guard quit(reader) else { return }
        guard quit(writer) else { return }
    }

    func testAReadOnlyConsoleDrawsItsFirstFrameFromTheRowsWithTheReason() throws {
        try generateWithSnapshot(seed: 4)
        let writable = try openConsole("--as admin")
        guard writable.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        // The tabs and the inbox pane (the routing pane tells a read-only console it cannot act).
        let inbox = { (screen: String) in
            screen.split(separator: "\n", omittingEmptySubsequences: false)[1..<36].map { String($0.prefix(50)) }
        }
        let ownInbox = inbox(settledScreen(writable))
        guard quit(writable) else { return }
        // The roster binds admin to another OS account: this account's console opens read-only.
        let roster = dataURL.appendingPathComponent("operator.toml")
        let text = try String(contentsOf: roster, encoding: .utf8)
        try text.replacingOccurrences(of: "role = \"admin-nasional\"\n", with: "role = \"admin-nasional\"\nos_user = \"bukan-saya\"\n")
            .write(to: roster, atomically: true, encoding: .utf8)
        let s = try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard s.waitFor(text: "BACA SAJA", timeout: 30) else { return }
        XCTAssertTrue(settledScreen(s).contains("pengguna OS"), s.lastScreen)
        XCTAssertEqual(try loggedStart(), startFromRows)
        XCTAssertEqual(inbox(settledScreen(s)), ownInbox)
        guard quit(s) else { return }
    }

    func testAPracticeDeskDrawsOnItsOwnClockAfterDecoding() throws {
        let created = try CLI.run(["scenario", "create", "dasar", "--data", dataPath])
        XCTAssertEqual(created.code, 0, created.transcript)
        try expect(0, ["snapshot"])
        let s = try openConsole("", before: "export LAPOR_DESK_STARTUP_LOG='\(startupLog)'")
        guard s.waitFor(text: "LATIHAN", timeout: 30) else { return }
        guard quit(s) else { return }
        XCTAssertEqual(try loggedStart().first, "first frame after decoding: a practice desk (its own clock)")
    }

    /// The first screen of a console started with the snapshot moved aside (the journal folded), which
    /// is then put back.
    func screenFoldedWithoutTheSnapshot() throws -> String {
        let saved = try Data(contentsOf: URL(fileURLWithPath: snapshotFile))
        try FileManager.default.removeItem(atPath: snapshotFile)
        let folded = try openConsole("--as admin")
        guard folded.waitFor(text: "Kotak Masuk", timeout: 30) else { return "" }
        let screen = settledScreen(folded)
        // Put back only once it has exited (it may be writing a snapshot of its own in the background).
        guard quit(folded) else { return "" }
        try saved.write(to: URL(fileURLWithPath: snapshotFile))
        return screen
    }

    /// The pane once two captures 100 ms apart agree (tmux may show a frame being painted).
    func settledScreen(_ s: TmuxSession) -> String {
        var last = s.screen()
        for _ in 0..<50 {
            usleep(100_000)
            let now = s.screen()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// Another process's bulk import while consoles run: `count` new reports, one event each.
    func importBeside(_ count: Int) throws {
        let lines = (1...count).map { n in
            #"{"external_id":"beside-\#(n)","channel":"sms","title":"Laporan \#(n)","body":"Jalan rusak di depan pasar.","category":"Kependudukan"}"#
        }
        try expect(0, ["import", try writeFile("beside.jsonl", Data((lines.joined(separator: "\n") + "\n").utf8))])
    }

    /// Round 18's note: a sweep that closed 3,643 reports at once left every later start folding them, for
    /// the snapshot was rewritten only by a start 10,000 events behind it. A console now writes a new one
    /// while it runs, once 2,000 events have been folded since the newest snapshot.
    func testTheConsoleRewritesTheSnapshotOnceManyEventsArriveWhileItRuns() throws {
        try generateWithSnapshot(seed: 7)
        let console = try openConsole("--as admin")
        guard console.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        func inode() -> Int? { (try? FileManager.default.attributesOfItem(atPath: snapshotFile))?[.systemFileNumber] as? Int }
        let taken = inode()
        XCTAssertNotNil(taken)
        try importBeside(2100)
        let end = Date().addingTimeInterval(60)
        while Date() < end, inode() == taken { Thread.sleep(forTimeInterval: 0.2) }
        XCTAssertNotEqual(inode(), taken, "the console rewrote the snapshot once 2,100 events were folded since it")
        guard quit(console) else { return }
        let status = try expect(0, ["snapshot", "--status"]).stdout
        let onTop = status.firstMatch(of: /(\d+) events folded on top/).flatMap { Int($0.1) }
        XCTAssertLessThan(try XCTUnwrap(onTop, status), 2000, status)
    }

    /// Several consoles fold the same events at once (a sweep, another desk's bulk import): one of them
    /// writes the new snapshot, and the other notes why it did not (review, round 19: each wrote its own).
    func testTwoConsolesWriteOneSnapshotBetweenThem() throws {
        try generateWithSnapshot(seed: 8)
        let logs = [scratch.path + "/a.log", scratch.path + "/b.log"]
        let consoles = try logs.map { try openConsole("--as admin", before: "export LAPOR_DESK_STARTUP_LOG='\($0)'") }
        for console in consoles { guard console.waitFor(text: "Kotak Masuk", timeout: 30) else { return } }
        try importBeside(2100)
        func outcomes() -> [String] {
            logs.flatMap { ((try? String(contentsOfFile: $0, encoding: .utf8)) ?? "").split(separator: "\n") }
                .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("snapshot rewritten") || $0.hasPrefix("snapshot not rewritten") }
        }
        let end = Date().addingTimeInterval(60)
        while Date() < end, outcomes().count < 2 { Thread.sleep(forTimeInterval: 0.2) }
        Thread.sleep(forTimeInterval: 2)
        let noted = outcomes()
        XCTAssertEqual(noted.filter { $0.hasPrefix("snapshot rewritten in the background at event ") }.count, 1, "\(noted)")
        XCTAssertEqual(noted.filter { $0.hasPrefix("snapshot not rewritten: ") }.count, 1, "\(noted)")
        for console in consoles { guard quit(console) else { return } }
        XCTAssertTrue(try expect(0, ["snapshot", "--status"]).stdout.contains("used, taken at event"))
    }

    var startupLog: String { scratch.path + "/startup.log" }

    /// The start-up log of a console whose first frame came from the snapshot's rows.
    let startFromRows = ["first frame from the snapshot's inbox rows", "console ready (the first frame's inbox index taken over)"]

    /// A generated desk of 1,100 reports (about 5,600 events) with a snapshot written by the command line.
    func generateWithSnapshot(seed: Int) throws {
        let generated = try CLI.run(["generate", "--reports", "1100", "--seed", "\(seed)", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        try expect(0, ["snapshot"])
    }

    /// Quits the console and waits for its exit (recorded as a failure when it does not come).
    func quit(_ s: TmuxSession) -> Bool {
        (try? s.keys("q")) != nil && s.waitFor(text: "LAPOR_EXIT=0", timeout: 20)
    }

    /// The start-up log's milestones without their times, once the console logged that it is ready (the
    /// first frame is on screen before that), emptied for the next console.
    func loggedStart() throws -> [String] {
        var text = ""
        let end = Date().addingTimeInterval(20)
        repeat {
            text = (try? String(contentsOfFile: startupLog, encoding: .utf8)) ?? ""
            if text.contains("console ready") { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < end
        try? FileManager.default.removeItem(atPath: startupLog)
        return text.split(separator: "\n").map { line in String(line.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    }
}
