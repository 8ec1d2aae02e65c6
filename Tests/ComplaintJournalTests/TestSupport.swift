import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
import Complaints
import SeededRandom
@testable import ComplaintJournal

/// Shared helpers: temporary data folders, sample entries, hostile strings.
enum TestSupport {
    /// A fresh data folder removed when the test ends.
    static func temporaryFolder(_ testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The reference data shipped in the binary, read from the source tree.
    static func shippedReference() throws -> ReferenceData {
        try ReferenceData.load(files: try shippedTexts("reference"))
    }

    /// Every file of one folder of the desk files shipped in the binary (`reference`, `calendar`), by name.
    static func shippedTexts(_ folder: String) throws -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files/" + folder)
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            texts[file] = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
        }
        return texts
    }

    /// The defaults a desk is initialised with: the shipped reference data and holiday lists.
    static func shippedDefaults() throws -> DeskDefaults {
        DeskDefaults(reference: try shippedTexts("reference"), calendars: try shippedTexts("calendar"))
    }

    /// Two desks are the same projection: every report field for field, in order, the anomalies, the
    /// lookup tables and the next id.
    static func assertSameDesk(_ a: Desk, _ b: Desk, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        XCTAssertEqual(a.lastSeq, b.lastSeq, file: file, line: line)
        XCTAssertEqual(a.order, b.order, file: file, line: line)
        XCTAssertEqual(a.anomalies, b.anomalies, file: file, line: line)
        XCTAssertEqual(a.byExternalID, b.byExternalID, file: file, line: line)
        XCTAssertEqual(a.nextReportID, b.nextReportID, file: file, line: line)
        var differing = 0
        for (x, y) in zip(a.all, b.all) where x != y { differing += 1 }
        XCTAssertEqual(differing, 0, "reports differ", file: file, line: line)
    }

    /// A new folder holding a generated journal of `reports` reports, in segments of at most `segmentSize`
    /// bytes (several, each big enough for the start-up's parallel split), and the options that wrote it.
    static func generatedJournal(_ testCase: XCTestCase, reports: Int, seed: UInt64, segmentSize: Int) throws
        -> (folder: URL, options: FileJournal.Options, reference: ReferenceData)
    {
        let folder = try temporaryFolder(testCase)
        let reference = try shippedReference()
        let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!
        var options = FileJournal.Options()
        options.segmentSizeLimit = segmentSize
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
        try DeskGenerator(reports: reports, seed: seed, now: now, reference: reference).generate(batchSize: 300) { entries in
            _ = try journal.appendBatch(entries)
        }
        return (folder, options, reference)
    }

    static let actor = JournalActor(name: "siti", role: "admin-nasional", agency: "pemkab-sleman", unit: nil, osUser: "root")

    static func entry(_ number: Int, report: String = "1234567", payload: String? = nil, type: String = "report.noted") -> NewEntry {
        NewEntry(
            eventID: "event-\(number)", reportID: report,
            at: Date(timeIntervalSince1970: 1_775_006_100 + Double(number) * 60), utcOffsetSeconds: 7 * 3600,
            actor: actor, type: type,
            payload: Array((payload ?? "{\"n\":\(number),\"text\":\"Jalan rusak di depan balai desa\"}").utf8))
    }

    static let hostileStrings: [String] = [
        "quote \" and backslash \\ and slash /",
        "controls \u{0}\u{1}\u{8}\u{C}\u{1B}[31m\u{1F}\u{7F}",
        "tab\tnewline\ncarriage\r",
        "emoji 👩🏽‍🚒 🇮🇩",
        "CJK 漢字 かな 한국어",
        "separators \u{2028} and \u{2029}",
        "combining e\u{301} and BOM \u{FEFF}",
        "</script><!-- \\u2028 literal -->",
        "",
    ]

    static func segmentPath(_ folder: URL, _ number: Int = 1) -> String {
        folder.appendingPathComponent("journal").appendingPathComponent(SegmentName.fileName(number)).path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Replaces a file's content without fsync (Foundation's `Data.write` syncs, which makes the
    /// thousands of variants in the damage tests crawl on a busy disk).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    static func quarantineFiles(_ folder: URL) -> [String] {
        let path = folder.appendingPathComponent("journal/quarantine").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Offsets where each line starts, plus the end of the buffer.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        return starts
    }

    /// A journal of `count` entries written by a real writer; returns the segment's bytes.
    @discardableResult
    static func makeJournal(_ folder: URL, count: Int) throws -> [UInt8] {
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        _ = try journal.appendBatch((1...count).map { entry($0) })
        return try bytes(segmentPath(folder))
    }
}

/// The shared SplitMix64 generator (target `SeededRandom`), by its short name in this target.
typealias SeededGenerator = SeededRandom.SeededGenerator

extension TestSupport {
    /// Deadline rules for snapshots written by tests (plain Mon–Fri calendar).
    static let inboxRules = InboxRowRules(deadlines: Deadlines(calendar: WorkingCalendar()), key: "test")
}
