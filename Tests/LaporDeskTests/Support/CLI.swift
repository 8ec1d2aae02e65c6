import Foundation
import XCTest

/// What one run of `lapor-desk` gave back.
struct RunResult {
    var code: Int32
    var stdoutData: Data
    var stderrData: Data
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    /// Both streams, for failure messages.
    var transcript: String { "exit \(code)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)" }
}

/// Finds and runs the real `lapor-desk` binary that `swift test` built next to the test bundle.
enum CLI {
    /// The built executable, or nil when it cannot be found.
    static let binary: URL? = locate()

    private final class BundleAnchor {}

    static func locate(filePath: String = #filePath) -> URL? {
        var candidates: [URL] = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle(for: BundleAnchor.self).bundleURL.deletingLastPathComponent(),
        ]
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent(".build/debug"))
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            let u = c.appendingPathComponent("lapor-desk")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return nil
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { "lapor-desk binary not found next to the test bundle or in .build/debug; `swift test` builds it" }
    }

    /// The binary, or an error that fails the test: a silent skip would hide the whole suite.
    static func requireBinary() throws -> URL {
        guard let binary else { throw BinaryMissing() }
        return binary
    }

    /// Environment for every child: no backtracer (it would hold a crashing child 30 s), no inherited
    /// data folder.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["LAPOR_DESK_DATA"] = nil
        env["XDG_DATA_HOME"] = nil
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs the binary with `arguments`, feeding `stdin`, with output captured through files (no pipe
    /// deadlocks). Kills the child after `timeout` seconds.
    static func run(_ arguments: [String], stdin: Data? = nil, env: [String: String] = [:],
                    timeout: TimeInterval = 60, in directory: URL? = nil) throws -> RunResult {
        let binary = try requireBinary()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        let inURL = scratch.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? out.close(); try? err.close(); try? input.close() }

        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.environment = environment(env)
        if let directory { p.currentDirectoryURL = directory }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                p.waitUntilExit()
                XCTFail("lapor-desk \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
                break
            }
            usleep(2_000)
        }
        p.waitUntilExit()
        return RunResult(code: p.terminationStatus,
                         stdoutData: (try? Data(contentsOf: outURL)) ?? Data(),
                         stderrData: (try? Data(contentsOf: errURL)) ?? Data())
    }
}
