import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `posix_spawn` + `waitpid`, for children that leave daemons behind (tmux).
enum Spawn {
    /// Runs `argv` with standard input from /dev/null and output to the given files; returns the exit
    /// status (128 + signal when killed, -1 when it could not start).
    static func run(_ argv: [String], stdout: String, stderr: String, environment: [String: String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let env: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for a in args { free(a) }
            for e in env { free(e) }
        }
        var pid: pid_t = 0
        let rc = args.withUnsafeBufferPointer { a in
            env.withUnsafeBufferPointer { e in
                posix_spawn(&pid, argv[0], &actions, nil, a.baseAddress!, e.baseAddress!)
            }
        }
        guard rc == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let low = status & 0x7F
        return low == 0 ? (status >> 8) & 0xFF : 128 + low
    }
}
