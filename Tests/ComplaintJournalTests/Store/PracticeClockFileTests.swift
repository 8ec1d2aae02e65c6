import Complaints
@testable import ComplaintJournal
import Foundation
import TinyTOML
import XCTest

/// The practice clock file: shared offset from real time, refused on real desks, bad files named by line.
final class PracticeClockFileTests: XCTestCase {
    func folder(practice: Bool) throws -> DeskFolder {
        let url = try TestSupport.temporaryFolder(self)
        let text = practice ? "name = \"Latihan\"\nlatihan = true\n" : "name = \"Meja Nyata\"\n"
        try text.write(to: url.appendingPathComponent(DeskSettings.fileName), atomically: true, encoding: .utf8)
        return DeskFolder(url: url)
    }

    func testStartSetsTheSharedTimeWhichKeepsFlowing() throws {
        let f = try folder(practice: true)
        let real = Date(timeIntervalSince1970: 1_800_000_000)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        XCTAssertEqual(try PracticeClock(practiceFolder: f).now(realNow: real), real, "no file yet: real time")
        try PracticeClock.start(in: f, at: start, realNow: real)
        let file = f.url.appendingPathComponent("latihan/jam.toml").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        // Like every desk file, whatever the umask: 0600, and no temporary file left beside it.
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o777, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.url.appendingPathComponent("latihan").path), ["jam.toml"])
        // A second reader (as another process would) sees the same time, an hour later an hour later.
        let other = try PracticeClock(practiceFolder: DeskFolder(url: f.url))
        XCTAssertEqual(try other.now(realNow: real), start)
        XCTAssertEqual(try other.now(realNow: real.addingTimeInterval(3600)), start.addingTimeInterval(3600))
    }

    func testRealDesksAreRefusedAndNeverTouched() throws {
        let f = try folder(practice: false)
        XCTAssertThrowsError(try PracticeClock.start(in: f, at: Date())) { error in
            guard case .notPractice = error as? PracticeClockError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("bukan meja latihan"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.url.appendingPathComponent("latihan").path))
        let missing = DeskFolder(url: f.url.appendingPathComponent("nowhere"))
        XCTAssertThrowsError(try PracticeClock(practiceFolder: missing))
    }

    func testDamagedFileIsNamedWithItsLine() throws {
        let f = try folder(practice: true)
        let clock = try PracticeClock(practiceFolder: f)
        try FileManager.default.createDirectory(at: clock.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "# jam\nselisih_detik = \"besok\"\n".write(to: clock.file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try clock.now()) { error in
            XCTAssertTrue("\(error)".hasPrefix(clock.file.path + ":2:"), "\(error)")
        }
        try "selisih_detik = \n".write(to: clock.file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try clock.now()) { error in
            XCTAssertTrue("\(error)".hasPrefix(clock.file.path + ":1:"), "\(error)")
        }
    }

    func testAdvanceMovesOnlyForward() throws {
        let f = try folder(practice: true)
        let clock = try PracticeClock(practiceFolder: f)
        let real = Date(timeIntervalSince1970: 1_800_000_000)
        let calendar = WorkingCalendar()
        let deadlines = Deadlines(calendar: calendar)
        XCTAssertThrowsError(try clock.advance(.to(real.addingTimeInterval(-60)), desk: Desk(), deadlines: deadlines, calendar: calendar,
                                               realNow: real))
        XCTAssertThrowsError(try clock.advance(.nextDeadline, desk: Desk(), deadlines: deadlines, calendar: calendar, realNow: real)) {
            guard case .nowhereToGo = $0 as? PracticeClockError else { return XCTFail("\($0)") }
        }
        let moved = try clock.advance(.workingDays(1), desk: Desk(), deadlines: deadlines, calendar: calendar, realNow: real)
        XCTAssertEqual(moved.from, real)
        XCTAssertGreaterThanOrEqual(moved.to.timeIntervalSince(real), 86400)
        XCTAssertEqual(try clock.now(realNow: real), moved.to)
    }
}
