import Complaints
import Foundation

extension ProjectionSnapshot {
    /// What `writeUnlessAnotherIsFresh` did.
    public enum SharedWrite: Equatable, Sendable {
        case written
        /// Another process holds the cache folder's lock: it is writing a snapshot now.
        case anotherIsWriting
        /// The snapshot already there covers the journal up to this event, close enough to `desk`.
        case freshEnough(coveredSeq: UInt64)
    }

    /// `write`, for a process that is one of several wanting the same snapshot (consoles whose sweeps folded
    /// the same events at once): it takes the cache folder's lock without waiting, and writes only when the
    /// snapshot this build finds there covers fewer than `lastSeq - slack` events. The others skip.
    public static func writeUnlessAnotherIsFresh(_ desk: Desk, at resume: JournalResumePoint, journal: FileJournal,
                                                 programStamp: String, rules: InboxRowRules,
                                                 slack: UInt64) throws(WriteError) -> SharedWrite {
        let lock: FileLock
        do throws(JournalError) {
            // A cache folder not made yet has no lock to take (`lock` then answers true): nothing to share.
            lock = try FileLock(path: journal.folder.cachePath, create: false)
            guard try lock.lock(exclusive: true, timeout: 0) else { return .anotherIsWriting }
        } catch {
            throw .journal(error)
        }
        defer { lock.unlock() }
        if case let .opened(there) = open(dataFolder: URL(fileURLWithPath: journal.folder.dataPath), programStamp: programStamp),
           there.resume.lastSeq + slack > resume.lastSeq {
            return .freshEnough(coveredSeq: there.resume.lastSeq)
        }
        try write(desk, at: resume, journal: journal, programStamp: programStamp, rules: rules)
        return .written
    }
}
