import CursesTerminal
import Foundation
import Glibc
import TextCanvas
import XCTest

/// Runs this test binary again as a child on a pseudo-terminal, lets it crash or be terminated
/// while curses is active, and checks that the terminal settings and visible cursor come back.
final class SignalRestoreTests: XCTestCase {
    private static let roleVariable = "LAPOR_SIGNAL_CHILD"

    // MARK: - Child side (does nothing unless started by the parent tests)

    func testChildBody() throws {
        guard let role = ProcessInfo.processInfo.environment[Self.roleVariable] else { return }
        let screen = try CursesScreen(options: CursesOptions(terminalName: "xterm-256color"))
        var canvas = Canvas(size: screen.size)
        canvas.put("CHILD READY", at: .zero, role: .plain)
        if role == "box" { canvas.box(Rect(x: 0, y: 2, width: 4, height: 3), role: .plain) }
        screen.draw(canvas)
        switch role {
        case "crash":
            preconditionFailure("deliberate crash while curses is active")
        case "box":
            screen.stop()
        case "keys":
            var names: [String] = []
            while names.count < 10 {
                let event = screen.nextEvent(timeoutMs: 10_000, alsoWatch: [])
                guard case .key(let key) = event else {
                    names.append("\(event)")
                    break
                }
                switch key {
                case .resize: names.append("Resize=\(screen.size)")
                case .paste(let text): names.append("Paste=\(text.debugDescription)")
                default: names.append(key.name)
                }
            }
            screen.stop()
            let line = "KEYS " + names.joined(separator: " ") + "\n"
            _ = line.withCString { write(1, $0, strlen($0)) }
        default:
            while true {
                let event = screen.nextEvent(timeoutMs: 10_000, alsoWatch: [])
                if case .shutdownRequested(let signal) = event {
                    screen.stop()
                    let line = "SHUTDOWN \(signal)\n"
                    _ = line.withCString { write(1, $0, strlen($0)) }
                    return
                }
                if event == .timeout { break }
            }
            screen.stop()
            XCTFail("no shutdown event arrived")
        }
    }

    // MARK: - Parent side

    func testFatalTrapRestoresTerminal() throws {
        let run = try runChild(role: "crash") { _, _ in }
        XCTAssertTrue(run.terminatedBySignal, "child should die from its trap; output: \(run.output)")
        XCTAssertTrue(run.echoAndCanonicalRestored, "termios left raw")
        let tail = run.output.components(separatedBy: "CHILD READY").last ?? ""
        XCTAssertTrue(tail.contains("\u{1B}[?25h"), "cursor not made visible after the crash")
        XCTAssertTrue(tail.contains("\u{1B}[?1049l"), "alternate screen not left after the crash")
    }

    func testTerminationSignalIsDeliveredAsShutdownEvent() throws {
        let run = try runChild(role: "term") { pid, _ in kill(pid, SIGTERM) }
        XCTAssertFalse(run.terminatedBySignal, "child should shut down cleanly; output: \(run.output)")
        XCTAssertTrue(run.output.contains("SHUTDOWN \(SIGTERM)"), run.output)
        XCTAssertTrue(run.echoAndCanonicalRestored, "termios left raw")
    }

    func testKeysArriveThroughRealCurses() throws {
        let run = try runChild(role: "keys") { pid, master in
            func send(_ text: String) {
                _ = text.withCString { write(master, $0, strlen($0)) }
                usleep(150_000)  // longer than ESCDELAY, so each write is read on its own
            }
            send("j")
            send("\u{1B}OA")  // cursor up as terminfo says (application mode after smkx)
            send("\u{1B}[B")  // cursor down in normal mode: not in terminfo, decoded as a fallback
            send("\u{1B}[1;5C")  // Ctrl+Right: reported as Right
            send("\u{1B}[99;9~")  // unknown: dropped, no stray letters
            send("\u{1B}x")  // Alt+x
            send("漢")
            send("\u{3}")  // C-c arrives as a key in raw mode
            send("\u{1B}")  // a lone Esc
            send("\u{1B}[200~q\rb漢\u{1B}[201~")  // bracketed paste: "q" must not arrive as a key
            var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)
            kill(pid, SIGWINCH)
        }
        XCTAssertTrue(run.output.contains("KEYS j Up Down Right M-x 漢 C-c Esc Paste=\"q\\rb漢\" Resize=100x30"), run.output)
        XCTAssertTrue(run.echoAndCanonicalRestored, "termios left raw")
        XCTAssertTrue(run.output.contains("\u{1B}[?2004h"), "bracketed paste not requested")
        XCTAssertTrue(run.output.contains("\u{1B}[?2004l"), "bracketed paste not switched off")
    }

    func testBoxDrawingReachesTheTerminal() throws {
        let run = try runChild(role: "box") { _, _ in }
        // Cells carry Unicode line drawing, so even with TERM=xterm-256color (whose ACS would give
        // `lqqk`) the terminal receives `┌──┐`.
        XCTAssertTrue(run.output.contains("┌──┐"), run.output.debugDescription)
        XCTAssertTrue(run.output.contains("└──┘"), run.output.debugDescription)
    }

    private struct ChildRun {
        var output: String
        var terminatedBySignal: Bool
        var echoAndCanonicalRestored: Bool
    }

    /// Starts the child on a fresh pty, calls `whenReady(pid, master)` once it has drawn, and
    /// collects its output until it exits.
    private func runChild(role: String, whenReady: (pid_t, Int32) -> Void) throws -> ChildRun {
        // posix_openpt and friends are hidden from Swift's Glibc module; use the Linux ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw XCTSkip("no pseudo-terminal available") }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
        let getNumber: UInt = 0x8004_5430  // TIOCGPTN
        guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw XCTSkip("cannot unlock the pseudo-terminal")
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw XCTSkip("cannot open pty slave") }
        defer { close(slave) }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment[Self.roleVariable] = role
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["TERM"] = "xterm-256color"
        let arguments = [executable, "CursesTerminalTests.SignalRestoreTests/testChildBody"]
        let pid = try spawn(executable, arguments: arguments,
                            environment: environment.map { "\($0.key)=\($0.value)" }, stdio: slave)

        var output = [UInt8]()
        var signalled = false
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(30)
        var exited = false
        while Date() < deadline {
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, 50) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count > 0 { output.append(contentsOf: buffer[0..<count]) }
            }
            let text = String(decoding: output, as: UTF8.self)
            if !signalled, text.contains("CHILD READY") {
                signalled = true
                whenReady(pid, master)
            }
            if exited { break }
            if waitpid(pid, &status, WNOHANG) == pid { exited = true }  // one more read round after exit
        }
        if !exited {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            XCTFail("child did not finish; output: \(String(decoding: output, as: UTF8.self))")
        }
        var settings = termios()
        _ = tcgetattr(slave, &settings)
        let flags = tcflag_t(ECHO) | tcflag_t(ICANON)
        let bySignal = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return ChildRun(output: String(decoding: output, as: UTF8.self), terminatedBySignal: bySignal,
                        echoAndCanonicalRestored: settings.c_lflag & flags == flags)
    }

    private func spawn(_ path: String, arguments: [String], environment: [String], stdio: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, stdio, target) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw XCTSkip("cannot spawn the test binary again (error \(result))") }
        return pid
    }
}
