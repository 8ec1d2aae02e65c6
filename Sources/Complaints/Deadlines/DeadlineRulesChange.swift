/// The desk's deadline rules edited under a running console (`DeadlineRulesSource` watches the files).
public enum DeadlineRulesChange: Sendable {
    /// The files changed and read cleanly: these are the desk's rules now.
    case reloaded(Deadlines)
    /// The files changed but hold mistakes (each with file and line): the rules in use stay.
    case refused([String])
}
