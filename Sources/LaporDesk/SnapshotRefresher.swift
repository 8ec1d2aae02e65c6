import Complaints
import ComplaintJournal
import Foundation

/// Keeps the projection snapshot fresh without making anyone wait: when start-up had to fold many
/// events, the console writes a new snapshot on a background thread while the officer works. A console
/// quit mid-write leaves only a temporary file, which the next write removes.
enum SnapshotRefresher {
    /// Starts the background write when the snapshot is missing, rejected or `threshold` events behind.
    static func startIfStale(_ opened: OpenedDesk, threshold: UInt64 = 10_000) {
        guard opened.journal.mode == .writer else { return }
        guard opened.desk.lastSeq >= minimumEvents, opened.snapshotIsStale(threshold: threshold),
              let source = opened.snapshotSource() else {
            // No write due: still remove what a console quit mid-write left (a write removes it itself).
            ProjectionSnapshot.removeAbandonedTemporaries(dataFolder: opened.folder.url)
            return
        }
        let journal = opened.journal
        let rules = opened.inboxRowRules
        let thread = Thread {
            _ = try? ProjectionSnapshot.write(source.desk, at: source.resume, journal: journal,
                                              programStamp: ProjectionSnapshot.currentProgramStamp(), rules: rules)
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// Below this many events folding the journal is already instant: no cache file is written.
    static let minimumEvents: UInt64 = 5_000
}
