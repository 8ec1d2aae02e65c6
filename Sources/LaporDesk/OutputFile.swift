import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a command's output to a path the user named (`export --output`), as the shell's `>` would:
/// opened and truncated in place, never replaced. Foundation's `createFile` writes a temporary file and
/// renames it over the path, which replaced `/dev/null` (run as root) or a named pipe with a regular file,
/// and a symbolic link with a copy (QA).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
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
