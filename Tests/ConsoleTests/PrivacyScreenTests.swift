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
}
