import CNCursesW
import Glibc
import TextCanvas

extension CursesScreen {
    /// Waits for a key, a shutdown signal, or input on `alsoWatch`, whichever comes first, for at
    /// most `timeoutMs` milliseconds (nil: no limit). Signals win over keys, keys over descriptors.
    /// A resize arrives as `.key(.resize)` with `size` already updated; end of input as `.closed`.
    public func nextEvent(timeoutMs: Int?, alsoWatch: [Int32]) -> TerminalEvent {
        guard !stopped else { return .closed }
        let deadline = timeoutMs.map { monotonicMs() + max(0, $0) }
        var idleWakeups = 0
        while true {
            if let signal = signalGuard?.takeShutdownSignal() { return .shutdownRequested(signal: signal) }
            if let key = takeKey() { return .key(key) }

            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)]
            if let pipeFD = signalGuard?.pipeReadFD, pipeFD >= 0 {
                fds.append(pollfd(fd: pipeFD, events: Int16(POLLIN), revents: 0))
            }
            let extraStart = fds.count
            fds.append(contentsOf: alsoWatch.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) })
            let wait = deadline.map { Int32(clamping: max(0, $0 - monotonicMs())) } ?? -1
            let result = poll(&fds, nfds_t(fds.count), wait)
            if result < 0 {
                if errno == EINTR { continue }  // SIGWINCH: takeKey() now sees KEY_RESIZE
                return .closed
            }
            if result == 0 {
                if let deadline, monotonicMs() >= deadline { return .timeout }
                continue
            }
            if let signal = signalGuard?.takeShutdownSignal() { return .shutdownRequested(signal: signal) }
            let inputEvents = fds[0].revents
            if inputEvents != 0 {
                if let key = takeKey() { return .key(key) }
                if inputEvents & Int16(POLLNVAL) != 0 { return .closed }
                // Readable but no key: end of file (or a hang-up) when it keeps happening.
                idleWakeups += 1
                if idleWakeups >= 3 { return .closed }
            }
            let ready = fds[extraStart...].filter { $0.revents != 0 }.map(\.fd)
            if !ready.isEmpty { return .ready(ready) }
        }
    }

    /// The next key ncurses has (it may already hold bytes read earlier), or nil without waiting.
    func takeKey() -> Key? {
        while let (status, code) = readRaw() {
            if status == KEY_CODE_YES && Int32(truncatingIfNeeded: code) == KEY_MOUSE {
                if let mouse = readMouse() { return .mouse(mouse) }
                continue
            }
            guard let key = CursesKeyMap.key(status: status, code: code) ?? extendedKey(status: status, code: code)
            else { continue }
            if key == .escape {
                if let resolved = keyAfterEscape() { return resolved }
                continue
            }
            return key
        }
        return nil
    }

    /// ESC immediately followed by a character is Alt+character; `ESC [` and `ESC O` start an escape
    /// sequence terminfo did not know (decoded when common, otherwise dropped: nil); anything else
    /// is put back and ESC stands alone.
    private func keyAfterEscape() -> Key? {
        guard let (status, code) = readRaw() else { return .escape }
        if status == OK && code == 0x5B { return readCSI() }
        if status == OK && code == 0x4F {
            guard let (finalStatus, final) = readRaw(), finalStatus == OK else { return .alt("O") }
            return CursesKeyMap.ss3Key(final: final)
        }
        if let next = CursesKeyMap.key(status: status, code: code), let alt = CursesKeyMap.altKey(afterEscape: next) {
            return alt
        }
        if status == KEY_CODE_YES {
            _ = ungetch(Int32(truncatingIfNeeded: code))
        } else {
            _ = unget_wch(wchar_t(bitPattern: code))
        }
        return .escape
    }

    /// Keys terminfo defines beyond the standard set (modified arrows and the like), by their name.
    private func extendedKey(status: Int32, code: UInt32) -> Key? {
        guard status == KEY_CODE_YES, let name = keyname(Int32(truncatingIfNeeded: code)) else { return nil }
        return CursesKeyMap.extendedKey(named: String(cString: name))
    }

    /// Reads the rest of `ESC [ …` up to its final byte (bytes already arrived with the sequence).
    private func readCSI() -> Key? {
        var parameters = ""
        for _ in 0..<32 {
            guard let (status, code) = readRaw() else { return .alt("[") }
            guard status == OK else { return nil }
            if (0x40...0x7E).contains(code) {
                if parameters == "200" && code == 0x7E { return readPaste() }
                return CursesKeyMap.csiKey(parameters: parameters, final: code)
            }
            guard (0x20...0x3F).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
            parameters.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Collects bracketed-paste text up to `ESC [ 201 ~` (or until input pauses, or 1 MiB).
    private func readPaste() -> Key? {
        let terminator = Array("\u{1B}[201~".unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 1 << 20 {
            guard let (status, code) = readRawWaiting(milliseconds: 200) else { break }
            guard status == OK, let scalar = Unicode.Scalar(code) else { continue }
            scalars.append(scalar)
            if scalars.count >= terminator.count && Array(scalars.suffix(terminator.count)) == terminator {
                scalars.removeLast(terminator.count)
                break
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return .paste(String(text))
    }

    private func readRawWaiting(milliseconds: Int32) -> (Int32, UInt32)? {
        if let raw = readRaw() { return raw }
        var fd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, milliseconds) > 0 else { return nil }
        return readRaw()
    }

    private func readRaw() -> (Int32, UInt32)? {
        guard let window = lapor_stdscr() else { return nil }
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        return (status, UInt32(code))
    }

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let button: MouseEvent.Button
        switch lapor_mouse_button(event.bstate) {
        case 1: button = .left
        case 2: button = .middle
        case 3: button = .right
        case 4: button = .scrollUp
        case 5: button = .scrollDown
        default: button = .other
        }
        return MouseEvent(button: button, at: Point(x: Int(event.x), y: Int(event.y)))
    }

    private func monotonicMs() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
