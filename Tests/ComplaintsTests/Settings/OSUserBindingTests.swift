import Complaints
import XCTest

final class OSUserBindingTests: XCTestCase {
    func roster(_ text: String) throws -> Roster { try Roster.parse(text, directory: nil) }

    static let bound = """
    [[operator]]
    name = "rina"
    role = "admin-nasional"
    os_user = "rina.w"

    [[operator]]
    name = "pelatih"
    role = "pengamat"
    """

    func testRosterWithoutOSUsersLetsAnyAccountAct() throws {
        let r = try roster("[[operator]]\nname = \"rina\"\nrole = \"admin-nasional\"\n")
        XCTAssertNil(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: "siapa.saja"))
        XCTAssertNil(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: nil))
    }

    func testBoundOperatorOnlyForItsAccount() throws {
        let r = try roster(Self.bound)
        XCTAssertEqual(r.osUsers, ["rina": "rina.w"])
        XCTAssertNil(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: "rina.w"))
        XCTAssertEqual(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: "budi")?.en,
                       "OS user 'budi' is not on the roster (os_user)")
        XCTAssertEqual(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: nil)?.en,
                       "OS user '?' is not on the roster (os_user)")
        XCTAssertEqual(OSUserBinding.writeRefusal(roster: r, operatorName: "pelatih", osUser: "rina.w")?.en,
                       "operator 'pelatih' has no os_user on the roster")
    }

    func testAccountOnTheRosterCannotActAsAnotherOperator() throws {
        let r = try roster(Self.bound + "\n[[operator]]\nname = \"dewi\"\nrole = \"admin-nasional\"\nos_user = \"dewi.l\"\n")
        XCTAssertEqual(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: "dewi.l")?.en,
                       "operator 'rina' belongs to OS user 'rina.w', not 'dewi.l'")
        XCTAssertNotNil(OSUserBinding.writeRefusal(roster: r, operatorName: "rina", osUser: "dewi.l")?.id.contains("milik"))
    }
}
