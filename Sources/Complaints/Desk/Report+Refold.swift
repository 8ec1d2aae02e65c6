import Foundation

extension Report {
    /// The report folded again with `late` among its events in sequence order. A journal whose lines were
    /// moved by hand hands an event over after later ones of its report (the scan applies it late); folding
    /// it on top would evolve the report out of order (a note before a disposition it followed, a status
    /// from the wrong step), so the report's events are replayed as they happened. The receipt stays first.
    func refolded(adding late: RecordedEvent) -> Report {
        guard let receipt = trail.first else { return self }
        var later = Array(trail.dropFirst())
        later.append(TrailEntry(seq: late.seq, at: late.at, actorRef: late.actorRef, event: late.event, visibility: .publik))
        later.sort { $0.seq < $1.seq }
        let received: Intake
        if case let .received(intake) = receipt.event { received = intake } else { received = intake }
        var report = Report(received: received, id: id,
                            recorded: RecordedEvent(seq: receipt.seq, id: "", reportID: id, at: receipt.at, actorRef: receipt.actorRef,
                                                    event: receipt.event))
        for entry in later {
            report.apply(RecordedEvent(seq: entry.seq, id: "", reportID: id, at: entry.at, actorRef: entry.actorRef, event: entry.event))
        }
        return report
    }
}
