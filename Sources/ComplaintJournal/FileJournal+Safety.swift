import Complaints
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension FileJournal {
    /// Opens as a writer or, when writing is impossible (lock held by a hung process, read-only
    /// media or permissions, a network or others-writable folder), read-only with the writer's
    /// failure as the reason in `health`, so a console shows the desk instead of dying. Throws only
    /// when even reading is impossible.
    public static func openWritingIfPossible(
        at dataFolder: URL, options: Options = Options(), resume: JournalResumePoint? = nil, fold: StartupFold? = nil
    ) throws -> (FileJournal, RecoveryReport) {
        try openWritingIfPossible(at: dataFolder, options: options, calls: PosixSystemCalls(), resume: resume, fold: fold)
    }

    static func openWritingIfPossible(
        at dataFolder: URL, options: Options, calls: any SystemCalls, resume: JournalResumePoint? = nil,
        fold: StartupFold? = nil
    ) throws(JournalError) -> (FileJournal, RecoveryReport) {
        do {
            return try open(at: dataFolder, mode: .writer, options: options, calls: calls, resume: resume, fold: fold)
        } catch {
            var readOptions = options
            if case .lockedByAnotherProcess = error {
                // Behind a hung writer: do not stall the console on every poll either.
                readOptions.lockTimeout = 0.2
                readOptions.openLockTimeout = 0.2 // the writer's open already waited
                readOptions.pollLockWait = 0.02
            }
            let (journal, report) = try open(
                at: dataFolder, mode: .readOnly, options: readOptions, calls: calls, unlockedReadIfBusy: true,
                resume: resume, fold: fold)
            journal.readOnlyReason = error.explanation
            if case .lockedByAnotherProcess = error {
                // Writing needs a fresh open: say how, so the officer is not left guessing once the job ends.
                journal.readOnlyReason = Localized(journal.readOnlyReason.id + "; buka ulang untuk menulis setelah kunci dilepas",
                                                   en: journal.readOnlyReason.en + "; reopen to write once it is free")
            }
            return (journal, report)
        }
    }

    /// Under the lock, before writing: the open segment must still be the file at its path. A
    /// segment deleted or replaced behind the journal's back would swallow acknowledged events.
    /// Returns the descriptor's `fstat`, which the size check reuses (one call fewer per action).
    func checkIdentity(_ fd: Int32, segment: Int) throws(JournalError) -> stat {
        let path = folder.segmentPath(segment)
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        guard stat(path, &named) == 0 else {
            if errno == ENOENT { throw .segmentReplaced(path: path) }
            throw .io(operation: "stat", path: path, errno: errno)
        }
        guard open.st_ino == named.st_ino, open.st_dev == named.st_dev, open.st_nlink > 0 else {
            throw .segmentReplaced(path: path)
        }
        return open
    }
}

extension JournalFolder {
    /// Throws `unsafeDataFolder` when `DataFolderSafety` forbids writing here.
    func refuseUnsafeWriting() throws(JournalError) {
        let dataFolder = String(journalPath.dropLast("/journal".count))
        if let reason = DataFolderSafety.writerRefusal(dataFolderPath: dataFolder, journalPath: journalPath, calls: calls) {
            throw .unsafeDataFolder(reason: reason)
        }
    }
}
