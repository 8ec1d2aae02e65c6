import Foundation

/// When a running console writes a new projection snapshot of its desk. Pure (numbers in, a decision out),
/// so each condition is tested without a console; the console's `SnapshotRefresher` does the writing.
public enum SnapshotRefreshRule {
    /// Events on top of the snapshot that make a new one worth writing. The next start folds them into the
    /// rows they touch, at up to ~50 µs each on top of its ~0.1 s (3,643 auto-closes on a 20,000-report desk
    /// took it to 0.17–0.27 s); 2,000 bounds that at about 0.1 s more. A write costs the background a second
    /// or so, at most once per 2,000 events.
    public static let threshold: UInt64 = 2_000

    /// Below this many events folding the journal is already instant: no cache file is written.
    public static let minimumEvents: UInt64 = 5_000

    /// At start-up: a writer whose desk is big enough and whose snapshot is stale (missing, rejected,
    /// `threshold` events behind, or its inbox rows predate the deadline rules: `OpenedDesk.snapshotIsStale`).
    public static func isDueAtStart(isWriter: Bool, lastSeq: UInt64, snapshotIsStale: Bool) -> Bool {
        isWriter && lastSeq >= minimumEvents && snapshotIsStale
    }

    /// During the session: a writer on a real desk that has folded `threshold` events since `covered`, the
    /// newest snapshot it knows of. Never on a practice desk, which a reset replaces under the console: a
    /// write in flight would put the old desk's snapshot in the new folder. A desk behind `covered` (one just
    /// reset or reopened) waits until it is past it again.
    public static func isDueInSession(isWriter: Bool, isPractice: Bool, lastSeq: UInt64, covered: UInt64) -> Bool {
        isWriter && !isPractice && lastSeq >= minimumEvents && lastSeq >= covered && lastSeq - covered >= threshold
    }
}
