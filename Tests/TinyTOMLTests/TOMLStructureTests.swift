import XCTest
import TinyTOML

final class TOMLStructureTests: XCTestCase {
    func testCommentsBlankLinesAndKeyOrder() throws {
        let table = try parsed("""
        # header comment

        zeta = 1   # trailing
        alpha = 2
        \tmid = 3
        """)
        XCTAssertEqual(table.keys, ["zeta", "alpha", "mid"])
        XCTAssertEqual(table["alpha"], 2)
        XCTAssertEqual(table.line(of: "zeta"), 3)
        XCTAssertEqual(table.line(of: "mid"), 5)
        XCTAssertEqual(table.position(of: "mid")?.column, 2)
        XCTAssertNil(table["missing"])
    }

    func testBareQuotedAndDottedKeys() throws {
        let table = try parsed("""
        bare_key-1 = 1
        "quoted key" = 2
        'literal.key' = 3
        site."google.com".ok = true
        a . b = 4
        1234 = 5
        """)
        XCTAssertEqual(table["bare_key-1"], 1)
        XCTAssertEqual(table["quoted key"], 2)
        XCTAssertEqual(table["literal.key"], 3)
        XCTAssertEqual(table["site"]?.tableValue?["google.com"]?.tableValue?["ok"], true)
        XCTAssertEqual(table["a"]?.tableValue?["b"], 4)
        XCTAssertEqual(table["1234"], 5)
        XCTAssertEqual(table["site"]?.tableValue?["google.com"]?.tableValue?.path, "site.\"google.com\"")
    }

    func testTablesAndDottedHeaders() throws {
        let table = try parsed("""
        top = 0
        [server]
        host = "x"

        [server.limits]
        max = 10
        [ other . "sub key" ]
        y = 1
        """)
        let server = try XCTUnwrap(table["server"]?.tableValue)
        XCTAssertEqual(server.line, 2)
        XCTAssertEqual(server.path, "server")
        let limits = try XCTUnwrap(server["limits"]?.tableValue)
        XCTAssertEqual(limits.line, 5)
        XCTAssertEqual(limits["max"], 10)
        XCTAssertEqual(limits.path, "server.limits")
        XCTAssertEqual(table["other"]?.tableValue?["sub key"]?.tableValue?["y"], 1)
    }

    func testImplicitTableMayBeDefinedLater() throws {
        let table = try parsed("""
        [a.b.c]
        x = 1
        [a]
        y = 2
        """)
        let a = try XCTUnwrap(table["a"]?.tableValue)
        XCTAssertEqual(a["y"], 2)
        XCTAssertEqual(a.line, 3)
        XCTAssertEqual(a["b"]?.tableValue?["c"]?.tableValue?["x"], 1)
    }

    func testSubTableUnderDottedKeyTableIsAllowed() throws {
        let table = try parsed("""
        [fruit]
        apple.color = "red"
        [fruit.apple.texture]
        smooth = true
        """)
        let apple = try XCTUnwrap(table["fruit"]?.tableValue?["apple"]?.tableValue)
        XCTAssertEqual(apple["color"], "red")
        XCTAssertEqual(apple["texture"]?.tableValue?["smooth"], true)
    }

    func testArrayOfTablesWithNestedArraysAndPaths() throws {
        let table = try parsed("""
        [[agency]]
        id = "a"
        [[agency.units]]
        id = "a/1"
        [[agency.units]]
        id = "a/2"

        [[agency]]
        id = "b"
        [agency.meta]
        note = "x"
        """)
        let agencies = try table.tables("agency")
        XCTAssertEqual(agencies.count, 2)
        XCTAssertEqual(agencies[0].line, 1)
        XCTAssertEqual(agencies[1].line, 8)
        XCTAssertEqual(agencies[1].path, "agency[2]")
        let units = try agencies[0].tables("units")
        XCTAssertEqual(units.map { $0["id"] }, ["a/1", "a/2"])
        XCTAssertEqual(units[1].path, "agency[1].units[2]")
        XCTAssertEqual(units[1].line, 5)
        XCTAssertEqual(agencies[1]["meta"]?.tableValue?["note"], "x")
        XCTAssertEqual(table["agency"]?.arrayValue?.line(at: 1), 8)
    }

    func testInlineTables() throws {
        let table = try parsed("""
        point = { x = 1, y = 2, label.text = "p" }
        empty = {}
        multi = {
          a = 1, # comment
          b = [1, 2],
        }
        """)
        let point = try XCTUnwrap(table["point"]?.tableValue)
        XCTAssertEqual(point.keys, ["x", "y", "label"])
        XCTAssertEqual(point["label"]?.tableValue?["text"], "p")
        XCTAssertEqual(point.path, "point")
        XCTAssertEqual(table["empty"]?.tableValue?.isEmpty, true)
        XCTAssertEqual(table["multi"]?.tableValue?["b"], [1, 2])
        XCTAssertEqual(table["multi"]?.tableValue?.line(of: "b"), 5)
    }

    func testByteOrderMarkAndCRLF() throws {
        let table = try parsed("\u{FEFF}a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n")
        XCTAssertEqual(table["a"], 1)
        XCTAssertEqual(table["b"], "x\ny")
        XCTAssertEqual(table.line(of: "b"), 2)
    }

    func testEmptyDocument() throws {
        XCTAssertTrue(try parsed("").isEmpty)
        XCTAssertTrue(try parsed("\n\n# only a comment\n").isEmpty)
    }

    func testEqualityIgnoresPositions() throws {
        let a = try parsed("x = 1\ny = [1, 2]")
        let b = try parsed("\n\ny = [1,\n 2]\nx = 1")
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, try parsed("x = 2\ny = [1, 2]"))
        XCTAssertEqual(a, TOMLTable([("x", 1), ("y", [1, 2])]))
    }

    /// A table built in code: a later value for a key replaces the earlier one in its place, below and above
    /// the size where keys are hashed, and equality does not depend on the order of the keys.
    func testTablesBuiltInCodeKeepOneValuePerKey() {
        for size in [3, 40] {
            let pairs: [(String, TOMLValue)] = (0..<size).map { ("k\($0)", .integer($0)) }
            let table = TOMLTable(pairs + [("k1", .integer(-1)), ("extra", .integer(99))])
            XCTAssertEqual(table.keys, pairs.map(\.0) + ["extra"], "size \(size)")
            XCTAssertEqual(table["k1"], .integer(-1))
            XCTAssertEqual(table["k\(size - 1)"], .integer(size - 1))
            XCTAssertNil(table["k\(size)"])
            XCTAssertEqual(table, TOMLTable([("extra", .integer(99))] + pairs.reversed().map { $0.0 == "k1" ? ("k1", .integer(-1)) : $0 }))
            XCTAssertNotEqual(table, TOMLTable(pairs + [("extra", .integer(99))]))
        }
    }
}
