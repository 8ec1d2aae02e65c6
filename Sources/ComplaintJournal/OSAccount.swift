import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system account running this process, recorded beside the operator name on every event
/// and matched against the roster's `os_user`. Taken from the password database for the effective user
/// id (what the kernel enforces), not from `$USER`, which is often unset (cron, CI, `env -i`) and can be
/// set to anything; `$USER` is used only when the account has no database entry.
public enum OSAccount {
    /// The account name, or nil when neither the password database nor `$USER` names one.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = environment["USER"], !user.isEmpty { return user }
        return nil
    }
}
