/// How `CursesScreen` starts; the defaults suit the real console on stdin/stdout.
public struct CursesOptions: Sendable {
    /// Terminal input (keys). Tests may pass a descriptor of /dev/null.
    public var inputFD: Int32 = 0
    /// Terminal output.
    public var outputFD: Int32 = 1
    /// terminfo name; nil uses `$TERM`.
    public var terminalName: String?
    /// Force colour off (true) or allow it (false); nil reads `NO_COLOR` from the environment.
    public var noColor: Bool?
    /// ESC delay in milliseconds; nil uses 25 unless the user set `ESCDELAY`.
    public var escapeDelayMs: Int?
    /// Report mouse clicks and wheel (off by default: it takes over the terminal's text selection).
    public var mouse: Bool = false
    /// Ask the terminal to mark pastes (`ESC [ ? 2004 h`), so pasted text arrives as one
    /// `.paste(text)` instead of keys that could run commands.
    public var bracketedPaste: Bool = true
    /// Install the fatal-signal restore and the SIGINT/SIGTERM/SIGHUP self-pipe.
    public var handleSignals: Bool = true

    public init(inputFD: Int32 = 0, outputFD: Int32 = 1, terminalName: String? = nil, noColor: Bool? = nil,
                escapeDelayMs: Int? = nil, mouse: Bool = false, bracketedPaste: Bool = true,
                handleSignals: Bool = true) {
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.terminalName = terminalName
        self.noColor = noColor
        self.escapeDelayMs = escapeDelayMs
        self.mouse = mouse
        self.bracketedPaste = bracketedPaste
        self.handleSignals = handleSignals
    }
}

/// Why the terminal could not be started.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// terminfo has no entry for this terminal, or it cannot be initialised.
    case unknownTerminal(String)
    /// The terminal type cannot position the cursor (`dumb`), so no screen can be drawn on it.
    case cannotMoveCursor(String)
    /// A descriptor could not be duplicated or opened.
    case cannotOpen(fd: Int32, errno: Int32)
    /// Signal handlers could not be installed.
    case cannotInstallSignalHandlers

    public var description: String {
        switch self {
        case .unknownTerminal(let name):
            return "cannot start the terminal '\(name)': no terminfo entry (check TERM)"
        case .cannotMoveCursor(let name):
            return "the terminal '\(name)' cannot move the cursor, which a full-screen console needs "
                + "(set TERM to your terminal, e.g. TERM=xterm-256color; scripts can use list, show, act or export)"
        case .cannotOpen(let fd, let code):
            return "cannot open terminal descriptor \(fd) (errno \(code))"
        case .cannotInstallSignalHandlers:
            return "cannot install signal handlers to restore the terminal"
        }
    }
}
