import Foundation

/// Remembers each report's `UrgencySchedule` by report version, so classifying 200,000 reports against the
/// clock (overdue queue, deadline sort, counts) costs two comparisons each instead of calendar maths.
/// A pure memo: the same report version always yields the same schedule.
public final class UrgencyCache: @unchecked Sendable {
    public let deadlines: Deadlines
    private var memo: [ReportID: (version: Int, schedule: UrgencySchedule)] = [:]
    private let lock = NSLock()

    public init(deadlines: Deadlines) { self.deadlines = deadlines }

    public func schedule(of r: Report) -> UrgencySchedule {
        lock.lock()
        defer { lock.unlock() }
        if let hit = memo[r.id], hit.version == r.version { return hit.schedule }
        let s = deadlines.schedule(of: r)
        memo[r.id] = (r.version, s)
        return s
    }

    public func urgency(of r: Report, now: Date) -> Urgency { schedule(of: r).urgency(at: now) }
}
