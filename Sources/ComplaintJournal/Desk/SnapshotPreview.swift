import Complaints
import Foundation

/// A desk half opened: settings, reference data and journal are ready and the journal accepted the
/// projection snapshot, but the desk itself is not decoded yet. Handed to `OpenedDesk.open(beforeDecoding:)`
/// so the console can draw its first inbox frame from the snapshot's inbox rows and the few reports on
/// screen (milliseconds) before decoding 200,000 reports. Events after the snapshot are folded into the
/// reports they touch and their rows, so the frame is the journal's as it stands.
public final class SnapshotPreview {
    public let folder: DeskFolder
    public let settings: DeskSettings
    public let roster: Roster
    public let reference: ReferenceData
    public let deadlines: Deadlines
    public let journalHealth: JournalHealth
    public let recovery: RecoveryReport
    /// Sequence number of the journal's last event: the desk the frame shows.
    public let lastSeq: UInt64
    let snapshot: MappedSnapshot
    let journal: FileJournal
    /// Names the deadline rules this desk has now (`OpenedDesk.inboxRowRules`).
    let rulesKey: String
    /// Reports changed or added by events after the snapshot, by position, and the desk's anomalies then.
    private var later: (reports: [Int: Report], anomalies: [Desk.Anomaly])?

    /// More events after the snapshot than this and the desk is decoded before the first frame (a writer
    /// console rewrites the snapshot once it is 2,000 or more events behind, at start-up or while it runs).
    static let laterEventLimit = 20_000

    init(folder: DeskFolder, settings: DeskSettings, roster: Roster, reference: ReferenceData, deadlines: Deadlines,
         recovery: RecoveryReport, snapshot: MappedSnapshot, journal: FileJournal, rulesKey: String) {
        self.folder = folder
        self.settings = settings
        self.roster = roster
        self.reference = reference
        self.deadlines = deadlines
        journalHealth = journal.healthSoFar
        self.recovery = recovery
        lastSeq = journal.lastSequence
        self.snapshot = snapshot
        self.journal = journal
        self.rulesKey = rulesKey
    }

    /// Every report's inbox row as the journal stands; nil when the snapshot's rows were computed with
    /// other deadline rules (limits or holidays edited since), cannot be read, or too many events (or
    /// one that cannot be read) follow the snapshot. The caller then waits for the desk.
    public func inboxSeed() -> InboxSeed? {
        let from = snapshot.resume.lastSeq
        // Too many to fold for a first frame: known before the rows are decoded.
        guard lastSeq <= from || lastSeq - from <= UInt64(Self.laterEventLimit) else { return nil }
        // Each later event receives at most one report: room for them all beside the rows.
        let spare = lastSeq > from ? Int(lastSeq - from) : 0
        guard var seed = try? snapshot.inboxSeed(rulesKey: rulesKey, spareRows: spare) else { return nil }
        guard lastSeq > from else {
            guard let anomalies = try? snapshot.partialDesk([]).anomalies else { return nil }
            later = ([:], anomalies)
            return seed
        }
        var events: [RecordedEvent] = []
        var readable = true
        try? journal.forEachRecorded(after: from) { result in
            switch result {
            case let .success(e): events.append(e)
            case .failure: readable = false
            }
        }
        guard readable, events.last?.seq == lastSeq else { return nil }
        // The touched reports as the snapshot has them, with the later events folded in as the desk does.
        let positions = seed.positions(of: Set(events.map(\.reportID)))
        let byPosition = positions.sorted { $0.value < $1.value }
        guard let touched = try? snapshot.reports(at: byPosition.map { seed.locations[$0.value] }, textSource: journal.textStore),
              touched.map(\.id) == byPosition.map(\.key), var desk = try? snapshot.partialDesk(touched) else { return nil }
        desk.apply(events)
        var changed: [Int: Report] = [:]
        var added: [Report] = []
        for report in desk.all {
            if let p = positions[report.id] { changed[p] = report } else { added.append(report) }
        }
        let known = seed.count
        seed.update(changed, appending: added, deadlines: deadlines)
        for (k, report) in added.enumerated() { changed[known + k] = report }
        later = (changed, desk.anomalies)
        return seed
    }

    /// A desk holding only the reports at `positions` of `seed` (from `inboxSeed`), with the whole desk's
    /// last sequence and anomalies: what the first frame shows. Nil when any of them cannot be read.
    public func partialDesk(positions: [Int], of seed: InboxSeed) -> Desk? {
        guard let later else { return nil }
        let sorted = positions.filter { $0 >= 0 && $0 < seed.count }.sorted()
        let fromSnapshot = sorted.filter { later.reports[$0] == nil }
        guard let decoded = try? snapshot.reports(at: fromSnapshot.map { seed.locations[$0] }, textSource: journal.textStore)
        else { return nil }
        // Each report must be the one its row names (rows and chunks come from one snapshot write).
        guard decoded.map(\.id) == fromSnapshot.map({ seed.id(at: $0) }) else { return nil }
        var next = decoded.makeIterator()
        let reports = sorted.compactMap { later.reports[$0] ?? next.next() }
        return Desk(restoring: reports, lastSeq: lastSeq, anomalies: later.anomalies)
    }
}
