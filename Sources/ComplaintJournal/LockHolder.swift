import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a `flock`, from Linux's `/proc/locks`, for the lock-timeout message.
public enum LockHolder {
    /// The holder `describe` names ("process 4242 (lapor-desk)"), in the reader's language: one wording for
    /// the journal's Indonesian explanation and the console's messages.
    public static func named(_ holder: String) -> Localized {
        let prefix = "process "
        return Localized(holder.hasPrefix(prefix) ? "proses " + holder.dropFirst(prefix.count) : holder, en: holder)
    }

    /// `process 4242 (lapor-desk)` for another process holding a lock on `lockPath`, or nil.
    static func describe(lockPath: String) -> String? {
        var info = stat()
        guard stat(lockPath, &info) == 0,
            let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return nil }
        let inode = String(info.st_ino)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // "1: FLOCK  ADVISORY  WRITE 4242 fe:00:5341876 0 EOF"; waiters are marked "->".
            guard fields.count >= 6, fields[1] != "->", let pid = Int32(fields[4]), pid != getpid(),
                fields[5].split(separator: ":").last.map(String.init) == inode
            else { continue }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "process \(pid)" + (name.map { " (\($0))" } ?? "")
        }
        return nil
    }
}
