import XCTest
import TinyTOML

final class TOMLValueTests: XCTestCase {
    func testBasicStringEscapes() throws {
        let table = try parsed(#"""
        s = "tab\there \"q\" back\\slash\nnew \u00E9 \U0001F600 \b\f\r\e"
        unicode = "Dinas Kesehatan — ✓"
        """#)
        XCTAssertEqual(table["s"], "tab\there \"q\" back\\slash\nnew é 😀 \u{08}\u{0C}\r\u{1B}")
        XCTAssertEqual(table["unicode"], "Dinas Kesehatan — ✓")
    }

    func testLiteralStrings() throws {
        let table = try parsed(#"""
        path = 'C:\Users\no\escape'
        quoted = '"ok"'
        """#)
        XCTAssertEqual(table["path"], #"C:\Users\no\escape"#)
        XCTAssertEqual(table["quoted"], "\"ok\"")
    }

    func testMultilineBasicStrings() throws {
        let table = try parsed(#"""
        a = """
        line one
        line "two\"""""
        b = """\
            joined \
            text"""
        c = """x""y"""
        after = 1
        """#)
        XCTAssertEqual(table["a"], "line one\nline \"two\"\"")
        XCTAssertEqual(table["b"], "joined text")
        XCTAssertEqual(table["c"], "x\"\"y")
        XCTAssertEqual(table.line(of: "after"), 8)
    }

    func testMultilineLiteralStrings() throws {
        let table = try parsed("""
        a = '''
        raw \\n here
          indented'''
        b = ''''quoted'''''
        """)
        XCTAssertEqual(table["a"], "raw \\n here\n  indented")
        XCTAssertEqual(table["b"], "'quoted''")
    }

    func testIntegers() throws {
        let table = try parsed("""
        a = 42
        b = +17
        c = -5
        d = 1_000_000
        e = 0
        f = 0xDEAD_beef
        g = 0o755
        h = 0b1101
        max = 9223372036854775807
        min = -9223372036854775808
        """)
        XCTAssertEqual(table["a"], 42)
        XCTAssertEqual(table["b"], 17)
        XCTAssertEqual(table["c"], -5)
        XCTAssertEqual(table["d"], 1_000_000)
        XCTAssertEqual(table["e"], 0)
        XCTAssertEqual(table["f"], .integer(0xDEADBEEF))
        XCTAssertEqual(table["g"], .integer(0o755))
        XCTAssertEqual(table["h"], 13)
        XCTAssertEqual(table["max"], .integer(Int.max))
        XCTAssertEqual(table["min"], .integer(Int.min))
    }

    func testFloats() throws {
        let table = try parsed("""
        a = 3.14
        b = -0.5
        c = 5e+2
        d = 1E-2
        e = 6.626e-34
        f = 9_224_617.445_991
        g = inf
        h = -inf
        i = nan
        """)
        XCTAssertEqual(table["a"], 3.14)
        XCTAssertEqual(table["b"], -0.5)
        XCTAssertEqual(table["c"], 500.0)
        XCTAssertEqual(table["d"], 0.01)
        XCTAssertEqual(table["e"], 6.626e-34)
        XCTAssertEqual(table["f"], 9_224_617.445_991)
        XCTAssertEqual(table["g"], .float(.infinity))
        XCTAssertEqual(table["h"], .float(-.infinity))
        guard case .float(let nan)? = table["i"] else { return XCTFail("nan is a float") }
        XCTAssertTrue(nan.isNaN)
    }

    func testBooleans() throws {
        let table = try parsed("yes = true\nno = false")
        XCTAssertEqual(table["yes"], true)
        XCTAssertEqual(table["no"], false)
    }

    func testDatesAndDateTimes() throws {
        let table = try parsed("""
        day = 2026-01-01
        leap = 2024-02-29
        odt = 1979-05-27T07:32:00Z
        offset = 1979-05-27T00:32:00.999-07:00
        local = 1979-05-27 07:32:00
        time = 07:32:00
        """)
        XCTAssertEqual(table["day"], .date(try XCTUnwrap(TOMLDate(year: 2026, month: 1, day: 1))))
        XCTAssertEqual(table["leap"]?.kindName, "a date")
        XCTAssertEqual(table["odt"], .dateTime("1979-05-27T07:32:00Z"))
        XCTAssertEqual(table["offset"], .dateTime("1979-05-27T00:32:00.999-07:00"))
        XCTAssertEqual(table["local"], .dateTime("1979-05-27 07:32:00"))
        XCTAssertEqual(table["time"], .dateTime("07:32:00"))
        XCTAssertEqual(TOMLDate(year: 2026, month: 3, day: 7)?.description, "2026-03-07")
        XCTAssertNil(TOMLDate(year: 2025, month: 2, day: 29))
        XCTAssertLessThan(try XCTUnwrap(TOMLDate(year: 2025, month: 12, day: 31)),
                          try XCTUnwrap(TOMLDate(year: 2026, month: 1, day: 1)))
    }

    func testArrays() throws {
        let table = try parsed("""
        empty = []
        ints = [1, 2, 3]
        mixed = ["a", 1, 2.5, true, [1], {x = 1}]
        nested = [[1, 2], ["a"]]
        multi = [
          "one",   # first
          "two",
        ]
        """)
        XCTAssertEqual(table["empty"], [])
        XCTAssertEqual(table["ints"], [1, 2, 3])
        XCTAssertEqual(table["mixed"]?.arrayValue?.count, 6)
        XCTAssertEqual(table["mixed"]?.arrayValue?[5].tableValue?.path, "mixed[6]")
        XCTAssertEqual(table["nested"], [[1, 2], ["a"]])
        let multi = try XCTUnwrap(table["multi"]?.arrayValue)
        XCTAssertEqual(multi.line(at: 0), 6)
        XCTAssertEqual(multi.line(at: 1), 7)
        XCTAssertEqual(multi.position.line, 5)
    }
}
