import XCTest
final class PlaceholderLaporDeskTests: XCTestCase { func testBuilds() {} }
