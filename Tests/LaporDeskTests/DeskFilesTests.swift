import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// The files an officer edits by hand (settings, roster, reference data, holidays) and the journal lock:
/// a mistake is exit 3 naming FILE:LINE, never a crash or a silently different desk.
final class DeskFilesTests: DeskTestCase {
    func assertDamaged(_ relativePath: String, line expectedLine: Int, mentions word: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        for args in [["list"], ["intake", "--channel", "sms", "--body", "x"], ["check"]] {
            let r = try desk(args)
            XCTAssertEqual(r.code, 3, "\(args)\n\(r.transcript)", file: file, line: line)
            let where_ = dataURL.appendingPathComponent(relativePath).path + ":\(expectedLine):"
            XCTAssertTrue(r.stderr.contains(where_), "\(args): must name \(where_)\n\(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(word), r.stderr, file: file, line: line)
        }
    }

    func edit(_ relativePath: String, _ change: (String) -> String) throws {
        let u = dataURL.appendingPathComponent(relativePath)
        try change(try String(contentsOf: u, encoding: .utf8)).write(to: u, atomically: true, encoding: .utf8)
    }

    func testRosterWithUnknownRole() throws {
        try makeDesk()
        try edit("operator.toml") { $0.replacingOccurrences(of: "role = \"pengamat\"", with: "role = \"pengamatt\"") }
        let text = try String(contentsOf: dataURL.appendingPathComponent("operator.toml"), encoding: .utf8)
        let n = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("pengamatt") }) + 1
        try assertDamaged("operator.toml", line: n, mentions: "pengamatt")
    }

    func testRosterWithUnknownAgency() throws {
        try makeDesk()
        try "[[operator]]\nname = \"x\"\nrole = \"admin-instansi\"\nagency = \"pemkab-atlantis\"\n"
            .write(to: dataURL.appendingPathComponent("operator.toml"), atomically: true, encoding: .utf8)
        try assertDamaged("operator.toml", line: 4, mentions: "pemkab-atlantis")
    }

    func testSettingsSyntaxError() throws {
        try makeDesk()
        try "name = \"Meja\ntime_zone = \"WIB\"\n".write(to: dataURL.appendingPathComponent("desk.toml"), atomically: true, encoding: .utf8)
        try assertDamaged("desk.toml", line: 1, mentions: "string")
    }

    func testHolidayListWithImpossibleDate() throws {
        try makeDesk()
        let path = "kalender/libur-2026.txt"
        let before = try String(contentsOf: dataURL.appendingPathComponent(path), encoding: .utf8)
        let n = before.split(separator: "\n", omittingEmptySubsequences: false).count + (before.hasSuffix("\n") ? 0 : 1)
        try edit(path) { $0 + (before.hasSuffix("\n") ? "" : "\n") + "2026-13-45 Hari aneh\n" }
        try assertDamaged(path, line: n, mentions: "2026-13-45")
    }

    func testReferenceDataTypo() throws {
        try makeDesk()
        let path = "referensi/instansi.toml"
        let text = try String(contentsOf: dataURL.appendingPathComponent(path), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = try XCTUnwrap(lines.firstIndex { $0 == "jenis = \"kabupaten\"" })
        lines[n] = "jenis = \"kabupatn\""
        try lines.joined(separator: "\n").write(to: dataURL.appendingPathComponent(path), atomically: true, encoding: .utf8)
        try assertDamaged(path, line: n + 1, mentions: "kabupatn")
    }

    func testWriterGivesUpOnALockedJournalWithExitThree() throws {
        try makeDesk()
        _ = try intake([])
        let lockPath = dataURL.appendingPathComponent("journal/LOCK").path
        let fd = open(lockPath, O_RDWR | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(fd, 0, "journal/LOCK exists after a write")
        guard fd >= 0 else { return }
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let started = Date()
        let r = try desk(["intake", "--channel", "sms", "--body", "terkunci"])
        XCTAssertEqual(r.code, 3, r.transcript)
        XCTAssertTrue(r.stderr.contains("LOCK") || r.stderr.contains("locked"), r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(flock(fd, LOCK_UN), 0)
        _ = try intake([], body: "setelah kunci dilepas")
        XCTAssertEqual(try listJSON().count, 2)
    }
}
