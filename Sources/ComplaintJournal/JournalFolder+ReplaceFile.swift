#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JournalFolder {
    /// Replaces (or creates) the small file at `path` so a crash leaves either the old or the new
    /// content, never a mix: write a temporary file beside it (0600), fsync it, rename it over
    /// `path`, fsync the folder. Everything goes through `calls`, so the crash model checks any
    /// user of it (a projection snapshot, for instance). A crash may leave a `.tmp-*` file behind;
    /// readers ignore those names.
    func replaceFile(_ path: String, with bytes: [UInt8]) throws(JournalError) {
        try replaceFile(path) { write in write(bytes) }
    }

    /// As `replaceFile(_:with:)` for content too large to hold at once (a projection snapshot): `produce`
    /// hands each part to `write`, which returns 0 or the errno; `produce` returns the first errno.
    func replaceFile(_ path: String, produce: (_ write: ([UInt8]) -> Int32) -> Int32) throws(JournalError) {
        guard let slash = path.lastIndex(of: "/") else { throw .io(operation: "replace", path: path, errno: EINVAL) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        let temporary = directory + "/.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let (fd, openError) = calls.openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(operation: "create", path: temporary, errno: openError) }
        var shareError: JournalError?
        do { try shareWithDeskGroup(temporary, isDirectory: false) } catch { shareError = error }
        let writeError = shareError == nil ? produce { Self.writeAll(fd, $0, calls: calls) } : 0
        let syncError: Int32 = writeError == 0 ? calls.fullSync(fd) : 0
        calls.closeFile(fd)
        var failure: JournalError? = shareError
        if writeError != 0 { failure = .io(operation: "write", path: temporary, errno: writeError) }
        if syncError != 0 { failure = .io(operation: "fsync", path: temporary, errno: syncError) }
        if failure == nil {
            let renameError = calls.renameFile(temporary, path)
            if renameError != 0 { failure = .io(operation: "rename", path: path, errno: renameError) }
        }
        if let failure {
            _ = calls.unlinkFile(temporary)
            throw failure
        }
        try syncDirectory(directory)
    }
}
