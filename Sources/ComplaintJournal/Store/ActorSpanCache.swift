import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The actor of a journal line, decoded once per distinct `actor` object and shared: a million-line
/// start-up meets a few hundred actors, and building five strings and an `Actor` per line, then comparing
/// and freeing them on the fold's thread, was a tenth of a cold start.
///
/// One cache per decoding thread (no lock on the hot path), keyed by the object's exact bytes: a line whose
/// bytes equal a line already decoded has the same actor. Every thread's cache hands out the one box the
/// process keeps per actor (`ActorSpanCache.canonical`), so the fold meets each actor as one reference.
final class ActorSpanCache {
    private struct Slot {
        var bytes: [UInt8]
        var box: ActorBox
    }

    /// Direct-mapped by checksum: a colliding actor replaces the slot (a cache, not the record).
    private static let slotCount = 1_024
    private var slots = [Slot?](repeating: nil, count: ActorSpanCache.slotCount)

    /// The calling thread's cache.
    static var current: ActorSpanCache {
        if let existing = pthread_getspecific(key) { return Unmanaged<ActorSpanCache>.fromOpaque(existing).takeUnretainedValue() }
        let made = ActorSpanCache()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The thread's cache is released when the thread ends.
        pthread_key_create(&key) { cache in
            guard let cache else { return }
            Unmanaged<ActorSpanCache>.fromOpaque(cache).release()
        }
        return key
    }()

    /// The shared actor of an `actor` object (`LineParts.actor`), or why a line carrying it is refused.
    func box(_ object: UnsafeBufferPointer<UInt8>) -> Result<ActorBox, JournalMapping.ActorRefusal> {
        let slot = Int(CRC32C.checksum(UnsafeRawBufferPointer(object)) % UInt32(ActorSpanCache.slotCount))
        if let cached = slots[slot], cached.bytes.count == object.count, let given = object.baseAddress,
           cached.bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, given, object.count) == 0 } ?? false })
        {
            return .success(cached.box)
        }
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
            let box = ActorSpanCache.canonical(actor)
            slots[slot] = Slot(bytes: Array(object), box: box)
            return .success(box)
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var boxes: [Actor: ActorBox] = [:]

    /// The process's one box for `actor`. Boxes live as long as the process: a desk has a few hundred
    /// actors, and a trail keeps its actors' boxes anyway.
    static func canonical(_ actor: Actor) -> ActorBox {
        lock.lock()
        defer { lock.unlock() }
        if let known = boxes[actor] { return known }
        let made = ActorBox(actor)
        boxes[actor] = made
        return made
    }
}
