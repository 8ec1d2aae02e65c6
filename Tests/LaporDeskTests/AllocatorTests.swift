import XCTest

/// The executable allocates through mimalloc (README "Decisions", 2026-11-30): the import figures assume it,
/// and a link order with libc ahead of it would bring glibc's malloc back without a word.
final class AllocatorTests: DeskTestCase {
    func testTheExecutableAllocatesThroughMimalloc() throws {
        try makeDesk()
        let out = try expect(0, ["bench", "--startup-only"]).stdout
        let line = out.split(separator: "\n").first { $0.hasPrefix("allocator: ") }.map(String.init)
        XCTAssertTrue(line?.hasPrefix("allocator: mimalloc ") == true, out)
        XCTAssertFalse(line?.contains("not in use") ?? true, out)
    }
}
