import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a command's output to a path the user named (`export --output`), as the shell's `>` would:
/// opened and truncated in place, never replaced. Foundation's `createFile` writes a temporary file and
/// renames it over the path, which replaced `/dev/null` (run as root) or a named pipe with a regular file,
/// and a symbolic link with a copy (QA).
enum OutputFile {
    /// Refuses a path inside `dataFolder`: written over, a journal segment lost every event in it (QA: `export
    /// -o DESK/journal/000001.jsonl` exited 0 and the desk was empty). Symbolic links are followed first.
    static func write(_ text: String, to path: String, outside dataFolder: URL) throws {
        let target = resolved(path)
        let folder = resolved(dataFolder.path)
        if target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            throw Fail.usage("\(path): inside the desk's data folder \(dataFolder.path); write the export somewhere else")
        }
        if let twin = deskFile(sameAs: target, in: folder) {
            throw Fail.usage("\(path): the same file as the desk's \(twin) (a hard link); write the export somewhere else")
        }
        try write(text, to: path)
    }

    /// The desk file (relative path) that `path` is another name of, when it is a hard link to one (QA: a
    /// `cp -al` backup's segment, written over by `export -o`, was the journal itself).
    private static func deskFile(sameAs path: String, in folder: String) -> String? {
        var target = stat()
        guard stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG, target.st_nlink > 1 else { return nil }
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return nil }
        for case let relative as String in walker {
            var info = stat()
            if lstat(folder + "/" + relative, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino {
                return relative
            }
        }
        return nil
    }

    /// `path` with every symbolic link in it resolved, as far as the path exists (a new file's folder).
    private static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        if let real = realpath(absolute.path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = absolute.deletingLastPathComponent()
        guard parent.path != absolute.path else { return absolute.path }
        return resolved(parent.path) + "/" + absolute.lastPathComponent
    }

    private static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Fail.usage("\(path): cannot write: \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        Array(text.utf8).withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if close(fd) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure != 0 { throw Fail.usage("\(path): cannot write: \(String(cString: strerror(failure)))") }
    }
}
