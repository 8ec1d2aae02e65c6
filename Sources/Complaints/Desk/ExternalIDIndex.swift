import Foundation

/// (channel, external id) → report, built the first time someone asks. Only a bulk import and the intake
/// form ask (is this channel's report recorded already?), while filling a 200,000-entry hash table as each
/// report was folded cost the fold's thread about 50 ms of a cold start before the first frame.
///
/// A value over a shared table: copies of a desk share it until one of them folds a new report, which
/// then takes a table of its own (copy on write). Filling it reads only each report's channel and external
/// id, which never change once received (a redaction rewrites other fields), so every desk sharing a table
/// would fill it the same; the fill runs under a lock
/// because a desk is read from more than one thread.
struct ExternalIDIndex: Sendable {
    private var table = Table()

    /// One report's key, as every lookup builds it (`Desk.externalKey`).
    typealias Key = Desk.ExternalKey

    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        /// nil until the first lookup; kept up to date by `received` after that.
        var keys: [Key: ReportID]?

        init(keys: [Key: ReportID]? = nil) { self.keys = keys }
    }

    /// Notes a report being folded (about to be the last one of `all`). Later reports with the same key
    /// win, as they do when the table is filled from the reports in receive order.
    mutating func received(_ intake: Intake, id: ReportID) {
        guard let ext = intake.externalID else { return }
        ownTable()
        table.keys?[Desk.externalKey(channel: intake.channel, externalID: ext)] = id
    }

    /// The report recorded under `key`, filling the table from `reports` (this desk's, in receive order)
    /// when it was never asked before.
    func reportID(_ key: Key, reports: [Report]) -> ReportID? {
        all(reports: reports)[key]
    }

    /// The whole table, filled from `reports` when it was never asked before (tests compare desks by it).
    func all(reports: [Report]) -> [Key: ReportID] {
        table.lock.lock()
        defer { table.lock.unlock() }
        if let keys = table.keys { return keys }
        let keys = ExternalIDIndex.filled(from: reports)
        table.keys = keys
        return keys
    }

    /// Makes room for `count` keys when the table is filled already (a bulk import's batch).
    mutating func reserveCapacity(_ count: Int) {
        ownTable()
        if let capacity = table.keys?.capacity, capacity < count {
            table.keys?.reserveCapacity(max(count, capacity * 2))
        }
    }

    /// A table no other desk shares, before this one changes it. Changed without its lock afterwards: only
    /// this desk holds it, and a desk being changed is not read at the same time (exclusive access).
    private mutating func ownTable() {
        guard !isKnownUniquelyReferenced(&table) else { return }
        table.lock.lock()
        let keys = table.keys
        table.lock.unlock()
        table = Table(keys: keys)
    }

    private static func filled(from reports: [Report]) -> [Key: ReportID] {
        var keys: [Key: ReportID] = [:]
        keys.reserveCapacity(reports.count)
        // Fields read through the buffer: `for r in reports` copies whole reports.
        reports.withUnsafeBufferPointer { b in
            for i in b.indices {
                if let ext = b[i].intake.externalID {
                    keys[Desk.externalKey(channel: b[i].intake.channel, externalID: ext)] = b[i].id
                }
            }
        }
        return keys
    }
}
