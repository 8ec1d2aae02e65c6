import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

/// Records one report from a channel; the flags mirror the intake record (formats.md §2).
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Record one report from a channel and print its tracking id.")

    @OptionGroup var desk: DeskOptions

    @Option(help: "web sms twitter app whatsapp email letter walk-in phone api") var channel: String
    // Text may start with a dash ("-5 derajat"): taken as the value, not as a flag (QA: refused).
    @Option(parsing: .unconditional, help: "The report text.") var body: String
    @Option(parsing: .unconditional) var title: String?
    @Option(name: .customLong("external-id")) var externalID: String?
    @Option(name: .customLong("received-at"), help: "RFC 3339 time with offset (default: now).") var receivedAt: String?
    @Option(help: "pengaduan, aspirasi or permintaan-informasi") var classification: String?
    @Option var category: String?
    @Option var subcategory: String?
    @Option var province: String?
    @Option var regency: String?
    @Option var district: String?
    @Option(name: .customLong("location-detail")) var locationDetail: String?
    @Option(name: .customLong("incident-date"), help: "YYYY-MM-DD") var incidentDate: String?
    @Option(help: "Agency id the reporter chose (goes straight to its queue).") var agency: String?
    @Option(name: .customLong("reporter-name")) var reporterName: String?
    @Option(name: .customLong("reporter-nik")) var reporterNIK: String?
    @Option(name: .customLong("reporter-phone")) var reporterPhone: String?
    @Option(name: .customLong("reporter-email")) var reporterEmail: String?
    @Option(name: .customLong("group"), help: "perempuan, pemuda, disabilitas, lansia (repeatable)") var groups: [String] = []
    @Flag var anonymous = false
    @Flag var confidential = false
    @Option(name: .customLong("attachment"), help: "NAME or NAME=REF (repeatable)") var attachments: [String] = []
    @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []

    func run() throws {
        if let bad = Self.firstArgumentNotUTF8() { throw Fail.usage(bad) }
        var members: [JSONValue.Member] = [.init("channel", .string(channel)), .init("body", .string(body))]
        func add(_ key: String, _ v: String?) { if let v { members.append(.init(key, .string(v))) } }
        add("title", title); add("external_id", externalID); add("received_at", receivedAt)
        add("classification", classification); add("category", category); add("subcategory", subcategory)
        add("incident_date", incidentDate); add("agency", agency)
        var location: [JSONValue.Member] = []
        for (k, v) in [("province", province), ("regency", regency), ("district", district), ("detail", locationDetail)] {
            if let v { location.append(.init(k, .string(v))) }
        }
        if !location.isEmpty { members.append(.init("location", .object(location))) }
        var reporter: [JSONValue.Member] = []
        for (k, v) in [("name", reporterName), ("nik", reporterNIK), ("phone", reporterPhone), ("email", reporterEmail)] {
            if let v { reporter.append(.init(k, .string(v))) }
        }
        if !groups.isEmpty { reporter.append(.init("groups", .array(groups.map { .string($0) }))) }
        if !reporter.isEmpty { members.append(.init("reporter", .object(reporter))) }
        members.append(.init("anonymous", .bool(anonymous)))
        members.append(.init("confidential", .bool(confidential)))
        if !attachments.isEmpty {
            members.append(.init("attachments", .array(try attachments.map { a in
                let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard let name = parts.first, !name.isEmpty else {
                    throw Fail.usage("--attachment: '\(a)' has no file name (use NAME or NAME=REF)")
                }
                var m: [JSONValue.Member] = [.init("name", .string(name))]
                if parts.count == 2 { m.append(.init("ref", .string(parts[1]))) }
                return .object(m)
            })))
        }
        if !tags.isEmpty { members.append(.init("tags", .array(tags.map { .string($0) }))) }
        let now = DeskAccess.now(desk)
        let intake: Intake
        var decodeWarnings: [IntakeProblem] = []
        switch IntakeDecoder.decode(value: .object(members), file: "intake", line: 1, importTime: now) {
        case let .accepted(i, warnings): (intake, decodeWarnings) = (i, warnings)
        case let .rejected(problems):
            throw Fail.usage(problems.map { Self.option(naming: $0.field) + ": " + $0.message }.joined(separator: "\n"))
        }
        let opened = try DeskAccess.open(desk, mode: .writer)
        try DeskAccess.requireWritable(opened)
        let op = desk.operatorName == nil ? Operator.system : try DeskAccess.actor(opened, desk)
        if desk.operatorName != nil { try DeskAccess.requireOSUserBinding(opened, op) }
        // Recorded as given, as `import` does, and said the same way (QA: `import` warned, `intake` did not).
        for w in ImportCommand.referenceWarnings([(1, intake)], reference: opened.reference, place: { Self.option(naming: $1) }) {
            Output.error("warning: " + w.text)
        }
        for w in decodeWarnings { Output.error("warning: \(Self.option(naming: w.field)): \(w.message)") }
        for w in ImportCommand.clockWarnings([(1, intake)], now: now, place: { Self.option(naming: $1) }) { Output.error("warning: " + w.text) }
        do {
            let (id, isNew) = try opened.store.receive(opened.reference.canonicalized(intake), as: op, now: now)
            Output.line(id.rawValue)
            if !isNew { Output.error("note: \(intake.channel.rawValue) \(intake.externalID ?? "") was already recorded as \(id)") }
        } catch {
            switch error {
            // A value the desk refuses (an agency not in the directory, a time in the future) is a bad option
            // value, exit 2 as every other one (QA: `--agency nope` alone exited 1).
            case let .refused(r):
                if let field = ImportCommand.field(of: r) { throw Fail.usage("\(Self.option(naming: field)): \(r.message.en)") }
                throw Fail.rejected("intake: \(r.message.en)")
            case .journal, .busy: throw Fail.damaged(error.description)
            }
        }
    }
}

extension IntakeCommand {
    /// The option that sets an intake field, for its error message (QA: `--reporter.nik` named no option).
    static func option(naming field: String?) -> String {
        guard let field else { return "intake" }
        let path = String(field.prefix { $0 != "[" })
        switch path {
        case "reporter.groups": return "--group"
        case "attachments": return "--attachment"
        case "tags": return "--tag"
        case "location.detail": return "--location-detail"
        default:
            if path.hasPrefix("location.") { return "--" + path.dropFirst("location.".count) }
            return "--" + path.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "_", with: "-")
        }
    }

    /// The first command-line argument that is not valid UTF-8, named by the option it belongs to. Text is
    /// stored exactly as received, and the argument parser would have replaced such bytes with U+FFFD
    /// silently (QA): the report is refused instead, with the fix.
    static func firstArgumentNotUTF8(_ arguments: [[UInt8]] = rawArguments()) -> String? {
        for (k, bytes) in arguments.enumerated().dropFirst() where String(validating: bytes, as: UTF8.self) == nil {
            let previous = String(decoding: arguments[k - 1], as: UTF8.self)
            // `--body=VALUE` names itself; `--body VALUE` is named by the argument before it.
            let own = String(decoding: bytes.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
            let option = own.hasPrefix("--") && bytes.contains(UInt8(ascii: "=")) ? own
                : previous.hasPrefix("--") ? previous : "argument \(k)"
            return "\(option): not valid UTF-8 text (set the terminal or the calling script to UTF-8); nothing was recorded"
        }
        return nil
    }

    /// The process's arguments as the bytes it was given.
    static func rawArguments() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { k in
            guard let p = CommandLine.unsafeArgv[k] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        }
    }
}
