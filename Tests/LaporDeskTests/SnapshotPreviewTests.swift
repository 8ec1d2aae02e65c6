import Complaints
import ComplaintJournal
import DeskResources
import Foundation
import XCTest

/// What the console's first frame is drawn from (`SnapshotPreview`, before the desk is decoded) must be the
/// desk start-up then decodes: every report the frame may ask for, and every inbox answer, with events
/// appended after the snapshot (notes, status changes, new reports, an event for an unknown report, a
/// second `received` for a known one, a redaction) folded in.
final class SnapshotPreviewTests: DeskTestCase {
    static let defaults = DeskDefaults(reference: DeskResources.folder("reference"), calendars: DeskResources.folder("calendar"))

    /// Opens the desk as the console does, keeping the preview it was handed.
    func openWithPreview() throws -> (OpenedDesk, SnapshotPreview?) {
        var preview: SnapshotPreview?
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: Self.defaults, mode: .readOnly,
                                         beforeDecoding: { preview = $0 })
        return (opened, preview)
    }

    /// Writes the snapshot from this process (a snapshot is tied to the build that wrote it: the test
    /// binary, not the command line's).
    func writeSnapshot() throws {
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: Self.defaults, mode: .writer, useSnapshot: false)
        try opened.writeSnapshot(try XCTUnwrap(opened.snapshotSource()))
    }

    /// A note for a report the desk does not have, written straight into the journal (as a damaged or
    /// foreign journal could hold): the desk keeps it as an anomaly.
    func appendNoteForAnUnknownReport(_ n: Int) throws {
        let (journal, _) = try FileJournal.open(at: dataURL, mode: .writer)
        _ = try journal.appendBatch([NewEntry(
            eventID: "unknown-\(n)", reportID: "9999999", at: Date(), utcOffsetSeconds: 7 * 3600,
            actor: JournalActor(name: "admin", role: "admin-nasional"), type: "report.note-added",
            payload: Array(#"{"text":"catatan untuk laporan yang tidak ada"}"#.utf8))])
    }

    /// A second `report.received` for `id`, its payload copied from the journal's first line (a replayed
    /// import from another console): the desk keeps the first and records an anomaly.
    func appendSecondReceived(for id: String) throws {
        let first = try String(contentsOf: journalFile, encoding: .utf8).split(separator: "\n")[0]
        let data = try XCTUnwrap(first.range(of: #","data":"#)).upperBound
        let end = try XCTUnwrap(first.range(of: #","c":""#, options: .backwards)).lowerBound
        let (journal, _) = try FileJournal.open(at: dataURL, mode: .writer)
        _ = try journal.appendBatch([NewEntry(
            eventID: "again-\(id)", reportID: id, at: Date(), utcOffsetSeconds: 7 * 3600,
            actor: JournalActor(name: "sistem", role: "sistem"), type: "report.received", payload: Array(first[data..<end].utf8))])
    }

    func assertPreviewIsTheDesk(eventsAfter: UInt64, file: StaticString = #filePath, line: UInt = #line) throws {
        let (opened, handed) = try openWithPreview()
        XCTAssertEqual(opened.eventsAfterSnapshot, eventsAfter, file: file, line: line)
        let preview = try XCTUnwrap(handed, "the snapshot was accepted", file: file, line: line)
        let seed = try XCTUnwrap(preview.inboxSeed(), file: file, line: line)
        let desk = opened.desk
        XCTAssertEqual(preview.lastSeq, desk.lastSeq, file: file, line: line)
        XCTAssertEqual(seed.count, desk.count, file: file, line: line)
        // Every report, one at a time and all at once.
        let all = try XCTUnwrap(preview.partialDesk(positions: Array(0..<seed.count).reversed(), of: seed), file: file, line: line)
        XCTAssertEqual(all.all, desk.all, file: file, line: line)
        XCTAssertEqual(all.anomalies, desk.anomalies, file: file, line: line)
        XCTAssertFalse(desk.anomalies.isEmpty, "the desk has anomalies to compare", file: file, line: line)
        for p in [0, seed.count / 2, seed.count - 1] {
            XCTAssertEqual(preview.partialDesk(positions: [p], of: seed)?.all, [desk.all[p]], "position \(p)", file: file, line: line)
        }
        // Every view's answer and count, for every kind of operator, from the rows alone.
        let index = InboxIndex(deadlines: opened.deadlines, seed: seed, lastSeq: preview.lastSeq)
        let partial = try XCTUnwrap(preview.partialDesk(positions: [0], of: seed), file: file, line: line)
        let now = Date()
        let agency = try XCTUnwrap(desk.all.first { $0.agency != nil && $0.unit != nil }, file: file, line: line)
        for op in [Operator(name: "n", role: .adminNasional), Operator(name: "p", role: .pengamat),
                   Operator(name: "i", role: .adminInstansi, agency: agency.agency),
                   Operator(name: "h", role: .penghubung, agency: agency.agency, unit: agency.unit)] {
            let plain = Inbox(deadlines: opened.deadlines), fast = Inbox(deadlines: opened.deadlines, index: index)
            XCTAssertEqual(fast.counts(on: partial, for: op, now: now), plain.counts(on: desk, for: op, now: now), file: file, line: line)
            for view in InboxQuery.SavedView.allCases {
                XCTAssertEqual(fast.run(view.query, on: partial, for: op, now: now), plain.run(view.query, on: desk, for: op, now: now),
                               "\(op.role) \(view)", file: file, line: line)
            }
        }
    }

    func testThePreviewIsTheDeskWithTheEventsAfterTheSnapshot() throws {
        let generated = try CLI.run(["generate", "--reports", "600", "--seed", "8", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        try appendNoteForAnUnknownReport(1)
        try writeSnapshot()
        try assertPreviewIsTheDesk(eventsAfter: 0)

        // Later events: a note, a status change and a report received since.
        let list = try expect(0, ["list", "--json"]).stdout
        XCTAssertTrue(list.contains("2600300"))
        try expect(0, ["act", "--as", "admin", "2600300", "note", "--text", "sesudah snapshot"])
        let open = try XCTUnwrap(list.split(separator: "\n").first { $0.contains("\"status\":\"baru\"") }, "a new report")
        let openID = try XCTUnwrap(open.range(of: #"\"id\":\"(\d+)\""#, options: .regularExpression)).lowerBound
        let id = String(open[openID...].dropFirst(6).prefix(7))
        try expect(0, ["act", "--as", "admin", id, "postpone", "--question", "Mohon lengkapi lokasi."])
        let intake = #"{"channel":"sms","external_id":"baru-1","received_at":"2026-11-29T08:00:00+07:00","body":"Lampu jalan padam sejak seminggu di depan pasar."}"#
        try expect(0, ["import", "-"], stdin: Data((intake + "\n").utf8))
        try appendNoteForAnUnknownReport(2)
        try appendSecondReceived(for: "2600300")
        try expect(0, ["act", "--as", "admin", "2600301", "redact", "--field", "body", "--reason", "UU PDP pasal 8"])
        try assertPreviewIsTheDesk(eventsAfter: 6)
        let (opened, _) = try openWithPreview()
        XCTAssertTrue(opened.desk.anomalies.contains { $0.reportID == "2600300" && $0.reason.contains("second") }, "\(opened.desk.anomalies)")
        XCTAssertTrue(opened.desk["2600301"]?.redactedFields.contains("body") ?? false)
    }

    /// The console's open checks the lines the snapshot stands for in the background, after the desk is
    /// decoded, without anyone waiting for it: a line changed since the snapshot turns the health degraded on
    /// its own (the console only polls `healthSoFar`), naming the line.
    func testTheBackgroundCheckOfTheSnapshotsLinesRunsWithoutBeingAwaited() throws {
        let generated = try CLI.run(["generate", "--reports", "200", "--seed", "8", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        try writeSnapshot()
        var bytes = try Array(Data(contentsOf: journalFile))
        let firstNewline = try XCTUnwrap(bytes.firstIndex(of: 0x0A))
        bytes[firstNewline / 2] = bytes[firstNewline / 2] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: journalFile)
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: Self.defaults, mode: .writer, checkSnapshotInBackground: true)
        guard case .used = opened.snapshot else { return XCTFail("the snapshot was not used: \(opened.snapshot)") }
        let deadline = Date().addingTimeInterval(30)
        while opened.journal.healthSoFar == .ok, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard case let .degraded(reasons) = opened.journal.healthSoFar else {
            return XCTFail("the check never ran: \(opened.journal.healthSoFar)")
        }
        XCTAssertTrue(reasons.contains { $0.hasPrefix("000001.jsonl:1: ") }, "\(reasons)")
    }

    /// Review, round 19: a console reloads its deadline rules when `desk.toml` or a holiday list changes, and
    /// now also writes snapshots while it runs. Their rows must carry the key of the rules they were computed
    /// under (the reloaded ones), or a revert before the next start would make them pass for current.
    func testTheRowsKeyIsTheKeyOfTheRulesInForce() throws {
        try makeDesk()
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: Self.defaults, mode: .writer, useSnapshot: false)
        let atStart = opened.inboxRowRules.key
        XCTAssertTrue(atStart.contains("limits 3 "), atStart)
        var limits = opened.deadlines.limits
        limits.verification = 4
        opened.store.deadlines = Deadlines(calendar: opened.deadlines.calendar, limits: limits)
        let reloaded = opened.inboxRowRules
        XCTAssertEqual(reloaded.deadlines.limits.verification, 4)
        XCTAssertTrue(reloaded.key.contains("limits 4 "), reloaded.key)
        XCTAssertNotEqual(reloaded.key, atStart)
    }

    func testNoPreviewWithoutAnAcceptedSnapshot() throws {
        let generated = try CLI.run(["generate", "--reports", "50", "--seed", "2", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        XCTAssertNil(try openWithPreview().1, "no snapshot")
        try writeSnapshot()
        let (intact, preview) = try openWithPreview()
        let seed = try XCTUnwrap(preview?.inboxSeed())
        XCTAssertTrue(intact.isDescribed(byPreviewAt: try XCTUnwrap(preview).lastSeq, reports: seed.count))
        XCTAssertTrue(intact.snapshotRowsCurrent)
        // Damage anywhere in the snapshot: start-up refuses it (and folds the journal); whatever a preview
        // handed out before the damage was found is checked data, never a wrong report or row.
        let file = dataPath + "/cache/proyeksi.snap"
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for at in stride(from: 16, to: good.count - 200, by: good.count / 25) {
            var bytes = good
            bytes[at] ^= 0x10
            try bytes.write(to: URL(fileURLWithPath: file))
            let (opened, preview) = try openWithPreview()
            XCTAssertNotEqual(opened.snapshot, .used(seq: opened.desk.lastSeq), "flip at \(at) not detected")
            if let preview {
                XCTAssertFalse(opened.isDescribed(byPreviewAt: preview.lastSeq, reports: opened.desk.count),
                               "a first frame's index is never taken over when the snapshot was refused after it")
            }
            if let preview, let seed = preview.inboxSeed() {
                XCTAssertEqual(seed.count, opened.desk.count)
                if let shown = preview.partialDesk(positions: Array(0..<seed.count), of: seed) {
                    XCTAssertEqual(shown.all, opened.desk.all, "flip at \(at)")
                }
            }
        }
    }
}
