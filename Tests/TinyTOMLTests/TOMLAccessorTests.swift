import XCTest
import TinyTOML

final class TOMLAccessorTests: XCTestCase {
    let document = """
    name = "Dinas Kesehatan"
    count = 3
    ratio = 2
    open = true
    since = 2026-01-01
    since_text = "2025-12-31"
    tags = ["a", "b"]
    blank = "  "

    [[agency]]
    id = "one"

    [[agency]]
    id = "two"
    [[agency.units]]
    name = 5
    tags = ["x",
            7]
    """

    func fieldError(_ body: () throws -> Void) -> TOMLFieldError? {
        do {
            try body()
            XCTFail("expected a field error")
            return nil
        } catch let error as TOMLFieldError {
            return error
        } catch {
            XCTFail("unexpected \(error)")
            return nil
        }
    }

    func testSuccessfulReads() throws {
        let table = try parsed(document)
        XCTAssertEqual(try table.requiredString("name"), "Dinas Kesehatan")
        XCTAssertNil(try table.optionalString("nothing"))
        XCTAssertEqual(try table.requiredInt("count"), 3)
        XCTAssertEqual(try table.requiredFloat("ratio"), 2.0)
        XCTAssertEqual(try table.requiredBool("open"), true)
        XCTAssertEqual(try table.requiredDate("since").description, "2026-01-01")
        XCTAssertEqual(try table.requiredDate("since_text").description, "2025-12-31")
        XCTAssertEqual(try table.stringArray("tags"), ["a", "b"])
        XCTAssertEqual(try table.stringArray("absent"), [])
        XCTAssertEqual(try table.tables("agency").count, 2)
        XCTAssertEqual(try table.tables("absent").count, 0)
        XCTAssertNil(try table.optionalTable("absent"))
    }

    func testMissingAndWrongKinds() throws {
        let table = try parsed(document)
        let missing = fieldError { _ = try table.requiredString("title") }
        XCTAssertEqual(missing, TOMLFieldError(line: 1, field: "title", reason: "missing required field"))
        let blank = fieldError { _ = try table.requiredString("blank") }
        XCTAssertEqual(blank?.reason, "must not be empty")
        XCTAssertEqual(blank?.line, 8)
        let wrong = fieldError { _ = try table.requiredString("count") }
        XCTAssertEqual(wrong, TOMLFieldError(line: 2, field: "count", reason: "expected a string, found an integer"))
        XCTAssertEqual(fieldError { _ = try table.requiredInt("name") }?.reason, "expected an integer, found a string")
        XCTAssertEqual(fieldError { _ = try table.requiredBool("count") }?.reason, "expected a boolean, found an integer")
        XCTAssertEqual(fieldError { _ = try table.requiredDate("name") }?.reason,
                       "expected a date like 2026-01-01, found \"Dinas Kesehatan\"")
        XCTAssertEqual(fieldError { _ = try table.tables("name") }?.line, 1)
        XCTAssertEqual(fieldError { _ = try table.requiredTable("tags") }?.reason, "expected a table, found an array")
    }

    func testNestedFieldPathsAndElementLines() throws {
        let table = try parsed(document)
        let agencies = try table.tables("agency")
        let unit = try XCTUnwrap(try agencies[1].tables("units").first)
        let name = fieldError { _ = try unit.requiredString("name") }
        XCTAssertEqual(name, TOMLFieldError(line: 16, field: "agency[2].units[1].name", reason: "expected a string, found an integer"))
        XCTAssertEqual(name?.description, "16: agency[2].units[1].name: expected a string, found an integer")
        let element = fieldError { _ = try unit.stringArray("tags") }
        XCTAssertEqual(element, TOMLFieldError(line: 18, field: "agency[2].units[1].tags[2]", reason: "expected a string, found an integer"))
        let absent = fieldError { _ = try agencies[0].requiredString("name") }
        XCTAssertEqual(absent, TOMLFieldError(line: 10, field: "agency[1].name", reason: "missing required field"))
        XCTAssertEqual(agencies[0].tableError("bad").description, "10: agency[1]: bad")
        XCTAssertEqual(agencies[0].fieldError("id", "duplicate id").line, 11)
    }

    func testUnknownKeysSuggestsCloseSpellings() throws {
        let table = try parsed("""
        [[agency]]
        id = "x"
        nmae = "typo"
        colour = 1
        zzz = 2
        """)
        let agency = try XCTUnwrap(try table.tables("agency").first)
        let errors = agency.unknownKeys(allowed: ["id", "name", "color"])
        XCTAssertEqual(errors, [
            TOMLFieldError(line: 3, field: "agency[1].nmae", reason: "unknown field 'nmae' (did you mean 'name'?)"),
            TOMLFieldError(line: 4, field: "agency[1].colour", reason: "unknown field 'colour' (did you mean 'color'?)"),
            TOMLFieldError(line: 5, field: "agency[1].zzz", reason: "unknown field 'zzz'"),
        ])
        XCTAssertEqual(agency.unknownKeys(allowed: ["id", "nmae", "colour", "zzz"]), [])
    }
}

final class TOMLSpellingTests: XCTestCase {
    func testClosestSpelling() {
        XCTAssertEqual(closestSpelling(to: "kemenkess", among: ["kemenkes", "kemensos", "kemnaker"]), "kemenkes")
        XCTAssertEqual(closestSpelling(to: "NMAE", among: ["name", "id"]), "name")
        XCTAssertNil(closestSpelling(to: "zzz", among: ["name", "id"]))
        XCTAssertNil(closestSpelling(to: "x", among: [String]()))
    }

    func testTablesRefusesNonTableElements() throws {
        let table = try parsed("units = [{ id = \"a\" },\n  \"b\"]")
        do {
            _ = try table.tables("units")
            XCTFail("a string is not a table")
        } catch {
            XCTAssertEqual(error, TOMLFieldError(line: 2, field: "units[2]", reason: "expected a table, found a string"))
        }
    }

    func testQuotedKeysInFieldPaths() throws {
        let table = try parsed("[\"odd key\"]\nx = 1")
        let inner = try table.requiredTable("odd key")
        XCTAssertEqual(inner.fieldError("y", "missing required field").description, "1: \"odd key\".y: missing required field")
    }
}
