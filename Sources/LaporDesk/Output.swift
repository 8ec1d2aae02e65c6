import Foundation
import TextCanvas

/// Standard output and error, line by line. Errors go to standard error as `PATH:LINE: message`.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalGuard.forStandardOutput(text) + "\n").utf8))
    }

    static func raw(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalGuard.forStandardOutput(text).utf8))
    }

    static func error(_ text: String) {
        let safe = TerminalGuard.forMessages(text)
        FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}

/// Exit with a contract code after saying why.
struct Fail: Error {
    var code: Int32
    var message: String
}

extension Fail {
    static func usage(_ m: String) -> Fail { Fail(code: 2, message: m) }
    static func damaged(_ m: String) -> Fail { Fail(code: 3, message: m) }
    static func rejected(_ m: String) -> Fail { Fail(code: 1, message: m) }
}
