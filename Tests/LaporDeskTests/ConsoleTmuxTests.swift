import Foundation
import XCTest

/// The real console in a real terminal (tmux), driven by keys as an officer would.
final class ConsoleTmuxTests: DeskTestCase {
    /// Opens `lapor-desk demo --data DIR` in a WxH pane. After the console exits the pane prints
    /// `LAPOR_EXIT=<code>` and stays open.
    func openDemo(width: Int = 120, height: Int = 40, as operatorName: String = "rina") throws -> TmuxSession {
        try openConsole("demo --as \(operatorName)", width: width, height: height)
    }

    /// The tracking id in the detail pane's title (`#2600038 · ...`).
    func selectedID(_ screen: String) -> String? {
        guard let r = screen.range(of: #"#[0-9]{7} ·"#, options: .regularExpression) else { return nil }
        return String(screen[r].dropFirst().prefix(7))
    }

    func journalLines() -> [[String: Any]] {
        let text = (try? String(contentsOf: journalFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testTriageHelpAndDisposeWritesTheJournal() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        s.waitFor("first report selected") { self.selectedID($0) != nil }
        let id = try XCTUnwrap(selectedID(s.lastScreen))
        let before = journalLines().count
        XCTAssertGreaterThan(before, 0, "the practice desk has a journal on disk")

        try s.keys("?")
        guard s.waitFor(text: "Bantuan — tombol") else { return }
        try s.keys("Escape")
        guard s.waitFor("help closed", { !$0.contains("Bantuan — tombol") }) else { return }
        try s.keys("d")
        guard s.waitFor(text: "Enter disposisi") else { return }
        try s.keys("Enter")
        guard s.waitFor(text: "Tersimpan") else { return }
        let after = journalLines()
        XCTAssertEqual(after.count, before + 1)
        let last = try XCTUnwrap(after.last)
        XCTAssertEqual(last["type"] as? String, "report.disposed")
        XCTAssertEqual(last["report"] as? String, id)
        XCTAssertEqual((last["actor"] as? [String: Any])?["name"] as? String, "rina")
    }

    func testResizeWhileTypingKeepsTheTextAndSaves() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        s.waitFor("first report selected") { self.selectedID($0) != nil }
        let id = try XCTUnwrap(selectedID(s.lastScreen))
        try s.keys("c")
        guard s.waitFor(text: "Catatan internal —") else { return }
        try s.type("Sudah dicek ke lokasi")
        guard s.waitFor(text: "Sudah dicek ke lokasi") else { return }
        try s.resize(70, 20)
        s.waitFor("narrow layout") { $0.split(separator: "\n").allSatisfy { $0.count <= 70 } && $0.contains("Sudah dicek ke lokasi") }
        try s.resize(120, 40)
        s.waitFor("wide layout with the text") { $0.split(separator: "\n").contains { $0.count > 100 } && $0.contains("Sudah dicek ke lokasi") }
        try s.keys("C-s")
        guard s.waitFor(text: "Tersimpan") else { return }
        let last = try XCTUnwrap(journalLines().last)
        XCTAssertEqual(last["type"] as? String, "report.note-added")
        XCTAssertEqual(last["report"] as? String, id)
        XCTAssertEqual((last["data"] as? [String: Any])?["text"] as? String, "Sudah dicek ke lokasi")
    }

    func testReportFromAnotherProcessAppearsWithoutAKeyPress() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        guard s.waitFor(text: "1 Baru (") else { return }
        let r = try CLI.run(["intake", "--data", dataPath, "--channel", "sms", "--title", "Dari proses kedua",
                             "--body", "Jembatan gantung putus di dusun kami."])
        XCTAssertEqual(r.code, 0, r.transcript)
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id.count, 7, r.stdout)
        s.waitFor("new report \(id) in the inbox", timeout: 8) { $0.contains(id) }
    }

    /// QA: after the terminal grew, quitting left rows of the console (report text) on the screen: the
    /// alternate screen's new rows survived leaving it. The console blanks the screen before it leaves.
    func testQuittingAfterTheTerminalGrewLeavesNoReportTextBehind() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        try s.resize(130, 45)
        guard s.waitFor("the wider layout", { $0.split(separator: "\n").contains { $0.count > 121 } }) else { return }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0") else { return }
        XCTAssertFalse(s.lastScreen.contains("│"), s.lastScreen)
        XCTAssertFalse(s.lastScreen.contains("LATIHAN"), s.lastScreen)
    }

    /// A limit edited in desk.toml under a running console is taken within seconds, without a key: the
    /// late tab's count follows the new rules and the message line says why.
    func testADeadlineLimitEditedUnderTheConsoleIsTaken() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        func late(_ screen: String) -> Int? {
            guard let r = screen.range(of: #"Terlambat \([0-9]+\)"#, options: .regularExpression) else { return nil }
            return Int(screen[r].dropFirst("Terlambat (".count).dropLast())
        }
        guard s.waitFor("the late tab's count", { late($0) != nil }) else { return }
        let before = try XCTUnwrap(late(s.lastScreen))
        XCTAssertGreaterThan(before, 0, "the practice desk has late reports")
        let settings = dataURL.appendingPathComponent("desk.toml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        XCTAssertTrue(text.contains("verifikasi = 3"), text)
        try text.replacingOccurrences(of: "verifikasi = 3", with: "verifikasi = 60").write(to: settings, atomically: true, encoding: .utf8)
        guard s.waitFor(text: "semua tenggat dihitung ulang", timeout: 8) else { return }
        XCTAssertLessThan(try XCTUnwrap(late(s.lastScreen)), before, s.lastScreen)
    }

    /// An agency added to `referensi/` under a running console is offered within seconds, without a key or
    /// a restart, and the message line says so; a file with a mistake is refused with its place.
    func testReferenceDataEditedUnderTheConsoleIsTaken() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        let agencies = dataURL.appendingPathComponent("referensi/instansi.toml")
        let text = try String(contentsOf: agencies, encoding: .utf8)
        try (text + "\n[[instansi]]\nid = \"pemkab-baru\"\nnama = \"Pemerintah Kabupaten Baru\"\njenis = \"kementerian\"\n")
            .write(to: agencies, atomically: true, encoding: .utf8)
        guard s.waitFor(text: "Data referensi", timeout: 8) else { return }
        try (text + "\n[[instansi]]\nid = \"tanpa-nama\"\n").write(to: agencies, atomically: true, encoding: .utf8)
        guard s.waitFor(text: "Perubahan referensi/ ditolak", timeout: 8) else { return }
        XCTAssertTrue(s.lastScreen.contains("instansi.toml:"), s.lastScreen)
        try s.keys("q")
        XCTAssertTrue(s.waitFor(text: "LAPOR_EXIT=0"))
    }

    /// QA: the console set a torn last line aside without a word, and on a damaged journal showed only
    /// "JURNAL RUSAK". The message line now says what happened and, for damage, what to do.
    func testStartUpSaysWhatRecoveryFoundOnTheMessageLine() throws {
        try makeDesk()
        try expect(0, ["intake", "--channel", "sms", "--body", "Laporan pertama"])
        let handle = try FileHandle(forWritingTo: journalFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":9,"id":"w"#.utf8))
        try handle.close()
        let s = try openConsole("--as rina")
        guard s.waitFor(text: "disisihkan ke karantina") else { return }
        s.waitFor("the whole message") { $0.contains("moved to quarantine") }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0") else { return }

        // A line damaged in the middle: the reason and the way out.
        var bytes = try Data(contentsOf: journalFile)
        bytes[40] = bytes[40] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try expect(0, ["intake", "--channel", "sms", "--body", "Laporan kedua"])
        var text = try Data(contentsOf: journalFile)
        text.replaceSubrange(0..<bytes.count, with: bytes)
        try text.write(to: journalFile)
        let damaged = try openConsole("--as rina")
        guard damaged.waitFor(text: "check --repair") else { return }
        XCTAssertTrue(damaged.lastScreen.contains("Jurnal perlu diperbaiki"), damaged.lastScreen)
    }

    /// QA: killed with SIGTERM the console exited 0, so a supervisor could not tell a kill from a quit. It
    /// restores the terminal and exits 128 + 15.
    func testSIGTERMRestoresTheTerminalAndExitsAsKilled() throws {
        try killConsole(with: SIGTERM, expecting: "LAPOR_EXIT=143")
    }

    /// QA: SIGQUIT (kill -QUIT) left the pane in the alternate screen with the cursor hidden. It is handled
    /// as a crash signal now: terminal restored, then the default action (core, exit 131).
    func testSIGQUITRestoresTheTerminal() throws {
        try killConsole(with: SIGQUIT, expecting: "LAPOR_EXIT=131")
    }

    func killConsole(with signal: Int32, expecting exit: String) throws {
        let s = try openDemo(width: 100, height: 30)
        guard s.waitFor(text: "LATIHAN") else { return }
        let pgrep = Process()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        pgrep.arguments = ["-f", "--", "--data \(dataPath)"]
        let out = Pipe()
        pgrep.standardOutput = out
        try pgrep.run()
        pgrep.waitUntilExit()
        let pids = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { Int32($0) }
        // The console itself, not the shell around it: the one whose command line starts with the binary.
        let binary = try CLI.requireBinary().path
        let console = try XCTUnwrap(pids.first { pid in
            let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return cmdline.hasPrefix(binary)
        })
        XCTAssertEqual(kill(console, signal), 0)
        guard s.waitFor(text: exit) else { return }
        XCTAssertFalse(s.lastScreen.contains("LATIHAN"), "the console's screen is gone (alternate screen left)")
    }

    func testQuitRestoresTheTerminal() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=") else { return }
        XCTAssertTrue(s.lastScreen.contains("LAPOR_EXIT=0"), s.lastScreen)
        XCTAssertFalse(s.lastScreen.contains("LATIHAN"), "the console's screen must be gone:\n\(s.lastScreen)")
        XCTAssertFalse(s.lastScreen.contains("┌"), s.lastScreen)
        let modes = try s.tmux(["display-message", "-p", "#{alternate_on} #{cursor_flag} #{keypad_flag}"]).out
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1 0", "alternate screen off, cursor shown, keypad reset")
    }

    /// A manager opens the Laporan view, narrows it to one agency, and opens an overdue report from it.
    func testReportsViewShowsTheMonthAndOpensAnOverdueReport() throws {
        let s = try openDemo()
        guard s.waitFor(text: "LATIHAN") else { return }
        try s.keys("6")
        guard s.waitFor(text: "Diterima per hari") else { return }
        XCTAssertTrue(s.lastScreen.contains("bulan ini"), s.lastScreen)
        // Scope: one agency, typed into the range-and-scope form.
        try s.keys("f")
        guard s.waitFor(text: "Periode & cakupan laporan") else { return }
        try s.keys("Tab", "Tab")
        try s.keys("Right")
        try s.keys("C-s")
        guard s.waitFor(text: "rentang pilihan") else { return }
        XCTAssertFalse(s.lastScreen.contains("seluruh meja"), "the scope names the agency:\n\(s.lastScreen)")
        // Back to the whole desk this month, then open the most overdue report.
        try s.keys("Escape")
        guard s.waitFor(text: "Kotak Masuk") else { return }
        try s.keys("6")
        guard s.waitFor(text: "Diterima per hari") else { return }
        // In the first days of a month (desk time) no overdue report was received yet this month: the
        // demo's are then last month's (`p` twice: this week, then last month).
        if s.lastScreen.contains("tidak ada di antara laporan periode ini") {
            try s.keys("p")
            guard s.waitFor(text: "minggu ini") else { return }
            try s.keys("p")
            guard s.waitFor(text: "bulan lalu") else { return }
        }
        try s.keys("j")
        guard s.waitFor(text: "▶ #") else { return }
        try s.keys("Enter")
        guard s.waitFor("the report opens in the detail pane", { $0.contains("Pelapor") && !$0.contains("Diterima per hari") }) else {
            return
        }
    }

    func testTinyTerminalAsksToEnlarge() throws {
        let s = try openDemo(width: 30, height: 8)
        guard s.waitFor("the size it needs", { $0.contains("Layar terlalu kecil") && $0.contains("Min 44×12") }) else { return }
        try s.resize(120, 40)
        s.waitFor(text: "LATIHAN")
        try s.resize(30, 8)
        s.waitFor(text: "Min 44×12")
    }

    func testHostileTitleNeverReachesTheTerminal() throws {
        let s = try openDemo()
        try s.tmux(["set-option", "-g", "set-titles", "on"])
        try s.tmux(["set-option", "-g", "set-clipboard", "on"])
        try s.tmux(["set-option", "-g", "allow-rename", "on"])
        guard s.waitFor(text: "LATIHAN") else { return }
        // Walk down the inbox until the report with the escape in its title is open in the detail pane.
        var found = false
        for _ in 0..<30 {
            if s.screen().contains("TPST Piyungan"), selectedID(s.lastScreen) == "2600047" { found = true; break }
            let previous = selectedID(s.lastScreen)
            try s.keys("j")
            guard s.waitFor("selection to move past \(previous ?? "?")", timeout: 3, { self.selectedID($0) != previous }) else { break }
        }
        XCTAssertTrue(found, "could not select the hostile report:\n\(s.lastScreen)")
        s.waitFor(text: "meluber")
        XCTAssertTrue(s.lastScreen.contains("HACKED"), "the hostile text is shown escaped, not dropped:\n\(s.lastScreen)")
        let title = try s.tmux(["display-message", "-p", "#{pane_title}|#{window_name}"]).out
        XCTAssertFalse(title.contains("HACKED"), "the report's OSC sequence retitled the terminal: \(title)")
        let buffers = try s.tmux(["list-buffers"]).out
        XCTAssertTrue(buffers.isEmpty, "something reached tmux's clipboard: \(buffers)")
        XCTAssertFalse(s.lastScreen.contains("\u{1B}"))
    }

    /// Selects `id` by walking down the current view with `j`.
    func select(_ id: String, in s: TmuxSession) throws -> Bool {
        for _ in 0..<40 {
            if selectedID(s.screen()) == id { return true }
            let previous = selectedID(s.lastScreen)
            try s.keys("j")
            guard s.waitFor("selection to move past \(previous ?? "?")", timeout: 3, { self.selectedID($0) != previous }) else { return false }
        }
        return false
    }

    /// Demo report 19 (LOKET-SLM-0093) is anonymous and sits with Sleman's coordinator.
    func testAgencyConsoleHidesAnonymousReporter() throws {
        for (who, visible) in [("budi", false), ("rina", true)] {
            let s = try openDemo(as: who)
            guard s.waitFor(text: "LATIHAN") else { return }
            try s.keys("3")
            guard s.waitFor(text: "2600019") else { return }
            XCTAssertTrue(try select("2600019", in: s), "could not select #2600019 as \(who):\n\(s.lastScreen)")
            s.waitFor(text: "Pelapor")
            XCTAssertEqual(s.lastScreen.contains("3404064501580001"), visible, "NIK visible to \(who)?\n\(s.lastScreen)")
            XCTAssertEqual(s.lastScreen.contains("Tukiyem"), visible, "name visible to \(who)?\n\(s.lastScreen)")
            s.kill()
        }
    }

    /// A desk of three reports whose second journal line has a flipped byte, opened in the console.
    func openDamagedDesk() throws -> TmuxSession {
        try makeDesk()
        for i in 1...3 { _ = try intake([], body: "Laporan nomor \(i) tentang puskesmas.") }
        var lines = try String(contentsOf: journalFile, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "nomor", with: "Nomor")
        try lines.joined(separator: "\n").write(to: journalFile, atomically: false, encoding: .utf8)
        return try openConsole("console --as rina", height: 30)
    }

    func testDamagedJournalRefusesChangesInTheConsole() throws {
        let s = try openDamagedDesk()
        guard s.waitFor(text: "Kotak Masuk") else { return }
        let before = try Data(contentsOf: journalFile)
        func refusal(_ screen: String) -> Bool { screen.contains("baca saja") || screen.contains("RUSAK") || screen.contains("rusak") }
        // Either the note form refuses to open or saving it is refused; the journal stays as it was.
        try s.keys("c")
        guard s.waitFor("note form or refusal", { $0.contains("Catatan internal —") || refusal($0) }) else { return }
        if !refusal(s.lastScreen) {
            try s.type("tidak boleh tersimpan")
            guard s.waitFor(text: "tidak boleh tersimpan") else { return }
            try s.keys("C-s")
            s.waitFor("a refusal", timeout: 5, refusal)
            try s.keys("Escape")
            s.waitFor("form closed", timeout: 5) { !$0.contains("Catatan internal —") }
        }
        try s.keys("d")
        try s.keys("Enter")
        s.waitFor("a refusal", timeout: 5, refusal)
        XCTAssertEqual(try Data(contentsOf: journalFile), before, "a damaged journal must not be written by the console")
        try s.keys("q")
        s.waitFor(text: "LAPOR_EXIT=0")
    }

    /// The journal state must stay in the title bar however long the damage reason is (it once vanished
    /// exactly when the journal was damaged).
    func testDamagedJournalIsVisibleInTheTitleBar() throws {
        let s = try openDamagedDesk()
        guard s.waitFor(text: "Kotak Masuk") else { return }
        let title = s.lastScreen.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(title.contains("RUSAK") || title.contains("BACA SAJA"), "title bar hides the damage: \(title)")
    }
}
