import Foundation
import XCTest

/// Hostile report text against the real binary: the bytes it writes to a real terminal (the console in
/// tmux, captured with `pipe-pane`; command-line output under a pseudo-terminal via `script`) and to
/// pipes never carry a control sequence that came from the data.
final class TerminalInjectionTests: DeskTestCase {
    /// Sequences a terminal would act on; ncurses itself never sends these, so finding one means data
    /// leaked: OSC (clipboard, title), device-status and title-report requests, 8-bit C1 controls, bidi.
    static let forbidden: [(String, [UInt8])] = [
        ("OSC (ESC ])", [0x1B, 0x5D]),
        ("CSI 6n device status request", Array("\u{1B}[6n".utf8)),
        ("CSI 21t title report request", Array("\u{1B}[21t".utf8)),
        ("C1 CSI U+009B", [0xC2, 0x9B]),
        ("C1 OSC U+009D", [0xC2, 0x9D]),
        ("RLO U+202E", [0xE2, 0x80, 0xAE]),
        ("LRI U+2066", [0xE2, 0x81, 0xA6]),
        ("NUL", [0x00]),
    ]

    static let payload = "\u{1B}]52;c;cm0gLXJmIH4=\u{07} \u{1B}]0;DIRETAS\u{07} \u{1B}]2;DIRETAS2\u{1B}\\ \u{1B}[6n \u{1B}[21t "
        + "\u{9B}31m \u{9D}0;x\u{9C} \u{202E}gnp.exe\u{202C} \u{2066}x\u{2069} NUL\u{00}END \u{7F}"

    func found(_ data: Data, in what: String) -> [String] {
        let bytes = [UInt8](data)
        return Self.forbidden.compactMap { name, needle in
            guard bytes.count >= needle.count else { return nil }
            for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle {
                return "\(what): \(name) at byte \(i)"
            }
            return nil
        }
    }

    /// One report whose title, body, reporter, location, tags and attachment names are hostile, plus a
    /// note; returns its id.
    func makeHostileDesk() throws -> String {
        try makeDesk()
        let h = Self.payload
        let object: [String: Any] = [
            "external_id": "X-1", "channel": "web", "title": "JUDUL " + h, "body": "ISI " + h + "\nbaris dua",
            "location": ["province": "DI Yogyakarta", "regency": "Kabupaten Sleman", "detail": "Detail " + h],
            "reporter": ["name": "Nama " + h, "nik": "3404012345670001", "phone": "+6281200000001", "email": "a@mail.example"],
            "tags": ["tag" + h], "attachments": [["name": "lampiran" + h + ".png", "ref": "sha256:" + h]],
        ]
        let line = try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8)
        let r = try expect(0, ["import", try writeFile("h.jsonl", line)])
        XCTAssertTrue(found(r.stderrData, in: "import messages").isEmpty)
        let id = try XCTUnwrap(try listJSON(["--as", "rina"]).first?["id"] as? String)
        try expect(0, ["act", id, "note", "--text", "CATATAN " + h, "--as", "rina"])
        return id
    }

    /// Output to pipes: text renderings are sanitized, JSON escapes controls, errors are sanitized.
    func testPipedOutputsAndErrorsCarryNoRawControls() throws {
        let id = try makeHostileDesk()
        var checked = 0
        for args in [["show", id], ["show", id, "--json"], ["list"], ["list", "--json"], ["list", "--search", "JUDUL"],
                     ["export"], ["export", "--public"], ["export", "--format", "open311"], ["stats"], ["check"]] {
            let r = try expect(0, args + ["--as", "rina"])
            XCTAssertEqual(found(r.stdoutData, in: args.joined(separator: " ")), [])
            XCTAssertEqual(found(r.stderrData, in: args.joined(separator: " ") + " (stderr)"), [])
            checked += r.stdoutData.count
        }
        let show = try expect(0, ["show", id, "--as", "rina"]).stdout
        XCTAssertTrue(show.contains("\u{241B}]52;c;"), "show prints the placeholder ␛ where the ESC was:\n\(show)")
        XCTAssertFalse(show.contains("\u{1B}"))
        // Errors quoting hostile input: a bad channel, an unknown operator, an unknown report id.
        let bad = try writeFile("bad.jsonl", Data("{\"channel\":\"\\u001b]52;c;eA==\\u0007\",\"body\":\"x\"}\n".utf8))
        let errors = [try desk(["import", bad]), try desk(["show", id, "--as", "\u{1B}]0;DIRETAS\u{07}"]),
                      try desk(["show", "\u{1B}[6n\u{9B}", "--as", "rina"]), try desk(["list", "--status", "\u{1B}]52;c;eA==\u{07}"])]
        for r in errors {
            XCTAssertNotEqual(r.code, 0, r.transcript)
            XCTAssertFalse(r.stderr.isEmpty, r.transcript)
            XCTAssertEqual(found(r.stderrData, in: "error: \(r.stderr)") + found(r.stdoutData, in: "error stdout"), [])
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    /// Raw data exports to a pipe stay exact (they are data), so the guard on terminals is what protects
    /// an officer who runs `export` without `-o`: under a pseudo-terminal nothing raw comes through.
    func testCommandLineUnderAPseudoTerminalPrintsPlaceholders() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("util-linux script missing") }
        let id = try makeHostileDesk()
        let csvToPipe = try expect(0, ["export", "--format", "csv", "--as", "rina"]).stdoutData
        XCTAssertFalse(found(csvToPipe, in: "csv to a pipe").isEmpty, "control: the raw CSV does carry the payload")
        let binary = try CLI.requireBinary().path
        for args in [["show", id], ["list"], ["export", "--format", "csv"], ["export"], ["list", "--json"], ["show", id, "--json"],
                     ["show", "\u{1B}]0;X\u{07}"]] {
            let command = ([binary] + args + ["--data", dataPath, "--as", "rina"]).map(shellQuote).joined(separator: " ")
            let out = scratch.appendingPathComponent("tty.out").path
            let code = Spawn.run(["/usr/bin/script", "-q", "-e", "-c", command, "/dev/null"], stdout: out,
                                 stderr: scratch.appendingPathComponent("tty.err").path, environment: CLI.environment(["TERM": "xterm"]))
            let data = FileManager.default.contents(atPath: out) ?? Data()
            XCTAssertFalse(data.isEmpty, "\(args): nothing captured (exit \(code))")
            XCTAssertEqual(found(data, in: "\(args) on a terminal"), [])
            XCTAssertFalse(data.contains(0x1B), "\(args): an ESC reached the terminal")
        }
    }

    /// The console in a real terminal: tmux records every byte it writes; with `set-clipboard on` an
    /// OSC 52 would land in tmux's paste buffers and an OSC 0/2 would change the pane title.
    func testConsoleBytesToTheTerminalCarryNoDataControls() throws {
        let id = try makeHostileDesk()
        let capture = scratch.appendingPathComponent("pane.bytes").path
        // The pause lets the options and the byte capture below be set before the console draws.
        let s = try openConsole("--as rina", before: "sleep 0.5")
        defer { s.kill() }
        try s.tmux(["set-option", "-g", "set-clipboard", "on"])
        try s.tmux(["pipe-pane", "-O", "cat >> '\(capture)'"])
        guard s.waitFor(text: "Kotak Masuk") else { return }
        try s.keys("5")
        guard s.waitFor(text: id) else { return }
        try s.keys("Enter")
        guard s.waitFor(text: "Esc kembali") else { return }
        for _ in 0..<40 { try s.keys("j") }
        guard s.waitFor(text: "CATATAN") else { return }
        // A key right after Escape would read as Alt+key, so each Escape is followed by a wait for its effect.
        try s.keys("Escape")
        guard s.waitFor(text: "Enter buka laporan") else { return }
        try s.keys("d")
        guard s.waitFor(text: "Enter disposisi") else { return }
        try s.keys("Escape")
        guard s.waitFor("routing closed", { !$0.contains("Enter disposisi") }) else { return }
        usleep(200_000)
        try s.keys("m")
        usleep(500_000)
        try s.keys("Escape")
        usleep(500_000)
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=") else { return }
        usleep(300_000)
        let bytes = FileManager.default.contents(atPath: capture) ?? Data()
        XCTAssertGreaterThan(bytes.count, 2000, "pipe-pane captured the console's output")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("\u{241B}"), "the ESC placeholder ␛ was drawn")
        XCTAssertEqual(found(bytes, in: "console bytes"), [])
        let buffers = try s.tmux(["list-buffers"]).out
        XCTAssertEqual(buffers.trimmingCharacters(in: .whitespacesAndNewlines), "", "an OSC 52 reached tmux's clipboard")
        let title = try s.tmux(["display-message", "-p", "#{pane_title}"]).out
        XCTAssertFalse(title.contains("DIRETAS"), "the pane title was changed to \(title)")
    }

    func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
