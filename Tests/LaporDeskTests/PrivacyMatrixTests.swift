import Foundation
import XCTest

/// Every command-line output path × the *anonim*/*rahasia* flags × every role: the reporter's identity of
/// an anonymous report reaches only the national desk; a confidential report never leaves in a public
/// export or Open311; another agency sees nothing; error messages leak nothing.
final class PrivacyMatrixTests: DeskTestCase {
    struct Case {
        var index: Int
        var anonymous: Bool
        var confidential: Bool
        var id = ""
        var name: String { "Pelapor Uji \(index) Wibowo" }
        var nik: String { "34040123456700" + String(format: "%02d", index) }
        var phone: String { "+62812999900" + String(format: "%02d", index) }
        var email: String { "pelapor\(index)@mail.example" }
        var title: String { "JUDUL-\(index)-" + (anonymous ? "A" : "") + (confidential ? "R" : "") }
        var identity: [String] { [name, nik, phone, email] }
        /// Written into the body by `Fixtures.twenty`: marks the report where the title is not exported (Open311).
        var bodyMarker: String { "(laporan \(index))" }
    }

    static let roles = ["rina", "budi", "sari", "made", "pelatih"]

    /// Plain, anonim, rahasia, anonim+rahasia; all disposed to Sleman and passed to its health office.
    func makeMatrixDesk() throws -> [Case] {
        try makeDesk()
        var cases = [Case(index: 1, anonymous: false, confidential: false), Case(index: 2, anonymous: true, confidential: false),
                     Case(index: 3, anonymous: false, confidential: true), Case(index: 4, anonymous: true, confidential: true)]
        var reports = Array(Fixtures.twenty.prefix(4))
        for (i, c) in cases.enumerated() {
            reports[i].anonymous = c.anonymous
            reports[i].confidential = c.confidential
            reports[i].title = c.title
            reports[i].email = c.email
        }
        try expect(0, ["import", try writeFile("m.jsonl", Data((reports.map(\.jsonLine).joined(separator: "\n") + "\n").utf8))])
        let rows = try listJSON(["--as", "rina"])
        for i in cases.indices {
            cases[i].id = try XCTUnwrap(rows.first { ($0["title"] as? String) == cases[i].title }?["id"] as? String)
            try expect(0, ["act", cases[i].id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
            try expect(0, ["act", cases[i].id, "assign-unit", "--unit", "pemkab-sleman/dinkes", "--as", "budi"])
        }
        return cases
    }

    func run(_ args: [String], as role: String) throws -> RunResult { try desk(args + ["--as", role]) }

    func testEveryOutputPathEveryFlagEveryRole() throws {
        let cases = try makeMatrixDesk()
        var checks = 0
        func assertHidden(_ c: Case, in text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
            for marker in c.identity where text.contains(marker) {
                XCTFail("\(what) shows \(marker) of report \(c.index)", file: file, line: line)
            }
            checks += 1
        }
        for role in Self.roles {
            let national = role == "rina"
            let seesReports = role != "made"
            // Per report: show and show --json.
            for c in cases {
                for args in [["show", c.id], ["show", c.id, "--json"]] {
                    let r = try run(args, as: role)
                    let what = "\(args.joined(separator: " ")) --as \(role)"
                    if !seesReports {
                        XCTAssertNotEqual(r.code, 0, what)
                        XCTAssertFalse(r.stdout.contains(c.title) || r.stderr.contains(c.title), "\(what) names the title")
                        assertHidden(c, in: r.stdout + r.stderr, what)
                    } else if c.anonymous && !national {
                        XCTAssertEqual(r.code, 0, what)
                        assertHidden(c, in: r.stdout + r.stderr, what)
                    } else {
                        XCTAssertEqual(r.code, 0, what)
                        XCTAssertTrue(r.stdout.contains(c.name) && r.stdout.contains(c.nik), "control: \(what) shows the identity")
                    }
                }
            }
            // Whole-desk outputs, internal and public.
            let internalPaths: [[String]] = [["list"], ["list", "--json"], ["export"], ["export", "--format", "csv"], ["stats"],
                                             ["stats", "--json"], ["export", "--format", "csv", "--report", "monthly"]]
            let publicPaths: [[String]] = [["export", "--public"], ["export", "--public", "--format", "csv"],
                                           ["export", "--public", "--format", "open311"], ["export", "--format", "open311"],
                                           ["export", "--public", "--format", "csv", "--report", "monthly"]]
            for args in internalPaths {
                let r = try run(args, as: role)
                XCTAssertEqual(r.code, 0, "\(args) --as \(role)\n\(r.stderr)")
                for c in cases where c.anonymous && !national || !seesReports {
                    assertHidden(c, in: r.stdout + r.stderr, "\(args.joined(separator: " ")) --as \(role)")
                }
                if !seesReports { XCTAssertFalse(cases.contains { r.stdout.contains($0.title) }, "\(args) --as made lists Sleman's reports") }
            }
            for args in publicPaths {
                let r = try run(args, as: role)
                XCTAssertEqual(r.code, 0, "\(args) --as \(role)\n\(r.stderr)")
                for c in cases {
                    assertHidden(c, in: r.stdout, "\(args.joined(separator: " ")) --as \(role)")
                    if c.confidential {
                        XCTAssertFalse(r.stdout.contains(c.title) || r.stdout.contains(c.bodyMarker),
                                       "\(args) --as \(role) publishes rahasia report \(c.index)")
                    }
                }
                if seesReports && !args.contains("monthly") {
                    XCTAssertTrue(cases.prefix(2).allSatisfy { r.stdout.contains($0.bodyMarker) || r.stdout.contains($0.title) },
                                  "control: \(args) --as \(role) publishes the plain and the anonymous report")
                }
            }
            // The national desk's internal export does carry identities (so the checks above can fail).
            if national {
                let all = try run(["export"], as: role).stdout
                XCTAssertTrue(cases.allSatisfy { all.contains($0.nik) })
            }
        }
        XCTAssertGreaterThan(checks, 150)
    }

    func testRefusalsAndErrorsLeakNoIdentity() throws {
        let cases = try makeMatrixDesk()
        let anon = cases[1]
        // Actions outside the role or agency: refused with the reason, never with the reporter's identity.
        let refused: [([String], String)] = [
            (["act", anon.id, "note", "--text", "x"], "made"),
            (["act", anon.id, "note", "--text", "x"], "pelatih"),
            (["act", anon.id, "set-flags", "--anonymous", "false"], "budi"),
            (["act", anon.id, "redact", "--field", "reporter.nik", "--reason", "x"], "budi"),
            (["act", anon.id, "dispose", "--agency", "pemprov-bali"], "sari"),
            (["act", anon.id, "archive", "--reason", "tidak-jelas"], "budi"),
            (["show", anon.id], "made"),
        ]
        for (args, role) in refused {
            let r = try run(args, as: role)
            XCTAssertNotEqual(r.code, 0, "\(args) --as \(role) must be refused\n\(r.transcript)")
            XCTAssertFalse(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(args) --as \(role): no reason given")
            for marker in anon.identity { XCTAssertFalse((r.stdout + r.stderr).contains(marker), "\(args) --as \(role) leaks \(marker)") }
        }
        // Another agency's report reads as no report at all, as `show` says (QA: "not in your queue (another
        // agency or unit)" told which numbers were real; a dispose without --agency named no routing rule).
        for verb in [["note", "--text", "x"], ["dispose"]] {
            let real = try run(["act", anon.id] + verb, as: "made")
            let missing = try run(["act", "2699999"] + verb, as: "made")
            XCTAssertEqual(real.code, missing.code, "\(verb)")
            XCTAssertEqual(real.stderr.replacingOccurrences(of: anon.id, with: "ID"), missing.stderr.replacingOccurrences(of: "2699999", with: "ID"),
                           "\(verb)")
            XCTAssertTrue(real.stderr.contains("No such report in your view."), real.stderr)
        }
        // Nothing refused was written.
        let types = try journalObjects().compactMap { $0["type"] as? String }
        XCTAssertFalse(types.contains("report.note-added") || types.contains("report.archived") || types.contains("report.redacted"), "\(types)")
        XCTAssertTrue(try listJSON(["--as", "rina", "--search", anon.name]).compactMap { $0["id"] as? String }.contains(anon.id),
                      "control: the national desk finds it by the reporter's name")
        // Search is no oracle for another role.
        for term in [anon.name, anon.nik, anon.phone, anon.email] {
            for role in ["budi", "sari", "pelatih"] {
                let found = try listJSON(["--as", role, "--search", term]).compactMap { $0["id"] as? String }
                XCTAssertFalse(found.contains(anon.id), "\(role) finds the anonymous report by \(term)")
            }
        }
    }
}
