import Foundation
import XCTest

/// The projection snapshot as an officer meets it: the console on a big desk writes one in the background,
/// the next start uses it, later events are folded on top, and every command shows the same desk with or
/// without it.
final class SnapshotTmuxTests: DeskTestCase {
    var snapshotFile: String { dataPath + "/cache/proyeksi.snap" }

    func waitForFile(_ path: String, timeout: TimeInterval = 60) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if FileManager.default.fileExists(atPath: path) { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    func testConsoleWritesTheSnapshotAndLaterStartsUseIt() throws {
        // 1,100 reports: about 5,600 events, above the size where a snapshot is worth writing.
        let generated = try CLI.run(["generate", "--reports", "1100", "--seed", "3", "--out", dataPath])
        XCTAssertEqual(generated.code, 0, generated.transcript)
        let fullList = try expect(0, ["list", "--json"]).stdout
        XCTAssertTrue(try expect(0, ["snapshot", "--status"]).stdout.contains("none yet"))

        let s = try openConsole("--as admin")
        guard s.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        // The file appears only by rename, complete: once it is there the write is done.
        XCTAssertTrue(waitForFile(snapshotFile), "the console wrote the snapshot in the background")
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0", timeout: 20) else { return }

        let status = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(status.contains("used, taken at event"), status)
        XCTAssertTrue(status.contains("0 events folded on top"), status)
        let mode = try FileManager.default.attributesOfItem(atPath: snapshotFile)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "the snapshot holds citizens' data: private like the journal")

        // Same desk from the snapshot as from the full fold.
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, fullList)

        // A later event is folded on top of the snapshot; the desk still equals the full fold.
        try expect(0, ["act", "--as", "admin", "2601100", "note", "--text", "sesudah snapshot"])
        let after = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(after.contains("1 events folded on top"), after)
        let shown = try expect(0, ["show", "2601100"]).stdout
        XCTAssertTrue(shown.contains("sesudah snapshot"), shown)
        let withSnapshot = try expect(0, ["list", "--json"]).stdout
        try FileManager.default.removeItem(atPath: snapshotFile)
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, withSnapshot, "deleting the snapshot changes nothing")

        // A damaged snapshot is ignored with the reason, and nothing is lost.
        try expect(0, ["snapshot"])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshotFile))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: snapshotFile))
        let damaged = try expect(0, ["snapshot", "--status"]).stdout
        XCTAssertTrue(damaged.contains("ignored") && damaged.contains("checksum"), damaged)
        XCTAssertEqual(try expect(0, ["list", "--json"]).stdout, withSnapshot)
    }
}
