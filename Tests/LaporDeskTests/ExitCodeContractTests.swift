import Foundation
import XCTest

/// formats.md §1: 0 success, 1 input rejected (good part done), 2 usage, 3 damaged or locked.
final class ExitCodeContractTests: DeskTestCase {
    static let subcommands = ["console", "demo", "init", "intake", "import", "list", "show", "stats", "export",
                              "check", "act", "sweep"]

    func testHelpWorksEverywhere() throws {
        let top = try CLI.run(["--help"])
        XCTAssertEqual(top.code, 0, top.transcript)
        for sub in Self.subcommands {
            XCTAssertTrue(top.stdout.contains(sub), "top-level help does not list \(sub)\n\(top.stdout)")
            let r = try CLI.run([sub, "--help"])
            XCTAssertEqual(r.code, 0, "\(sub) --help\n\(r.transcript)")
            XCTAssertTrue(r.stdout.contains("--data"), "\(sub) --help does not mention --data\n\(r.stdout)")
        }
        let helpSub = try CLI.run(["help", "import"])
        XCTAssertEqual(helpSub.code, 0, helpSub.transcript)
    }

    func testBadFlagAndUnknownSubcommandAreUsageErrors() throws {
        try makeDesk()
        for args in [["list", "--no-such-flag"], ["frobnicate"], ["list", "--status", "hilang"],
                     ["import", "--format", "xml", "x"], ["act"], ["show"]] {
            let r = try desk(args)
            XCTAssertEqual(r.code, 2, "\(args)\n\(r.transcript)")
            XCTAssertFalse(r.stderr.isEmpty, "\(args): usage error must explain on stderr")
            XCTAssertTrue(r.stdout.isEmpty, "\(args): usage error must not print on stdout\n\(r.stdout)")
        }
        let r = try desk(["list", "--no-such-flag"])
        XCTAssertTrue(r.stderr.contains("Usage") || r.stderr.contains("usage"), r.stderr)
        // A flag the verb does not read is a usage error, and nothing is recorded (QA: the note was saved and
        // --reason dropped without a word).
        let id = try intake([])
        let unused = try desk(["act", id, "note", "--text", "hi", "--reason", "x"])
        XCTAssertEqual(unused.code, 2, unused.transcript)
        XCTAssertTrue(unused.stderr.contains("act note: --reason: not used by 'note' (it takes: text)"), unused.stderr)
        XCTAssertFalse(try desk(["show", id]).stdout.contains("hi"), "nothing recorded")
    }

    /// QA: `--text a --text b` recorded "b" and dropped "a" without a word. An option that takes one value
    /// is refused when given twice, before anything is done; repeatable ones stay repeatable.
    func testAnOptionGivenTwiceIsAUsageError() throws {
        try makeDesk()
        let id = try intake([])
        let twice = try desk(["act", id, "note", "--text", "pertama", "--text=kedua"])
        XCTAssertEqual(twice.code, 2, twice.transcript)
        XCTAssertTrue(twice.stderr.contains("--text was given 2 times ('pertama', 'kedua'); it takes one value"), twice.stderr)
        let shown = try desk(["show", id]).stdout
        XCTAssertFalse(shown.contains("pertama") || shown.contains("kedua"), "nothing recorded")
        // A value that looks like the option is still a value (`--text` takes anything), not a second one.
        let dashed = try desk(["act", id, "note", "--text", "--text"])
        XCTAssertEqual(dashed.code, 0, dashed.transcript)
        let short = try desk(["export", "-o", dataPath + "-a.csv", "-o", dataPath + "-b.csv"])
        XCTAssertEqual(short.code, 2, short.transcript)
        XCTAssertTrue(short.stderr.contains("--output was given 2 times"), short.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataPath + "-a.csv"))
        let repeatable = try desk(["list", "--status", "baru", "--status", "tunda"])
        XCTAssertEqual(repeatable.code, 0, repeatable.transcript)
        XCTAssertTrue(repeatable.stdout.contains(id), repeatable.stdout)
    }

    func testUnknownOperatorIsUsageError() throws {
        try makeDesk()
        // Every command that takes --as (QA: sweep, check and snapshot took an unknown one silently).
        for command in ["list", "sweep", "check", "snapshot"] {
            let r = try desk([command, "--as", "siapa"])
            XCTAssertEqual(r.code, 2, "\(command): \(r.transcript)")
            XCTAssertTrue(r.stderr.contains("siapa") && r.stderr.contains("operator.toml"), r.stderr)
        }
    }

    func testMissingDataFolderIsUsageErrorWithHint() throws {
        for args in [["list"], ["show", "1"], ["stats"], ["export"], ["check"], ["act", "1", "note", "--text", "x"],
                     ["intake", "--channel", "sms", "--body", "x"]] {
            let r = try desk(args)
            XCTAssertEqual(r.code, 2, "\(args)\n\(r.transcript)")
            XCTAssertTrue(r.stderr.contains("lapor-desk init"), "\(args): no hint\n\(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dataPath), "\(args) must not create the folder")
        }
    }

    /// QA: `generate --out ''` wrote a desk into the working folder and made it 0700; `init` and `generate`
    /// wrote one among a folder's other files. Both want a new or empty folder, and say so.
    func testADeskIsMadeOnlyInANewOrEmptyFolder() throws {
        let busy = scratch.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: busy, withIntermediateDirectories: true)
        try Data("catatan\n".utf8).write(to: busy.appendingPathComponent("notes.txt"))
        for args in [["init", "--data", busy.path], ["generate", "--reports", "3", "--out", busy.path]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, r.transcript)
            XCTAssertTrue(r.stderr.contains("the folder holds other files; a desk is made in a new or empty folder"), r.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: busy.path), ["notes.txt"], "nothing written")
        let empty = try CLI.run(["generate", "--reports", "3", "--out", ""])
        XCTAssertEqual(empty.code, 2, empty.transcript)
        XCTAssertTrue(empty.stderr.contains("--out: the folder path is empty"), empty.stderr)
        let fresh = scratch.appendingPathComponent("kosong")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        XCTAssertEqual(try CLI.run(["init", "--data", fresh.path]).code, 0, "an empty folder is fine")
        // A name with control characters still gives a desk every command opens (QA: desk.toml held a raw ESC).
        let named = scratch.appendingPathComponent("bernama").path
        XCTAssertEqual(try CLI.run(["init", "--data", named, "--name", "Meja\n[x]\u{1B}\u{7F}"]).code, 0)
        XCTAssertEqual(try CLI.run(["list", "--data", named]).code, 0)
    }

    /// QA: a file given as the data folder was told to check the folder's owner and permissions.
    func testAFileGivenAsTheDataFolderIsNamedAsAFile() throws {
        let file = scratch.appendingPathComponent("intake.jsonl")
        try Data("{}\n".utf8).write(to: file)
        let r = try CLI.run(["list", "--data", file.path])
        XCTAssertEqual(r.code, 3, r.transcript)
        XCTAssertTrue(r.stderr.contains("\(file.path): a file, not a folder (give --data the desk's folder)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("permissions"), r.stderr)
    }

    func testImportWithBadLinesExitsOneAndRecordsTheRest() throws {
        try makeDesk()
        let text = """
        {"channel": "sms", "external_id": "a1", "body": "Jalan rusak"}
        {"channel": "merpati", "external_id": "a2", "body": "Burung"}
        not json at all
        {"channel": "web", "external_id": "a4", "body": "Lampu mati", "reporter": {"groups": ["alien"]}}
        {"channel": "web", "external_id": "a5"}
        {"channel": "web", "external_id": "a6", "body": "Air keruh"}

        """
        let path = try writeFile("campur.jsonl", Data(text.utf8))
        let r = try expect(1, ["import", path])
        let errors = r.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(path + ":") }
        XCTAssertEqual(errors.count, 4, r.stderr)
        let pattern = try NSRegularExpression(pattern: "^" + NSRegularExpression.escapedPattern(for: path) + ":[0-9]+: .+")
        for e in errors {
            XCTAssertNotNil(pattern.firstMatch(in: e, range: NSRange(e.startIndex..., in: e)), e)
        }
        XCTAssertTrue(errors.contains { $0.hasPrefix("\(path):2: channel:") }, r.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("\(path):3: ") }, r.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("\(path):4: reporter.groups") }, r.stderr)
        XCTAssertTrue(errors.contains { $0.hasPrefix("\(path):5: body:") }, r.stderr)
        XCTAssertEqual(Set(try listJSON().compactMap { $0["external_id"] as? String }), ["a1", "a6"])
    }

    /// QA: a missing file among several stopped the whole import (exit 2, nothing written). The readable
    /// files are imported and the missing one is named (exit 1); with no readable file it is a usage error.
    func testAMissingFileAmongSeveralIsReportedAndTheOthersAreImported() throws {
        try makeDesk()
        let good = try writeFile("baik.jsonl", Data(#"{"channel": "sms", "external_id": "m1", "body": "Jalan rusak"}"# .utf8 + [0x0A]))
        let missing = dataURL.deletingLastPathComponent().appendingPathComponent("tidak-ada.jsonl").path
        let r = try expect(1, ["import", missing, good])
        XCTAssertTrue(r.stderr.contains("\(missing): cannot read the file (No such file or directory)"), r.stderr)
        XCTAssertEqual(Set(try listJSON().compactMap { $0["external_id"] as? String }), ["m1"])
        let none = try desk(["import", missing])
        XCTAssertEqual(none.code, 2, none.transcript)
        XCTAssertTrue(none.stderr.contains(missing), none.stderr)
    }

    /// QA: the summary counted messages, not lines ("2 ditolak" for one line missing both channel and body).
    func testTheSummaryCountsRejectedLinesNotMessages() throws {
        try makeDesk()
        let text = #"{"external_id":"c-1","title":"no channel, no body"}"# + "\n" + #"{"channel":"sms","body":"baik"}"# + "\n"
        let r = try expect(1, ["import", try writeFile("cnt.jsonl", Data(text.utf8))])
        XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.contains("cnt.jsonl:1:") }.count, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("Diimpor 1 laporan, 0 sudah ada (duplikat), 1 ditolak."), r.stderr)
    }

    /// QA: a mistyped agency id listed nothing with exit 0, as if the agency had no reports.
    func testListWithAnUnknownAgencyIsAUsageError() throws {
        try makeDesk()
        let r = try desk(["list", "--agency", "pemkab-slemn"])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("--agency: unknown agency id 'pemkab-slemn'"), r.stderr)
        XCTAssertEqual(try desk(["list", "--agency", "pemkab-sleman"]).code, 0)
    }

    /// QA: `stats --from 0001-01-01 --to 9999-12-31` printed 3.6 million lines and took a gigabyte.
    func testStatsRefusesRangesOfMoreThanTenYears() throws {
        try makeDesk()
        let r = try desk(["stats", "--from", "0001-01-01", "--to", "9999-12-31"])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("at most ten years"), r.stderr)
        XCTAssertEqual(try desk(["stats", "--from", "2017-01-01", "--to", "2026-12-31"]).code, 0)
    }

    func testSettingsTypoIsDamageNamingFileAndLine() throws {
        try makeDesk()
        let settings = dataURL.appendingPathComponent("desk.toml")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(of: "verifikasi = 3", with: "verifkasi = 3")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let lineNumber = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("verifkasi") }) + 1
        for args in [["list"], ["intake", "--channel", "sms", "--body", "x"]] {
            let r = try desk(args)
            XCTAssertEqual(r.code, 3, "\(args)\n\(r.transcript)")
            XCTAssertTrue(r.stderr.contains("\(settings.path):\(lineNumber):"), "must name desk.toml:\(lineNumber)\n\(r.stderr)")
            XCTAssertTrue(r.stderr.contains("verifkasi"), r.stderr)
        }
    }

    func testRefusedActionsExitOneWithTheReason() throws {
        try makeDesk()
        let fresh = try intake([])
        func refused(_ args: [String], _ reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try expect(1, args, file: file, line: line)
            XCTAssertTrue(r.stderr.contains("#"), r.stderr, file: file, line: line)
            XCTAssertTrue(r.stderr.contains(reason), "\(args): expected reason '\(reason)'\n\(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stdout.isEmpty, r.stdout, file: file, line: line)
        }
        try refused(["act", fresh, "follow-up", "--text", "sudah", "--as", "rina"], "may not")
        try refused(["act", fresh, "follow-up", "--text", "sudah", "--as", "sari"], "No such report in your view")
        try refused(["act", fresh, "accept", "--as", "rina"], "not possible for a report that is")

        // Another agency's report: Bali's coordinator cannot touch Sleman's.
        try expect(0, ["act", fresh, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        try refused(["act", fresh, "assign-unit", "--unit", "pemkab-sleman/dinkes", "--as", "made"], "No such report in your view")
        try refused(["act", fresh, "assign-unit", "--unit", "pemprov-bali/dinkes", "--as", "budi"], "#\(fresh)")
        // A pengamat changes nothing.
        try refused(["act", fresh, "note", "--text", "catatan", "--as", "pelatih"], "may not")
        // Unknown verbs and unknown ids.
        try expect(2, ["act", fresh, "terbang", "--as", "rina"])
        try refused(["act", "9999999", "note", "--text", "x", "--as", "rina"], "No such report")
        // Dispose without --agency takes the routing proposal: an unknown id is still "no such report", and a
        // report no rule matches is refused (the command line was right), naming the way out.
        try refused(["act", "9999999", "dispose", "--as", "rina"], "No such report")
        let unrouted = try intake([], body: "Ada sesuatu yang aneh sekali di sini tanpa topik jelas")
        try refused(["act", unrouted, "dispose", "--as", "rina"], "no routing rule matches this report; name one with --agency")
        // An agency id no desk knows is a bad option value, named (QA: exit 1 without the flag).
        let unknown = try expect(2, ["act", unrouted, "dispose", "--agency", "dinas-antah", "--as", "rina"])
        XCTAssertTrue(unknown.stderr.contains("act dispose: --agency: Agency 'dinas-antah' is not in the directory."), unknown.stderr)
        // Nothing refused reached the journal: the two reports received, and the one disposal.
        let types = try journalObjects().compactMap { $0["type"] as? String }
        XCTAssertEqual(types, ["report.received", "report.disposed", "report.received"])
    }

    func testStaleExpectVersionIsRefused() throws {
        try makeDesk()
        let id = try intake([])
        try expect(0, ["act", id, "note", "--text", "satu", "--as", "rina", "--expect-version", "1"])
        try expect(1, ["act", id, "note", "--text", "dua", "--as", "rina", "--expect-version", "1"])
        // A version the report never had is a mistake, not a change (QA: "changed since you opened it").
        let future = try expect(1, ["act", id, "note", "--text", "tiga", "--as", "rina", "--expect-version", "9"])
        XCTAssertTrue(future.stderr.contains("has never been at version 9 (it is at 2)"), future.stderr)
    }

    func testInitTwiceRefusesAndKeepsTheDesk() throws {
        try expect(0, ["init", "--name", "Meja Sleman"])
        let settings = dataURL.appendingPathComponent("desk.toml")
        let before = try Data(contentsOf: settings)
        XCTAssertTrue(String(decoding: before, as: UTF8.self).contains("Meja Sleman"))
        _ = try intake([])
        let journalBefore = try Data(contentsOf: journalFile)
        let again = try desk(["init", "--name", "Lain"])
        XCTAssertNotEqual(again.code, 0, again.transcript)
        XCTAssertTrue(again.stderr.contains(dataPath), again.stderr)
        XCTAssertEqual(try Data(contentsOf: settings), before)
        XCTAssertEqual(try Data(contentsOf: journalFile), journalBefore)
    }

    func testIntakeValidatesItsFlags() throws {
        try makeDesk()
        let r = try desk(["intake", "--channel", "merpati", "--body", "x"])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("--channel"), r.stderr)
        let g = try desk(["intake", "--channel", "sms", "--body", "x", "--group", "alien"])
        XCTAssertEqual(g.code, 2, g.transcript)
        let journal = (try? String(contentsOf: journalFile, encoding: .utf8)) ?? ""
        XCTAssertFalse(journal.contains("alien"))
        // A value only the desk can refuse is a bad option value too (QA: `--agency nope` alone exited 1).
        let a = try desk(["intake", "--channel", "sms", "--body", "x", "--agency", "dinas-antah"])
        XCTAssertEqual(a.code, 2, a.transcript)
        XCTAssertTrue(a.stderr.contains("--agency: Agency 'dinas-antah' is not in the directory"), a.stderr)
    }

    func testConsoleWithoutATerminalIsUsageErrorNotEscapeGarbage() throws {
        try makeDesk()
        let practice = scratch.appendingPathComponent("latihan").path
        for args in [["console", "--data", dataPath], ["demo", "--data", practice], ["--data", dataPath]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.code, 2, "\(args)\n\(r.transcript)")
            XCTAssertFalse(r.stdoutData.contains(0x1B), "\(args): escape sequences written to a non-terminal")
            XCTAssertTrue(r.stderr.contains("terminal"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: practice), "no practice desk made without a terminal")
        let missing = try CLI.run(["--data", scratch.appendingPathComponent("nothing").path])
        XCTAssertEqual(missing.code, 2, missing.transcript)
    }

    func testDataFolderFromEnvironment() throws {
        try makeDesk()
        _ = try intake([])
        let r = try CLI.run(["list", "--json"], env: ["LAPOR_DESK_DATA": dataPath])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertEqual(try JSONLines.objects(r.stdout).count, 1)
        let xdg = try CLI.run(["list", "--json"], env: ["XDG_DATA_HOME": scratch.path])
        XCTAssertEqual(xdg.code, 2, "\(scratch.path)/lapor-desk does not exist\n\(xdg.transcript)")
        XCTAssertTrue(xdg.stderr.contains(scratch.appendingPathComponent("lapor-desk").path), xdg.stderr)
        // A relative XDG_DATA_HOME is ignored (XDG base directory rules): the home folder's is used.
        let relative = try CLI.run(["list", "--json"], env: ["XDG_DATA_HOME": "relative", "HOME": scratch.path])
        XCTAssertEqual(relative.code, 2, relative.transcript)
        XCTAssertTrue(relative.stderr.contains(scratch.appendingPathComponent(".local/share/lapor-desk").path), relative.stderr)
    }

    func testIntakeWithBadTimeIsUsageErrorNamingTheFlag() throws {
        try makeDesk()
        let r = try desk(["intake", "--channel", "sms", "--body", "x", "--received-at", "kemarin"])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("--received-at"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalFile.path)
            && ((try? Data(contentsOf: journalFile)) ?? Data()).count > 0)
    }

    /// QA: `--reporter.nik` named an option that does not exist. Each message names the flag to fix.
    func testIntakeMessagesNameTheFlagsThatSetTheFields() throws {
        try makeDesk()
        for (args, flag) in [(["--reporter-nik", "123"], "--reporter-nik: not a NIK"),
                             (["--group", "pria"], "--group: unknown value 'pria'"),
                             (["--incident-date", "2026-13-01"], "--incident-date: not a date"),
                             (["--classification", "keluhan"], "--classification: unknown value")] {
            let r = try desk(["intake", "--channel", "sms", "--body", "x"] + args)
            XCTAssertEqual(r.code, 2, r.transcript)
            XCTAssertTrue(r.stderr.hasPrefix(flag), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try listJSON().count, 0)
    }

    func testIntakeAttachmentFlagNeverCrashes() throws {
        try makeDesk()
        for bad in ["", "=", "=sha256:abc"] {
            let r = try desk(["intake", "--channel", "sms", "--body", "x", "--attachment", bad])
            XCTAssertEqual(r.code, 2, "--attachment '\(bad)'\n\(r.transcript)")
            XCTAssertTrue(r.stderr.contains("--attachment"), r.stderr)
        }
        let id = try intake(["--attachment", "foto-jalan.jpg=sha256:9f2c", "--attachment", "surat.pdf"])
        let json = try expect(0, ["show", id, "--json", "--as", "rina"]).stdout
        XCTAssertTrue(json.contains(#""name":"foto-jalan.jpg","ref":"sha256:9f2c""#), json)
        XCTAssertTrue(json.contains(#""name":"surat.pdf""#), json)
    }

    /// QA: formats.md says every subcommand takes `--data DIR`; `generate` and `scenario list` refused it.
    /// A negative number was "Missing value" rather than a range message; `export -o -` made a file "-".
    func testDataEverywhereNegativeNumbersAndDashForStandardOutput() throws {
        let generated = scratch.appendingPathComponent("generated").path
        let made = try CLI.run(["generate", "--reports", "3", "--data", generated])
        XCTAssertEqual(made.code, 0, made.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: generated + "/journal/000001.jsonl"))
        let listed = try CLI.run(["scenario", "list", "--data", generated])
        XCTAssertEqual(listed.code, 0, listed.transcript)
        XCTAssertTrue(listed.stdout.contains("dasar"), listed.stdout)
        let negative = try CLI.run(["generate", "--reports", "-5", "--data", scratch.appendingPathComponent("g2").path])
        XCTAssertEqual(negative.code, 2, negative.transcript)
        XCTAssertTrue(negative.stderr.contains("--reports must be positive"), negative.stderr)
        try makeDesk()
        _ = try intake([])
        let batch = try expect(2, ["import", "--batch-size", "-1", "/dev/null"])
        XCTAssertTrue(batch.stderr.contains("--batch-size must be positive"), batch.stderr)
        let exported = try expect(0, ["export", "-o", "-"])
        XCTAssertTrue(exported.stdout.hasPrefix("{\"id\":"), exported.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }
}
