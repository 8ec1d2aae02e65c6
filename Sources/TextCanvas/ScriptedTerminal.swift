/// A fake terminal that replays a script of events and records every frame drawn, so the console
/// runtime (event loop, resize, quit) can be tested without curses or a tty.
public final class ScriptedTerminal: TerminalDevice {
    /// One step of the script.
    public enum Step: Hashable, Sendable {
        /// Deliver this event.
        case event(TerminalEvent)
        /// Change the size, then deliver `.key(.resize)` as a real terminal does.
        case resize(Size)
    }

    public private(set) var size: Size
    /// Every canvas passed to `draw`, in order.
    public private(set) var frames: [Canvas] = []
    /// The timeouts and watched descriptors of each `nextEvent` call, to check what the loop asked for.
    public private(set) var waits: [(timeoutMs: Int?, alsoWatch: [Int32])] = []
    private var steps: [Step]
    private var position = 0

    public init(size: Size, steps: [Step] = []) {
        self.size = size
        self.steps = steps
    }

    /// Builds a script from keys alone.
    public convenience init(size: Size, keys: [Key]) {
        self.init(size: size, steps: keys.map { .event(.key($0)) })
    }

    /// The most recent frame, if any.
    public var lastFrame: Canvas? { frames.last }

    /// Steps not yet delivered.
    public var remainingSteps: Int { steps.count - position }

    /// Adds steps to the end of the script (e.g. from inside a test after inspecting a frame).
    public func append(_ more: [Step]) { steps.append(contentsOf: more) }

    public func draw(_ canvas: Canvas) { frames.append(canvas) }

    /// Returns the next scripted event; `.closed` once the script is exhausted, so a runtime under test
    /// always terminates.
    public func nextEvent(timeoutMs: Int?, alsoWatch: [Int32]) -> TerminalEvent {
        waits.append((timeoutMs, alsoWatch))
        guard position < steps.count else { return .closed }
        let step = steps[position]
        position += 1
        switch step {
        case .event(let event):
            return event
        case .resize(let newSize):
            size = newSize
            return .key(.resize)
        }
    }
}
