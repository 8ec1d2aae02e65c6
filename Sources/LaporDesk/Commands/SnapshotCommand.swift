import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

/// `lapor-desk snapshot`: writes the projection snapshot now (a nightly job on a busy desk, or after a
/// big import) and says what start-up would use. The console also refreshes it by itself.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the projection snapshot (DIR/cache/proyeksi.snap) so the console starts without folding the whole journal.")

    @OptionGroup var desk: DeskOptions
    @Flag(help: "Only say whether start-up would use the current snapshot; write nothing.") var status = false

    func run() throws {
        let t0 = Date()
        let opened = try DeskAccess.open(desk, mode: status ? .readOnly : .writer)
        if desk.operatorName != nil { _ = try DeskAccess.actor(opened, desk) }
        let path = ProjectionSnapshot.path(dataFolder: opened.folder.url)
        Output.line("\(path): \(Self.describe(opened))")
        if status { return }
        try DeskAccess.requireWritable(opened)
        guard let source = opened.snapshotSource() else {
            throw Fail.damaged("snapshot: not written: the journal has findings (run `lapor-desk check`) or unreadable events")
        }
        let bytes = try opened.writeSnapshot(source)
        Output.line(String(format: "snapshot written: %d reports at event %llu, %.1f MB, %.2f s", source.desk.count,
                           source.resume.lastSeq, Double(bytes) / 1e6, Date().timeIntervalSince(t0)))
    }

    /// One line on what start-up did with the snapshot.
    static func describe(_ opened: OpenedDesk) -> String {
        switch opened.snapshot {
        case .notRequested: "not used (full fold requested)"
        case .missing: "none yet"
        case let .rejected(why): "ignored (\(why))"
        case let .used(seq): "used, taken at event \(seq), \(opened.eventsAfterSnapshot ?? 0) events folded on top"
            + (opened.snapshotRowsCurrent ? "" : "; its inbox rows predate the current deadline rules (the next snapshot rewrites them)")
            // Checked after the first frame (the console's way): a failure turns the desk read-only (QA: "used" was all it said).
            + (opened.journal.snapshotRegionFailure.map { "; then its line check failed: \($0)" } ?? "")
        }
    }
}
