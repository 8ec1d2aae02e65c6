import Complaints
import Foundation

/// The actor of a journal line, decoded once per distinct `actor` object and shared: a million-line
/// start-up meets a few hundred actors, and building five strings and an `Actor` per line, then comparing
/// and freeing them on the fold's thread, was a tenth of a cold start.
///
/// One cache per decoding thread (no lock on the hot path), keyed by the object's exact bytes: a line whose
/// bytes equal a line already decoded has the same actor. Each hands out the actor's number in the
/// process's table (`ActorRef`), which the fold keeps as it is.
enum ActorSpanCache {
    private static let perThread = ThreadLocal { SpanCache<ActorRef>() }

    /// The actor of these exact bytes if this thread decoded them before (so they were checked).
    static func cached(_ object: UnsafeBufferPointer<UInt8>) -> ActorRef? {
        perThread.withValue { $0.value(for: object) }
    }

    /// The actor of an `actor` object (`LineParts.actor`), or why a line carrying it is refused.
    static func ref(_ object: UnsafeBufferPointer<UInt8>) -> Result<ActorRef, JournalMapping.ActorRefusal> {
        if let cached = cached(object) { return .success(cached) }
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
            let ref = ActorRef(actor)
            perThread.withValue { $0.store(ref, for: object) }
            return .success(ref)
        }
    }
}
