import XCTest
final class PlaceholderComplaintsTests: XCTestCase { func testBuilds() {} }
