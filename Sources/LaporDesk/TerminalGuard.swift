import Foundation
import TextCanvas

/// The last line of defence between report data and the officer's terminal on the command line.
///
/// Standard output to a terminal gets every control, C1, bidi and invisible character replaced by a
/// visible placeholder (`Sanitize.text`), whatever the command printed (CSV, JSON lines, Open311 as well
/// as `show` and `list`), so an OSC 52 clipboard write or a title change in a complaint can never act.
/// To a pipe or file the bytes stay exact, because there they are data (JSON already escapes controls).
/// Messages on standard error are for people, so they are always made safe: a rejected import line
/// quoted in an error cannot act on a terminal or on whoever later reads the log with `cat`.
enum TerminalGuard {
    static func forStandardOutput(_ text: String, isTerminal: Bool = Output.stdoutIsTerminal) -> String {
        isTerminal ? safe(text) : text
    }

    static func forMessages(_ text: String) -> String { safe(text) }

    /// Keeps line breaks (as `\n`) and tabs; everything else dangerous becomes a placeholder.
    static func safe(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        // A byte-order mark (the monthly CSV starts with one) means nothing on a terminal: dropped, not shown.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        return body.split(separator: "\t", omittingEmptySubsequences: false).map { Sanitize.text($0) }.joined(separator: "\t")
    }
}
