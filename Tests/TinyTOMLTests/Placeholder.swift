import XCTest
final class PlaceholderTinyTOMLTests: XCTestCase { func testBuilds() {} }
