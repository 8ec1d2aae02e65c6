import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// The loop's side of `+` / `*`: move the shared clock, sweep at the new time, show it.
final class PracticeClockRuntimeTests: XCTestCase {
    /// Stands in for the clock file: computes the target with the real maths from its own time.
    final class FakeClock: PracticeClockControl {
        var now = Fixture.now
        var steps: [PracticeClockStep] = []
        let deadlines: Deadlines
        let calendar: WorkingCalendar
        init() throws {
            deadlines = try Fixture.deadlines()
            calendar = try Fixture.calendar()
        }
        func advance(_ step: PracticeClockStep, desk: Desk) -> Result<(from: Date, to: Date), PracticeClockRefusal> {
            steps.append(step)
            guard let to = PracticeClockMath.target(step, from: now, desk: desk, deadlines: deadlines, calendar: calendar) else {
                return .failure(PracticeClockRefusal(Localized("tidak bergerak", en: "did not move")))
            }
            defer { now = to }
            return .success((now, to))
        }
    }

    func runtime(keys: [Key], practice: Bool, clock: FakeClock?) throws -> (ConsoleRuntime, InMemoryJournal) {
        let journal = InMemoryJournal()
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(store: store)
        state.env.isPractice = practice
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), steps: keys.map { .event(.key($0)) })
        let r = ConsoleRuntime(state: state, terminal: terminal, service: StoreService(store: store), clock: { clock?.now ?? Fixture.now })
        r.practiceClock = clock
        return (r, journal)
    }

    /// Report 2600008 was followed up on Friday 20 Nov 15:00; ten silent working days end Friday 4 Dec
    /// 15:00. Four `+` presses (Tue–Fri) leave it open; the sweep after `*` closes it.
    func testAdvancingSweepsAtTheNewTimeAndTheReportAutoCloses() throws {
        let clock = try FakeClock()
        let (r, journal) = try runtime(keys: Array(repeating: .char("+"), count: 4), practice: true, clock: clock)
        r.run()
        XCTAssertEqual(clock.now, Fixture.at(2026, 12, 4, 10, 0))
        XCTAssertEqual(r.state.now, clock.now)
        XCTAssertEqual(r.state.desk[Fixture.ID.followedUp]?.status, .ditindaklanjuti, "five hours before the window ends")

        let (r2, journal2) = try runtime(keys: Array(repeating: .char("+"), count: 4) + [.char("*")], practice: true, clock: try FakeClock())
        r2.run()
        let closed = try journal2.allEntries().filter { $0.type == "report.auto-closed" }
        XCTAssertEqual(closed.map(\.reportID), [Fixture.ID.followedUp.rawValue])
        XCTAssertEqual(r2.state.desk[Fixture.ID.followedUp]?.status, .selesai)
        XCTAssertTrue(r2.state.message?.text.contains("1 ditutup otomatis") ?? false, r2.state.message?.text ?? "")
        XCTAssertTrue(try journal.allEntries().allSatisfy { $0.type != "report.auto-closed" })
    }

    func testNoClockControlMeansRefusedAndNothingMoves() throws {
        let (r, journal) = try runtime(keys: [.char("+")], practice: true, clock: nil)
        let before = try journal.allEntries().count
        r.run()
        XCTAssertEqual(r.state.message?.kind, .error)
        XCTAssertEqual(r.state.now, Fixture.now)
        XCTAssertEqual(try journal.allEntries().count, before)
    }
}
