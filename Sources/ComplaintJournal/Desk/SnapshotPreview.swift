import Complaints
import Foundation

/// A desk half opened: settings, reference data and journal are ready and the journal accepted the
/// projection snapshot, with no event after it, but the desk itself is not decoded yet. Handed to
/// `OpenedDesk.open(beforeDecoding:)` so the console can draw its first inbox frame from the snapshot's
/// inbox rows and the few reports on screen (a few milliseconds) before decoding 200,000 reports.
public struct SnapshotPreview {
    public let folder: DeskFolder
    public let settings: DeskSettings
    public let roster: Roster
    public let reference: ReferenceData
    public let deadlines: Deadlines
    public let journalHealth: JournalHealth
    public let recovery: RecoveryReport
    /// Sequence number the snapshot's desk is folded to (the journal's last, as nothing follows it).
    public let lastSeq: UInt64
    let snapshot: MappedSnapshot
    let textSource: any StoredTextSource
    let rules: InboxRowRules

    /// Every report's inbox row; nil when the snapshot's rows were computed with other deadline rules
    /// (limits or holidays edited since) or cannot be read (the desk decode then says why, or not).
    public func inboxSeed() -> InboxSeed? {
        try? snapshot.inboxSeed(rulesKey: rules.key)
    }

    /// A desk holding only the reports at `positions` of `seed` (with the whole desk's last sequence and
    /// anomalies): what the first frame shows. Nil when any of them cannot be read.
    public func partialDesk(positions: [Int], of seed: InboxSeed) -> Desk? {
        let locations = positions.sorted().compactMap { $0 >= 0 && $0 < seed.count ? seed.locations[$0] : nil }
        return try? snapshot.partialDesk(try snapshot.reports(at: locations, textSource: textSource))
    }
}
