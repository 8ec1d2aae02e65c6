import Complaints
import Foundation

/// Writes reports for other programs: `list --json` lines, full JSON-lines and CSV exports, and Open311.
/// Deadlines and the current time come in as values so the output is reproducible in tests.
public struct ReportExport: Sendable {
    public var deadlines: Deadlines
    public var now: Date
    /// Zone of every written time (default WIB, +07:00).
    public var offsetSeconds: Int

    public init(deadlines: Deadlines, now: Date, offsetSeconds: Int = 7 * 3600) {
        self.deadlines = deadlines
        self.now = now
        self.offsetSeconds = offsetSeconds
    }

    func time(_ d: Date?) -> JSONValue { d.map { .string(ISOTime.format($0, offsetSeconds: offsetSeconds)) } ?? .null }

    /// A report body that no longer reads back from the journal (`Intake.readBody`): an export stops there
    /// instead of writing the notice the console shows in its place.
    public struct UnreadableBody: Error, CustomStringConvertible {
        public var report: ReportID
        public var reason: String
        public var description: String { "report \(report): body: \(reason)" }
    }

    static func body(of intake: Intake, report: ReportID) throws(UnreadableBody) -> String {
        do { return try intake.readBody().get() } catch { throw UnreadableBody(report: report, reason: error.reason) }
    }

    /// Reports that may appear in public exports: never *rahasia* (confidential), never deleted spam.
    public static func isPublishable(_ r: Report) -> Bool { !r.confidential && r.status != .dihapus }

    /// The `list --json` object (formats.md §3) in a fixed key order. The reporter's identity is included
    /// only when `identityVisible` (the lead passes `Access.canSeeIdentity`); otherwise
    /// `"reporter": {"hidden": true}` says that something was withheld.
    public func listObject(_ r: Report, identityVisible: Bool) -> JSONValue {
        let urgency = deadlines.urgency(of: r, now: now)
        var members: [JSONValue.Member] = [
            .init("id", .string(r.id.rawValue)),
            .init("status", .string(r.status.rawValue)),
            .init("title", .string(r.title)),
            .init("channel", .string(r.channel.rawValue)),
            .init("classification", .string(r.classification.rawValue)),
            .init("category", .optional(r.category)),
            .init("subcategory", .optional(r.subcategory)),
            .init("region", .optional(r.location.regionName)),
            .init("province", .optional(r.location.province)),
            .init("regency", .optional(r.location.regency)),
            .init("agency", .optional(r.agency)),
            .init("unit", .optional(r.unit)),
            .init("received_at", time(r.receivedAt)),
            .init("due", time(deadlines.runningDue(of: r))),
            .init("overdue", .bool(urgency.isOverdue)),
            .init("due_soon", .bool(urgency.isDueSoon)),
            .init("anonymous", .bool(r.anonymous)),
            .init("confidential", .bool(r.confidential)),
            .init("external_id", .optional(r.externalID)),
            .init("priority", .string(r.priority.rawValue)),
            .init("tags", .array(r.tags.map(JSONValue.string))),
            .init("last_changed", time(r.lastChanged)),
        ]
        members.append(.init("reporter", identityVisible ? ReportExport.reporterObject(r.reporter) : .object(["hidden": .bool(true)])))
        return .object(members)
    }

    /// One `list --json` line (no line end): compact, valid JSON, every control character escaped.
    public func jsonLine(_ r: Report, identityVisible: Bool) -> String {
        listObject(r, identityVisible: identityVisible).compactText
    }

    static func reporterObject(_ p: Reporter) -> JSONValue {
        .object([
            "name": .optional(p.name), "nik": .optional(p.nik), "phone": .optional(p.phone),
            "email": .optional(p.email), "groups": .array(p.groups.map { .string($0.rawValue) }),
        ])
    }
}

extension ReportExport {
    /// Puts the unknown field `path` (as the intake reader named it: `reporter.x`, `location.x`,
    /// `attachments[2].x`) back into its object among the intake's `members`; false when `path` names no
    /// such place (a top-level field, kept at the top level).
    static func nest(_ path: String, _ value: JSONValue, into members: inout [JSONValue.Member]) -> Bool {
        guard let dot = path.firstIndex(of: ".") else { return false }
        let head = String(path[..<dot]), rest = String(path[path.index(after: dot)...])
        guard !rest.isEmpty, !rest.contains(".") else { return false }
        if head == "reporter" || head == "location" {
            guard let k = members.firstIndex(where: { $0.key == head }), case let .object(inner) = members[k].value,
                  !inner.contains(where: { $0.key == rest }) else { return false }
            members[k].value = .object(inner + [.init(rest, value)])
            return true
        }
        // attachments[N]
        guard head.hasPrefix("attachments["), head.hasSuffix("]"), let n = Int(head.dropFirst(12).dropLast()),
              let k = members.firstIndex(where: { $0.key == "attachments" }), case var .array(items) = members[k].value,
              items.indices.contains(n), case let .object(inner) = items[n], !inner.contains(where: { $0.key == rest })
        else { return false }
        items[n] = .object(inner + [.init(rest, value)])
        members[k].value = .array(items)
        return true
    }
}
