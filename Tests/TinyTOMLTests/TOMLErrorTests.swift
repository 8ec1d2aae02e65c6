import XCTest
import TinyTOML

final class TOMLErrorTests: XCTestCase {
    func testDuplicateKeyNamesBothLines() {
        assertError("a = 1\nb = 2\na = 3", line: 3, column: 1, contains: "duplicate key 'a' (first defined at line 1)")
        assertError("[t]\nx.y = 1\nx.y = 2", line: 3, column: 3, contains: "duplicate key 't.x.y'")
        assertError("p = { a = 1, a = 2 }", line: 1, column: 14, contains: "duplicate key 'p.a'")
    }

    func testTableDefinedTwice() {
        assertError("[a]\nx = 1\n\n[a]\ny = 2", line: 4, column: 1, contains: "table [a] is defined twice (first at line 1)")
        assertError("[a.b]\n[a]\n[a]", line: 3, contains: "defined twice")
    }

    func testRedefiningTablesInOtherWays() {
        assertError("[fruit]\napple.color = 'red'\n[fruit.apple]", line: 3,
                    contains: "table [fruit.apple] was already defined by dotted keys at line 2")
        assertError("a = 1\n[a]", line: 2, contains: "'a' is already defined as an integer at line 1")
        assertError("a = {x = 1}\n[a.b]", line: 2, column: 2, contains: "cannot extend inline table 'a'")
        assertError("a = {x = 1}\na.y = 2", line: 2, contains: "'a' is already defined as a table")
        assertError("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", line: 4, contains: "cannot add to table 'a.b' with a dotted key")
        assertError("[[a]]\n[a]", line: 2, contains: "[a] is already an array of tables")
        assertError("[a]\n[[a]]", line: 2, contains: "cannot define [[a]]: 'a' is already a table")
        assertError("a = [1]\n[[a]]", line: 2, contains: "already defined as an array")
        assertError("[[a.b]]\n[a]\nb.y = 2", line: 3, contains: "it is an array of tables")
    }

    func testUnterminatedStrings() {
        assertError("a = 1\nb = \"open\nc = 2", line: 2, column: 5, contains: "unterminated string")
        assertError("b = 'open", line: 1, column: 5, contains: "unterminated string")
        assertError("x = 1\nb = \"\"\"\nnever closed", line: 2, column: 5, contains: "unterminated multi-line string (opened at line 2)")
        assertError("b = '''\nnever", line: 1, contains: "unterminated multi-line string")
        assertError("b = \"abc\\", line: 1, contains: "unterminated string")
    }

    func testBadEscapes() {
        assertError(#"a = "\q""#, line: 1, column: 6, contains: "unknown escape sequence '\\q'")
        assertError(#"a = "\u12""#, line: 1, contains: "needs 4 hex digits")
        assertError(#"a = "\uD800""#, line: 1, column: 6, contains: "not a valid Unicode scalar value")
        assertError(#"a = "\U00110000""#, line: 1, contains: "not a valid Unicode scalar value")
    }

    func testControlCharactersAndInvalidUTF8() {
        assertError("a = \"x\u{01}y\"", line: 1, column: 7, contains: "control character U+0001 must be escaped")
        assertError("a = 'x\u{7F}'", line: 1, contains: "U+007F")
        assertError("# bad \u{02} comment\n", line: 1, column: 7, contains: "not allowed in a comment")
        assertError("a = 1\rb = 2", line: 1, contains: "carriage return")
        var bytes = Array("a = 1\nb = \"é".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\"\n".utf8))
        do {
            _ = try parseTOML(utf8: bytes)
            XCTFail("invalid UTF-8 must be refused")
        } catch {
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, 7)
            XCTAssertTrue(error.message.contains("invalid UTF-8 (byte 0xFF)"), "\(error)")
        }
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            XCTAssertThrowsError(try parseTOML(utf8: Array("k = \"".utf8) + bad + [0x22]))
        }
    }

    func testSyntaxErrors() {
        assertError("a = 1\nb 2", line: 2, column: 3, contains: "expected '=' after the key, found '2'")
        assertError("a =\nb = 1", line: 1, column: 4, contains: "expected a value after '=', found end of line")
        assertError("a = 1 2", line: 1, column: 7, contains: "expected the end of the line after a value")
        assertError("= 1", line: 1, column: 1, contains: "expected a key, found '='")
        assertError("a = yes", line: 1, contains: "strings need quotes")
        assertError("a = truex", line: 1, contains: "unquoted word")
        assertError("a = nope", line: 1, column: 5, contains: "unquoted word")
        assertError("[a\nx = 1", line: 1, column: 3, contains: "expected ']' to close the table header")
        assertError("[[a]\n", line: 1, contains: "expected ']]'")
        assertError("[a] x = 1", line: 1, column: 5, contains: "after a table header")
        assertError("a = [1, 2\nb = 3", line: 2, contains: "expected ',' or ']' in the array")
        assertError("a = [1,\n2,\n", line: 3, contains: "unterminated array (opened at line 1)")
        assertError("a = [,]", line: 1, column: 6, contains: "expected a value, found ','")
        assertError("a = {x = 1 y = 2}", line: 1, contains: "expected ',' or '}' in the inline table")
        assertError("a = {x = 1,", line: 1, contains: "unterminated inline table")
        assertError("a = @", line: 1, column: 5, contains: "expected a value, found '@'")
        assertError("a = \"\"\"x\"\"\"\"\"\"", line: 1, contains: "too many quotes")
    }

    func testBadNumbers() {
        assertError("a = 012", line: 1, column: 5, contains: "leading zeros")
        assertError("a = 1__0", line: 1, contains: "underscore")
        assertError("a = _1", line: 1, contains: "expected a value")
        assertError("a = 1_", line: 1, contains: "underscore")
        assertError("a = 1.", line: 1, contains: "digits after the decimal point")
        assertError("a = .5", line: 1, contains: "expected a value")
        assertError("a = 1e", line: 1, contains: "exponent")
        assertError("a = 9223372036854775808", line: 1, contains: "out of range")
        assertError("a = 0xZZ", line: 1, contains: "base-16")
        assertError("a = 0x-1", line: 1, contains: "base-16")
        assertError("a = 12abc", line: 1, contains: "invalid number")
        assertError("a = +", line: 1, contains: "expected digits")
    }

    func testBadDates() {
        assertError("a = 2026-02-30", line: 1, column: 5, contains: "not a real calendar date")
        assertError("a = 2026-13-01", line: 1, contains: "not a real calendar date")
        assertError("a = 2026-01-01T25:00:00", line: 1, contains: "invalid date-time")
        assertError("a = 2026-01-01T10:00", line: 1, contains: "invalid date-time")
        assertError("a = 10:61:00", line: 1, contains: "invalid time")
    }

    func testDescriptionIsLineColonColumn() {
        let error = TOMLError(line: 3, column: 7, message: "boom")
        XCTAssertEqual(error.description, "3:7: boom")
    }
}
