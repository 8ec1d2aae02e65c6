import Complaints
import Foundation

/// Stepping through history: the desk's whole journal or one report's events, with the console as it was
/// after event N. Why: trainers show how a report moved, and officers on real desks can see who did what
/// when, without changing anything (replay is read only).
public struct ReplayState: Sendable {
    public enum Scope: Sendable, Hashable {
        case desk
        case report(ReportID)
    }

    public var scope: Scope
    /// Every event of the desk in sequence order (rebuilt from the trails, see `DeskHistory`).
    public let history: [RecordedEvent]
    /// Indices into `history` the officer steps through: all of them, or the report's own.
    public let stops: [Int]
    /// 1-based step (N of M).
    public var position: Int
    /// How many events of `history` the shown desk has folded (forward steps fold only the difference).
    var folded: Int
    /// The console as it was before replay began, restored on Esc; other consoles' events land here.
    public var live: LiveConsole

    public init(scope: Scope, history: [RecordedEvent], stops: [Int], position: Int, live: LiveConsole) {
        self.scope = scope
        self.history = history
        self.stops = stops
        self.position = min(max(1, position), max(1, stops.count))
        self.folded = 0
        self.live = live
    }

    public var total: Int { stops.count }

    /// The event the screen shows the state after.
    public var current: RecordedEvent? {
        stops.indices.contains(position - 1) ? history[stops[position - 1]] : nil
    }

    /// Events of `history` folded into the desk shown at `position`.
    public var foldCount: Int { stops.indices.contains(position - 1) ? stops[position - 1] + 1 : 0 }
}

/// What replay puts aside and gives back.
public struct LiveConsole: Sendable {
    public var desk: Desk
    public var now: Date
    public var inbox: InboxState
    public var detail: DetailState
    public var routing: RoutingState
    public var focus: Pane
}
