import Complaints
import ComplaintJournal
import DeskResources
import Foundation
import XCTest

/// Bimtek scenarios through the real binary: every shipped scenario loads and its lesson can be completed
/// with `lapor-desk act`; wrong moves are explained; broken scenarios are refused with FILE:LINE.
final class ScenarioTests: DeskTestCase {
    static let defaults = DeskDefaults(reference: DeskResources.folder("reference"), calendars: DeskResources.folder("calendar"))

    func package(_ name: String) throws -> ScenarioPackage {
        let files = try XCTUnwrap(DeskResources.scenario(named: name), name)
        return try ScenarioPackage.load(name: name, files: files, origin: "scenarios/\(name)", defaults: Self.defaults)
    }

    func testEveryShippedScenarioLoadsWithFourToEightSteps() throws {
        XCTAssertEqual(DeskResources.scenarioNames, ["dasar", "disposisi", "tenggat", "kerahasiaan", "instansi"])
        for name in DeskResources.scenarioNames {
            let p = try package(name)
            XCTAssertTrue((4...8).contains(p.scenario.lesson.steps.count), "\(name): \(p.scenario.lesson.steps.count) steps")
            XCTAssertFalse(p.scenario.title.id.isEmpty)
            XCTAssertNotEqual(p.scenario.title.id, p.scenario.title.en, "\(name) has an English title")
        }
    }

    func testShippedReportsComeFromThePilotRegionsAndCarryTheReporterGroups() throws {
        let pilots: Set<String> = ["Bali", "DI Yogyakarta", "Sumatera Barat", "Jawa Barat", "Banten"]
        var groups: Set<String> = []
        for name in DeskResources.scenarioNames {
            let p = try package(name)
            let entries = try PracticeDesk.parse(p.files["laporan.jsonl"] ?? "", fileName: name, now: p.scenario.startsAt)
            for e in entries {
                if let province = e.intake.location.province { XCTAssertTrue(pilots.contains(province), "\(name): \(province)") }
                groups.formUnion(e.intake.reporter.groups.map(\.rawValue))
            }
        }
        XCTAssertEqual(groups, ["perempuan", "pemuda", "disabilitas", "lansia"])
    }

    func testListShowsEveryScenarioWithItsTitle() throws {
        let r = try CLI.run(["scenario", "list"])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertTrue(r.stdout.contains("dasar") && r.stdout.contains("Dasar: triase pertama"), r.stdout)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { !$0.hasPrefix(" ") }.count, 5, "one line per scenario")
        XCTAssertEqual(lines.filter { $0.hasPrefix(" ") }.count, 5, "each followed by its description")
        let en = try CLI.run(["scenario", "list", "--lang", "en"])
        XCTAssertTrue(en.stdout.contains("Basics: first triage"), en.stdout)
        XCTAssertTrue(en.stdout.contains("The 'Overdue' tab shows reports past their deadline"), en.stdout)
    }

    /// QA: a class folder named like a scenario (`dasar`) in the current directory hid the shipped one:
    /// `demo --scenario dasar`, Ctrl-R and `scenario list` all failed for want of its skenario.toml. Only a
    /// folder that is a scenario (with skenario.toml) stands in for a shipped name.
    func testAFolderNamedLikeAScenarioDoesNotHideIt() throws {
        let room = dataURL.deletingLastPathComponent().appendingPathComponent("kelas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: room.appendingPathComponent("dasar"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: room) }
        let list = try CLI.run(["scenario", "list"], in: room)
        XCTAssertEqual(list.code, 0, list.transcript)
        XCTAssertTrue(list.stdout.contains("Dasar: triase pertama"), list.stdout)
        let made = try CLI.run(["scenario", "create", "dasar", "--data", room.appendingPathComponent("dasar").path], in: room)
        XCTAssertEqual(made.code, 0, made.transcript)
        // A trainer's edited copy (a folder with skenario.toml) named like a shipped scenario is still the one
        // used: broken on purpose here, `check dasar` names its file.
        let other = room.appendingPathComponent("lain")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try expect(0, ["scenario", "copy", "dasar", other.appendingPathComponent("dasar").path])
        try "judul = [\n".write(to: other.appendingPathComponent("dasar/skenario.toml"), atomically: true, encoding: .utf8)
        let checked = try CLI.run(["scenario", "check", "dasar"], in: other)
        XCTAssertNotEqual(checked.code, 0, checked.transcript)
        XCTAssertTrue(checked.stderr.contains("lain/dasar/skenario.toml:"), checked.transcript)
    }

    /// The act arguments that satisfy a step's expectation.
    func actArguments(_ step: LessonStep, id: String) -> [String] {
        let e = step.expect
        var args = [id, e.verb.rawValue]
        for (k, v) in e.fields.sorted(by: { $0.key < $1.key }) where k != "kind" { args += ["--\(k)", v] }
        switch e.verb {
        case .postpone: args += ["--question", "Mohon sebutkan lokasi dan tanggal kejadian."]
        case .note, .followUp, .reply: args += ["--text", "Sudah dikoordinasikan dengan unit terkait."]
        case .sendBack: args += ["--reason", "Jalan desa adalah kewenangan Pemerintah Kabupaten Gianyar."]
        case .accept: args += ["--text", "Pelapor puas."]
        default: break
        }
        return args
    }

    func ids() throws -> [String: ReportID] {
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: Self.defaults, mode: .readOnly)
        return ScenarioDesk.reportIDs(opened.desk)
    }

    func testEveryLessonCanBeCompletedWithAct() throws {
        for name in DeskResources.scenarioNames {
            try? FileManager.default.removeItem(at: dataURL)
            try expect(0, ["scenario", "create", name])
            let p = try package(name)
            let ids = try ids()
            for (i, step) in p.scenario.lesson.steps.enumerated() {
                let id = try XCTUnwrap(ids[step.expect.reportExternalID]).rawValue
                try expect(0, ["act", "--as", p.scenario.trainee] + actArguments(step, id: id))
                let progress = try expect(0, ["scenario", "progress"])
                XCTAssertTrue(progress.stdout.contains("\(i + 1)/\(p.scenario.lesson.steps.count)"), "\(name) step \(i + 1)\n\(progress.stdout)")
            }
            let done = try expect(0, ["scenario", "progress"]).stdout
            XCTAssertFalse(done.contains("  · "), "\(name): every step done\n\(done)")
        }
    }

    /// QA: every receipt was written before the scripted history, so a replay (which steps in journal order)
    /// showed reports before they arrived and a clock that ran backwards. The journal is in time order.
    func testEveryScenarioDesksJournalIsInTimeOrder() throws {
        for name in DeskResources.scenarioNames {
            try? FileManager.default.removeItem(at: dataURL)
            try expect(0, ["scenario", "create", name])
            let times = try journalObjects().compactMap { ($0["at"] as? String).flatMap { ISOTime.parse($0) } }
            XCTAssertGreaterThanOrEqual(times.count, 4, name)
            XCTAssertEqual(times, times.sorted(), "\(name): events out of time order")
        }
    }

    func testAWrongMoveGetsItsExplanation() throws {
        try expect(0, ["scenario", "create", "dasar"])
        let ids = try ids()
        let vague = try XCTUnwrap(ids["APP-77201144"]).rawValue
        try expect(0, ["act", "--as", "rina", vague, "archive", "--reason", "terlalu-umum"])
        let out = try expect(0, ["scenario", "progress"]).stdout
        XCTAssertTrue(out.contains("✗ Sebelum mengarsipkan laporan yang terlalu umum, tunda dulu"), out)
        XCTAssertTrue(out.contains("0/5"), out)
        let en = try expect(0, ["scenario", "progress", "--lang", "en"]).stdout
        XCTAssertTrue(en.contains("✗ Before archiving a vague report"), en)
        // The right move on another step praises it, and names the report by its tracking id.
        let spam = try XCTUnwrap(ids["SMS-0812-55120"]).rawValue
        try expect(0, ["act", "--as", "rina", spam, "delete", "--reason", "spam"])
        let after = try expect(0, ["scenario", "progress"]).stdout
        XCTAssertTrue(after.contains("✓ Benar. Spam dihapus"), after)
        XCTAssertTrue(after.contains("Laporan #\(spam) adalah pesan penipuan"), after)
    }

    /// QA: a wrong move the scenario does not list, which rules a step out (a dispose to the wrong agency),
    /// left `scenario progress` showing the step open while the console's strip said it could no longer be
    /// done. Both read the same rule now.
    func testAStepRuledOutByAnUnlistedMoveIsFailedInProgress() throws {
        try expect(0, ["scenario", "create", "disposisi"])
        try expect(0, ["act", "--as", "rina", "2600002", "dispose", "--agency", "kemnaker"])
        let out = try expect(0, ["scenario", "progress"]).stdout
        XCTAssertTrue(out.contains("  ✗ 2. "), out)
        XCTAssertTrue(out.contains("✗ Langkah 2 tak bisa dikerjakan lagi: #2600002 Terdisposisi"), out)
    }

    /// The shipped `dasar` scenario copied to `scratch/NAME` with its manifest edited; the folder and the
    /// edited manifest text.
    func copiedScenario(_ name: String, replacing edits: [(String, String)]) throws -> (URL, String) {
        let folder = scratch.appendingPathComponent(name)
        XCTAssertEqual(try CLI.run(["scenario", "copy", "dasar", folder.path]).code, 0)
        let manifestURL = folder.appendingPathComponent("skenario.toml")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        for (old, new) in edits { manifest = manifest.replacingOccurrences(of: old, with: new) }
        try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
        return (folder, manifest)
    }

    func testABrokenScenarioIsRefusedWithFileAndLine() throws {
        let (folder, manifest) = try copiedScenario("mine", replacing: [
            ("do = \"postpone\"", "do = \"tunda\""), ("report = \"SURAT-019/BDG/2026\"", "report = \"SURAT-999\""),
        ])
        let manifestURL = folder.appendingPathComponent("skenario.toml")
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        let verbLine = try XCTUnwrap(lines.firstIndex { $0 == "do = \"tunda\"" }) + 1
        let reportLine = try XCTUnwrap(lines.firstIndex { $0 == "report = \"SURAT-999\"" }) + 1
        let r = try CLI.run(["scenario", "check", folder.path])
        XCTAssertEqual(r.code, 1, r.transcript)
        XCTAssertTrue(r.stderr.contains("\(manifestURL.path):\(verbLine): step[2].do: unknown verb 'tunda'"), r.stderr)
        // Every problem at once: the unknown report is named too, at its step.
        XCTAssertNotNil(r.stderr.range(of: "\(manifestURL.path):\(reportLine): step[", options: .literal), r.stderr)
        XCTAssertTrue(r.stderr.contains("].report: no report with external id 'SURAT-999'"), r.stderr)
        // A broken scenario never becomes a desk.
        let made = try CLI.run(["scenario", "create", folder.path, "--data", dataPath])
        XCTAssertEqual(made.code, 1, made.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dataPath))
    }

    func testAScenarioFolderWithABadReportLineAndExtraAgencies() throws {
        let folder = scratch.appendingPathComponent("mine")
        XCTAssertEqual(try CLI.run(["scenario", "copy", "instansi", folder.path]).code, 0)
        XCTAssertEqual(try CLI.run(["scenario", "check", folder.path]).code, 0)
        let agencies = folder.appendingPathComponent("instansi.toml")
        var text = try String(contentsOf: agencies, encoding: .utf8)
        text += "\n[[instansi]]\nid = \"pemkab-sleman\"\nnama = \"Duplikat\"\njenis = \"lembaga\"\n"
        try text.write(to: agencies, atomically: true, encoding: .utf8)
        let dupLine = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "id = \"pemkab-sleman\"" }) + 1
        let laporan = folder.appendingPathComponent("laporan.jsonl")
        var reports = try String(contentsOf: laporan, encoding: .utf8)
        reports += "{\"external_id\": \"X-1\", \"channel\": \"web\", \"age_hours\": 1, \"body\": \"\"}\n"
        try reports.write(to: laporan, atomically: true, encoding: .utf8)
        let badLine = reports.split(separator: "\n").count
        let r = try CLI.run(["scenario", "check", folder.path])
        XCTAssertEqual(r.code, 1, r.transcript)
        XCTAssertTrue(r.stderr.contains("\(agencies.path):\(dupLine):"), "agency error at its own line\n\(r.stderr)")
        XCTAssertTrue(r.stderr.contains("\(laporan.path):\(badLine):"), r.stderr)
    }

    /// On a desk not built from a scenario, `scenario progress` says so in its own terms (it spoke of a
    /// `--lesson` option the command does not have).
    func testProgressOnAnOrdinaryDeskSaysItWasNotBuiltFromAScenario() throws {
        try makeDesk()
        let r = try expect(2, ["scenario", "progress"])
        XCTAssertTrue(r.stderr.contains("scenario progress: \(dataPath) was not built from a scenario"), r.stderr)
        XCTAssertFalse(r.stderr.contains("--lesson"), r.stderr)
    }

    func testCopyNeverOverwrites() throws {
        let folder = scratch.appendingPathComponent("mine")
        XCTAssertEqual(try CLI.run(["scenario", "copy", "tenggat", folder.path]).code, 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("skenario.toml"))
        let again = try CLI.run(["scenario", "copy", "dasar", folder.path])
        XCTAssertEqual(again.code, 2, again.transcript)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("skenario.toml")), before)
        XCTAssertEqual(try CLI.run(["scenario", "copy", "tidak-ada", scratch.appendingPathComponent("x").path]).code, 2)
    }

    /// QA: `scenario check` said OK for a step naming an agency that does not exist, and for steps the
    /// trainee's role cannot take, so the class could never finish them.
    func testCheckRefusesValuesNoActionCouldMatchAndStepsTheTraineeCannotTake() throws {
        let (folder, _) = try copiedScenario("salah", replacing: [
            ("agency = \"pemkab-sleman\"", "agency = \"pemkab-slemann\""), ("trainee = \"rina\"", "trainee = \"budi\""),
        ])
        let r = try CLI.run(["scenario", "check", folder.path])
        XCTAssertNotEqual(r.code, 0, r.transcript)
        // Each problem names its step (QA: "agency:" and "do:" alone).
        XCTAssertTrue(r.stderr.contains("step[1].agency: no agency 'pemkab-slemann' in instansi.toml"), r.stderr)
        XCTAssertNotNil(r.stderr.range(of: #"step\[[0-9]+\]\.do: the trainee 'budi' \(admin-instansi\) cannot 'dispose'"#, options: .regularExpression),
                        r.stderr)
        XCTAssertNotNil(r.stderr.range(of: #"skenario.toml:[0-9]+: step\[1\]\.agency:"#, options: .regularExpression), "FILE:LINE: \(r.stderr)")
    }

    /// QA: a step that cannot follow the ones before it (archiving a report step 5 disposed) passed `scenario
    /// check`, and the class met a lesson it could never finish. The check does the steps in order.
    func testCheckDoesTheStepsInOrderAndNamesOneThatCannotFollow() throws {
        let (folder, manifest) = try copiedScenario("urutan", replacing: [])
        let extra = "\n[[step]]\ninstruction = \"Arsipkan.\"\ndo = \"archive\"\nreport = \"LOKET-TNG-0141\"\nreason = \"terlalu-umum\"\npraise = \"Ya.\"\n"
        try (manifest + extra).write(to: folder.appendingPathComponent("skenario.toml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["scenario", "check", folder.path])
        XCTAssertEqual(r.code, 1, r.transcript)
        let line = manifest.split(separator: "\n", omittingEmptySubsequences: false).count + 3
        XCTAssertTrue(r.stderr.contains("skenario.toml:\(line): do: step 6 cannot follow the steps before it: 'Archive' is not possible"), r.stderr)
        for shipped in ["dasar", "disposisi", "instansi", "kerahasiaan", "tenggat"] {
            let ok = try CLI.run(["scenario", "check", shipped])
            XCTAssertEqual(ok.code, 0, "\(shipped): every shipped lesson can be done in order\n\(ok.transcript)")
        }
    }
}
