import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// The console's every screen for every role: an anonymous reporter's identity is drawn only for the
/// national desk, and search finds an anonymous report by the reporter's name only there.
final class PrivacyScreenTests: XCTestCase {
    /// Identities of the fixture's anonymous reports (2: anonim + rahasia, 6: anonim, disposed to Sleman).
    static let anonymous: [(ReportID, [String])] = [
        (Fixture.ID.secret, ["Agus Prasetyo", "3404011203850002", "085700001111"]),
        (Fixture.ID.disposed, ["Hendra Gunawan", "3404010101900003", "081355556666"]),
    ]
    static let liaison = Operator(name: "sari", role: .penghubung, agency: "pemkab-sleman", unit: "dlh", displayName: "Sari")

    func screens(for op: Operator) throws -> [(String, String)] {
        var out: [(String, String)] = []
        var s = try Fixture.state(op)
        func snap(_ what: String) { out.append(("\(op.name) \(what)", ConsoleRenderer.render(s).textRows().joined(separator: "\n"))) }
        s.press(.char("5"))
        snap("inbox (all)")
        for id in s.inbox.rows {
            s.press(.char(":"))
            s.type(id.rawValue)
            s.press(.enter)
            snap("detail \(id)")
            for _ in 0..<40 { s.press(.char("j")) }
            snap("detail \(id) scrolled")
            s.press(.escape)
            s.press(.char("d"))
            snap("routing \(id)")
            s.press(.escape, .escape)
            s.press(.char("m"))
            snap("menu \(id)")
            s.press(.escape)
        }
        return out
    }

    func testAnonymousIdentityIsDrawnOnlyForTheNationalDesk() throws {
        for op in [Fixture.agencyAdmin, Fixture.observer, Self.liaison] {
            let all = try screens(for: op)
            XCTAssertGreaterThan(all.count, 3, op.name)
            for (what, text) in all {
                for (id, markers) in Self.anonymous {
                    for m in markers { XCTAssertFalse(text.contains(m), "\(what) shows \(m) of anonymous report \(id)") }
                }
            }
        }
        // Control: the national desk does see them, so the checks above can fail.
        let national = try screens(for: Fixture.national).map(\.1).joined()
        XCTAssertTrue(Self.anonymous.allSatisfy { $0.1.allSatisfy(national.contains) })
    }

    /// QA: a report made anonim after it reached the agency, replayed (P) by the agency back to a step before
    /// the flag, showed the reporter's name and NIK: the past report was drawn as it was. Anonim now means
    /// anonim in the past too.
    func testReplayToBeforeTheAnonimFlagStillHidesTheIdentity() throws {
        let store = try Fixture.makeStore()
        try store.perform(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), on: Fixture.ID.overdue,
                          as: Fixture.national, now: Fixture.now)
        try store.perform(.setFlags(anonymous: true, confidential: nil), on: Fixture.ID.overdue, as: Fixture.national, now: Fixture.now)
        for op in [Fixture.agencyAdmin, Fixture.observer] {
            var s = try Fixture.state(op, store: store)
            s.press(.char("5"))
            s.press(.char(":"))
            s.type(Fixture.ID.overdue.rawValue)
            s.press(.enter)
            s.press(.char("P"))
            XCTAssertNotNil(s.replay, op.name)
            var seen: [String] = []
            for _ in 0..<6 {
                seen.append(ConsoleRenderer.render(s).textRows().joined(separator: "\n"))
                s.press(.left)
            }
            for screen in seen {
                for marker in ["Sri Rahayu", "3404015505700001", "081234567890"] {
                    XCTAssertFalse(screen.contains(marker), "\(op.name) replay shows \(marker)\n\(screen)")
                }
            }
        }
        // Control: the national desk sees the identity in the same replay.
        var n = try Fixture.state(Fixture.national, store: store)
        n.press(.char("5"), .char(":"))
        n.type(Fixture.ID.overdue.rawValue)
        n.press(.enter, .char("P"), .left, .left)
        XCTAssertTrue(ConsoleRenderer.render(n).textRows().joined().contains("Sri Rahayu"))
    }

    func testSearchByAnonymousReporterNameFindsNothingOutsideTheNationalDesk() throws {
        for (op, expectFound) in [(Fixture.national, true), (Fixture.observer, false), (Fixture.agencyAdmin, false)] {
            var s = try Fixture.state(op)
            s.press(.char("5"))
            s.press(.char("/"))
            s.type("Hendra")
            s.press(.enter)
            XCTAssertEqual(s.inbox.rows.contains(Fixture.ID.disposed), expectFound, "\(op.name) search for the anonymous reporter's name")
        }
    }

    /// After a redaction of the reporter's identity and the title, no screen shows them (the trail keeps the
    /// redaction event) and search no longer finds the report by them.
    func testRedactedFieldsAreGoneFromEveryScreen() throws {
        let store = try Fixture.makeStore()
        let when = Fixture.at(2026, 11, 30, 9, 0)
        try store.perform(.editTitle("Judul baru Sri Rahayu"), on: Fixture.ID.overdue, as: Fixture.national, now: when)
        try store.perform(.redact(fields: ["reporter.name", "reporter.nik", "reporter.phone", "reporter.email", "title", "body"],
                                  reason: "UU 27/2022"), on: Fixture.ID.overdue, as: Fixture.national, now: when)
        var s = try Fixture.state(store: store)
        s.press(.char("5"))
        s.press(.char(":"))
        s.type(Fixture.ID.overdue.rawValue)
        s.press(.enter)
        var text = ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        for _ in 0..<60 {
            s.press(.char("j"))
            text += ConsoleRenderer.render(s).textRows().joined(separator: "\n")
        }
        for m in ["Sri Rahayu", "3404015505700001", "081234567890", "sri.rahayu@example.id", "Puskesmas Depok II tutup"] {
            XCTAssertFalse(text.contains(m), "\(m) still on screen after redaction")
        }
        XCTAssertTrue(text.contains("NIK: [dihapus]"), "the erasure is visible as such")
        // In the officer's language (QA: "[dihapus]" in the English console).
        var en = try Fixture.state(store: store)
        en.env.language = .en
        en.press(.char("5"))
        en.press(.char(":"))
        en.type(Fixture.ID.overdue.rawValue)
        en.press(.enter)
        let english = ConsoleRenderer.render(en).textRows().joined(separator: "\n")
        XCTAssertTrue(english.contains("NIK: [redacted]"), english)
        // Every erased field, the title (detail and inbox row) and the body too (QA: the body stayed "[dihapus]").
        XCTAssertFalse(english.contains("[dihapus]"), english)
        XCTAssertGreaterThanOrEqual(english.components(separatedBy: "[redacted]").count - 1, 7, english)
        s.press(.escape)
        s.press(.char("/"))
        s.type("Rahayu")
        s.press(.enter)
        XCTAssertFalse(s.inbox.rows.contains(Fixture.ID.overdue), "search still finds the redacted name")
    }
}
