import Foundation

/// Start-up milestones with their times since launch, appended to the file named by
/// `LAPOR_DESK_STARTUP_LOG` (nothing happens without it). For an administrator asking why a console starts
/// slowly, and for the tests that check the first frame came from the snapshot; the terminal belongs to
/// curses, so this never prints.
final class StartupLog {
    private let path: String?
    private let start = Date()

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = environment["LAPOR_DESK_STARTUP_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func note(_ what: String) {
        guard let path else { return }
        let line = String(format: "%.3f s: ", Date().timeIntervalSince(start)) + what + "\n"
        guard let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil)
            ? FileHandle(forWritingAtPath: path) : nil) else { return }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
