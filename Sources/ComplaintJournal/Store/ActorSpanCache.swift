import Complaints
import Foundation

/// The actor of a journal line, decoded once per distinct `actor` object and shared: a million-line
/// start-up meets a few hundred actors, and building five strings and an `Actor` per line, then comparing
/// and freeing them on the fold's thread, was a tenth of a cold start.
///
/// One cache per decoding thread (no lock on the hot path), keyed by the object's exact bytes: a line whose
/// bytes equal a line already decoded has the same actor. Each thread hands out one box per actor
/// (`canonical`), which the fold finds by identity and maps to the desk's own box (`Desk.box`).
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

    private static let perThreadBoxes = ThreadLocal { ThreadOwned([ExactActor: ActorBox]()) }

    /// This thread's one box for `actor`, spelled exactly so (`ExactActor`: which core decodes a spelling
    /// first never decides what another line shows). Kept as long as the thread, whatever the span cache
    /// drops: a desk has a few hundred actors. Per thread, not per process: the fold keeps its own copy
    /// (`Desk.box`), so no box's reference count is written by two cores in turn.
    static func canonical(_ actor: Actor) -> ActorBox {
        let boxes = perThreadBoxes.value
        let key = ExactActor(actor)
        if let known = boxes.value[key] { return known }
        let made = ActorBox(actor)
        boxes.value[key] = made
        return made
    }
}
