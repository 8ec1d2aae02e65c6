import XCTest
final class PlaceholderTextCanvasTests: XCTestCase { func testBuilds() {} }
