import Complaints
#if canImport(Glibc)
import Glibc
#endif

/// Everything the journal can refuse or fail with, each naming what and where.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A new entry cannot be written as given (bad payload, bad field); nothing was written.
    case invalidEntry(field: String, reason: String)
    /// A stored line failed verification.
    case invalidLine(file: String, line: Int, reason: String)
    /// Another process held the journal lock for longer than the configured timeout; `holder`
    /// names it when the system says (`process 4242 (lapor-desk)`).
    case lockedByAnotherProcess(path: String, waitedSeconds: Double, holder: String? = nil)
    /// The data folder is unsafe to write (network file system, writable by others); `reason` says
    /// which and how to fix it. Nothing was written.
    case unsafeDataFolder(reason: Localized)
    /// A segment this writer had open was deleted or replaced by someone else; nothing was written.
    case segmentReplaced(path: String)
    /// The journal was opened read-only.
    case readOnly(reason: String)
    /// A system call failed; `operation` names it, `path` the file, `errno` the cause.
    case io(operation: String, path: String, errno: Int32)
    /// A write or sync failed and the partial bytes were removed again; nothing was stored.
    case writeFailed(path: String, operation: String, errno: Int32)
    /// A write failed and the partial bytes could not be removed: the journal needs `check --repair`.
    case writeFailedAndNotRolledBack(path: String, operation: String, errno: Int32, rollbackErrno: Int32)

    public var description: String {
        switch self {
        case let .invalidEntry(field, reason):
            return "invalid journal entry: \(field): \(reason)"
        case let .invalidLine(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .lockedByAnotherProcess(path, waited, holder):
            // Cause first: the console shows this in a one-line status, cut at the right edge.
            return "journal locked by another process\(holder.map { ", \($0)," } ?? "") for more than \(waited) s (\(path))"
        case let .unsafeDataFolder(reason):
            return reason.en
        case let .segmentReplaced(path):
            return "\(path) was deleted, replaced or cut short while this console had it open; nothing was written; "
                + "run `lapor-desk check` and restore the segment \(JournalAdvice.restoreFromBackup)"
        case let .readOnly(reason):
            return "journal is read-only: \(reason)"
        case let .io(operation, path, code):
            let text = "\(operation) failed for \(path): \(errnoText(code))"
            guard code == EACCES || code == EPERM else { return text }
            // A desk never opens with part of its journal unread (its reports, and the tracking ids and
            // sequence numbers they took, would be missing): say whose access is missing and how to give it.
            let account = OSAccount.current().map { "the OS account \($0)" } ?? "this OS account"
            return text + "; \(account) may not use it: give it access (a shared desk: `chgrp -R GROUP DIR && chmod -R g+rX DIR`, "
                + "then `grup = \"GROUP\"` in desk.toml) or run as the desk's owner"
        case let .writeFailed(path, operation, code):
            return "could not store the event in \(path): \(operation) failed: \(errnoText(code)); nothing was written"
        case let .writeFailedAndNotRolledBack(path, operation, code, rollback):
            return "could not store the event in \(path): \(operation) failed: \(errnoText(code)); "
                + "removing the partial line also failed: \(errnoText(rollback)); run `check --repair`"
        }
    }
}

/// A short, stable spelling of an errno value (`ENOSPC (No space left on device)`).
func errnoText(_ code: Int32) -> String {
    let names: [Int32: String] = [
        1: "EPERM", 2: "ENOENT", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 13: "EACCES", 17: "EEXIST",
        20: "ENOTDIR", 21: "EISDIR", 22: "EINVAL", 27: "EFBIG", 28: "ENOSPC", 30: "EROFS", 122: "EDQUOT",
    ]
    let name = names[code] ?? "errno \(code)"
    guard let message = strerrorText(code) else { return name }
    return "\(name) (\(message))"
}
