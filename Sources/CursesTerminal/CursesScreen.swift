import CNCursesW
import Glibc
import TextCanvas

/// The real terminal: ncursesw behind the `TerminalDevice` protocol.
///
/// It draws canvases (sanitized cells with style roles) through a palette, reads keys as `Key`s,
/// waits on extra descriptors (journal changes) and signals in one `poll(2)`, and restores the
/// terminal on every exit path: `stop()`, SIGINT/SIGTERM/SIGHUP (reported as events) and fatal
/// signals (restored by the signal guard before the process dies).
public final class CursesScreen: TerminalDevice {
    /// Colours the terminal can show (monochrome with `NO_COLOR`).
    public let colorDepth: ColorDepth
    /// Role → look. Changing it redraws everything on the next `draw`.
    public var palette: TerminalPalette {
        didSet {
            styleCache = [:]
            previous = nil
        }
    }

    let screen: OpaquePointer
    let inputFile: UnsafeMutablePointer<FILE>
    let outputFile: UnsafeMutablePointer<FILE>
    let inputFD: Int32
    let signalGuard: SignalGuard?
    let usesDefaultColors: Bool
    let mouseEnabled: Bool
    let bracketedPaste: Bool
    var previous: Canvas?
    var styleCache: [StyleRole: (attributes: attr_t, pair: Int32)] = [:]
    var cursorVisibility: Int32 = -1
    var stopped = false

    /// Starts curses on the options' descriptors. Throws when the terminal type is unknown.
    public init(options: CursesOptions = CursesOptions(), palette: TerminalPalette = .plain) throws {
        CursesScreen.ensureUTF8Locale()
        var signalGuard: SignalGuard?
        if options.handleSignals {
            guard let installed = SignalGuard(ttyFD: options.inputFD, outputFD: options.outputFD,
                                              handleShutdownSignals: true) else {
                throw CursesError.cannotInstallSignalHandlers
            }
            signalGuard = installed
        }
        let inFD = dup(options.inputFD)
        let outFD = dup(options.outputFD)
        guard inFD >= 0, outFD >= 0, let inFile = fdopen(inFD, "r"), let outFile = fdopen(outFD, "w") else {
            let code = errno
            if inFD >= 0 { close(inFD) }
            if outFD >= 0 { close(outFD) }
            signalGuard?.remove()
            throw CursesError.cannotOpen(fd: inFD < 0 ? options.inputFD : options.outputFD, errno: code)
        }
        let name = options.terminalName ?? CursesScreen.environment("TERM") ?? "dumb"
        guard let screen = newterm(name, outFile, inFile) else {
            fclose(inFile)
            fclose(outFile)
            signalGuard?.remove()
            throw CursesError.unknownTerminal(name)
        }
        // A terminal that cannot move the cursor (TERM=dumb, or TERM unset) would get one garbled line.
        guard CursesScreen.canAddressCursor() else {
            _ = endwin()
            delscreen(screen)
            fclose(inFile)
            fclose(outFile)
            signalGuard?.remove()
            throw CursesError.cannotMoveCursor(name)
        }
        self.screen = screen
        self.inputFile = inFile
        self.outputFile = outFile
        self.inputFD = inFD
        self.signalGuard = signalGuard
        self.palette = palette

        if CursesScreen.environment("ESCDELAY") == nil || options.escapeDelayMs != nil {
            _ = set_escdelay(Int32(options.escapeDelayMs ?? 25))
        }
        _ = raw()
        _ = noecho()
        _ = nonl()
        let window = lapor_stdscr()
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = intrflush(window, false)
        _ = leaveok(window, false)

        let noColor = options.noColor ?? !(CursesScreen.environment("NO_COLOR") ?? "").isEmpty
        var defaults = false
        if has_colors() && !noColor {
            _ = start_color()
            defaults = use_default_colors() == OK
        }
        self.usesDefaultColors = defaults
        self.colorDepth = ColorDepth.detect(hasColors: has_colors(), colors: Int(lapor_colors()), noColor: noColor)
        self.mouseEnabled = options.mouse
        self.bracketedPaste = options.bracketedPaste
        if options.bracketedPaste { writeDirectly("\u{1B}[?2004h") }
        if options.mouse {
            _ = mousemask(lapor_mouse_mask_wanted(), nil)
            _ = mouseinterval(0)
        }
    }

    /// Whether the current terminal's terminfo entry can place the cursor anywhere (`cup`).
    static func canAddressCursor() -> Bool {
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1
    }

    /// Current size in cells (already updated when `.key(.resize)` is delivered).
    public var size: Size { Size(width: Int(lapor_cols()), height: Int(lapor_lines())) }

    /// Makes the next `draw` repaint the whole terminal (e.g. after C-l or another program wrote on it).
    public func invalidate() {
        previous = nil
        lapor_clear_on_next_refresh()
    }

    /// Leaves curses and restores the terminal and the previous signal handlers. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if mouseEnabled { _ = mousemask(0, nil) }
        // Blank the screen first: a terminal grown while the console ran (tmux) kept the new rows of the
        // alternate screen after leaving it, so report text stayed visible after quitting (QA).
        let window = lapor_stdscr()
        _ = werase(window)
        _ = wrefresh(window)
        _ = endwin()
        if bracketedPaste { writeDirectly("\u{1B}[?2004l") }
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        signalGuard?.remove()
    }

    deinit { stop() }

    /// Gives the terminal back to the shell and stops the process, as C-z does in any full-screen program
    /// (curses reads keys raw, so the terminal sends no SIGTSTP itself; QA: C-z did nothing). The shell's
    /// `fg` resumes here, and the next `draw` repaints the whole screen.
    public func suspend() {
        guard !stopped else { return }
        _ = endwin()
        if bracketedPaste { writeDirectly("\u{1B}[?2004l") }
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        signal(SIGTSTP, previous)
        if bracketedPaste { writeDirectly("\u{1B}[?2004h") }
        invalidate()
        _ = wrefresh(lapor_stdscr())
    }

    /// Restores the terminal at once from anywhere (e.g. before printing a fatal error) without
    /// tearing curses down; harmless when no screen is active.
    public static func emergencyRestore() { SignalGuard.emergencyRestore() }

    /// Sends a control sequence curses has no function for, straight to the terminal.
    private func writeDirectly(_ sequence: String) {
        _ = fputs(sequence, outputFile)
        _ = fflush(outputFile)
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Wide characters need a UTF-8 locale; use the user's, or C.UTF-8 when theirs is not UTF-8.
    static func ensureUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? ""
        let lower = current.lowercased()
        if !(lower.contains("utf-8") || lower.contains("utf8")) {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
