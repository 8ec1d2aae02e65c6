import Complaints
import ComplaintJournal
import Console
import CursesTerminal
import DeskResources
import Foundation
import TextCanvas

/// Wires the console: opens (or creates) the desk, builds the environment from its reference data, starts
/// curses, runs the loop, and always gives the terminal back.
enum ConsoleLauncher {
    struct Request {
        var desk: DeskOptions
        var theme: String?
        var lang: String?
        var demo: Bool
        var mouse = false
        /// `demo --scenario NAME|DIR`: a practice desk built from a bimtek scenario.
        var scenario: String? = nil
        /// `demo --lesson`: show the scenario's lesson strip.
        var lesson = false
        /// `--presenter`: key strip, roomy rows, `terang` theme unless chosen otherwise.
        var presenter = false
        /// Shown on the status line when the console reopens a practice desk reset from elsewhere.
        var notice: Localized? = nil
        /// Reopen from the journal alone: the snapshot's lines failed their check under the last console.
        var withoutSnapshot = false
    }

    static func run(_ request: Request) throws {
        var language: Language?
        if let lang = request.lang {
            guard let l = Language(rawValue: lang) else { throw Fail.usage("--lang: use id or en, not '\(lang)'") }
            language = l
        }
        let user = try UserSettings.load()
        // Decided before the journal opens: an OS account the roster does not let act as the operator gets
        // a read-only journal, so not even start-up recovery writes.
        let refuseWriting: (DeskSettings, Roster) -> Localized? = { _, roster in
            guard let name = request.desk.operatorName ?? roster.defaultOperator?.name else { return nil }
            return OSUserBinding.writeRefusal(roster: roster, operatorName: name, osUser: OSAccount.current())
        }
        let keymap = try Keymaps.load()
        let screen = ConsoleScreen(request: request, user: user)
        try screen.checkChosenTheme()
        // Without a terminal, curses would write escape sequences into a file or pipe and exit 0. Checked after
        // the flags and settings files, whose mistakes are said first (QA: `--lang fr` got this message), and
        // before the desk is opened or a demo desk created.
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw Fail.usage("console: standard input and output must be a terminal; for scripts use list, show, act or export")
        }
        let log = StartupLog()
        // A real desk starting from a snapshot shows its first frame before decoding the desk.
        var first: FirstFrame?
        var previewOffered = false
        let opened: OpenedDesk
        do {
            opened = try request.demo ? (try request.scenario.map { try ScenarioLauncher.open($0, options: request.desk) }
                ?? openDemo(request.desk)) : openDesk(request.desk, useSnapshot: !request.withoutSnapshot, refuseWriting: refuseWriting) { preview in
                    previewOffered = true
                    let outcome = Result {
                        try drawFirstFrame(preview, request: request, language: language ?? user.language, keymap: keymap,
                                           start: screen.start(settings:))
                    }
                    first = (try? outcome.get())?.frame
                    switch outcome {
                    case .success(.drawn): log.note("first frame from the snapshot's inbox rows")
                    case let .success(.skipped(why)): log.note("first frame after decoding: \(why)")
                    case let .failure(error): log.note("first frame after decoding: \(error)")
                    }
                }
        } catch {
            screen.stop()
            throw error
        }
        // Why no snapshot gave the first frame, when none was offered (QA: the log said nothing).
        if !previewOffered {
            let why = request.withoutSnapshot ? "--no-snapshot given" : request.demo ? "a new practice desk"
                : opened.journal.snapshotRejection ?? "no projection snapshot (cache/proyeksi.snap; `lapor-desk snapshot` writes one)"
            log.note("first frame after decoding: \(why)")
        }
        // Once curses owns the terminal, start-up's warnings wait until the console ends.
        let warnings = DeskAccess.recoveryWarnings(opened)
        let warnAfterwards = screen.isStarted
        if !warnAfterwards { for w in warnings { Output.error(w) } }
        var deskOptions = request.desk
        if request.demo, deskOptions.operatorName == nil { deskOptions.operatorName = ScenarioLauncher.trainee(opened) ?? "rina" }
        let runtime: ConsoleRuntime
        var tookOver = false
        do {
            let op = try DeskAccess.actor(opened, deskOptions)
            let env = environment(opened, op, language: language ?? user.language ?? opened.settings.language)
            var service = DeskAccess.consoleService(opened, op)
            // A practice desk may be reset from another shell while this console is open: it notices and reopens.
            if opened.settings.isPractice {
                service = PracticeDeskService(wrapping: service)
            }
            // A practice desk runs on its shared practice clock; a real desk on real time.
            let practiceClock = PracticeClock.of(opened).map { PracticeClockAdapter(clock: $0, desk: opened) }
            let clock: () -> Date = practiceClock.map { adapter in { adapter.now() } } ?? { Date() }
            // The first frame's inbox index, when it describes this desk (taken with the instant it was sorted for).
            let taken = first?.takeOver(opened)
            tookOver = taken != nil
            var state = ConsoleState(env: env, desk: opened.desk, now: taken?.now ?? clock(), size: Size(width: 80, height: 24),
                                     keymap: keymap, inboxIndex: taken?.index)
            state.health = service.health
            if request.lesson { state.lesson = try ScenarioLauncher.lessonSession(opened) }
            state.presenter = request.presenter
            state.announceReadOnlyStart()
            // A torn last line set aside at start-up is not damage (health stays OK) but is said, as the
            // command-line writers say it: the quarantine file holds the bytes.
            if state.message == nil, let torn = opened.recovery.tornTails.first {
                let detail = DeskAccess.located(torn.description, in: opened)
                state.announce(Localized("Baris terakhir jurnal yang terpotong disisihkan ke karantina: " + detail,
                                         en: "A torn last journal line was set aside in quarantine: " + detail))
            }
            if let notice = request.notice { state.announce(notice) }
            if state.message == nil, let holidays = DeskAccess.missingHolidayLists(opened, now: clock()) {
                state.announce(Localized("Kalender: " + holidays.id, en: "Calendar: " + holidays.en))
            }
            let terminal = try screen.start(settings: opened.settings)
            // A theme file with mistakes falls back to default colours: say so now, not only after the console
            // ends (QA); the full list is still printed then.
            if let first = screen.themeWarnings.first, state.message == nil {
                let more = screen.themeWarnings.count > 1 ? " (+\(screen.themeWarnings.count - 1))" : ""
                state.announce(Localized("Tema: " + first + more, en: "Theme: " + first + more))
            }
            let refresher = SnapshotRefresher(opened, log: log)
            refresher.startIfStale()
            runtime = ConsoleRuntime(state: state, terminal: terminal, service: service, clock: clock)
            runtime.practiceClock = practiceClock
            runtime.afterTick = { refresher.refreshIfFarBehind() }
        } catch {
            screen.stop()
            throw error
        }
        log.note(tookOver ? "console ready (the first frame's inbox index taken over)" : "console ready (inbox index built from the desk)")
        runtime.run()
        screen.stop()
        if warnAfterwards { for w in warnings { Output.error(w) } }
        // Killed (SIGTERM, SIGHUP, SIGINT): the terminal is restored; exit as a killed process would.
        if let signal = runtime.stoppedBySignal { throw Fail(code: 128 + signal, message: "") }
        if runtime.state.resetRequested || runtime.state.reopenRequested {
            // Confirmed `:reset-practice`: restore the folder, then reopen the console on it. Reset from
            // another shell: only reopen. Either way in the language the console was using.
            if runtime.state.resetRequested { try ScenarioLauncher.reset(opened.folder.path) }
            var again = request
            again.desk.data = opened.folder.path
            again.lang = runtime.state.language.rawValue
            again.notice = runtime.state.reopenRequested ? runtime.state.reopenNotice : nil
            again.withoutSnapshot = runtime.state.reopenWithoutSnapshot
            try run(again)
            return
        }
        if request.demo, request.desk.data == nil {
            Output.error("Meja latihan: \(opened.folder.path)")
        }
    }

    /// How long a console's save waits for another writer before it says so (README: 5 s; the command line 10 s).
    static let consoleLockTimeout: Double = 5

    static func openDesk(_ options: DeskOptions, useSnapshot: Bool = true, refuseWriting: ((DeskSettings, Roster) -> Localized?)? = nil,
                         beforeDecoding: ((SnapshotPreview) -> Void)? = nil) throws -> OpenedDesk {
        let folder = DeskFolder.resolve(explicit: options.data)
        do {
            // The snapshot's lines are checked on another core while the first frame is drawn and the
            // desk decoded: a long-lived console can wait for the result before it writes.
            return try OpenedDesk.open(folder, defaults: DeskAccess.defaults, mode: .writer, lockTimeout: consoleLockTimeout,
                                       openLockTimeout: 1, readOnlyFallback: true, useSnapshot: useSnapshot, checkSnapshotInBackground: true,
                                       refuseWriting: refuseWriting, beforeDecoding: beforeDecoding)
        } catch {
            if error.kind == .journal {
                // Locked or unwritable: open read-only rather than refuse to show the desk.
                if let ro = try? OpenedDesk.open(folder, defaults: DeskAccess.defaults, mode: .readOnly, useSnapshot: useSnapshot,
                                                 checkSnapshotInBackground: true) {
                    return ro
                }
            }
            switch error.kind {
            case .missing: throw Fail.usage(error.description)
            case .invalidFiles, .journal: throw Fail.damaged(error.description)
            }
        }
    }

    /// A fresh practice desk: a temporary folder unless `--data` names one.
    static func openDemo(_ options: DeskOptions) throws -> OpenedDesk {
        let folder: DeskFolder
        if let data = options.data {
            folder = DeskFolder(url: URL(fileURLWithPath: data))
            if folder.exists { return try openDesk(options) }
            try DeskAccess.requireEmptyOrNewPracticeFolder(folder)
        } else {
            var template = Array((NSTemporaryDirectory() + "lapor-desk-demo-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw Fail.usage("demo: cannot create a temporary folder") }
            folder = DeskFolder(url: URL(fileURLWithPath: String(cString: made)))
        }
        guard let laporan = DeskResources.text("demo/laporan.jsonl"), let roster = DeskResources.text("demo/operator.toml") else {
            throw Fail.damaged("demo: the practice data is missing from this build")
        }
        do {
            let opened = try PracticeDesk.create(in: folder, defaults: DeskAccess.defaults, name: "Meja Latihan LaporDesk",
                                                 rosterText: roster, laporanText: laporan, laporanFile: "demo/laporan.jsonl", now: Date(),
                                                 lockTimeout: consoleLockTimeout)
            try PracticeSnapshot.keepPristineCopy(of: folder) // for `demo --reset` and Ctrl-R
            return opened
        } catch {
            throw Fail.damaged("demo: \(error)")
        }
    }

    static func environment(_ opened: OpenedDesk, _ op: Operator, language: Language) -> ConsoleEnvironment {
        var env = environment(settings: opened.settings, reference: opened.reference, deadlines: opened.deadlines, op, language: language)
        if opened.settings.isPractice {
            let folder = opened.folder
            env.filesAResetWouldDelete = { PracticeSnapshot.filesNotOfTheDesk(folder) }
        }
        return env
    }

    static func environment(settings: DeskSettings, reference ref: ReferenceData, deadlines: Deadlines, _ op: Operator,
                            language: Language) -> ConsoleEnvironment {
        var env = ConsoleEnvironment(
            deskName: settings.name, operatorOnDuty: op, language: language, deadlines: deadlines,
            isPractice: settings.isPractice, utcOffsetSeconds: settings.timeZone.secondsFromUTC,
            zoneName: settings.timeZone.rawValue)
        env.adopt(ref)
        return env
    }
}

/// User key bindings from `$XDG_CONFIG_HOME/lapor-desk/keys.conf`.
enum Keymaps {
    static func load() throws -> Keymap {
        var map = Keymap.standard
        let file = UserSettings.folder().appendingPathComponent("keys.conf")
        guard let data = FileManager.default.contents(atPath: file.path) else { return map }
        let errors = map.apply(userBindings: String(decoding: data, as: UTF8.self))
        if !errors.isEmpty {
            throw Fail.usage(errors.map { "\(file.path):\($0.line): \($0.reason)" }.joined(separator: "\n"))
        }
        return map
    }
}
