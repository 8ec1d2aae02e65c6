import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Start-up milestones with their times since launch, appended to the file named by
/// `LAPOR_DESK_STARTUP_LOG` (nothing happens without it). For an administrator asking why a console starts
/// slowly, and for the tests that check the first frame came from the snapshot. Never prints (curses owns
/// the terminal) and never fails the console: a file that cannot be opened or written is ignored, a FIFO
/// without a reader does not block, and consoles sharing the file append whole lines. A running console
/// also notes there what became of the snapshot writes it started (`SnapshotRefresher`), from any thread.
final class StartupLog: Sendable {
    private let path: String?
    private let start = Date()

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = environment["LAPOR_DESK_STARTUP_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func note(_ what: String) {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((String(format: "%.3f s: ", Date().timeIntervalSince(start)) + what + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
