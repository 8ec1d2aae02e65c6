import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// Start-up decodes each distinct `actor` object once and shares the result (`ActorSpanCache`): the shared
/// actor must be exactly the one the full decode reads, whatever the bytes, on every thread.
final class ActorSpanCacheTests: XCTestCase {
    /// The `actor` object of a line written for `actor`, as `decodeForFold` slices it out.
    private func actorObject(_ actor: JournalActor) throws -> [UInt8] {
        var entry = TestSupport.entry(1)
        entry.actor = actor
        var line = try EnvelopeEncoder.encode(entry, seq: 1)
        if line.last == 0x0A { line.removeLast() }
        return try line.withUnsafeBufferPointer { b in
            let folded = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true,
                                                           typeNames: [])
            return Array(folded.parts.actor)
        }
    }

    private func ref(_ object: [UInt8]) -> Result<ActorRef, JournalMapping.ActorRefusal> {
        object.withUnsafeBufferPointer { ActorSpanCache.ref($0) }
    }

    func testEveryActorReadsBackAsTheFullDecodeReadsIt() throws {
        for hostile in TestSupport.hostileStrings {
            let written = JournalActor(name: "n" + hostile, role: "admin-instansi", agency: hostile, unit: hostile.isEmpty ? nil : hostile,
                                       osUser: hostile)
            let object = try actorObject(written)
            guard case let .success(shared) = ref(object) else { return XCTFail("refused \(hostile.debugDescription)") }
            XCTAssertEqual(shared.actor, Actor(name: written.name, role: .adminInstansi, agency: written.agency, unit: written.unit,
                                               osUser: written.osUser), hostile.debugDescription)
        }
    }

    /// The fold's envelope walk takes an actor object whose bytes this thread already decoded as that actor,
    /// without checking it again; it finds the object's end as the full check does, whatever the strings
    /// hold (a name spelling out `},"type":` included), and a malformed object is still refused.
    func testTheWalkTakesAKnownActorByItsBytes() throws {
        for hostile in TestSupport.hostileStrings + ["},\"type\":\"x\"", "}},\"type\":"] {
            var entry = TestSupport.entry(1, payload: "{\"text\":\"catatan\"}", type: "report.note-added")
            entry.actor = JournalActor(name: "n" + hostile, role: "penghubung", agency: hostile, unit: nil, osUser: hostile)
            var line = try EnvelopeEncoder.encode(entry, seq: 3)
            if line.last == 0x0A { line.removeLast() }
            let names = DomainEvent.typeNames
            let (cold, warm, shared) = try line.withUnsafeBufferPointer { b in
                let cold = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true, typeNames: names)
                guard case let .success(shared) = ActorSpanCache.ref(cold.parts.actor) else {
                    throw CocoaError(.coderInvalidValue)
                }
                let warm = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true, typeNames: names)
                return (cold, warm, shared)
            }
            XCTAssertNil(cold.parts.knownActor, hostile.debugDescription)
            XCTAssertEqual(warm.parts.knownActor, shared, hostile.debugDescription)
            XCTAssertEqual(warm.parts.actor.baseAddress, cold.parts.actor.baseAddress, hostile.debugDescription)
            XCTAssertEqual(warm.parts.actor.count, cold.parts.actor.count, hostile.debugDescription)
            XCTAssertEqual(warm.payloadStart, cold.payloadStart, hostile.debugDescription)
            XCTAssertEqual(warm.entry, cold.entry, hostile.debugDescription)
        }
        // Actor bytes this thread knows, with a broken envelope after them: refused as before.
        var entry = TestSupport.entry(1, payload: "{\"text\":\"x\"}", type: "report.note-added")
        entry.actor = JournalActor(name: "rina", role: "admin-nasional")
        var line = try EnvelopeEncoder.encode(entry, seq: 4)
        if line.last == 0x0A { line.removeLast() }
        let cached = try line.withUnsafeBufferPointer { b -> Bool in
            let f = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 1), verifyChecksum: true,
                                                      typeNames: DomainEvent.typeNames)
            if case .success = ActorSpanCache.ref(f.parts.actor) { return true }
            return false
        }
        XCTAssertTrue(cached, "the actor's bytes are known to this thread")
        let text = String(decoding: line, as: UTF8.self).replacingOccurrences(of: ",\"type\":", with: ",\"tipe\":")
        let broken = Array(text.utf8)
        XCTAssertThrowsError(try broken.withUnsafeBufferPointer {
            try EnvelopeDecoder.decodeForFold($0, position: JournalPosition(segment: 1, line: 1), verifyChecksum: false, typeNames: DomainEvent.typeNames)
        })
    }

    /// More actors than the cache has slots: each still reads back as itself (a colliding actor replaces
    /// the slot, never answers for another), the first time and again.
    func testActorsThatShareASlotNeverAnswerForEachOther() throws {
        let objects = try (0..<3_000).map { try actorObject(JournalActor(name: "petugas-\($0)", role: "penghubung", osUser: nil)) }
        for round in 0..<2 {
            for (k, object) in objects.enumerated() {
                guard case let .success(shared) = ref(object) else { return XCTFail("refused petugas-\(k)") }
                XCTAssertEqual(shared.actor.name, "petugas-\(k)", "round \(round)")
            }
        }
    }

    /// One number per actor, whichever thread decodes it and however many actors pushed it out of that
    /// thread's span cache: the fold keeps the number as it is.
    func testEveryThreadHandsOutTheSameNumberForAnActor() throws {
        let object = try actorObject(JournalActor(name: "rina", role: "admin-nasional", osUser: "rina"))
        let others = try (0..<3_000).map { try actorObject(JournalActor(name: "petugas-\($0)", role: "penghubung", osUser: nil)) }
        /// The number this thread hands out for `object`, before and after thousands of other actors.
        @Sendable func refsOnThisThread() -> [ActorRef] {
            var seen: [ActorRef] = []
            for round in 0..<2 {
                if case let .success(ref) = object.withUnsafeBufferPointer({ ActorSpanCache.ref($0) }) { seen.append(ref) }
                if round == 0 { for o in others { _ = o.withUnsafeBufferPointer { ActorSpanCache.ref($0) } } }
            }
            return seen
        }
        let here = refsOnThisThread()
        XCTAssertEqual(here.count, 2)
        XCTAssertEqual(Set(here).count, 1, "one number per actor on a thread, whatever the cache dropped")
        // A thread of its own, whose cache starts empty.
        let fromFresh = Locked<[ActorRef]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            fromFresh.withValue { $0 = refsOnThisThread() }
            done.signal()
        }
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(fromFresh.value, here, "another thread hands out the same number")
        XCTAssertEqual(here.first?.actor, Actor(name: "rina", role: .adminNasional, osUser: "rina"))
    }

    /// QA: two spellings Swift calls equal ("é" as one scalar, or "e" and a combining accent) were shared as
    /// one actor, and which spelling every line showed depended on which core decoded one first. Each
    /// spelling is its own actor now, shown as the journal writes it.
    func testSpellingsUnicodeCallsEqualStayApart() throws {
        let composed = try actorObject(JournalActor(name: "Ren\u{E9}", role: "admin-nasional"))
        let decomposed = try actorObject(JournalActor(name: "Rene\u{301}", role: "admin-nasional"))
        guard case let .success(a) = ref(composed), case let .success(b) = ref(decomposed) else { return XCTFail("refused") }
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(Array(a.actor.name.unicodeScalars.map(\.value)), [0x52, 0x65, 0x6E, 0xE9])
        XCTAssertEqual(Array(b.actor.name.unicodeScalars.map(\.value)), [0x52, 0x65, 0x6E, 0x65, 0x301])
        XCTAssertNotEqual(ExactActor(a.actor), ExactActor(b.actor))
        XCTAssertEqual(a.actor, b.actor, "Swift's own equality still calls them equal")
    }

    /// A role the desk does not know is the line's problem, said as the full decode says it.
    func testAnUnknownRoleIsRefusedAsTheFullDecodeRefusesIt() throws {
        var entry = TestSupport.entry(1, payload: "{\"text\":\"catatan\"}", type: "report.note-added")
        entry.actor = JournalActor(name: "kadis", role: "kepala-dinas")
        var line = try EnvelopeEncoder.encode(entry, seq: 7)
        if line.last == 0x0A { line.removeLast() }
        let full = try line.withUnsafeBufferPointer { try EnvelopeDecoder.decode($0, position: JournalPosition(segment: 1, line: 3)) }
        let store = JournalTextStore(dataFolder: URL(fileURLWithPath: "/nonexistent"))
        let folded = try line.withUnsafeBufferPointer { b in
            let f = try EnvelopeDecoder.decodeForFold(b, position: JournalPosition(segment: 1, line: 3), verifyChecksum: true,
                                                      typeNames: DomainEvent.typeNames)
            let parts = LineParts(payload: f.parts.payload, actor: f.parts.actor)
            return JournalMapping.recorded(f.entry, at: JournalLineSpan(offset: 0, length: b.count, checksum: f.checksum), parts: parts,
                                           source: store)
        }
        guard case let .failure(foldProblem) = folded, case let .failure(fullProblem) = JournalMapping.recorded(full) else {
            return XCTFail("an unknown role was accepted")
        }
        XCTAssertEqual(foldProblem.reason, "actor.role: unknown role 'kepala-dinas'")
        XCTAssertEqual(foldProblem, fullProblem)
    }
}

/// A value shared by the test's threads.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func withValue(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
