import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The files a desk's deadline rules come from are watched for edits: a running console takes a holiday
/// added or a limit changed, and refuses files with mistakes (naming file and line) while keeping its rules.
final class DeadlineRulesSourceTests: XCTestCase {
    func testEditsAreTakenAndMistakesRefusedWithTheirPlace() throws {
        let desk = DeskFolder(url: try TestSupport.temporaryFolder(self).appendingPathComponent("meja"))
        let defaults = try TestSupport.shippedDefaults()
        _ = try desk.initialize(defaults: defaults)
        var source = DeadlineRulesSource(folder: desk, defaults: defaults, timeZone: .wib)
        XCTAssertNil(source.change(), "nothing edited")

        // A cuti bersama announced for a Wednesday.
        let day = try XCTUnwrap(LocalDate(year: 2026, month: 12, day: 2))
        let file = desk.calendarFolder.appendingPathComponent("libur-2026.txt")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + "2026-12-02  cuti-bersama Pengumuman baru\n").write(to: file, atomically: true, encoding: .utf8)
        guard case let .reloaded(withHoliday)? = source.change() else { return XCTFail("the new holiday was not taken") }
        XCTAssertEqual(withHoliday.isWorkingDay(day), false)
        XCTAssertNil(source.change(), "taken once")

        // A limit edited in desk.toml.
        let settings = try String(contentsOf: desk.settingsFile, encoding: .utf8)
        try settings.replacingOccurrences(of: "verifikasi = 3", with: "verifikasi = 4")
            .write(to: desk.settingsFile, atomically: true, encoding: .utf8)
        guard case let .reloaded(longer)? = source.change() else { return XCTFail("the new limit was not taken") }
        XCTAssertEqual(longer.limits.verification, 4)
        XCTAssertEqual(longer.isWorkingDay(day), false, "the holiday stays")

        // A mistake: refused with file and line; fixing it brings the rules back.
        try (original + "2026-12-32  libur Salah\n").write(to: file, atomically: true, encoding: .utf8)
        guard case let .refused(messages)? = source.change() else { return XCTFail("a bad date was taken") }
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertTrue(messages.first?.hasPrefix("\(file.path):\(line): ") ?? false, "\(messages)")
        try original.write(to: file, atomically: true, encoding: .utf8)
        guard case let .reloaded(fixed)? = source.change() else { return XCTFail("the fixed file was not taken") }
        XCTAssertEqual(fixed.isWorkingDay(day), true)

        // Another time zone waits for a restart: the console shows its times in the zone it opened with.
        let now = try String(contentsOf: desk.settingsFile, encoding: .utf8)
        XCTAssertTrue(now.contains("time_zone = \"WIB\""), now)
        try now.replacingOccurrences(of: "time_zone = \"WIB\"", with: "time_zone = \"WIT\"")
            .write(to: desk.settingsFile, atomically: true, encoding: .utf8)
        guard case let .refused(zone)? = source.change() else { return XCTFail("a new time zone was taken live") }
        XCTAssertTrue(zone.first?.contains("time_zone: WIT is taken when the console is opened again") ?? false, "\(zone)")
    }
}

private extension Deadlines {
    /// Nil when the rules are not a working calendar (then every comparison above fails).
    func isWorkingDay(_ day: LocalDate) -> Bool? { (calendar as? WorkingCalendar)?.isWorkingDay(day) }
}
