import Complaints
import Foundation
import TextCanvas

/// Runs the console: draw, wait for a key / a journal change / a tick, reduce, carry out effects.
/// All decisions are in `ConsoleReducer`; this loop only moves data between the edges.
public final class ConsoleRuntime {
    public private(set) var state: ConsoleState
    let terminal: any TerminalDevice
    let service: any DeskService
    let clock: () -> Date
    /// How often to poll the journal and re-evaluate deadlines when nothing else happens.
    let tickMilliseconds: Int
    /// Called after each frame is drawn (presenter strip, tests).
    public var onFrame: ((Canvas) -> Void)?
    /// Lets the embedding program add rows or decorations (e.g. a lesson strip) to each frame.
    public var decorate: ((inout Canvas, ConsoleState) -> Void)?
    /// The practice desk's shared clock; nil on real desks, where the clock keys are refused.
    public var practiceClock: PracticeClockControl?
    /// Called on each idle tick (no key or journal change for a tick's time), after the poll and the sweep:
    /// the embedding program keeps its caches fresh there (the projection snapshot, once many events were
    /// folded since it). Should return quickly: the officer's next key waits for it.
    public var afterTick: (() -> Void)?

    public init(state: ConsoleState, terminal: any TerminalDevice, service: any DeskService, clock: @escaping () -> Date,
                tickMilliseconds: Int = 1000) {
        self.state = state
        self.terminal = terminal
        self.service = service
        self.clock = clock
        self.tickMilliseconds = tickMilliseconds
    }

    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended `run`, if one did: the process should then exit with
    /// 128 + its number, as shells and supervisors expect, after the terminal is restored.
    public private(set) var stoppedBySignal: Int32?

    /// Runs until the officer quits, input ends, or a signal asks to stop.
    public func run() {
        state.size = terminal.size
        state.health = service.health
        ConsoleReducer.start(&state)
        var lastSweep = Date.distantPast
        var lastRulesCheck = Date.distantPast
        while !state.quitRequested {
            draw()
            let watch = service.changeDescriptor.map { [$0] } ?? []
            let event = terminal.nextEvent(timeoutMs: tickMilliseconds, alsoWatch: watch)
            switch event {
            case let .key(key):
                if key == .resize {
                    dispatch(.resize(terminal.size))
                } else {
                    dispatch(.key(key))
                }
                // No journal poll per key: inotify wakes the loop (`.ready`) and the tick polls as a fallback.
            case .ready:
                service.drainChangeNotifications()
                // The poll's scan is what notices a replaced segment (a practice reset): look after it.
                pollJournal()
                if noticedPracticeReset() { continue }
            case .timeout:
                pollJournal()
                if noticedPracticeReset() { continue }
                let now = clock()
                dispatch(.tick(now))
                if now.timeIntervalSince(lastSweep) >= 30 {
                    lastSweep = now
                    let swept = service.sweep(now: now)
                    if !swept.isEmpty { dispatch(.journalEvents(swept)) }
                }
                afterTick?()
                // The snapshot's lines are checked on another core after the first frame.
                if service.snapshotWasWrong {
                    dispatch(.snapshotWasWrong)
                    continue
                }
                let health = service.health
                if health != state.health { dispatch(.health(health)) }
                // Wall time, not the practice clock: the files are edited in real time.
                if Date().timeIntervalSince(lastRulesCheck) >= 2 {
                    lastRulesCheck = Date()
                    if let change = service.deadlineRulesChange() { dispatch(.deadlineRules(change)) }
                    if let change = service.referenceChange() { dispatch(.referenceData(change)) }
                }
            case let .shutdownRequested(signal):
                stoppedBySignal = signal
                return
            case .closed:
                return
            }
        }
    }

    /// A practice desk reset from another shell: the reducer says so and the console ends for the
    /// launcher to reopen the fresh desk.
    func noticedPracticeReset() -> Bool {
        guard service.practiceDeskWasReset else { return false }
        dispatch(.practiceDeskReset)
        return true
    }

    func pollJournal() {
        let events = service.poll()
        if !events.isEmpty { dispatch(.journalEvents(events)) }
    }

    func draw() {
        var canvas = ConsoleRenderer.render(state)
        decorate?(&canvas, state)
        terminal.draw(canvas)
        onFrame?(canvas)
    }

    public func dispatch(_ action: ConsoleAction) {
        var pending = ConsoleReducer.reduce(&state, action)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            // Nothing is written to (or timed on) a practice desk that was reset under the console.
            if effect != .quit, effect != .suspend, service.practiceDeskWasReset {
                pending += ConsoleReducer.reduce(&state, .practiceDeskReset)
                continue
            }
            switch effect {
            case let .perform(requests):
                if let holder = service.journalBusyWith {
                    pending += ConsoleReducer.reduce(&state, .waitingForJournal(holder: holder))
                    draw()
                }
                let outcomes = service.perform(requests, as: state.env.operatorOnDuty, now: clock())
                pending += ConsoleReducer.reduce(&state, .performed(outcomes))
                // Reset while the request was on its way: the journal refused it; say why in the officer's words.
                if service.practiceDeskWasReset { pending += ConsoleReducer.reduce(&state, .practiceDeskReset) }
            case .quit:
                state.quitRequested = true
            case .suspend:
                terminal.suspend()
                // The window may have been resized while stopped.
                pending += ConsoleReducer.reduce(&state, .resize(terminal.size))
            case let .advanceClock(step):
                for action in advancePracticeClock(step) { pending += ConsoleReducer.reduce(&state, action) }
            }
        }
    }
}
