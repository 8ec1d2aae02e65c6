import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths and small file operations of one data folder's `journal/` directory.
struct JournalFolder: Sendable {
    let journalPath: String
    var lockPath: String { journalPath + "/LOCK" }
    var quarantinePath: String { journalPath + "/quarantine" }
    var acknowledgedPath: String { quarantinePath + "/acknowledged.jsonl" }
    /// The data folder itself.
    var dataPath: String { String(journalPath.dropLast("/journal".count)) }
    /// `DIR/cache/`: files rebuilt from the journal (the projection snapshot), safe to delete.
    var cachePath: String { dataPath + "/cache" }
    /// Every change this folder makes goes through these calls (the crash model and fault tests
    /// replace them); reads use the real calls directly.
    let calls: any SystemCalls
    /// Group id new files and folders are given to (see `FileJournal.Options.deskGroup`).
    var deskGroup: UInt32?

    init(dataFolder: URL, calls: any SystemCalls = PosixSystemCalls()) {
        self.calls = calls
        var path = dataFolder.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        journalPath = path + "/journal"
    }

    func segmentPath(_ number: Int) -> String { SegmentName.path(in: journalPath, number) }

    /// Segment numbers present, ascending.
    func segmentNumbers() throws(JournalError) -> [Int] {
        guard let directory = opendir(journalPath) else {
            if errno == ENOENT { return [] }
            throw .io(operation: "opendir", path: journalPath, errno: errno)
        }
        defer { closedir(directory) }
        var numbers: [Int] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: Unicode.UTF8.self)
            }
            if let number = SegmentName.number(of: name) { numbers.append(number) }
        }
        return numbers.sorted()
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Size of a file, or nil when it does not exist.
    static func size(_ path: String) throws(JournalError) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .io(operation: "stat", path: path, errno: errno)
        }
        return Int(info.st_size)
    }

    /// Reads `[offset, EOF)` of a file (empty if missing).
    static func read(_ path: String, from offset: Int, upTo limit: Int? = nil) throws(JournalError) -> [UInt8] {
        // Without waiting: a named pipe in the desk's folder would otherwise hold the command forever (QA).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return [] }
            throw .io(operation: "open", path: path, errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .io(operation: "open (not a regular file)", path: path, errno: EINVAL) }
        var end = Int(info.st_size)
        if let limit { end = min(end, limit) }
        guard end > offset else { return [] }
        let (buffer, failure) = readFully(fd, count: end - offset, at: offset)
        if failure != 0 { throw .io(operation: "read", path: path, errno: failure) }
        return buffer
    }

    /// Up to `count` bytes at `offset` of an open file: `pread` again after EINTR and after a short read,
    /// until the count or the end of the file. Gives the bytes read and the errno that stopped it (0 if none).
    static func readFully(_ fd: Int32, count: Int, at offset: Int) -> (bytes: [UInt8], errno: Int32) {
        var failure: Int32 = 0
        // Uninitialised capacity: zero-filling 64 MiB segments first would cost measurable start-up time.
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            guard let base = raw.baseAddress else { return }
            var filled = 0
            while filled < count {
                let got = pread(fd, base + filled, count - filled, off_t(offset + filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }
                filled += got
            }
            initialized = filled
        }
        return (bytes, failure)
    }

    /// Creates a directory (0700) if missing.
    static func makeDirectory(_ path: String) throws(JournalError) {
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw .io(operation: "mkdir", path: path, errno: errno)
        }
    }

    /// fsyncs a directory so a created or renamed entry survives a crash.
    static func syncDirectory(_ path: String) throws(JournalError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard fd >= 0 else { throw .io(operation: "open directory", path: path, errno: errno) }
        defer { close(fd) }
        if fsync(fd) != 0, errno != EINVAL { throw .io(operation: "fsync directory", path: path, errno: errno) }
    }

    /// Writes all bytes to a descriptor, looping on short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], calls: any SystemCalls) -> Int32 {
        var written = 0
        return bytes.withUnsafeBytes { raw -> Int32 in
            while written < raw.count {
                let (count, code) = calls.write(fd, UnsafeRawBufferPointer(rebasing: raw[written...]))
                if count < 0 {
                    if code == EINTR { continue }
                    return code
                }
                if count == 0 { return EIO }
                written += count
            }
            return 0
        }
    }

    /// Durably creates `name` in the quarantine folder with `bytes`, unless it already exists
    /// (idempotent: write a temporary file, then `link` it into place, which never overwrites).
    /// Returns the path relative to the journal folder.
    func writeQuarantine(name: String, bytes: [UInt8]) throws(JournalError) -> String {
        try createDirectory(quarantinePath)
        let finalPath = quarantinePath + "/" + name
        let relative = "quarantine/" + name
        if Self.exists(finalPath) { return relative }
        let temporary = quarantinePath + "/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let (fd, openError) = calls.openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(operation: "create", path: temporary, errno: openError) }
        defer { _ = calls.unlinkFile(temporary) }
        do {
            try shareWithDeskGroup(temporary, isDirectory: false)
        } catch {
            calls.closeFile(fd)
            throw error
        }
        let writeError = Self.writeAll(fd, bytes, calls: calls)
        let syncError: Int32 = writeError == 0 ? calls.fullSync(fd) : 0
        calls.closeFile(fd)
        if writeError != 0 { throw .io(operation: "write", path: temporary, errno: writeError) }
        if syncError != 0 { throw .io(operation: "fsync", path: temporary, errno: syncError) }
        let linkError = calls.linkFile(temporary, finalPath)
        if linkError != 0, linkError != EEXIST {
            throw .io(operation: "link", path: finalPath, errno: linkError)
        }
        try syncDirectory(quarantinePath)
        return relative
    }

    /// Creates a directory (0700) if missing and, when it was created, syncs its parent so the new
    /// entry survives a crash (a file synced inside a directory that vanishes is lost with it).
    func createDirectory(_ path: String) throws(JournalError) {
        let code = calls.makeDirectory(path, 0o700)
        if code == EEXIST { return }
        guard code == 0 else { throw .io(operation: "mkdir", path: path, errno: code) }
        try shareWithDeskGroup(path, isDirectory: true)
        var parent = path
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        if let slash = parent.lastIndex(of: "/") {
            let parentPath = slash == parent.startIndex ? "/" : String(parent[..<slash])
            try syncDirectory(parentPath)
        }
    }

    /// fsyncs a directory through `calls`, so created, renamed and removed entries survive a crash.
    func syncDirectory(_ path: String) throws(JournalError) {
        let code = calls.syncDirectory(path)
        if code != 0 { throw .io(operation: "fsync directory", path: path, errno: code) }
    }

    /// Cuts a file to `length` bytes and syncs it (recovery of a torn tail, after quarantining it).
    func truncate(_ path: String, to length: Int) throws(JournalError) {
        let (fd, openError) = calls.openFile(path, O_WRONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: openError) }
        defer { calls.closeFile(fd) }
        var code = calls.truncate(fd, length)
        guard code == 0 else { throw .io(operation: "ftruncate", path: path, errno: code) }
        code = calls.fullSync(fd)
        guard code == 0 else { throw .io(operation: "fsync", path: path, errno: code) }
    }
}
