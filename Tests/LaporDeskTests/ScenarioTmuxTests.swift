import Foundation
import XCTest

/// The whole `dasar` lesson in the real binary and a real terminal: the strip follows every action, a
/// wrong move is explained, skip/back move the strip, and the lesson ends with its finished message.
final class ScenarioTmuxTests: DeskTestCase {
    func open(_ arguments: String) throws -> TmuxSession {
        try openConsole("demo " + arguments)
    }

    /// Opens a report by its number from the `:` prompt.
    func openReport(_ s: TmuxSession, _ id: String) throws {
        try s.keys(":")
        try s.type(id)
        try s.keys("Enter")
        s.waitFor("#\(id) in the detail pane") { $0.contains("#\(id) ·") }
    }

    /// Opens a report, disposes it to the rule's proposal (the routing pane's first line) and waits for the
    /// lesson to reach `step`; false (with the failure recorded) when a screen never came.
    func disposeToTheProposal(_ s: TmuxSession, _ id: String, hint: String, until step: String) throws -> Bool {
        try openReport(s, id)
        try s.keys("d")
        guard s.waitFor(text: hint) else { return false }
        try s.keys("Enter")
        return s.waitFor(text: step)
    }

    /// The trainer resets the practice folder from another shell while a trainee's console is open on it:
    /// the console notices, reopens the fresh desk (lesson back at step 1) in the language it was using and
    /// says why; saving works again on the fresh desk.
    func testAResetFromAnotherShellReopensTheOpenConsole() throws {
        let s = try open("--scenario dasar --lesson")
        guard s.waitFor(text: "PELAJARAN · Langkah 1/5") else { return }
        try s.keys("L")
        guard s.waitFor(text: "LESSON · Step 1/5") else { return }
        guard try disposeToTheProposal(s, "2600003", hint: "Enter dispose", until: "Step 2/5") else { return }
        try expect(0, ["demo", "--reset"])
        guard s.waitFor(text: "The trainer reset the practice desk; the console reopened it from the start.") else { return }
        XCTAssertTrue(s.lastScreen.contains("LESSON · Step 1/5"), s.lastScreen)
        XCTAssertFalse(s.lastScreen.contains("backup"), s.lastScreen)
        guard try disposeToTheProposal(s, "2600003", hint: "Enter dispose", until: "Step 2/5") else { return }
        XCTAssertTrue(s.lastScreen.contains("✓ Saved: #2600003 disposed to"), s.lastScreen)
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=") else { return }
        XCTAssertTrue(s.lastScreen.contains("LAPOR_EXIT=0"), s.lastScreen)
    }

    func testTheWholeDasarLessonInTheConsole() throws {
        let s = try open("--scenario dasar --lesson")
        guard s.waitFor(text: "PELAJARAN · Langkah 1/5") else { return }
        XCTAssertTrue(s.lastScreen.contains("LATIHAN"), "the screen says this is practice data")
        // Numbers follow receive order: #2600003 is the Puskesmas report the first step names.
        XCTAssertTrue(s.lastScreen.contains("Verifikasi laporan #2600003"), s.lastScreen)

        // 1. Dispose to the proposed agency (Pemkab Sleman).
        guard try disposeToTheProposal(s, "2600003", hint: "Enter disposisi", until: "Langkah 2/5") else { return }
        XCTAssertTrue(s.lastScreen.contains("✓ Tepat! Puskesmas dikelola pemerintah kabupaten"), s.lastScreen)

        // 2. Postpone the vague report with a question.
        try openReport(s, "2600004")
        try s.keys("t")
        guard s.waitFor(text: "Tunda (minta informasi) —") else { return }
        try s.type("Di kantor mana dan kapan kejadiannya?")
        try s.keys("C-s")
        guard s.waitFor(text: "Langkah 3/5") else { return }

        // 3. A wrong move first: archiving spam is explained, and the step stays.
        try openReport(s, "2600005")
        try s.keys("a")
        guard s.waitFor(text: "Arsipkan —") else { return }
        // The reason is asked for: Ctrl-S on "— pilih alasan —" saves nothing.
        try s.keys("C-s")
        guard s.waitFor(text: "Harus diisi: Alasan") else { return }
        try s.keys("Right")
        try s.keys("C-s")
        guard s.waitFor(text: "✗ Spam bukan laporan warga") else { return }
        XCTAssertTrue(s.lastScreen.contains("Langkah 3/5"), s.lastScreen)
        // The archived spam can no longer be deleted: the trainer skips the step and goes back to look.
        try s.keys("}")
        guard s.waitFor(text: "Langkah 4/5") else { return }
        try s.keys("{")
        guard s.waitFor(text: "Langkah 3/5") else { return }
        try s.keys("}")
        guard s.waitFor(text: "Langkah 4/5") else { return }

        // 4. Archive the private debt as not about public services (second reason in the list).
        try openReport(s, "2600001")
        try s.keys("a")
        guard s.waitFor(text: "Arsipkan —") else { return }
        try s.keys("Right", "Right")
        try s.keys("C-s")
        guard s.waitFor(text: "Langkah 5/5") else { return }

        // 5. Dispose the accessibility report to the proposed Pemkab Tangerang.
        guard try disposeToTheProposal(s, "2600002", hint: "Enter disposisi", until: "SELESAI 4/5") else { return }
        XCTAssertTrue(s.lastScreen.contains("Pelajaran selesai: 4 dari 5 langkah dikerjakan"), s.lastScreen)

        // Reset from the console: asks first, then the lesson starts over on a pristine desk.
        try s.keys("C-r")
        guard s.waitFor(text: "Ulang latihan dari awal?") else { return }
        try s.keys("y")
        guard s.waitFor(text: "PELAJARAN · Langkah 1/5") else { return }
        s.waitFor("five new reports again") { $0.contains("1 Baru (5)") }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=") else { return }
        XCTAssertTrue(s.lastScreen.contains("LAPOR_EXIT=0"), s.lastScreen)
    }
}
