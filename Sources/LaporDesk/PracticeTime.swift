import Complaints
import ComplaintJournal
import Console
import Foundation

extension DeskAccess {
    /// The desk's "now": a practice desk runs on its shared practice clock (`latihan/jam.toml`), a real desk
    /// on real time. Every command that reads deadlines or writes events asks here.
    static func now(_ desk: OpenedDesk) throws -> Date {
        guard let clock = PracticeClock.of(desk) else { return Date() }
        do { return try clock.now() } catch { throw Fail.damaged(error.description) }
    }
}

extension DeskAccess {
    /// "Now" for commands that need it before opening the desk (intake, import): the practice time when
    /// `--data` names a practice desk with a readable clock, else real time (opening reports any damage).
    static func now(_ options: DeskOptions) -> Date {
        let folder = DeskFolder.resolve(explicit: options.data)
        return (try? PracticeClock(practiceFolder: folder).now()) ?? Date()
    }
}

/// The console's handle on the practice clock: reads it every tick (so consoles follow each other) and
/// moves it for `+` and `*`.
final class PracticeClockAdapter: PracticeClockControl {
    let clock: PracticeClock
    let deadlines: Deadlines
    let calendar: WorkingCalendar
    /// The last offset read, kept when the file is briefly unreadable (never a crash mid-class).
    private var lastOffset: TimeInterval = 0

    init(clock: PracticeClock, desk: OpenedDesk) {
        self.clock = clock
        deadlines = desk.deadlines
        calendar = desk.calendar
        do { lastOffset = try clock.offset() } catch {
            Output.error("warning: \(error) — the practice desk runs on real time until the file is fixed")
        }
    }

    func now() -> Date {
        if let offset = try? clock.offset() { lastOffset = offset }
        return Date().addingTimeInterval(lastOffset)
    }

    func advance(_ step: PracticeClockStep, desk: Desk) -> Result<(from: Date, to: Date), PracticeClockRefusal> {
        do {
            let moved = try clock.advance(step, desk: desk, deadlines: deadlines, calendar: calendar)
            lastOffset = (try? clock.offset()) ?? lastOffset
            return .success(moved)
        } catch {
            return .failure(PracticeClockRefusal(error.message))
        }
    }
}

/// `show ID --at-event N`: the report as it was after its Nth event.
enum ReplayText {
    static func report(_ report: Report, atEvent n: Int, opened: OpenedDesk, json: Bool) throws -> (report: Report, at: Date) {
        let events = DeskHistory.events(of: report)
        guard (1...events.count).contains(n) else {
            throw Fail.usage("--at-event: report \(report.id) has events 1…\(events.count), not \(n)")
        }
        let desk = DeskHistory.desk(events, through: n)
        guard let past = desk[report.id] else { throw Fail.damaged("\(report.id): its first event is not a report.received") }
        let e = events[n - 1]
        if !json {
            let when = ISOTime.format(e.at, offsetSeconds: opened.settings.timeZone.secondsFromUTC)
            Output.line("PUTAR ULANG · peristiwa \(n)/\(events.count) · \(when) · \(e.actor.name) · \(e.event.type)")
        }
        return (past, e.at)
    }
}
