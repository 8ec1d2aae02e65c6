import Complaints
import Foundation

/// The detail pane's wrapped report text for the last few reports drawn. A long body is read back from the
/// journal and wrapped by display width, which for a 5 MB spam report took about a second: done on every
/// frame, every key waited for it. The wrapped lines are kept per body (where the journal keeps it, or the
/// text; a reset practice desk reuses report numbers), report version and width, and used again only while
/// the journal line still checks out. Drawing stays a function of the state; this only remembers work done.
final class WrappedBodies: @unchecked Sendable {
    static let shared = WrappedBodies()

    private struct Key: Hashable {
        // The cheap parts first: two reports' keys differ there, without comparing texts.
        var report: ReportID
        var version: Int
        var width: Int
        var body: AnyHashable
    }

    private let lock = NSLock()
    /// Most recent first; a handful covers moving back and forth between reports and a resize.
    private var recent: [(key: Key, lines: [StyledLine])] = []
    private let capacity = 4

    func lines(of r: Report, width: Int, wrap: () -> [StyledLine]) -> [StyledLine] {
        let key = Key(report: r.id, version: r.version, width: width, body: r.intake.bodyIdentity)
        lock.lock()
        if let i = recent.firstIndex(where: { $0.key == key }) {
            let hit = recent.remove(at: i)
            lock.unlock()
            // A line changed on disk since is read again (the notice shows, the journal reports the damage);
            // checking is a read and a checksum, no decoding or wrapping.
            if r.intake.bodyIsIntact {
                lock.lock()
                recent.insert(hit, at: 0)
                lock.unlock()
                return hit.lines
            }
            return wrap()
        }
        lock.unlock()
        let lines = wrap()
        lock.lock()
        recent.insert((key, lines), at: 0)
        if recent.count > capacity { recent.removeLast() }
        lock.unlock()
        return lines
    }
}
