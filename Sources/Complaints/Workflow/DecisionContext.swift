import Foundation

/// Everything `decide` needs besides the command and the report: who acts, when, which version of the
/// report they were looking at, and the desk's reference data and deadlines. Passed in, never read.
public struct DecisionContext: Sendable {
    public var actor: Operator
    public var now: Date
    /// The report version the operator saw; a command on a changed report is refused as stale.
    public var expectedVersion: Int?
    public var directory: any DirectoryLookup
    public var deadlines: Deadlines?
    /// Other reports of the desk (to check *duplikat* originals). Nil skips the check.
    public var report: (@Sendable (ReportID) -> Report?)?
    /// The reports that name a report as their original (so a duplicate never gets duplicates of its own).
    /// Nil skips the check.
    public var duplicates: (@Sendable (ReportID) -> [ReportID])?

    public init(actor: Operator, now: Date, expectedVersion: Int? = nil,
                directory: any DirectoryLookup = PermissiveDirectory(), deadlines: Deadlines? = nil,
                report: (@Sendable (ReportID) -> Report?)? = nil) {
        self.actor = actor
        self.now = now
        self.expectedVersion = expectedVersion
        self.directory = directory
        self.deadlines = deadlines
        self.report = report
    }

    /// The context over a whole desk: originals looked up in it, and the reports naming one as theirs
    /// found by a scan (only a duplicate's decision asks, rarely).
    public init(actor: Operator, now: Date, expectedVersion: Int? = nil, directory: any DirectoryLookup = PermissiveDirectory(),
                deadlines: Deadlines? = nil, desk: Desk) {
        // One shared copy of the desk for both lookups: otherwise each closure's context holds its own copy
        // of the desk's counted references (reports, indices, tables), retained and released again on every
        // officer action.
        let shared = SharedDesk(desk)
        self.init(actor: actor, now: now, expectedVersion: expectedVersion, directory: directory, deadlines: deadlines,
                  report: { shared.desk[$0] })
        duplicates = { id in shared.desk.all.lazy.filter { $0.duplicateOf == id }.map(\.id) }
    }
}

/// A desk held by reference, so the context's lookups share it.
private final class SharedDesk: Sendable {
    let desk: Desk
    init(_ desk: Desk) { self.desk = desk }
}
