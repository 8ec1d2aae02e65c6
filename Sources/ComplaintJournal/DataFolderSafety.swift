import Complaints
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a writer makes before it changes anything in a data folder, so a desk is never written
/// where the journal's guarantees do not hold. The rules:
/// - a folder on a network file system (NFS, SMB/CIFS, NCP, AFS) is never written: `flock` there
///   is emulated or local to one machine, so two consoles could both believe they hold the lock;
/// - a data or journal folder that other users can write to (mode o+w) is never written: anyone
///   could replace a segment or the lock file under the desk. Group-writable folders are allowed,
///   that is how a desk group shares a desk.
/// - a data or journal folder this user cannot write to (mode, read-only mount) is never written.
/// Reading stays possible in every case (the console opens read-only and says why).
enum DataFolderSafety {
    /// `statfs` magic numbers of file systems whose locking the journal cannot rely on.
    static let networkFileSystems: [UInt: String] = [
        0x6969: "NFS", 0x517B: "SMB", 0xFF53_4D42: "CIFS", 0xFE53_4D42: "SMB2", 0x564C: "NCP", 0x5346_414F: "AFS",
    ]

    /// Why a writer must not use `journalPath` in `dataFolderPath` (existing folders only), or nil.
    static func writerRefusal(dataFolderPath: String, journalPath: String, calls: any SystemCalls) -> Localized? {
        for path in [dataFolderPath, journalPath] {
            let (type, code) = calls.fileSystemType(path)
            if code == 0, let name = networkFileSystems[type] {
                return Localized("sistem berkas jaringan (\(name)) di \(path): penguncinya tidak dapat memisahkan dua konsol, "
                                    + "jadi LaporDesk tidak menulis di sana; pindahkan meja ke disk lokal",
                                 en: "network file system (\(name)) at \(path): its locking cannot keep two consoles apart, "
                                    + "so LaporDesk does not write there; move the desk to a local disk")
            }
            // Appending to the files already there would work, but a segment roll, a quarantine copy or a
            // snapshot would fail half way: a folder this user cannot write is read-only, said up front.
            if access(path, W_OK) != 0, errno == EACCES || errno == EROFS {
                let why = String(cString: strerror(errno))
                return Localized("tidak dapat menulis ke \(path) (\(why)): LaporDesk membukanya baca saja; beri pengguna meja hak tulis "
                                    + "(`chmod u+w \(path)`) agar dapat mencatat",
                                 en: "cannot write to \(path) (\(why)): LaporDesk opens it read-only; give the desk's user write access "
                                    + "(`chmod u+w \(path)`) to record anything")
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IWOTH != 0 {
                let mode = String(info.st_mode & 0o7777, radix: 8)
                return Localized("pengguna lain dapat menulis ke \(path) (mode \(mode)): LaporDesk tidak menulis di sana; "
                                    + "jalankan `chmod o-w \(path)` (0700, atau 0770 untuk grup meja)",
                                 en: "other users can write to \(path) (mode \(mode)): LaporDesk does not write there; "
                                    + "run `chmod o-w \(path)` (0700, or 0770 for a desk group)")
            }
        }
        return nil
    }
}

extension SystemCalls {
    /// `statfs(2)` file-system type of `path`, or the errno.
    func fileSystemType(_ path: String) -> (UInt, Int32) {
        #if os(Linux)
        // Glibc's module map leaves out <sys/vfs.h>; `f_type` is the first word of `struct statfs`.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        guard linuxStatfs(path, buffer) == 0 else { return (0, errno) }
        return (UInt(truncatingIfNeeded: buffer.load(as: Int.self)), 0)
        #else
        return (0, 0)
        #endif
    }
}

#if os(Linux)
@_silgen_name("statfs")
private func linuxStatfs(_ path: UnsafePointer<CChar>, _ buffer: UnsafeMutableRawPointer) -> Int32
#endif
