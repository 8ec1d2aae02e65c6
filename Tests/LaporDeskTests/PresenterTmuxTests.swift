import Foundation
import XCTest

/// The real binary in tmux: `demo --presenter` shows the key strip, `+` advances the shared practice clock
/// (title bar and status line follow, the clock file is written), and `P` replays a report read only.
final class PresenterTmuxTests: DeskTestCase {
    func testPresenterStripAndClockAdvanceInTheRealConsole() throws {
        let s = try openConsole("demo --presenter --as rina", width: 80, height: 24)
        guard s.waitFor(text: "Jam latihan") else { return }
        guard s.waitFor(text: "Tombol:") else { return }
        try s.keys("j")
        guard s.waitFor(text: "j  ↓ turun") else { return }
        try s.keys("z")
        guard s.waitFor(text: "z  (tidak dipakai)") else { return }

        let titleBefore = s.screen().split(separator: "\n").first.map(String.init) ?? ""
        try s.keys("+")
        guard s.waitFor(text: "Jam latihan sekarang") else { return }
        let screen = s.screen()
        let title = screen.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertNotEqual(title, titleBefore, "the title bar clock moved")
        XCTAssertTrue(screen.contains("+  jam latihan +1 hari kerja"), screen)
        let clockFile = dataURL.appendingPathComponent("latihan/jam.toml")
        let clockText = try String(contentsOf: clockFile, encoding: .utf8)
        XCTAssertTrue(clockText.contains("selisih_detik = "), clockText)
        XCTAssertFalse(clockText.contains("selisih_detik = 0\n"), clockText)

        // Another process on the folder reads the same clock.
        let shown = try expect(0, ["clock", "show"])
        XCTAssertTrue(shown.stdout.contains("jam latihan"), shown.stdout)

        // Replay the selected report: banner, read only, Esc back.
        try s.keys("P")
        guard s.waitFor(text: "PUTAR ULANG #") else { return }
        try s.keys("d")
        guard s.waitFor(text: "hanya untuk melihat") else { return }
        try s.keys("Escape")
        guard s.waitFor("replay ended", { !$0.contains("PUTAR ULANG #") }) else { return }
        try s.keys("q")
        s.waitFor(text: "LAPOR_EXIT=0")
    }
}
