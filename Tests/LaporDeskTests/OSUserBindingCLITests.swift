import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The journal names the OS account beside the operator; a roster with `os_user` binds operators to
/// accounts: `act` by another account is refused, and its console opens read-only with a banner.
final class OSUserBindingCLITests: DeskTestCase {
    /// The account these tests run as (root in CI).
    var account: String {
        guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "?" }
        return String(cString: name)
    }

    /// The test roster with `os_user` lines: rina bound to `rinaAccount`, budi to someone else.
    func bindRoster(rinaAccount: String) throws {
        let text = Fixtures.roster.replacingOccurrences(of: "role = \"admin-nasional\"\n",
                                                        with: "role = \"admin-nasional\"\nos_user = \"\(rinaAccount)\"\n")
            .replacingOccurrences(of: "agency = \"pemkab-sleman\"\n\n[[operator]]\nname = \"sari\"",
                                  with: "agency = \"pemkab-sleman\"\nos_user = \"budi.s\"\n\n[[operator]]\nname = \"sari\"")
        XCTAssertTrue(text.contains("os_user = \"budi.s\"") && text.contains("os_user = \"\(rinaAccount)\""))
        try text.write(to: dataURL.appendingPathComponent("operator.toml"), atomically: true, encoding: .utf8)
    }

    func testJournalRecordsTheOSAccountBesideTheOperator() throws {
        try makeDesk()
        let id = try intake([])
        try expect(0, ["act", id, "note", "--text", "cek", "--as", "rina"], stdin: nil)
        let actors = try journalObjects().compactMap { $0["actor"] as? [String: Any] }
        XCTAssertEqual(actors.count, 2)
        for a in actors { XCTAssertEqual(a["os"] as? String, account, "every event names the OS account: \(a)") }
        XCTAssertEqual(actors.last?["name"] as? String, "rina")
        // Even with $USER unset or lying, the account comes from the password database.
        let r = try CLI.run(["act", id, "note", "--text", "dua", "--as", "rina", "--data", dataPath], env: ["USER": "palsu"])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertEqual((try journalObjects().last?["actor"] as? [String: Any])?["os"] as? String, account)
    }

    func testActByAnAccountNotOnTheRosterIsRefused() throws {
        try makeDesk()
        let id = try intake([])
        try bindRoster(rinaAccount: "bukan-\(account)")
        let before = try journalObjects().count
        let r = try expect(1, ["act", id, "note", "--text", "x", "--as", "rina"])
        XCTAssertTrue(r.stderr.contains("OS user '\(account)' is not on the roster"), r.stderr)
        XCTAssertEqual(try journalObjects().count, before, "nothing written")
        // Recording a report in an operator's name is bound the same way; channel intake (`sistem`) is not.
        let asRina = try expect(1, ["intake", "--channel", "sms", "--body", "x", "--as", "rina"])
        XCTAssertTrue(asRina.stderr.contains("not on the roster"), asRina.stderr)
        try expect(1, ["import", "--as", "rina", try writeFile("i.jsonl", Data("{\"channel\":\"sms\",\"body\":\"y\"}\n".utf8))])
        XCTAssertEqual(try journalObjects().count, before, "nothing written")
        try expect(0, ["intake", "--channel", "sms", "--body", "dari kanal"])
        // Reading is still allowed.
        try expect(0, ["show", id, "--as", "rina"])
    }

    func testBoundAccountActsOnlyAsItsOwnOperator() throws {
        try makeDesk()
        let id = try intake([])
        try bindRoster(rinaAccount: account)
        try expect(0, ["act", id, "note", "--text", "boleh", "--as", "rina"])
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        let r = try expect(1, ["act", id, "note", "--text", "menyamar", "--as", "budi"])
        XCTAssertTrue(r.stderr.contains("operator 'budi' belongs to OS user 'budi.s', not '\(account)'"), r.stderr)
        let r2 = try expect(1, ["act", id, "note", "--text", "menyamar", "--as", "sari"])
        XCTAssertTrue(r2.stderr.contains("operator 'sari' has no os_user"), r2.stderr)
    }

    /// QA: `check --repair` acknowledged damage as any operator from any account, making the desk writable
    /// again, while `act` as that operator was refused. With bindings it needs the account's own operator.
    func testRepairIsBoundLikeEveryChange() throws {
        try makeDesk()
        _ = try intake([])
        _ = try intake([], body: "laporan kedua tentang jalan")
        var bytes = try Data(contentsOf: journalFile)
        bytes[bytes.startIndex + 40] ^= 0x01
        try bytes.write(to: journalFile)
        try bindRoster(rinaAccount: account)
        let unnamed = try expect(1, ["check", "--repair"])
        XCTAssertTrue(unnamed.stderr.contains("name yours with --as"), unnamed.stderr)
        let other = try expect(1, ["check", "--repair", "--as", "budi"])
        XCTAssertTrue(other.stderr.contains("operator 'budi' belongs to OS user 'budi.s'"), other.stderr)
        try expect(3, ["check"])
        try expect(0, ["check", "--repair", "--as", "rina"])
        try expect(0, ["check"])
    }

    func testConsoleOfAnAccountNotOnTheRosterOpensReadOnlyWithABanner() throws {
        try makeDesk()
        let id = try intake([])
        try bindRoster(rinaAccount: "bukan-\(account)")
        let before = try journalObjects().count
        let s = try openConsole()
        defer { s.kill() }
        guard s.waitFor(text: "BACA SAJA") else { return }
        XCTAssertTrue(s.lastScreen.contains("pengguna OS"), s.lastScreen)
        guard s.waitFor(text: id) else { return }
        try s.keys("c")
        usleep(300_000)
        try s.type("tidak boleh")
        try s.keys("C-s")
        usleep(500_000)
        try s.keys("Escape")
        usleep(300_000)
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0") else { return }
        XCTAssertEqual(try journalObjects().count, before, "a read-only console writes nothing")
    }

    /// Read-only from the first byte: the console of an account the roster does not bind must not even
    /// run the writer's start-up recovery (which cuts a torn tail into quarantine); the bound account's does.
    func testConsoleOfAnUnboundAccountLeavesATornTailForAWriter() throws {
        try makeDesk()
        _ = try intake([])
        let torn = Data("{\"v\":1,\"seq\":99,\"id\":\"torn".utf8)
        let handle = try FileHandle(forWritingTo: journalFile)
        handle.seekToEndOfFile()
        handle.write(torn)
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: journalFile.path)[.size] as? Int
        let quarantine = dataURL.appendingPathComponent("journal/quarantine").path
        func tornFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: quarantine)) ?? []).filter { $0.hasSuffix(".torn") }
        }

        try bindRoster(rinaAccount: "bukan-\(account)")
        var s = try openConsole()
        guard s.waitFor(text: "BACA SAJA") else { return }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0") else { return }
        s.kill()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: journalFile.path)[.size] as? Int, size,
                       "the torn tail is still there for a writer")
        XCTAssertEqual(tornFiles(), [])

        // The bound account's console is a writer: its recovery sets the torn tail aside.
        try bindRoster(rinaAccount: account)
        s = try openConsole()
        defer { s.kill() }
        guard s.waitFor(text: "Jurnal") else { return }
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0") else { return }
        XCTAssertEqual(tornFiles().count, 1, "a writer quarantines the torn tail")
    }

    func testConsoleOfTheBoundAccountWrites() throws {
        try makeDesk()
        _ = try intake([])
        try bindRoster(rinaAccount: account)
        let s = try openConsole()
        defer { s.kill() }
        guard s.waitFor(text: "Jurnal: OK") else { return }
        XCTAssertFalse(s.lastScreen.contains("BACA SAJA"), s.lastScreen)
        try s.keys("q")
        s.waitFor(text: "LAPOR_EXIT=0")
    }

    func openConsole() throws -> TmuxSession { try openConsole("--as rina") }
}
