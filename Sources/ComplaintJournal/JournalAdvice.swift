/// Whether the journal's own words already say what to do: replaced segments and events lost since a
/// snapshot name their remedy (restore from a backup), so callers do not add "run `check --repair`" beside
/// it, which would not help.
public enum JournalAdvice {
    public static func namesItsRemedy(_ reasons: [String]) -> Bool {
        reasons.contains { $0.contains("from a backup") }
    }
}
