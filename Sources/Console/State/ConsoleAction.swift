import Complaints
import Foundation
import TextCanvas

/// Everything that can happen to the console: keys, resizes, time, other consoles' events, and the
/// answers to its own requests.
public enum ConsoleAction: Sendable {
    case key(Key)
    case resize(Size)
    case tick(Date)
    /// Events other processes appended (already durable), in sequence order.
    case journalEvents([RecordedEvent])
    /// Answers to `ConsoleEffect.perform`, in request order.
    case performed([DeskOutcome])
    case health(JournalHealthView)
    /// The practice clock moved (or could not), answering `ConsoleEffect.advanceClock`.
    case practiceClock(PracticeClockOutcome)
    /// The practice desk was reset from elsewhere (`lapor-desk demo --reset`): what is on screen is gone.
    case practiceDeskReset
    /// The officer's action is about to wait for the journal, which this process (named) is writing to.
    case waitingForJournal(holder: String)
    /// The desk's holiday lists or deadline limits were edited under the console.
    case deadlineRules(DeadlineRulesChange)
    /// The desk's reference data (`referensi/`: agencies, topics, regions, routing rules) was edited.
    case referenceData(ReferenceChange)
    /// The lines a start from the projection snapshot trusted failed their check: reopen from the journal.
    case snapshotWasWrong
}

/// What the runtime must do for the reducer. Plain data, so reducer tests compare them.
public enum ConsoleEffect: Sendable, Hashable {
    /// Decide and append, under the journal lock; answers come back as `.performed`.
    case perform([DeskRequest])
    case quit
    /// Stop the process until the shell's `fg` (C-z); the terminal is given back meanwhile.
    case suspend
    /// Move the practice desk's simulated clock (bimtek); the answer comes back as `.practiceClock`.
    case advanceClock(PracticeClockStep)
}

/// One command on one report, as the operator saw it.
public struct DeskRequest: Sendable, Hashable {
    public var reportID: ReportID
    public var command: Command
    public var expectedVersion: Int?

    public init(reportID: ReportID, command: Command, expectedVersion: Int?) {
        self.reportID = reportID
        self.command = command
        self.expectedVersion = expectedVersion
    }
}

/// The journal's answer to one request.
public struct DeskOutcome: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        /// Durable: these events are on disk.
        case recorded([RecordedEvent])
        case refused(Refusal)
        /// The journal could not write (disk full, read-only...), said in both languages.
        case failed(Localized)
        /// Another process held the journal longer than the console waits: nothing written; try again.
        case busy(holder: String?, waitedSeconds: Double)
    }

    public var request: DeskRequest
    public var result: Result
    /// Other writers' events the journal caught up on before deciding this request (whatever the result):
    /// they precede the recorded events and must reach the console's desk too.
    public var caughtUp: [RecordedEvent]
    /// Where the journal put a torn line another process left at its end (`quarantine/….torn`), set aside
    /// before this request was written: that process never finished its write, and the officer is told.
    public var setAside: [String]

    public init(request: DeskRequest, result: Result, caughtUp: [RecordedEvent] = [], setAside: [String] = []) {
        self.request = request
        self.result = result
        self.caughtUp = caughtUp
        self.setAside = setAside
    }
}
