import XCTest
final class PlaceholderCursesTerminalTests: XCTestCase { func testBuilds() {} }
