import Complaints
import Foundation

/// The actor of a journal line, decoded once per distinct `actor` object and shared: a million-line
/// start-up meets a few hundred actors, and building five strings and an `Actor` per line, then comparing
/// and freeing them on the fold's thread, was a tenth of a cold start.
///
/// One cache per decoding thread (no lock on the hot path), keyed by the object's exact bytes: a line whose
/// bytes equal a line already decoded has the same actor. Every thread's cache hands out the one box the
/// process keeps per actor (`canonical`), so the fold meets each actor as one reference.
enum ActorSpanCache {
    private static let perThread = ThreadLocal { SpanCache<ActorBox>() }

    /// The shared actor of these exact bytes if this thread decoded them before (so they were checked).
    static func cached(_ object: UnsafeBufferPointer<UInt8>) -> ActorBox? {
        perThread.value.value(for: object)
    }

    /// The shared actor of an `actor` object (`LineParts.actor`), or why a line carrying it is refused.
    static func box(_ object: UnsafeBufferPointer<UInt8>) -> Result<ActorBox, JournalMapping.ActorRefusal> {
        let cache = perThread.value
        if let cached = cache.value(for: object) { return .success(cached) }
        let journalActor: JournalActor
        do {
            journalActor = try EnvelopeDecoder.actor(fromObject: object)
        } catch {
            return .failure(JournalMapping.ActorRefusal(reason: error.reason))
        }
        switch JournalMapping.actor(journalActor) {
        case let .failure(refusal):
            return .failure(refusal)
        case let .success(actor):
            let box = canonical(actor)
            cache.store(box, for: object)
            return .success(box)
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var boxes: [ExactActor: ActorBox] = [:]

    /// The process's one box for `actor`, spelled exactly so (`ExactActor`: which core decodes a spelling
    /// first never decides what another line shows). Boxes live as long as the process: a desk has a few
    /// hundred actors, and a trail keeps its actors' boxes anyway.
    static func canonical(_ actor: Actor) -> ActorBox {
        lock.lock()
        defer { lock.unlock() }
        let key = ExactActor(actor)
        if let known = boxes[key] { return known }
        let made = ActorBox(actor)
        boxes[key] = made
        return made
    }
}
