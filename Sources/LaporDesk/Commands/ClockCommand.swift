import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

/// `lapor-desk clock show|advance`: the practice desk's simulated clock from the command line, shared
/// with every console open on the folder. Real desks are refused and never touched.
struct ClockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show or advance a practice desk's simulated clock (bimtek).",
        subcommands: [ClockShowCommand.self, ClockAdvanceCommand.self],
        defaultSubcommand: ClockShowCommand.self)
}

/// Opens the practice clock of the desk in `--data`, or refuses with exit code 2.
private func practiceClock(_ options: DeskOptions) throws -> (OpenedDesk, PracticeClock) {
    let folder = DeskFolder.resolve(explicit: options.data)
    do {
        let clock = try PracticeClock(practiceFolder: folder)
        return (try DeskAccess.open(options, mode: .writer), clock)
    } catch let e as PracticeClockError {
        throw Fail.usage("clock: " + e.message.en)
    }
}

struct ClockShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the practice time.")
    @OptionGroup var desk: DeskOptions

    func run() throws {
        let folder = DeskFolder.resolve(explicit: desk.data)
        let clock: PracticeClock
        do { clock = try PracticeClock(practiceFolder: folder) } catch { throw Fail.usage("clock: " + error.message.en) }
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        let offset: TimeInterval
        do { offset = try clock.offset() } catch { throw Fail.damaged(error.message.en) }
        let now = Date().addingTimeInterval(offset)
        let zone = opened.settings.timeZone
        Output.line("\(ISOTime.format(now, offsetSeconds: zone.secondsFromUTC)) \(zone.rawValue) (jam latihan; waktu nyata \(describe(offset)))")
    }
}

struct ClockAdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move the practice time forward, then write the auto-closes that fall due.",
        discussion: "Default: one working day (next working day, same hour). Every console on the folder follows.")
    @OptionGroup var desk: DeskOptions
    // `.unconditional`: `--days -2` is a value to refuse by name, not a missing value followed by an unknown option.
    @Option(parsing: .unconditional, help: "Working days forward (weekends and holidays skipped).") var days: Int?
    @Flag(help: "Just past the next deadline of any open report.") var deadline = false
    @Option(help: "To an instant, e.g. 2026-12-07T09:00:00+07:00.") var to: String?

    func run() throws {
        let chosen = [days != nil, deadline, to != nil].filter { $0 }.count
        guard chosen <= 1 else { throw Fail.usage("clock advance: use one of --days, --deadline, --to") }
        if let days, days < 1 { throw Fail.usage("--days: at least 1, not \(days)") }
        var step = PracticeClockStep.workingDays(days ?? 1)
        if deadline { step = .nextDeadline }
        if let to {
            guard let date = ISOTime.parse(to) else { throw Fail.usage("--to: not an ISO 8601 time with offset: '\(to)'") }
            step = .to(date)
        }
        let (opened, clock) = try practiceClock(desk)
        try DeskAccess.requireWritable(opened)
        let moved: (from: Date, to: Date)
        do {
            moved = try clock.advance(step, desk: opened.desk, deadlines: opened.deadlines, calendar: opened.calendar)
        } catch {
            // In English, as every command-line error (QA: this one was in Indonesian).
            // A `--to` that is not ahead of the clock is a bad option value, exit 2 as `--days 0` is (QA: it was
            // 1); no deadline left to jump to is the desk's state, not the option's.
            if case let .nowhereToGo(s) = error {
                if case .to = s { throw Fail.usage("--to: " + error.message.en) }
                throw Fail.rejected("clock: " + error.message.en)
            }
            throw Fail.damaged("clock: " + error.message.en)
        }
        let swept: [RecordedEvent]
        do { swept = try opened.store.sweep(now: moved.to) } catch { throw Fail.damaged(error.description) }
        let offset = opened.settings.timeZone.secondsFromUTC
        let overdue = Inbox(deadlines: opened.deadlines).run(InboxQuery.SavedView.terlambat.query, on: opened.desk,
                                                             for: Operator(name: "system", role: .adminNasional), now: moved.to).count
        Output.line("\(ISOTime.format(moved.from, offsetSeconds: offset)) -> \(ISOTime.format(moved.to, offsetSeconds: offset))")
        for e in swept { Output.line("\(e.reportID) \(e.event.type)") }
        Output.line("\(overdue) terlambat")
    }
}

/// "+2 hari 3 jam" / "-15 menit": how far the practice time is from real time.
private func describe(_ offset: TimeInterval) -> String {
    let sign = offset < 0 ? "-" : "+"
    var rest = Int(abs(offset).rounded()) / 60
    let days = rest / 1440
    rest %= 1440
    var parts: [String] = []
    if days > 0 { parts.append("\(days) hari") }
    if rest / 60 > 0 { parts.append("\(rest / 60) jam") }
    if rest % 60 > 0 || parts.isEmpty { parts.append("\(rest % 60) menit") }
    return sign + parts.joined(separator: " ")
}
