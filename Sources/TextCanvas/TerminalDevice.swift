/// What a terminal hands the run loop when it wakes up.
public enum TerminalEvent: Hashable, Sendable {
    /// A key was pressed (or the terminal was resized: `.key(.resize)`).
    case key(Key)
    /// One or more of the extra watched file descriptors became readable (e.g. the journal changed).
    case ready([Int32])
    /// Nothing happened within the timeout (time for a clock tick).
    case timeout
    /// SIGINT, SIGTERM or SIGHUP arrived: save what must be saved and quit cleanly.
    case shutdownRequested(signal: Int32)
    /// Input is gone for good (end of file, or a scripted terminal ran out of steps): quit.
    case closed
}

/// The seam between the console runtime and a real terminal, so the runtime can be driven by a
/// `ScriptedTerminal` in tests and by curses in the executable.
public protocol TerminalDevice: AnyObject {
    /// Current size in cells; read it again after `.key(.resize)`.
    var size: Size { get }
    /// Shows a whole frame, placing the hardware cursor at `canvas.cursor`.
    func draw(_ canvas: Canvas)
    /// Waits up to `timeoutMs` milliseconds (nil: forever) for a key, a signal, or input on one of
    /// `alsoWatch`'s file descriptors.
    func nextEvent(timeoutMs: Int?, alsoWatch: [Int32]) -> TerminalEvent
    /// Stops the program until the shell resumes it (C-z), giving the terminal back meanwhile.
    func suspend()
}

extension TerminalDevice {
    /// Stops the program until the shell resumes it (C-z); a device without job control does nothing.
    public func suspend() {}

    /// Convenience for callers that only want keys: the next key, or nil for any other event.
    public func readKey(timeoutMs: Int?) -> Key? {
        if case .key(let key) = nextEvent(timeoutMs: timeoutMs, alsoWatch: []) { return key }
        return nil
    }
}
