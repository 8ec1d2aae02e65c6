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
}
