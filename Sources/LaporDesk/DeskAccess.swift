import ArgumentParser
import Complaints
import ComplaintJournal
import DeskResources
import Foundation

/// Opens desks for commands, mapping failures to the exit-code contract.
enum DeskAccess {
    static var defaults: DeskDefaults {
        DeskDefaults(reference: DeskResources.folder("reference"), calendars: DeskResources.folder("calendar"))
    }

    static func open(_ options: DeskOptions, mode: FileJournal.Mode, useSnapshot: Bool = true, checkSnapshotInBackground: Bool = false,
                     beforeDecoding: ((SnapshotPreview) -> Void)? = nil) throws -> OpenedDesk {
        let folder = DeskFolder.resolve(explicit: options.data)
        do {
            // Readers wait a second for a writer, then read past the lock with a warning (a hung writer must
            // not stop every report); writers wait for it as long as `lockTimeout`.
            return try OpenedDesk.open(folder, defaults: defaults, mode: mode, openLockTimeout: mode == .readOnly ? 1 : nil,
                                       readWithoutLockIfBusy: mode == .readOnly, useSnapshot: useSnapshot,
                                       checkSnapshotInBackground: checkSnapshotInBackground, beforeDecoding: beforeDecoding)
        } catch {
            switch error.kind {
            case .missing: throw Fail.usage(error.description)
            case .invalidFiles, .journal: throw Fail.damaged(error.description)
            }
        }
    }

    /// The operator for `--as` (or the default); an unknown name is a usage error.
    static func actor(_ desk: OpenedDesk, _ options: DeskOptions) throws -> Operator {
        try actor(roster: desk.roster, folder: desk.folder, options)
    }

    static func actor(roster: Roster, folder: DeskFolder, _ options: DeskOptions) throws -> Operator {
        if let name = options.operatorName {
            guard let op = roster.find(name) else {
                let known = roster.operators.map(\.name).joined(separator: ", ")
                throw Fail.usage("--as: unknown operator '\(QuotedValue.shown(name))' (roster \(folder.rosterFile.path): \(known))")
            }
            return op
        }
        guard let op = roster.defaultOperator else {
            throw Fail.usage("--as: the roster \(folder.rosterFile.path) lists no operators")
        }
        return op
    }

    /// Writers refuse to work on a journal with unrepaired damage; otherwise they say what opening it
    /// set aside (a torn last line moved to quarantine), so nothing is moved without a word.
    static func requireWritable(_ desk: OpenedDesk) throws {
        switch desk.journal.health {
        case .ok:
            reportRecovery(desk)
            return
        case let .degraded(reasons):
            // A reason that names its own remedy (restore a segment…) gets no `check --repair` advice beside it.
            let lead = JournalAdvice.namesItsRemedy(reasons) ? "journal needs attention, nothing was written:"
                : "journal damaged; run `lapor-desk check --repair`:"
            throw Fail.damaged("\(desk.folder.journalFolder.path): \(lead)\n" + reasons.joined(separator: "\n"))
        case let .readOnly(reason):
            throw Fail.damaged("\(desk.folder.journalFolder.path): read-only: \(reason.en)")
        }
    }

    static func reportRecovery(_ desk: OpenedDesk) {
        for w in recoveryWarnings(desk) { Output.error(w) }
    }

    /// What start-up found and repaired or set aside, one warning per line, each naming the segment file
    /// by its path (`PATH:LINE: message`, the command line's error form).
    static func recoveryWarnings(_ desk: OpenedDesk) -> [String] {
        let findings = desk.recovery.tornTails.map(\.description) + desk.recovery.damagedLines.filter { !$0.acknowledged }.map(\.description)
            + desk.recovery.gaps.filter { !$0.acknowledged }.map(\.description) + desk.recovery.duplicates.filter { !$0.acknowledged }.map(\.description)
            + desk.store.problems.map(\.description)
        let lost = [desk.journal.eventsLost, desk.journal.readWithoutLock].compactMap { $0 }.map { "\(desk.folder.journalFolder.path): \($0)" }
        return (findings.map { located($0, in: desk) } + lost).map { "warning: " + $0 }
    }

    /// Whether reports may be missing from what a read command prints: unrepaired damage left lines out.
    /// Damage `check --repair` can set aside: damaged lines not yet acknowledged, a gap in the sequence
    /// numbers not yet acknowledged (lines lost whole: QA, a deleted receipt line left `export` at exit 0
    /// while `check` and writers called the folder damaged), or events lost. Lines that
    /// verify but this build cannot read (a newer build's event type) are not: `list` and `stats` warn about
    /// them but do not fail for them (QA: they kept exiting 3 whatever `--repair` did); nor does `export`.
    static func hasRepairableDamage(_ desk: OpenedDesk) -> Bool {
        desk.recovery.damagedLines.contains { !$0.acknowledged } || desk.recovery.gaps.contains { !$0.acknowledged }
            || desk.journal.eventsLost != nil
    }

    /// The closing error of a read command over unrepaired damage, saying what the output lacks: a report
    /// whose receipt line is damaged is left out, one with another damaged line is shown without that
    /// event, so in a state it may no longer be in (QA: a report deleted as spam listed as new under "leaves
    /// out the reports"). Names up to five reports; lines whose report cannot be read are counted.
    static func incompleteOutput(_ what: String, _ desk: OpenedDesk) -> String {
        var notes: [String] = []
        var unknown = 0
        for line in desk.recovery.damagedLines where !line.acknowledged {
            guard !line.reportIDs.isEmpty else {
                unknown += 1
                continue
            }
            let place = located("\(line.file):\(line.line)", in: desk)
            for id in line.reportIDs {
                notes.append(desk.desk[ReportID(id)] == nil ? "#\(ReportText.clean(id)) left out (\(place))"
                             : "#\(ReportText.clean(id)) shown without its event on \(place)")
            }
        }
        if notes.count > 5 { notes = notes.prefix(5) + ["\(notes.count - 5) more"] }
        if unknown > 0 { notes.append("\(unknown) damaged \(unknown == 1 ? "line names" : "lines name") no readable report") }
        for gap in desk.recovery.gaps where !gap.acknowledged {
            let numbers = gap.found - gap.expected == 1 ? "\(gap.expected)" : "\(gap.expected)–\(gap.found - 1)"
            notes.append("events \(numbers) missing before \(located("\(gap.file):\(gap.line)", in: desk)) (the reports they recorded may be left out)")
        }
        let damaged = desk.recovery.damagedLines.contains { !$0.acknowledged }
        let gaps = desk.recovery.gaps.contains { !$0.acknowledged }
        // Each kind of loss with its own way out: repair sets damaged lines aside and records lost lines, but
        // cannot bring back events a snapshot saw (QA: that case was told to run it, which then refused).
        var ways: [String] = []
        if damaged { ways.append("`lapor-desk check --repair` sets the damaged lines aside") }
        if gaps { ways.append("restore missing lines from a backup, or record the loss with `lapor-desk check --repair`") }
        if let lost = desk.journal.eventsLost { notes.append(lost) }
        let lead = damaged ? "damaged journal lines were skipped" : gaps ? "journal lines are missing" : "events are missing"
        return "\(what) not complete, \(lead): " + (notes + ways).joined(separator: "; ")
    }

    /// The damaged lines (unrepaired, or set aside by `check --repair`) that name `id`: `show` says its
    /// trail lacks their events.
    static func damagedLines(of id: ReportID, _ desk: OpenedDesk) -> [DamagedLine] {
        desk.recovery.damagedLines.filter { $0.reportIDs.contains(id.rawValue) }
    }

    /// This year's and next year's holiday lists, when missing: deadlines there would count national holidays
    /// and cuti bersama as working days (QA: a report due over Christmas 2028 was counted without it).
    /// In both languages: the console says it on its Indonesian message line (QA: it was quoted in English).
    static func missingHolidayLists(_ desk: OpenedDesk, now: Date) -> Localized? {
        let year = desk.calendar.localDate(of: now).year
        let missing = [year, year + 1].filter { !desk.calendar.holidays.coveredYears.contains($0) }
        guard !missing.isEmpty else { return nil }
        let files = missing.map { "kalender/libur-\($0).txt" }.joined(separator: ", ")
        let years = missing.map(String.init)
        return Localized("tidak ada daftar hari libur untuk \(years.joined(separator: " dan ")): tenggat di tahun itu menghitung "
                         + "libur nasional dan cuti bersama sebagai hari kerja; tambahkan \(files) ke folder data",
                         en: "no holiday list for \(years.joined(separator: " and ")): deadlines there count national "
                         + "holidays and cuti bersama as working days; add \(files) to the data folder")
    }

    /// A new practice desk goes into an empty or new folder only: its reset restores exactly what was made
    /// there and deletes everything else (QA: a trainer's notes in the folder were lost at the next reset).
    static func requireEmptyOrNewPracticeFolder(_ folder: DeskFolder) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !names.isEmpty else { return }
        throw Fail.usage("\(folder.path): the folder is not empty; a practice desk is reset to exactly what is made in it, "
                         + "so the other files would be deleted: use an empty or new folder")
    }

    /// `finding` with a leading segment file name (`000001.jsonl:5: …`) given its folder's path.
    static func located(_ finding: String, in desk: OpenedDesk) -> String {
        let name = finding.prefix { $0 != ":" }
        guard name.count == 12, name.hasSuffix(".jsonl"), name.prefix(6).allSatisfy(\.isASCII), name.prefix(6).allSatisfy(\.isNumber) else {
            return finding
        }
        return desk.folder.journalFolder.appendingPathComponent(String(name)).path + finding.dropFirst(name.count)
    }
}

extension Fail: CustomStringConvertible {
    var description: String { message }
}
