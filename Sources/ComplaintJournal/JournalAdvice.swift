/// Whether the journal's own words already say what to do: replaced segments and events lost since a
/// snapshot name their remedy (restore from a backup), so callers do not add "run `check --repair`" beside
/// it, which would not help.
public enum JournalAdvice {
    /// The words every such reason ends its remedy with; the messages are built with it, so the test below
    /// cannot drift from them.
    static let restoreFromBackup = "from a backup"

    public static func namesItsRemedy(_ reasons: [String]) -> Bool {
        reasons.contains { $0.contains(restoreFromBackup) }
    }
}
