import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts and deadlines.")

    @OptionGroup var desk: DeskOptions
    @Flag(help: "As one JSON object.") var json = false

    func run() throws {
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        let op = try DeskAccess.actor(opened, desk)
        let now = Date()
        var byStatus: [String: Int] = [:]
        var byChannel: [String: Int] = [:]
        var byAgency: [String: Int] = [:]
        var overdue = 0
        var dueSoon = 0
        var total = 0
        for r in opened.desk.all where Access.canSee(r, by: op) {
            total += 1
            byStatus[r.status.rawValue, default: 0] += 1
            byChannel[r.channel.rawValue, default: 0] += 1
            if let a = r.agency { byAgency[a, default: 0] += 1 }
            switch opened.deadlines.urgency(of: r, now: now) {
            case .overdue: overdue += 1
            case .dueSoon: dueSoon += 1
            default: break
            }
        }
        if json {
            func obj(_ d: [String: Int]) -> JSONValue {
                .object(d.sorted { $0.key < $1.key }.map { .init($0.key, .int($0.value)) })
            }
            let v: JSONValue = .object([
                .init("total", .int(total)), .init("overdue", .int(overdue)), .init("due_soon", .int(dueSoon)),
                .init("by_status", obj(byStatus)), .init("by_channel", obj(byChannel)), .init("by_agency", obj(byAgency)),
            ])
            Output.line(v.compactText)
            return
        }
        Output.line("Laporan: \(total)   terlambat: \(overdue)   jatuh tempo: \(dueSoon)")
        Output.line("")
        Output.line("Status:")
        for s in ReportStatus.allCases { Output.line("  " + s.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + "\(byStatus[s.rawValue] ?? 0)") }
        Output.line("Kanal:")
        for (k, v) in byChannel.sorted(by: { $0.key < $1.key }) { Output.line("  " + k.padding(toLength: 18, withPad: " ", startingAt: 0) + "\(v)") }
        Output.line("Instansi:")
        for (k, v) in byAgency.sorted(by: { $0.value > $1.value }).prefix(20) {
            Output.line("  " + ReportText.clean(opened.reference.agencyName(k) ?? k) + ": \(v)")
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every report you can see.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, open311 }

    @OptionGroup var desk: DeskOptions
    @Option(help: "jsonl, csv or open311") var format: Format = .jsonl
    @Flag(help: "For publication: leaves out rahasia reports and every reporter identity.") var `public` = false
    @Option(help: "CSV separator: , or ; (Indonesian-locale spreadsheets).") var separator: String = ","
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        guard let sep = CSVSeparator(rawValue: separator) else { throw Fail.usage("--separator: use , or ;") }
        let opened = try DeskAccess.open(desk, mode: .readOnly)
        let op = try DeskAccess.actor(opened, desk)
        let now = Date()
        let reports = opened.desk.all.filter { Access.canSee($0, by: op) }
        let export = ReportExport(deadlines: opened.deadlines, now: now, offsetSeconds: opened.settings.timeZone.secondsFromUTC)
        let identity: (Report) -> Bool = { Access.canSeeIdentity($0, by: op) }
        let text: String = switch format {
        case .jsonl: export.jsonl(reports, public: `public`, identityVisible: identity)
        case .csv: export.csv(reports, separator: sep, public: `public`, identityVisible: identity)
        case .open311: export.open311(reports)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw Fail.usage("\(output): cannot write")
            }
        } else {
            Output.raw(text)
        }
    }
}
