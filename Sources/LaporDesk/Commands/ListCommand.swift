import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the inbox (filters combine).")

    @OptionGroup var desk: DeskOptions
    @Option(help: "Status id (repeatable): baru tunda terdisposisi diproses ditindaklanjuti selesai diarsipkan dihapus")
    var status: [String] = []
    @Option var agency: String?
    @Option var category: String?
    @Option(help: "Province or regency/city.") var region: String?
    @Option(help: "Channel (repeatable).") var channel: [String] = []
    @Flag(help: "Only reports past a deadline (terlambat).") var overdue = false
    @Option(help: "Words that must all appear.") var search: String?
    @Option(help: "received (newest first), deadline or priority") var sort: String?
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        var q = InboxQuery()
        for s in status {
            guard let st = ReportStatus(rawValue: s) else {
                throw Fail.usage("--status: unknown status '\(s)' (\(ReportStatus.allCases.map(\.rawValue).joined(separator: " ")))")
            }
            q.statuses.insert(st)
        }
        for c in channel {
            guard let ch = Channel(rawValue: c) else {
                throw Fail.usage("--channel: unknown channel '\(c)' (\(Channel.allCases.map(\.rawValue).joined(separator: " ")))")
            }
            q.channels.insert(ch)
        }
        if let sort {
            guard let so = InboxQuery.Sort(rawValue: sort) else { throw Fail.usage("--sort: use received, deadline or priority") }
            q.sort = so
        } else if overdue {
            q.sort = .deadline
        }
        q.agency = agency
        // Spacing as typed does not count, as for the reference lookups below (QA: "Kesehatan " listed nothing).
        func spaced(_ text: String?, flag: String, every: String) throws -> String? {
            guard let text else { return nil }
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !words.isEmpty else { throw Fail.usage("\(flag): empty; leave the flag out to list every \(every)") }
            return words
        }
        q.category = try spaced(category, flag: "--category", every: "topic")
        q.region = try spaced(region, flag: "--region", every: "place")
        q.overdueOnly = overdue
        if let search, Inbox.searchIgnoresAll(search) {
            throw Fail.usage("--search: only invisible characters (zero-width, text direction), which search leaves out: no word to look for")
        }
        q.text = search
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        // A topic named by its id or another spelling the reference knows filters by its name (QA: the id
        // `pendidikan` listed nothing, exit 0).
        let topic = q.category.flatMap { opened.reference.categories.category(named: $0) }
        if let region = q.region { q.regionIncludes = opened.reference.regions.foldedPlaces(named: region) }
        if let topic { q.category = topic.name }
        // A mistyped agency id would otherwise print an empty list that reads as "nothing for them".
        if let agency, opened.reference.agencies[agency] == nil {
            throw Fail.usage("--agency: unknown agency id '\(QuotedValue.shown(agency))' (see referensi/instansi.toml)")
        }
        DeskAccess.reportRecovery(opened)
        let op = try DeskAccess.actor(opened, desk)
        let now = try DeskAccess.now(opened)
        let ids = Inbox(deadlines: opened.deadlines).run(q, on: opened.desk, for: op, now: now)
        // Reports may name places and topics outside the reference data, so these filters are not refused up
        // front; a name that matches neither a report nor the reference data is a usage error, as for `stats`
        // and `--agency` (QA: an empty list with exit 0 read as "nothing there" to a script with a typo).
        if ids.isEmpty, let region = q.region, !ReportScope.regionNamesAPlace(region, in: opened.reference.regions) {
            throw Fail.usage("--region: no province or regency/city in referensi/wilayah.toml matches '\(QuotedValue.shown(region))'")
        }
        if ids.isEmpty, let category = q.category, topic == nil {
            throw Fail.usage("--category: no topic in referensi/kategori.toml matches '\(QuotedValue.shown(category))'")
        }
        let export = ReportExport(deadlines: opened.deadlines, now: now, offsetSeconds: opened.settings.timeZone.secondsFromUTC)
        var out = ""
        for id in ids {
            guard let r = opened.desk[id] else { continue }
            if json {
                out += export.jsonLine(r, identityVisible: Access.canSeeIdentity(r, by: op)) + "\n"
            } else {
                out += ReportText.listRow(r, deadlines: opened.deadlines, now: now, directory: opened.reference) + "\n"
            }
            if out.utf8.count > 1 << 20 {
                Output.raw(out)
                out = ""
            }
        }
        Output.raw(out)
        if !json && Output.stdoutIsTerminal { Output.error("\(ids.count) laporan") }
        // A script must not take a list that left reports out for complete (formats.md: exit 3, damaged).
        if DeskAccess.hasRepairableDamage(opened) {
            throw Fail.damaged(DeskAccess.incompleteOutput("the list is", opened))
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one report with its full trail.")

    @OptionGroup var desk: DeskOptions
    @Argument(help: "Tracking id") var id: String
    @Flag(help: "As one JSON object.") var json = false
    @Option(parsing: .unconditional, help: "Show the report as it was after its Nth event (replay; 1 = as received).") var atEvent: Int?

    func run() throws {
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        let op = try DeskAccess.actor(opened, desk)
        let rid = ReportID(id.trimmingCharacters(in: CharacterSet(charactersIn: "# ")))
        guard let current = opened.desk[rid], Access.canSee(current, by: op) else {
            // Not "no such report" when its line is there but damaged: say where, and how to look.
            if let line = opened.recovery.damagedLines.first(where: { $0.reportIDs.contains(rid.rawValue) }) {
                throw Fail.damaged("\(id): its journal line is damaged and skipped: "
                    + DeskAccess.located(line.description, in: opened) + "; run `lapor-desk check`")
            }
            // Lines lost whole may have held it (QA: a report whose receipt line was deleted was "no such report").
            if opened.recovery.gaps.contains(where: { !$0.acknowledged }) || opened.journal.eventsLost != nil {
                throw Fail.damaged("\(id): no such report in your view, but the journal lost lines that may have recorded it: "
                    + DeskAccess.incompleteOutput("the desk is", opened))
            }
            throw Fail.rejected("\(id): no such report in your view")
        }
        var r = current
        var now = try DeskAccess.now(opened)
        if let atEvent {
            let replayed = try ReplayText.report(current, atEvent: atEvent, opened: opened, json: json)
            r = replayed.report
            now = replayed.at
        }
        let identity = Access.canSeeIdentity(r, now: current, by: op)
        // What opening found (a torn last line, damaged lines) is said here too, as every read command does.
        DeskAccess.reportRecovery(opened)
        if json {
            let export = ReportExport(deadlines: opened.deadlines, now: now, offsetSeconds: opened.settings.timeZone.secondsFromUTC)
            do {
                Output.line(try export.fullObject(r, public: false, identityVisible: identity).compactText)
            } catch {
                throw Fail.damaged("\(error)")
            }
        } else {
            Output.raw(ReportText.full(r, identityVisible: identity, deadlines: opened.deadlines, now: now,
                                       directory: opened.reference, offset: opened.settings.timeZone.secondsFromUTC))
        }
        // A damaged line of this report: its trail and state lack that event (QA: a report deleted as spam
        // shown as new, exit 0, no word). Unrepaired: exit 3; set aside by `check --repair`: a note.
        let damaged = DeskAccess.damagedLines(of: rid, opened)
        for line in damaged where line.acknowledged {
            Output.error("note: \(id): an event of this report was set aside as damaged by `lapor-desk check --repair` ("
                         + DeskAccess.located("\(line.file):\(line.line)", in: opened) + "); its trail and state lack it")
        }
        if let line = damaged.first(where: { !$0.acknowledged }) {
            throw Fail.damaged("\(id): shown without the event of a damaged journal line, so its state may be wrong: "
                + DeskAccess.located(line.description, in: opened) + "; run `lapor-desk check`")
        }
    }
}
