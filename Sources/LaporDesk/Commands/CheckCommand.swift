import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the journal: every line, sequence and checksum.",
        discussion: "Exit 0 when clean, 3 when damage needs `--repair` (which quarantines it; history is never rewritten).")

    @OptionGroup var desk: DeskOptions
    @Flag(help: "Quarantine damaged lines and acknowledge them so the desk can be written again.") var repair = false

    func run() throws {
        // Never from a snapshot: `check` reads and decodes every line of the journal.
        let opened = try DeskAccess.open(desk, mode: repair ? .writer : .readOnly, useSnapshot: false)
        // An `--as` the roster does not know is refused here as by every command (QA: taken silently).
        if desk.operatorName != nil { _ = try DeskAccess.actor(opened, desk) }
        let report: RecoveryReport
        do {
            report = repair ? try opened.journal.repair(by: try CheckCommand.repairer(opened, desk)) : try opened.journal.verify()
        } catch let error as JournalError {
            // Locked (or unreadable) is exit 3, as for every other command (QA: it was 1).
            throw Fail.damaged(error.description)
        }
        // A writer's open already moved a torn last line to quarantine: the repair's own scan no longer sees it.
        let setAsideOnOpen = repair ? opened.recovery.tornTails.map(\.description) : []
        // Events the snapshot saw that the journal no longer has (its last segment deleted, or put back as an
        // older copy): the journal alone looks whole, so only the snapshot's point can tell (QA: `check` said
        // "0 temuan" while every writer refused).
        let snapshot = CheckCommand.snapshotPoint(opened)
        let lost = snapshot.flatMap { CheckCommand.eventsLost(since: $0, opened) }
        // A snapshot the journal changed under (lines put back, a bit flipped back): the console that started
        // from it turned read-only and said to run `check` (QA: it said "0 temuan" and repair left it there).
        let stale = lost == nil ? snapshot.flatMap(opened.journal.snapshotNoLongerMatches) : nil
        if repair, stale != nil { unlink(ProjectionSnapshot.path(dataFolder: opened.folder.url)) }
        let staleLine = stale.map { "cache/\(ProjectionSnapshot.fileName): " + (repair ? "removed" : "ignored at start-up") + ": \($0)"
            + (repair ? "" : "; `check --repair` removes it (it is only a cache)") }
        let lines = setAsideOnOpen + report.tornTails.map(\.description) + report.damagedLines.map(\.description)
            + report.gaps.map(\.description) + report.duplicates.map(\.description) + (lost.map { [$0] } ?? [])
            + (staleLine.map { [$0] } ?? [])
        for l in lines { Output.line(DeskAccess.located(l, in: opened)) }
        for p in opened.store.problems { Output.line(DeskAccess.located(p.description, in: opened)) }
        // Events that verified but that the desk could not apply (a second report.received for one report, an
        // event for a report never received): named, so they are not lost without a word (QA).
        // At most a screenful, then how many more: a lost segment leaves thousands of events for reports it
        // received (QA: 5,300 lines buried the finding that explained them).
        let shownAnomalies = 40
        for a in opened.desk.anomalies.prefix(shownAnomalies) { Output.line(a.description) }
        if opened.desk.anomalies.count > shownAnomalies {
            let more = opened.desk.anomalies.dropFirst(shownAnomalies)
            let unknown = more.filter(\.isForUnknownReport).count
            Output.line("… and \(more.count) more events not applied" + (unknown == 0 ? "" : " (\(unknown) of them for reports with "
                + "no report.received in the journal: a lost or missing segment?)"))
        }
        if let holidays = DeskAccess.missingHolidayLists(opened, now: try DeskAccess.now(opened)) {
            Output.error("warning: \(opened.folder.path): \(holidays.en)")
        }
        // Events read, not the last sequence number: damaged or lost lines are not events read.
        let events = opened.desk.all.reduce(0) { $0 + $1.trail.count } + opened.desk.anomalies.count
        Output.line("jurnal: \(events) peristiwa, \(opened.desk.count) laporan, \(lines.count) temuan"
            + (opened.store.problems.isEmpty ? "" : ", \(opened.store.problems.count) peristiwa tak terbaca")
            + (opened.desk.anomalies.isEmpty ? "" : ", \(opened.desk.anomalies.count) peristiwa diabaikan"))
        // Acknowledged findings are still listed, but need nothing more (QA: acknowledged duplicates kept the
        // exit code at 3 for ever, with advice that could not be followed).
        let needsRepair = !report.tornTails.isEmpty || report.needsRepair || stale != nil
        if lost != nil { throw Fail.damaged("events were lost from the journal; --repair cannot bring them back") }
        if repair || !needsRepair { return }
        throw Fail.damaged("journal needs attention: run `lapor-desk check --repair`")
    }

    /// Who acknowledges the findings, for the registry: the operator named with `--as` (never a pengamat,
    /// who only reads: QA, a repair as pengamat made the desk writable again) and the OS account. With
    /// `os_user` bindings in the roster a repair changes the desk like `act`: as an operator bound to this
    /// account (QA: any account could repair as any operator).
    static func repairer(_ opened: OpenedDesk, _ desk: DeskOptions) throws -> String {
        let account = OSAccount.current() ?? "?"
        if desk.operatorName == nil, !opened.roster.osUsers.isEmpty {
            throw Fail.rejected("check --repair: the roster binds operators to OS accounts (os_user): name yours with --as")
        }
        guard desk.operatorName != nil else { return "os:" + account }
        let op = try DeskAccess.actor(opened, desk)
        guard op.role != .pengamat else {
            throw Fail.rejected("--as \(op.name): a pengamat only reads; `check --repair` changes the journal (run it as an admin)")
        }
        try DeskAccess.requireOSUserBinding(opened, op)
        return "\(op.name) (os:\(account))"
    }

    /// The journal point of this build's projection snapshot, or nil (none, or another build's).
    static func snapshotPoint(_ opened: OpenedDesk) -> JournalResumePoint? {
        guard case let .opened(snapshot) = ProjectionSnapshot.open(dataFolder: opened.folder.url,
                                                                   programStamp: ProjectionSnapshot.currentProgramStamp()) else { return nil }
        return snapshot.resume
    }

    /// The snapshot's account of events this journal no longer holds, or nil (the journal still reaches
    /// `point`).
    static func eventsLost(since point: JournalResumePoint, _ opened: OpenedDesk) -> String? {
        guard point.lastSeq > opened.journal.lastSequence else { return nil }
        return "journal: " + FileJournal.eventsLost(journalEnds: opened.journal.lastSequence, snapshotRecorded: point.lastSeq)
    }
}

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Write the events deadlines make due (auto-close after the reporter's silence).")

    @OptionGroup var desk: DeskOptions

    func run() throws {
        let opened = try DeskAccess.open(desk, mode: .writer)
        if desk.operatorName != nil { _ = try DeskAccess.actor(opened, desk) }
        try DeskAccess.requireWritable(opened)
        let now = try DeskAccess.now(opened)
        do {
            let events = try opened.store.sweep(now: now)
            for e in events { Output.line("\(e.reportID) \(e.event.type)") }
            // The count on standard error, standard output keeping one line per event for scripts (QA: a sweep
            // with nothing due printed nothing at all).
            Output.error(events.isEmpty ? "sweep: nothing was due" : "sweep: \(events.count) event(s) written")
        } catch {
            throw Fail.damaged(error.description)
        }
    }
}
