import Foundation

/// An actor named by its number in the process's actor table (`ActorTable`). Every trail entry and every
/// recorded event names its actor so: a desk holds a million trail entries by a few hundred actors, and a
/// number is copied between the decoding cores and the fold without touching any reference count (a
/// shared box per actor, as before, had its count written by two or three cores in turn, event after
/// event: about 7 % of a cold start's CPU).
///
/// Two references are equal exactly when their actors are spelled alike (`ExactActor`): each line's actor
/// is shown as the journal writes it.
public struct ActorRef: Sendable, Hashable {
    /// The actor's place in `ActorTable.shared`.
    let number: UInt32

    /// The table's number for `actor`, added when new.
    public init(_ actor: Actor) { self = ActorTable.shared.ref(for: actor) }

    fileprivate init(number: UInt32) { self.number = number }

    public var actor: Actor { ActorTable.shared.actor(number) }
}

/// Every distinct actor this process has met, numbered in the order met and kept for the process's life
/// (a desk names a few hundred; officers' own actions add none once their actor is known).
///
/// Added to under a lock; read without one. Actors live in chunks that never move, and a number is handed
/// out only after its actor is in place, so whoever holds a number (passed on through a queue or a lock, as
/// every value between threads is) can read its actor.
public final class ActorTable: @unchecked Sendable {
    /// The process's table: references from any desk, snapshot or decoding thread mean the same actor.
    public static let shared = ActorTable()

    private static let chunkSize = 1_024
    /// 64 Mi actors: more than a desk that fits in memory could hold (each actor is a journal line).
    private static let chunkCount = 1 << 16

    private let lock = NSLock()
    private var numbers: [ExactActor: UInt32] = [:]
    /// The actor met last and its number (under `lock`).
    private var last: (key: ExactActor, number: UInt32)?
    private var count = 0
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Actor>?>

    private init() {
        chunks = .allocate(capacity: ActorTable.chunkCount)
        chunks.initialize(repeating: nil, count: ActorTable.chunkCount)
    }

    /// How many distinct actors the table holds.
    public var actorCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func ref(for actor: Actor) -> ActorRef {
        let key = ExactActor(actor)
        lock.lock()
        defer { lock.unlock() }
        // An officer's actions all name the same actor: compared byte for byte, it is found without hashing.
        if let last, last.key == key { return ActorRef(number: last.number) }
        if let known = numbers[key] {
            last = (key, known)
            return ActorRef(number: known)
        }
        let n = count
        precondition(n < ActorTable.chunkSize * ActorTable.chunkCount, "more distinct actors than any desk holds")
        let (chunk, slot) = n.quotientAndRemainder(dividingBy: ActorTable.chunkSize)
        if slot == 0 { chunks[chunk] = .allocate(capacity: ActorTable.chunkSize) }
        (chunks[chunk].unsafelyUnwrapped + slot).initialize(to: actor)
        count = n + 1
        numbers[key] = UInt32(n)
        last = (key, UInt32(n))
        return ActorRef(number: UInt32(n))
    }

    func actor(_ number: UInt32) -> Actor {
        let (chunk, slot) = Int(number).quotientAndRemainder(dividingBy: ActorTable.chunkSize)
        return chunks[chunk].unsafelyUnwrapped[slot]
    }
}
