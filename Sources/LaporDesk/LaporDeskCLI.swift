import ArgumentParser

/// `lapor-desk`: the complaint desk's console and command line (formats.md §1).
struct LaporDeskCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lapor-desk",
        abstract: "LaporDesk — meja pengaduan SP4N-LAPOR! (console and command line).",
        discussion: """
        Without a subcommand, opens the console on the data folder. `lapor-desk demo` opens a practice desk.
        Exit codes: 0 success, 1 some input rejected, 2 usage error, 3 data folder damaged or locked.
        """,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, InitCommand.self, IntakeCommand.self, ImportCommand.self,
            ListCommand.self, ShowCommand.self, StatsCommand.self, ExportCommand.self, CheckCommand.self,
            ActCommand.self, SweepCommand.self, GenerateCommand.self, BenchCommand.self, ScenarioCommand.self, ClockCommand.self,
            SnapshotCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// `--data` and `--as`, shared by every subcommand.
struct DeskOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (default: $LAPOR_DESK_DATA, $XDG_DATA_HOME/lapor-desk, ~/.local/share/lapor-desk).")
    var data: String?

    @Option(name: .customLong("as"), help: "Operator name from the desk's roster (operator.toml).")
    var operatorName: String?

    /// An empty `--data ""` (an unset variable in a script) would otherwise fall back to the default desk
    /// and write into another desk than the one meant.
    func validate() throws {
        if let data, data.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--data: the folder path is empty")
        }
    }
}
