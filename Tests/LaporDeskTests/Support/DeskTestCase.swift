import Foundation
import XCTest

/// A test with its own temporary folder and a desk data folder inside it (`dataPath`), not yet created.
class DeskTestCase: XCTestCase {
    var scratch: URL!
    var dataPath: String { scratch.appendingPathComponent("desk").path }
    var dataURL: URL { scratch.appendingPathComponent("desk") }
    var journalFile: URL { dataURL.appendingPathComponent("journal/000001.jsonl") }

    override func setUpWithError() throws {
        _ = try CLI.requireBinary()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for s in consoles { s.kill() }
        consoles = []
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Every tmux server `openConsole` started; killed when the test ends.
    private var consoles: [TmuxSession] = []

    /// Runs `lapor-desk ARGUMENTS --data DIR` in a private tmux server of `width`×`height`, standard error
    /// to `console.err` in the scratch folder. When the console exits the pane prints `LAPOR_EXIT=<code>`
    /// and stays open. `before` runs first in the pane's shell (e.g. a pause to set tmux options).
    func openConsole(_ arguments: String, width: Int = 120, height: Int = 40, before: String? = nil) throws -> TmuxSession {
        let binary = try CLI.requireBinary().path
        let socket = scratch.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).sock").path
        let command = (before.map { $0 + "; " } ?? "")
            + "TERM=tmux-256color SWIFT_BACKTRACE=enable=no '\(binary)' \(arguments) --data '\(dataPath)' 2>'\(scratch.path)/console.err';"
            + " echo LAPOR_EXIT=$?; exec sleep 600"
        let s = try TmuxSession(socket: socket, width: width, height: height, command: command)
        consoles.append(s)
        return s
    }

    /// Runs `lapor-desk ARGS --data DIR`.
    @discardableResult
    func desk(_ arguments: [String], stdin: Data? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        try CLI.run(arguments + ["--data", dataPath], stdin: stdin)
    }

    /// Runs and asserts the exit code, returning the result.
    @discardableResult
    func expect(_ code: Int32, _ arguments: [String], stdin: Data? = nil,
                file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let r = try desk(arguments, stdin: stdin)
        XCTAssertEqual(r.code, code, "lapor-desk \(arguments.joined(separator: " "))\n\(r.transcript)", file: file, line: line)
        return r
    }

    /// `init` plus the test roster.
    func makeDesk(file: StaticString = #filePath, line: UInt = #line) throws {
        try expect(0, ["init"], file: file, line: line)
        try Fixtures.roster.write(to: dataURL.appendingPathComponent("operator.toml"), atomically: true, encoding: .utf8)
    }

    /// Writes `text` to a file in the scratch folder and returns its path.
    func writeFile(_ name: String, _ bytes: Data) throws -> String {
        let u = scratch.appendingPathComponent(name)
        try bytes.write(to: u)
        return u.path
    }

    /// Records one report through `intake` and returns its tracking id.
    func intake(_ extra: [String], body: String = "Pelayanan puskesmas lambat, antrean sampai sore.",
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try expect(0, ["intake", "--channel", "web", "--body", body] + extra, file: file, line: line)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The journal's lines as JSON objects (asserting each parses).
    func journalObjects(file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let text = try String(contentsOf: journalFile, encoding: .utf8)
        var out: [[String: Any]] = []
        for (i, l) in text.split(separator: "\n").enumerated() {
            let obj = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]
            guard let obj else {
                XCTFail("\(journalFile.path):\(i + 1): not a JSON object", file: file, line: line)
                continue
            }
            out.append(obj)
        }
        return out
    }

    /// `list --json` as objects.
    func listJSON(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = try expect(0, ["list", "--json"] + extra, file: file, line: line)
        return try JSONLines.objects(r.stdout)
    }
}

enum JSONLines {
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { l in
            guard let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any] else {
                throw NSError(domain: "JSONLines", code: 1, userInfo: [NSLocalizedDescriptionKey: "not an object: \(l)"])
            }
            return o
        }
    }
}
