import Complaints
import XCTest

/// QA: a liaison officer entered with the unit's local id (`unit = "dinkes"`) passed the roster's check but
/// matched no report's unit (events record `pemkab-sleman/dinkes`): their desk was empty without a word.
final class RosterUnitTests: XCTestCase {
    func roster(unit: String) throws -> Roster {
        try Roster.parse("""
            [[operator]]
            name = "sari"
            role = "penghubung"
            agency = "pemkab-sleman"
            unit = "\(unit)"
            """, directory: try TestSupport.shippedReference())
    }

    func testAUnitGivenByItsLocalIDIsTheFullOne() throws {
        XCTAssertEqual(try roster(unit: "dinkes").find("sari")?.unit, "pemkab-sleman/dinkes")
        XCTAssertEqual(try roster(unit: "pemkab-sleman/dinkes").find("sari")?.unit, "pemkab-sleman/dinkes")
    }

    func testAUnitOfAnotherAgencyIsStillRefusedWithItsLine() throws {
        XCTAssertThrowsError(try roster(unit: "nope")) { error in
            XCTAssertTrue("\(error)".contains("unit 'nope' is not part of pemkab-sleman"), "\(error)")
        }
    }

    /// QA: a penghubung without a unit was accepted and then saw, and answered, every unit's reports.
    func testALiaisonOfficerNeedsAUnit() throws {
        XCTAssertThrowsError(try Roster.parse("""
            [[operator]]
            name = "zed"
            role = "penghubung"
            agency = "pemkab-sleman"
            """, directory: try TestSupport.shippedReference())) { error in
            XCTAssertTrue("\(error)".contains("unit: required for role penghubung"), "\(error)")
            XCTAssertTrue("\(error)".contains(":1:") || "\(error)".contains(":2:"), "names the line: \(error)")
        }
    }

    /// QA: an agency given to a pengamat (an auditor of one agency) was accepted, and that pengamat saw every
    /// agency's reports and reporters. A scope the role does not have is refused with its line.
    func testAScopeTheRoleDoesNotHaveIsRefused() throws {
        for (role, field) in [("pengamat", "agency = \"pemkab-sleman\""), ("admin-nasional", "agency = \"pemkab-sleman\""),
                              ("admin-instansi", "agency = \"pemkab-sleman\"\nunit = \"dinkes\"")] {
            XCTAssertThrowsError(try Roster.parse("[[operator]]\nname = \"x\"\nrole = \"\(role)\"\n\(field)\n",
                                                  directory: try TestSupport.shippedReference())) { error in
                XCTAssertTrue("\(error)".contains("not used by role \(role)"), "\(role): \(error)")
                XCTAssertTrue("\(error)".contains(":4:") || "\(error)".contains(":5:"), "names the line: \(error)")
            }
        }
    }
}
