import XCTest
import TinyTOML

/// Parses or fails the test with the parser's message.
func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> TOMLTable {
    do {
        return try parseTOML(text)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        throw error
    }
}

/// The error parsing `text` produces, or nil (and a test failure) if it parses.
func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TOMLError? {
    do {
        _ = try parseTOML(text)
        XCTFail("expected an error for:\n\(text)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Asserts that parsing fails at `line`:`column` with a message containing `fragment`.
func assertError(_ text: String, line expectedLine: Int, column: Int? = nil, contains fragment: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let error = parseError(text, file: file, line: line) else { return }
    XCTAssertEqual(error.line, expectedLine, "\(error)", file: file, line: line)
    if let column { XCTAssertEqual(error.column, column, "\(error)", file: file, line: line) }
    XCTAssertTrue(error.message.contains(fragment), "\(error) lacks '\(fragment)'", file: file, line: line)
}
