#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JournalFolder {
    /// Gives a file or folder this desk just created to the desk group, group-readable (0640/0750),
    /// so officers in that group can open the desk read-only; without a desk group it stays private.
    func shareWithDeskGroup(_ path: String, isDirectory: Bool) throws(JournalError) {
        guard let deskGroup else { return }
        guard chown(path, uid_t.max, gid_t(deskGroup)) == 0 else {
            throw .io(operation: "give to the desk group \(deskGroup)", path: path, errno: errno)
        }
        guard chmod(path, isDirectory ? 0o750 : 0o640) == 0 else {
            throw .io(operation: "chmod", path: path, errno: errno)
        }
    }
}

/// The id of an operating-system group, for `FileJournal.Options.deskGroup`.
public enum DeskGroup {
    /// The group's id, or nil when the system has no group of that name.
    public static func id(named name: String) -> UInt32? {
        guard let entry = getgrnam(name) else { return nil }
        return UInt32(entry.pointee.gr_gid)
    }
}
