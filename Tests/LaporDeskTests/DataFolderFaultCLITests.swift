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

    /// Runs the real binary as an unprivileged user (nobody) on a desk folder that user owns, so that file
    /// modes apply (root reads and writes through any mode). Skips where that cannot be set up.
    struct Unprivileged {
        let deskPath: String
        let run: ([String]) -> (code: Int32, stderr: String)
    }

    func unprivileged() throws -> Unprivileged {
        let setpriv = "/usr/bin/setpriv"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { throw XCTSkip("needs root and setpriv") }
        let home = scratch.appendingPathComponent("nobody")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let binary = home.appendingPathComponent("lapor-desk").path
        try FileManager.default.copyItem(atPath: try CLI.requireBinary().path, toPath: binary)
        XCTAssertEqual(chmod(scratch.path, 0o755), 0)
        XCTAssertEqual(chmod(home.path, 0o755), 0)
        XCTAssertEqual(chown(home.path, 65534, 65534), 0)
        let deskPath = home.appendingPathComponent("desk").path
        let scratch = self.scratch!
        return Unprivileged(deskPath: deskPath) { arguments in
            let err = scratch.appendingPathComponent("err-\(UUID().uuidString.prefix(6))").path
            let code = Spawn.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments + ["--data", deskPath],
                                 stdout: "/dev/null", stderr: err, environment: ["HOME": home.path, "SWIFT_BACKTRACE": "enable=no"])
            return (code, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        }
    }

    /// A folder that cannot be looked into is never taken for an empty one: `init` refused to write over
    /// the desk in it (it chmodded the folder back and replaced the settings and roster), and the read
    /// commands said "no desk here" and advised exactly that `init`.
    func testAFolderThatCannotBeLookedIntoIsNeverTakenForAnEmptyOne() throws {
        let nobody = try unprivileged()
        let deskPath = nobody.deskPath
        XCTAssertEqual(nobody.run(["init", "--name", "Meja Sleman"]).code, 0)
        XCTAssertEqual(nobody.run(["intake", "--channel", "sms", "--body", "laporan penting"]).code, 0)
        let settings = try Data(contentsOf: URL(fileURLWithPath: deskPath + "/desk.toml"))
        XCTAssertEqual(chmod(deskPath, 0), 0)
        defer { chmod(deskPath, 0o700) }
        let again = nobody.run(["init", "--name", "Meja Lain"])
        XCTAssertEqual(again.code, 3, again.stderr)
        XCTAssertTrue(again.stderr.contains("Permission denied") && again.stderr.contains("nothing was written"), again.stderr)
        let listed = nobody.run(["list"])
        XCTAssertEqual(listed.code, 3, listed.stderr)
        XCTAssertTrue(listed.stderr.contains("Permission denied"), listed.stderr)
        XCTAssertFalse(listed.stderr.contains("init"), "never advises init over a desk: \(listed.stderr)")
        var info = stat()
        XCTAssertEqual(stat(deskPath, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0, "the folder's mode is left as it was")
        XCTAssertEqual(chmod(deskPath, 0o700), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: deskPath + "/desk.toml")), settings, "the settings are untouched")
    }

    /// A journal segment the user may not read stops every command with the segment named, the account and
    /// the fix (exit 3): the desk never opens with part of its journal unread (its reports, ids and sequence
    /// numbers would be missing, and a writer would hand them out again).
    func testAnUnreadableSegmentIsNamedWithTheAccountAndTheFix() throws {
        let nobody = try unprivileged()
        XCTAssertEqual(nobody.run(["init", "--name", "Meja Sleman"]).code, 0)
        XCTAssertEqual(nobody.run(["intake", "--channel", "sms", "--body", "laporan penting"]).code, 0)
        let segment = nobody.deskPath + "/journal/000001.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: segment))
        XCTAssertEqual(chmod(segment, 0), 0)
        defer { chmod(segment, 0o600) }
        for command in [["list"], ["check"], ["intake", "--channel", "sms", "--body", "laporan kedua"]] {
            let refused = nobody.run(command)
            XCTAssertEqual(refused.code, 3, "\(command): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("\(segment): EACCES (Permission denied)"), refused.stderr)
            XCTAssertTrue(refused.stderr.contains("the OS account nobody may not use it") && refused.stderr.contains("chmod -R g+rX"),
                          refused.stderr)
        }
        XCTAssertEqual(chmod(segment, 0o600), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: segment)), before, "nothing written")
        XCTAssertEqual(nobody.run(["list"]).code, 0)
    }

    /// A folder made read-only (`chmod -w`) with its files still writable was written to: appends worked,
    /// while a segment roll, quarantine or snapshot would have failed half way. Writers now refuse (exit 3)
    /// and say why; reading still works.
    func testAFolderTheUserCannotWriteIsReadOnlyForWriters() throws {
        let nobody = try unprivileged()
        let deskPath = nobody.deskPath
        XCTAssertEqual(nobody.run(["init"]).code, 0)
        XCTAssertEqual(nobody.run(["intake", "--channel", "sms", "--body", "laporan pertama"]).code, 0)
        let journal = deskPath + "/journal/000001.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        XCTAssertEqual(chmod(deskPath, 0o500), 0)
        defer { chmod(deskPath, 0o700) }
        let refused = nobody.run(["intake", "--channel", "sms", "--body", "laporan kedua"])
        XCTAssertEqual(refused.code, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("cannot write to \(deskPath) (Permission denied)"), refused.stderr)
        XCTAssertEqual(nobody.run(["list"]).code, 0, "reading still works")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: journal)), before, "nothing written")
    }

    /// A desk whose settings file went missing is named as such, not as "no desk here" (which advised an
    /// `init` that then refused).
    func testADeskWithoutItsSettingsFileSaysWhichFileIsMissing() throws {
        try makeDesk()
        _ = try intake([])
        try FileManager.default.removeItem(at: dataURL.appendingPathComponent("desk.toml"))
        let listed = try expect(3, ["list"])
        XCTAssertTrue(listed.stderr.contains("\(dataPath)/desk.toml: missing"), listed.stderr)
        XCTAssertFalse(listed.stderr.contains("no desk here"), listed.stderr)
        let again = try expect(2, ["init"])
        XCTAssertTrue(again.stderr.contains("a desk already exists here"), again.stderr)
    }
}
