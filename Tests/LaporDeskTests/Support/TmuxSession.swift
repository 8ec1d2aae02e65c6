import Foundation
import XCTest

/// A private tmux server (own socket, no config) running one command in a pane of a given size.
final class TmuxSession {
    let socket: String
    private(set) var lastScreen = ""

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the server with `command` (run by the pane's shell). Throws XCTSkip when tmux is missing.
    init(socket: String, width: Int, height: Int, command: String) throws {
        guard Self.tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
        self.socket = socket
        let r = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        guard r.code == 0 else { throw NSError(domain: "tmux", code: Int(r.code), userInfo: [NSLocalizedDescriptionKey: r.err]) }
    }

    /// Runs `tmux -S socket ARGS`. Spawned directly, not with `Process`: `new-session` forks the tmux
    /// server, which inherits Foundation's exit-notification socket, so `Process` would never see the
    /// client exit.
    @discardableResult
    func tmux(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path
        let code = Spawn.run([Self.tmuxPath ?? "/usr/bin/tmux", "-S", socket] + args, stdout: outPath, stderr: errPath,
                             environment: CLI.environment())
        let o = FileManager.default.contents(atPath: outPath) ?? Data()
        let e = FileManager.default.contents(atPath: errPath) ?? Data()
        return (code, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func screen() -> String {
        let text = (try? tmux(["capture-pane", "-p"]).out) ?? ""
        lastScreen = text
        return text
    }

    /// Keys by name (`Enter`, `Escape`, `C-s`) or single characters.
    func keys(_ names: String...) throws { try tmux(["send-keys"] + names) }

    /// Literal text.
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    func resize(_ width: Int, _ height: Int) throws { try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"]) }

    func kill() { _ = try? tmux(["kill-server"]) }

    /// Polls the pane until `predicate` holds or `timeout` passes; on failure records the last screen.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if predicate(screen()) { return true }
            usleep(50_000)
        } while Date() < deadline
        XCTFail("timed out waiting for \(what); last screen:\n\(lastScreen)", file: file, line: line)
        return false
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }
}
