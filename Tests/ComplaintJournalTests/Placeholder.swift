import XCTest
final class PlaceholderComplaintJournalTests: XCTestCase { func testBuilds() {} }
