import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic generated desk (for benchmarks and load tests), deterministic for a seed.")

    // `.unconditional`: "-5" is a value (then refused as not positive), not a missing one (QA).
    @Option(parsing: .unconditional, help: "How many reports.") var reports: Int
    @Option(help: "Data folder to create (must not hold a desk yet).") var out: String?
    @Option(help: "The same as --out (every subcommand takes --data: formats.md).") var data: String?
    @Option(help: "Random seed.") var seed: UInt64 = 42

    func run() throws {
        guard reports > 0 else { throw Fail.usage("--reports must be positive") }
        // Fifty national desks' years (QA: 2^63 was taken, and the disk filled until stopped).
        guard reports <= 10_000_000 else { throw Fail.usage("--reports: at most 10000000") }
        if let out, let data, out != data { throw Fail.usage("--out and --data name two folders: give one") }
        guard let out = out ?? data else { throw Fail.usage("Missing expected argument '--out <out>' (or --data)") }
        // Empty, it would name the working folder (QA: a desk was written into it).
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else { throw Fail.usage("--out: the folder path is empty") }
        let folder = DeskFolder(url: URL(fileURLWithPath: out))
        do { try folder.initialize(defaults: DeskAccess.defaults) } catch { throw Fail.usage(error.description) }
        let opened = try DeskAccess.open(DeskOptions.parse(["--data", out]), mode: .writer)
        let generator = DeskGenerator(reports: reports, seed: seed, now: Date(), reference: opened.reference)
        let progress = Progress(total: reports, enabled: Output.stderrIsTerminal)
        var written = 0
        try generator.generate { entries in
            _ = try opened.journal.appendBatch(entries)
            written += entries.count
            progress.update(min(reports, Set(entries.map(\.reportID)).count + written / 5))
        }
        progress.finish()
        Output.error("\(reports) laporan, \(opened.journal.lastSequence) peristiwa di \(folder.path)")
    }
}
