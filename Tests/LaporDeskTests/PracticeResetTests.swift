import Foundation
import XCTest

/// `lapor-desk demo --reset`: a practice desk returns to its start byte for byte; a real desk is never
/// touched by any training command.
final class PracticeResetTests: DeskTestCase {
    /// Every file under the desk folder (relative path → bytes), without the pristine copy, the lock and
    /// the practice clock (an offset from real time, so its bytes depend on when it was written; reset
    /// sets it back to the scenario's start, checked by reading the clock).
    func tree() throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = try XCTUnwrap(FileManager.default.enumerator(atPath: dataPath))
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dataURL.appendingPathComponent(rel).path, isDirectory: &isDir)
            if isDir.boolValue || rel.hasPrefix("latihan/awal/") || rel == "journal/LOCK" || rel == "latihan/jam.toml" { continue }
            out[rel] = try Data(contentsOf: dataURL.appendingPathComponent(rel))
        }
        return out
    }

    func testResetRestoresEveryFileByteForByte() throws {
        try expect(0, ["scenario", "create", "dasar"])
        let start = try tree()
        XCTAssertTrue(start.keys.contains("journal/000001.jsonl"))
        XCTAssertTrue(start.keys.contains("latihan/pelajaran.toml"))
        let startClock = try expect(0, ["clock", "show"]).stdout
        XCTAssertTrue(startClock.hasPrefix("2026-11-23T08:30:0"), "never a second before the start (QA: 08:29:59): \(startClock)")
        let first = "2600001"
        try expect(0, ["clock", "advance", "--days", "2"])
        XCTAssertTrue(try expect(0, ["clock", "show"]).stdout.hasPrefix("2026-11-25T08:"))
        try expect(0, ["act", "--as", "rina", first, "note", "--text", "catatan latihan"])
        try expect(0, ["act", "--as", "rina", first, "dispose", "--agency", "kemenkes"])
        try "extra".write(to: dataURL.appendingPathComponent("kalender/libur-2030.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dataURL.appendingPathComponent("tambahan/dalam"), withIntermediateDirectories: true)
        try "x".write(to: dataURL.appendingPathComponent("tambahan/dalam/berkas.txt"), atomically: true, encoding: .utf8)
        // One-letter names (QA: a file called `a` crashed the reset in Foundation's path code).
        try "a".write(to: dataURL.appendingPathComponent("a"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dataURL.appendingPathComponent("b"), withIntermediateDirectories: true)
        try "c".write(to: dataURL.appendingPathComponent("b/c"), atomically: true, encoding: .utf8)
        try "ubah".write(to: dataURL.appendingPathComponent("desk.toml"), atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try tree(), start)
        // desk.toml was overwritten above, so it no longer says latihan: restore it first the way a
        // trainer would not; the reset itself must refuse a folder that does not say it is practice.
        let refused = try desk(["demo", "--reset"])
        XCTAssertEqual(refused.code, 2, refused.transcript)
        try XCTUnwrap(FileManager.default.contents(atPath: dataURL.appendingPathComponent("latihan/awal/desk.toml").path))
            .write(to: dataURL.appendingPathComponent("desk.toml"))
        let r = try expect(0, ["demo", "--reset"])
        XCTAssertTrue(r.stdout.contains("kembali ke awal"), r.stdout)
        // The trainer's own files are named as they go (QA: deleted without a word); the desk's records are not.
        XCTAssertTrue(r.stdout.contains("Berkas yang bukan bagian meja ikut dihapus: a, b/c, kalender/libur-2030.txt, tambahan/dalam/berkas.txt"),
                      r.stdout)
        XCTAssertFalse(r.stdout.contains("journal/"), r.stdout)
        // The count of deleted files is the desk's own (QA: "2 dihapus" was said beside one name).
        XCTAssertTrue(r.stdout.range(of: #"berkas dipulihkan, [0-9]+ berkas buatan meja dihapus\)"#, options: .regularExpression) != nil, r.stdout)
        XCTAssertEqual(try tree(), start, "every file as it was, nothing extra")
        let clockAfter = try expect(0, ["clock", "show"]).stdout
        func instant(_ text: String) -> Date? {
            ISO8601DateFormatter().date(from: String(text.prefix { $0 != " " }))
        }
        let before = try XCTUnwrap(instant(startClock), startClock), after = try XCTUnwrap(instant(clockAfter), clockAfter)
        XCTAssertLessThan(abs(after.timeIntervalSince(before)), 60, "the practice clock is back at the scenario's start")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataURL.appendingPathComponent("tambahan").path))
        // And the desk works again from the start.
        try expect(0, ["act", "--as", "rina", first, "dispose", "--agency", "kemenkes"])
    }

    func testTrainingCommandsNeverTouchARealDesk() throws {
        try makeDesk()
        _ = try intake([])
        let before = try tree()
        let reset = try desk(["demo", "--reset"])
        XCTAssertEqual(reset.code, 2, reset.transcript)
        XCTAssertTrue(reset.stderr.contains("real desk"), reset.stderr)
        let scenario = try desk(["demo", "--scenario", "dasar", "--lesson"])
        XCTAssertEqual(scenario.code, 2, scenario.transcript)
        XCTAssertTrue(scenario.stderr.contains("real desk"), scenario.stderr)
        // QA: a plain `demo --data` opened the real desk as a demo, and a practice note was saved in its journal.
        let demo = try desk(["demo"])
        XCTAssertEqual(demo.code, 2, demo.transcript)
        XCTAssertTrue(demo.stderr.contains("real desk") && demo.stderr.contains("lapor-desk console --data"), demo.stderr)
        let create = try desk(["scenario", "create", "dasar"])
        XCTAssertEqual(create.code, 2, create.transcript)
        let progress = try desk(["scenario", "progress"])
        XCTAssertEqual(progress.code, 2, progress.transcript)
        XCTAssertEqual(try tree(), before, "the real desk is unchanged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataURL.appendingPathComponent("latihan").path))
    }

    func testResetNeedsAnExplicitFolder() throws {
        let r = try CLI.run(["demo", "--reset"])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("--data"), r.stderr)
    }

    /// A practice desk is made in an empty or new folder only: its reset deletes everything it did not make.
    func testAPracticeDeskIsNotMadeInAFolderWithOtherFiles() throws {
        try FileManager.default.createDirectory(at: dataURL, withIntermediateDirectories: true)
        try "catatan".write(to: dataURL.appendingPathComponent("catatan-pelatih.txt"), atomically: true, encoding: .utf8)
        for args in [["scenario", "create", "dasar"]] { // demo checks the same before creating (it needs a terminal first)
            let r = try desk(args)
            XCTAssertEqual(r.code, 2, "\(args)\n\(r.transcript)")
            XCTAssertTrue(r.stderr.contains("not empty"), r.stderr)
        }
        XCTAssertEqual(try String(contentsOf: dataURL.appendingPathComponent("catatan-pelatih.txt"), encoding: .utf8), "catatan")
    }
}
