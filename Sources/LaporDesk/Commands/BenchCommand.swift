import ArgumentParser
import Complaints
import ComplaintJournal
import Console
import Foundation
import TextCanvas

/// Measures what an officer feels on a desk: time to the first inbox frame, keystroke-to-frame for
/// moving, paging, switching views and typing a search, the durable append of one action, and memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure start-up, keystroke-to-frame, append latency and memory on a desk.")

    @OptionGroup var desk: DeskOptions
    @Option(help: "Keystrokes per measured kind.") var keys = 200
    @Flag(help: "Also measure one durable action (writes --actions internal notes: use a generated desk).") var write = false
    @Option(help: "Durable actions measured with --write (more gives a steadier median, and samples for a profiler).")
    var actions = 20
    @Flag(help: "Stop after the first inbox frame (for repeated start-up runs).") var startupOnly = false
    @Flag(help: "Fold the whole journal even when a projection snapshot exists (the cold start).") var noSnapshot = false
    @Option(help: "Measure a reference instead of the desk: foundation-json (JSONDecoder over every journal line) or fdatasync (a bare write+fdatasync loop in the desk folder).")
    var reference: String?

    func run() throws {
        if let reference { return try runReference(reference) }
        let size = Size(width: 120, height: 40)
        let t0 = Date()
        // As the console does: the first frame from the snapshot's inbox rows before the desk is decoded
        // (drawn on a terminal that only keeps the frame).
        var first: (frame: FirstFrame, at: TimeInterval)?
        let request = ConsoleLauncher.Request(desk: desk, theme: nil, lang: nil, demo: false)
        let opened = try DeskAccess.open(desk, mode: .writer, useSnapshot: !noSnapshot, checkSnapshotInBackground: true) { preview in
            let outcome = try? ConsoleLauncher.drawFirstFrame(preview, request: request, language: .id, keymap: .standard) { _ in
                ScriptedTerminal(size: size)
            }
            if let frame = outcome?.frame { first = (frame, Date().timeIntervalSince(t0)) }
        }
        let opening = Date().timeIntervalSince(t0)
        let op = try DeskAccess.actor(opened, desk)
        let env = ConsoleLauncher.environment(opened, op, language: .id)
        let reuse = first?.frame.takeOver(opened)
        var state = ConsoleState(env: env, desk: opened.desk, now: reuse?.now ?? Date(), size: size, inboxIndex: reuse?.index)
        ConsoleReducer.start(&state)
        _ = ConsoleRenderer.render(state)
        let ready = Date().timeIntervalSince(t0)
        Output.line(String(format: "start-up to first inbox frame: %.3f s (%d reports, %llu events)%@", first?.at ?? ready,
                           opened.desk.count, opened.journal.lastSequence,
                           first == nil ? "" : ", drawn from the snapshot's inbox rows"))
        Output.line(String(format: "start-up until keys are answered (desk decoded): %.3f s%@", ready,
                           reuse == nil ? "" : ", inbox index taken from the snapshot"))
        Output.line(String(format: "  of which opening the desk (journal%@): %.3f s, inbox index and frame: %.3f s",
                           opened.eventsAfterSnapshot == nil ? "" : " and snapshot", opening, ready - opening))
        Output.line("resident memory after start-up: \(BenchReferences.memoryKB("VmRSS") ?? 0) kB")
        Output.line("snapshot: " + SnapshotCommand.describe(opened))
        Output.line("allocator: " + HeapAllocator.inUse)
        if startupOnly { return }
        /// Times the last key of each step to its frame; earlier keys (closing and reopening a prompt) set
        /// the step up untimed, so every sample is one keystroke.
        func measure(_ name: String, _ keysFor: (Int) -> [Key]) {
            var samples: [Double] = []
            for i in 0..<keys {
                let step = keysFor(i)
                for k in step.dropLast() { ConsoleReducer.reduce(&state, .key(k)) }
                if step.count > 1 { _ = ConsoleRenderer.render(state) }
                let start = DispatchTime.now().uptimeNanoseconds
                if let k = step.last { ConsoleReducer.reduce(&state, .key(k)) }
                _ = ConsoleRenderer.render(state)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            let p50 = samples[samples.count / 2]
            let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
            Output.line(String(format: "keystroke-to-frame %-14@ p50 %7.2f ms   p99 %7.2f ms", name as NSString, p50, p99))
        }
        measure("move (j)") { _ in [.char("j")] }
        measure("page (PgDn)") { _ in [.pageDown] }
        measure("view (1-5)") { i in [.char(Character(String(i % 5 + 1)))] }
        var letters = 0
        // The filter form: letters typed into its first text field (Escape closes it, `f` reopens it).
        measure("filter letter") { i in
            if i % 8 == 0 { letters = 0; return [.escape, .escape, .char("f"), .char("a")] }
            letters += 1
            return [.char(["s", "e", "k"][letters % 3])]
        }
        ConsoleReducer.reduce(&state, .key(.escape))
        var typed = 0
        measure("search letter") { i in
            if i % 4 == 0 { typed = 0; return [.escape, .escape, .char("/")] + [.char("j")] }
            typed += 1
            return [.char(["a", "l", "n"][typed % 3])]
        }
        ConsoleReducer.reduce(&state, .key(.escape))
        // One durable officer action.
        var appends: [Double] = []
        if write, let id = opened.desk.order.first {
            // Each action is followed by one bare write+fdatasync of a line as long as the action's, to a
            // scratch file beside the journal: a disk's latency drifts from minute to minute, so a reference
            // taken at another time made the ratio swing from 1.0 to 1.7 with the same build.
            let bare = try BenchReferences.BareDurableWriter(folder: desk.data ?? ".")
            defer { bare.close() }
            var bareSamples: [Double] = []
            for _ in 0..<max(1, actions) {
                let s = DispatchTime.now().uptimeNanoseconds
                _ = try? opened.store.perform(.addNote("bench"), on: id, as: Operator(name: "bench", role: .adminNasional), now: Date())
                appends.append(Double(DispatchTime.now().uptimeNanoseconds - s) / 1e6)
                bareSamples.append(try bare.once(lineBytes: 280)) // a note's journal line is about 275 bytes
            }
            appends.sort()
            bareSamples.sort()
            Output.line(String(format: "one durable action (note): median %.3f ms", appends[appends.count / 2]))
            Output.line(String(format: "interleaved bare write+fdatasync: median %.3f ms", bareSamples[bareSamples.count / 2]))
        }
        // Once the keys above have run, the search index (folded text of every report) is built too.
        Output.line("resident memory with the search index built: \(BenchReferences.memoryKB("VmRSS") ?? 0) kB")
        let rss = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? "?"
        Output.line("peak memory: \(rss.replacingOccurrences(of: "VmHWM:", with: "").trimmingCharacters(in: .whitespaces))")
    }

    private func runReference(_ name: String) throws {
        let folder = desk.data ?? "."
        switch name {
        case "foundation-json":
            let (seconds, lines) = try BenchReferences.foundationDecode(journalFolder: folder + "/journal")
            Output.line(String(format: "reference foundation-json: %.3f s (%d lines)", seconds, lines))
        case "fdatasync":
            let samples = try BenchReferences.bareDurableWrite(folder: folder, lineBytes: 420, count: 200)
            Output.line(String(format: "reference fdatasync: median %.3f ms", samples[samples.count / 2]))
        default:
            throw Fail.usage("--reference: foundation-json or fdatasync")
        }
    }
}
