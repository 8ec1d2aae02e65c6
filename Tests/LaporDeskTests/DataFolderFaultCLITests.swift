import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Command-line writers on an unsafe data folder stop with a message that names the cause and the
/// fix (exit 3), read-only commands keep working, and nothing on disk changes.
final class DataFolderFaultCLITests: DeskTestCase {
    func testFolderOthersCanWriteStopsWritersButNotReaders() throws {
        try makeDesk()
        let id = try intake([])
        let journal = dataURL.appendingPathComponent("journal/000001.jsonl").path
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        XCTAssertEqual(chmod(dataPath, 0o777), 0)
        defer { chmod(dataPath, 0o700) }
        let refused = try expect(3, ["intake", "--channel", "sms", "--body", "Jalan berlubang"])
        XCTAssertTrue(refused.stderr.contains("other users can write to \(dataPath) (mode 777)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("chmod o-w \(dataPath)"), refused.stderr)
        try expect(3, ["act", id, "note", "--text", "catatan", "--as", "rina"])
        let shown = try expect(0, ["show", id, "--as", "rina"])
        XCTAssertTrue(shown.stdout.contains(id), "reading still works")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), before, "nothing written")
        XCTAssertEqual(chmod(dataPath, 0o700), 0)
        try expect(0, ["act", id, "note", "--text", "catatan", "--as", "rina"])
    }
}
