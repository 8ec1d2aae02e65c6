import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record many reports from intake files (JSON lines, CSV or Open311); `-` reads standard input.",
        discussion: "A bad line is reported as FILE:LINE: field: reason and every other line is still recorded (exit 1).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, open311 }

    @OptionGroup var desk: DeskOptions

    @Option(help: "jsonl (default), csv or open311") var format: Format = .jsonl

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Reports per durable write (one sync each).") var batchSize = 5000

    @Argument(help: "Intake files, or - for standard input.") var files: [String]

    func run() throws {
        guard !files.isEmpty else { throw Fail.usage("import: name at least one file (or -)") }
        guard batchSize > 0 else { throw Fail.usage("--batch-size must be positive") }
        let now = DeskAccess.now(desk)
        // The time given to lines without `received_at`, to the whole second the journal stores it at: a
        // fraction here was rounded off each report's intake when it was folded, a copy of every intake.
        let importTime = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        var batches: [(String, IntakeBatch)] = []
        // A file that cannot be read is reported and the others are still imported (exit 1), as a bad line
        // is; only when no file can be read is it a usage error.
        var unreadable: [String] = []
        for file in files {
            let bytes: [UInt8]
            if file == "-" {
                bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let read = IntakeFile.readBytes(atPath: file) else {
                    unreadable.append("\(ReportText.clean(file)): cannot read the file (\(ImportCommand.whyUnreadable(file)))")
                    continue
                }
                bytes = read
            }
            // One line per message whatever the file is called (a newline in a name split `FILE:LINE:`).
            let name = file == "-" ? "<stdin>" : ReportText.clean(file)
            let batch: IntakeBatch = switch format {
            case .jsonl: IntakeFile.decodeLines(bytes: bytes, fileName: name, importTime: importTime)
            case .csv: CSVIntake.decode(bytes: bytes, fileName: name, importTime: importTime)
            case .open311: Open311.decode(bytes: bytes, fileName: name, importTime: importTime)
            }
            batches.append((name, batch))
        }
        guard !batches.isEmpty else { throw Fail.usage(unreadable.joined(separator: "\n")) }
        for message in unreadable { Output.error(message) }
        let opened = try DeskAccess.open(desk, mode: .writer)
        defer { LeftToExit.keep((opened, batches)) }
        try DeskAccess.requireWritable(opened)
        let op = desk.operatorName == nil ? Operator.system : try DeskAccess.actor(opened, desk)
        if desk.operatorName != nil { try DeskAccess.requireOSUserBinding(opened, op) }
        // Said once, before any line (QA: a pengamat's import printed the same refusal for each of 400 lines).
        if let refusal = Workflow.notAllowed(.receive, for: op.role) {
            throw Fail.rejected("\(refusal.message.id) Tidak ada yang diimpor. / \(refusal.message.en) Nothing was imported.")
        }
        var rejected = 0
        var recorded = 0
        var duplicates = 0
        let total = batches.reduce(0) { $0 + $1.1.records.count }
        let progress = Progress(total: total, enabled: Output.stderrIsTerminal && total >= 2000)
        opened.store.reserveCapacity(forMoreReports: total)
        // Where each report this command recorded came from: a later line with its channel and external id is
        // its duplicate (QA: one in another file of the same command was counted without a word). The desk
        // decides, not the file: a copy after a line the desk refused is recorded.
        var recordedFrom: [ReportID: (file: String, line: Int)] = [:]
        // Room for every line up front: growing it step by step rehashed every id (2 % of a 50,000-line import).
        recordedFrom.reserveCapacity(total)
        for (name, decoded) in batches {
            var batch = decoded
            if format == .open311 { Open311.resolve(&batch, fileName: name, reference: opened.reference) }
            // Every warning and rejection of the file in line order, once the file is done (or the import
            // stops): QA had to re-sort a file's warnings, printed first, among its errors to mend it.
            var messages = batch.problems.map { (line: $0.line, text: $0.description) }
            let prepared = ImportCommand.prepare(batch.records, fileName: name, reference: opened.reference, now: now)
            // A value's "recorded as given" is said only for a line that was recorded (QA: refused lines and
            // repeats said it too).
            let lineWarnings = Dictionary(grouping: prepared.warnings, by: \.line)
            // A reader's warning (an unknown field kept, a leap second) once per file, at the first line recorded.
            let readerWarnings = Dictionary(grouping: batch.warnings, by: \.line)
            var said: Set<[String?]> = []
            if batch.records.isEmpty, batch.problems.isEmpty {
                // A failed upstream export often leaves an empty file: not an error, but worth a word.
                messages.append((0, "warning: \(name): no records in the file"))
            }
            defer { for r in messages.sorted(by: { $0.line < $1.line }) { Output.error(r.text) } }
            // Lines (records), not messages: one line may have several problems.
            rejected += Set(batch.problems.map(\.recordKey)).count
            var index = 0
            while index < batch.records.count {
                let end = min(batch.records.count, index + batchSize)
                let results: [Result<(id: ReportID, isNew: Bool), DeskStore.Failure>]
                do {
                    results = try opened.store.receive(Array(prepared.intakes[index..<end]), as: op, now: now)
                } catch {
                    progress.finish()
                    throw Fail.damaged("\(error)\n\(recorded) reports were recorded before the failure; nothing of this batch was written")
                }
                for (k, r) in results.enumerated() {
                    let record = batch.records[index + k]
                    switch r {
                    case let .success((id, true)):
                        recorded += 1
                        recordedFrom[id] = (name, record.line)
                        for w in readerWarnings[record.line] ?? [] where said.insert([w.field, w.message]).inserted {
                            messages.append((record.line, "warning: \(w)"))
                        }
                        messages += lineWarnings[record.line] ?? []
                    case let .success((id, false)):
                        duplicates += 1
                        if let first = recordedFrom[id] {
                            let place = first.file == name ? "line \(first.line)" : "\(first.file):\(first.line)"
                            let duplicate = IntakeProblem(
                                file: name, line: record.line, field: "external_id",
                                message: "duplicate of \(place) (same channel '\(record.intake.channel.rawValue)' and external_id); skipped")
                            messages.append((record.line, "warning: \(duplicate)"))
                        }
                    case let .failure(f):
                        rejected += 1
                        messages.append((record.line, "\(name):\(record.line): " + ImportCommand.describe(f)))
                    }
                }
                index = end
                progress.update(index)
            }
        }
        progress.finish()
        let skippedFiles = unreadable.isEmpty ? "" : " \(unreadable.count) berkas tidak terbaca."
        Output.error("Diimpor \(recorded) laporan, \(duplicates) sudah ada (duplikat), \(rejected) ditolak." + skippedFiles)
        if rejected > 0 || !unreadable.isEmpty { throw Fail.rejected("") }
    }

    /// The records' intakes with their topics and places as the reference names them, and the warnings
    /// about values it does not know and times ahead of the clock (each kind in line order), worked out on
    /// every core: on one they were a tenth of an import.
    static func prepare(_ records: [(line: Int, intake: Intake)], fileName: String, reference: ReferenceData, now: Date)
        -> (intakes: [Intake], warnings: [(line: Int, text: String)])
    {
        let parts = ParallelRanges.map(count: records.count) { range in
            let chunk = Array(records[range])
            var names = CanonicalNames(reference: reference)
            return (intakes: chunk.map { names.canonicalized($0.intake) },
                    reference: referenceWarnings(chunk, reference: reference, place: { "\(fileName):\($0): \($1)" }),
                    clock: clockWarnings(chunk, now: now, place: { "\(fileName):\($0): \($1)" }))
        }
        let warnings = (parts.flatMap(\.reference) + parts.flatMap(\.clock)).map { (line: $0.line, text: "warning: " + $0.text) }
        return (parts.flatMap(\.intakes), warnings)
    }

    /// Values the reference data does not know: recorded as given, but said, naming the line (QA: "Sihir" and
    /// "Kabupaten Atlantis" were accepted silently, then matched no routing rule and showed in the figures).
    /// `place(line, field)` says where, as the command's other messages do (`FILE:LINE: field`, or the
    /// flag of `intake`).
    static func referenceWarnings(_ records: [(line: Int, intake: Intake)], reference: ReferenceData,
                                  place: (Int, String) -> String) -> [(line: Int, text: String)] {
        var out: [(line: Int, text: String)] = []
        // Looked up once per distinct spelling: an intake file repeats a few dozen topics and places, and
        // normalising each line's names again cost most of an import's time (QA: 6,900 reports/s with a place).
        var knownCategory: [String: Bool] = [:]
        var knownSubcategory: [SubtopicKey: Bool] = [:]
        // Only the province's name is kept: a `Province` (with its regencies) was copied out of the memo twice
        // per line.
        var provinceNames: [String: String?] = [:]
        var regencies: [RegencyKey: [Regency]] = [:]
        func provinceName(_ p: String) -> String? { provinceNames.memo(p) { reference.regions.province(named: p)?.name } }
        for record in records {
            let i = record.intake
            if let c = i.category, !knownCategory.memo(c, { reference.canonicalCategory(c, subcategory: nil) != nil }) {
                out.append((record.line, "\(place(record.line, "category")): '\(QuotedValue.shown(c))' is not in the topic tree (kategori.toml); recorded as given, no routing rule matches it"))
            } else if let c = i.category, let s = i.subcategory,
                      !knownSubcategory.memo(SubtopicKey(category: c, subcategory: s), { reference.canonicalCategory(c, subcategory: s) != nil }) {
                // QA: an unknown sub-topic of a known topic passed without a word.
                out.append((record.line, "\(place(record.line, "subcategory")): '\(QuotedValue.shown(s))' is not a sub-topic of "
                                         + "'\(QuotedValue.shown(c))' in kategori.toml; recorded as given"))
            }
            if let p = i.location.province, provinceName(p) == nil {
                out.append((record.line, "\(place(record.line, "location.province")): '\(QuotedValue.shown(p))' is not in wilayah.toml; recorded as given"))
            }
            if let r = i.location.regency {
                // Within the report's province when that is known, as routing reads it.
                let province = i.location.province.flatMap { provinceName($0) }
                let candidates = regencies.memo(RegencyKey(regency: r, province: province)) {
                    reference.regions.regencies(matching: r, inProvince: province)
                }
                if candidates.isEmpty {
                    out.append((record.line, "\(place(record.line, "location.regency")): '\(QuotedValue.shown(r))' is not in wilayah.toml; recorded as given"))
                } else if candidates.count > 1 {
                    // QA: "Bandung" was called unknown; it is two places, and routing cannot pick one.
                    let names = candidates.map(\.name).joined(separator: " or ")
                    out.append((record.line, "\(place(record.line, "location.regency")): '\(QuotedValue.shown(r))' could be \(names); recorded as given; "
                               + "routing cannot tell which (write the full name)"))
                }
            }
        }
        return out
    }

    /// A received time ahead of the desk's clock: accepted within a day (`Decide`: a channel's clock or zone
    /// may be off), but said, for its deadline runs from that instant (QA: six hours ahead passed silently).
    static func clockWarnings(_ records: [(line: Int, intake: Intake)], now: Date,
                              place: (Int, String) -> String) -> [(line: Int, text: String)] {
        records.compactMap { record in
            let ahead = record.intake.receivedAt.timeIntervalSince(now)
            // Beyond a day `Decide` refuses the record: that refusal says it.
            guard ahead > 300, ahead <= 86400 else { return nil }
            let minutes = Int(ahead / 60)
            let amount = minutes >= 120 ? "\(minutes / 60) hours" : "\(minutes) minutes"
            return (record.line, "\(place(record.line, "received_at")): \(amount) ahead of the desk's clock; recorded as given, "
                    + "and its deadline runs from then (check the channel's clock or time zone)")
        }
    }

    static func whyUnreadable(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) != 0 { return String(cString: strerror(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return "it is a folder" }
        if access(path, R_OK) != 0 { return String(cString: strerror(errno)) }
        return "read failed"
    }

    /// A refused record as the other intake errors read: `field: reason`, in English.
    static func describe(_ failure: DeskStore.Failure) -> String {
        guard case let .refused(refusal) = failure else { return failure.description }
        return (field(of: refusal).map { "\($0): " } ?? "") + refusal.message.en
    }

    /// The intake field a refusal is about, if it is about one value.
    static func field(of refusal: Refusal) -> String? {
        switch refusal.code {
        case .unknownAgency: "agency"
        case .unknownUnit: "unit"
        case .unknownCategory: "category"
        case .receivedInFuture, .receivedLongAgo: "received_at"
        case .incidentDateImpossible: "incident_date"
        default: nil
        }
    }
}

/// A progress bar on a terminal's standard error; silent when piped.
final class Progress {
    let total: Int
    let enabled: Bool
    private var last = -1

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != last else { return }
        last = percent
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(percent)%".utf8))
    }

    func finish() {
        guard enabled, last >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        last = -1
    }
}

/// A regency as an import line names it, within the province found for the line (if any).
private struct RegencyKey: Hashable {
    var regency: String
    var province: String?
}

/// A sub-topic as an import line names it, under the topic it gives.
private struct SubtopicKey: Hashable {
    var category: String
    var subcategory: String
}

private extension Dictionary {
    /// The value for `key`, made by `make` the first time it is asked for.
    mutating func memo(_ key: Key, _ make: () -> Value) -> Value {
        if let known = self[key] { return known }
        let made = make()
        self[key] = made
        return made
    }
}
