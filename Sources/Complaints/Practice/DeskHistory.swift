import Foundation

/// A desk's history rebuilt from its reports' trails, and the desk as it stood after the first N events.
/// Why: replay must show every pane as it was at any step, on real desks too, without re-reading the
/// journal; every applied event is one trail entry, so the trails already hold the whole fold's input.
public enum DeskHistory {
    /// Every event the desk applied, in sequence order. Event ids are not kept in trails, so each gets
    /// `seq-N`; the fold never reads them. A redacted report's `received` event carries the redacted
    /// intake, so replay never brings erased personal data back.
    /// With `after`, only the events past that sequence (a lesson's progress since the desk was built).
    public static func events(of desk: Desk, after seq: UInt64 = 0) -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        if seq == 0 { out.reserveCapacity(desk.all.reduce(0) { $0 + $1.trail.count }) }
        for r in desk.all where r.lastSeq > seq { out += events(of: r, after: seq) }
        out.sort { $0.seq < $1.seq }
        return out
    }

    /// One report's events past `seq`, oldest first.
    public static func events(of report: Report, after seq: UInt64 = 0) -> [RecordedEvent] {
        report.trail.filter { $0.seq > seq }.map {
            RecordedEvent(seq: $0.seq, id: "seq-\($0.seq)", reportID: report.id, at: $0.at, actor: $0.actor, event: $0.event)
        }
    }

    /// The desk folded from the first `count` events of `history` (clamped to 0…history.count).
    public static func desk(_ history: [RecordedEvent], through count: Int) -> Desk {
        Desk(events: history.prefix(max(0, min(count, history.count))))
    }
}
