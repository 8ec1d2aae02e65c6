import CNCursesW
import Glibc

/// Keeps the terminal usable when the process dies or is asked to stop.
///
/// Fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP: Swift traps; SIGQUIT) restore the
/// termios saved before curses started and write reset sequences with async-signal-safe calls,
/// then re-raise to the previous handler (Swift's backtracer or the default). SIGINT, SIGTERM and
/// SIGHUP only write their number to a self-pipe, so the run loop can shut down cleanly.
///
/// This is the only Swift file that may call the shim's signal functions: their state is
/// file-static in the header and every object file would get its own copy.
final class SignalGuard {
    /// Read end of the self-pipe; readable when a shutdown signal arrived.
    let pipeReadFD: Int32
    private let pipeWriteFD: Int32
    private var active = true

    /// Installs the handlers; `ttyFD` is the terminal whose settings are saved, `outputFD` where
    /// reset sequences go. Returns nil when the handlers cannot be installed.
    init?(ttyFD: Int32, outputFD: Int32, handleShutdownSignals: Bool) {
        var fds: [Int32] = [-1, -1]
        if handleShutdownSignals {
            guard pipe(&fds) == 0 else { return nil }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        pipeReadFD = fds[0]
        pipeWriteFD = fds[1]
        guard lapor_install_signal_guard(ttyFD, outputFD, pipeWriteFD) == 0 else {
            lapor_remove_signal_guard()
            if pipeReadFD >= 0 { close(pipeReadFD) }
            if pipeWriteFD >= 0 { close(pipeWriteFD) }
            return nil
        }
    }

    /// The pending shutdown signal, if one arrived (consumes it).
    func takeShutdownSignal() -> Int32? {
        guard pipeReadFD >= 0 else { return nil }
        var byte: UInt8 = 0
        let count = read(pipeReadFD, &byte, 1)
        return count == 1 ? Int32(byte) : nil
    }

    /// Restores the terminal right now (used before printing a fatal error message).
    static func emergencyRestore() { lapor_emergency_restore() }

    /// Puts the previous handlers back and closes the pipe.
    func remove() {
        guard active else { return }
        active = false
        lapor_remove_signal_guard()
        if pipeReadFD >= 0 { close(pipeReadFD) }
        if pipeWriteFD >= 0 { close(pipeWriteFD) }
    }

    deinit { remove() }
}
