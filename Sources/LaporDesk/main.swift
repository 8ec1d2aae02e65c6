import ArgumentParser
import Foundation

// Exit codes are a contract (formats.md §1): 0 success, 1 some input rejected, 2 usage error,
// 3 data folder damaged or locked. ArgumentParser's own usage code (64) is mapped to 2.
// SIGQUIT means "quit now": the default action, not the Swift backtracer's interactive crash report (which
// held an import, and the journal lock, for 30 s). The console still restores the terminal first.
signal(SIGQUIT, SIG_DFL)
do {
    var command = try LaporDeskCLI.parseAsRoot()
    try RepeatedOptions.check(command, arguments: Array(CommandLine.arguments.dropFirst()))
    try command.run()
} catch let fail as Fail {
    if !fail.message.isEmpty { Output.error(fail.message) }
    exit(fail.code)
} catch {
    let code = LaporDeskCLI.exitCode(for: error)
    let message = LaporDeskCLI.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { Output.error(message) }
    if code == .validationFailure { exit(2) }
    exit(code.rawValue)
}
