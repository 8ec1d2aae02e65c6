import Foundation
import XCTest

/// A running `JournalTorture` child process with its output captured, for the kill and
/// concurrency harnesses.
struct TortureChild {
    var tag: String
    var process: Process
    /// Files, not pipes: a child printing thousands of lines must never block on a full pipe.
    var output: URL
    var errors: URL

    /// The `JournalTorture` binary, built by `swift test` next to the test bundle; a missing binary
    /// is a failure, not a skip.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("JournalTorture"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("JournalTorture"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("JournalTorture"))
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/JournalTorture"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            XCTFail("JournalTorture not built; looked in \(candidates.map(\.path))")
            throw CocoaError(.fileNoSuchFile)
        }
        return found
    }

    static func launch(_ binary: URL, tag: String, arguments: [String], scratch: URL) throws -> TortureChild {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let output = scratch.appendingPathComponent("\(tag).out")
        let errors = scratch.appendingPathComponent("\(tag).err")
        for file in [output, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let outputHandle = try FileHandle(forWritingTo: output)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        return TortureChild(tag: tag, process: process, output: output, errors: errors)
    }

    /// Everything the child printed, after it ended (killed or not).
    func finish() -> (lines: [Substring], errors: String) {
        process.waitUntilExit()
        let data = (try? Data(contentsOf: output)) ?? Data()
        let errorData = (try? Data(contentsOf: errors)) ?? Data()
        let text = String(decoding: data, as: Unicode.UTF8.self)
        return (text.split(separator: "\n"), String(decoding: errorData, as: Unicode.UTF8.self))
    }

    /// A positive integer from the environment (budgets CI can lower), else `fallback`.
    static func budget(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? fallback
    }
}
