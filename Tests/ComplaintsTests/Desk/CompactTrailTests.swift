import XCTest
@testable import Complaints

/// A big desk keeps a million trail entries in memory: each must stay small (the intake and dispositions
/// boxed, the actor named by number), or resident memory grows by hundreds of megabytes at 200,000 reports.
final class CompactTrailTests: XCTestCase {
    func testTrailEntriesStaySmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<DomainEvent>.size, 48, "an inline Intake or Disposition in DomainEvent")
        XCTAssertLessThanOrEqual(MemoryLayout<TrailEntry>.stride, 80, "the actor inline in TrailEntry")
        XCTAssertLessThanOrEqual(MemoryLayout<Report>.size, 400, "the intake inline in Report (the clocks keep their first interval inline: 5 × 32 bytes)")
        // Start-up hands a million of these from the decoding cores to the fold, copying each a few times.
        XCTAssertLessThanOrEqual(MemoryLayout<RecordedEvent>.stride, 112, "the actor inline in RecordedEvent")
    }

    /// Every event names its actor by number (`ActorRef`): equal actors, however each event built its own,
    /// get one number, and a desk's trail reads each actor back as it was given.
    func testEqualActorsShareOneNumberAndReadBackAsGiven() {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let rina = Actor(name: "rina", role: .adminNasional, osUser: "rina")
        var desk = Desk()
        for k in 1...20 {
            desk.apply(RecordedEvent(seq: UInt64(k), id: "", reportID: ReportID("\(k)"), at: at,
                                     actor: Actor(name: "rina", role: .adminNasional, osUser: "rina"),
                                     event: .received(Intake(channel: .sms, receivedAt: at, body: "isi \(k)"))))
        }
        desk.apply(RecordedEvent(seq: 21, id: "", reportID: "1", at: at, actor: Actor(name: "rina", role: .adminNasional, osUser: "rina2"),
                                 event: .noteAdded(text: "n")))
        let trail = desk.all.flatMap(\.trail)
        let rinas = trail.filter { $0.actor.osUser == "rina" }
        XCTAssertEqual(rinas.count, 20)
        XCTAssertTrue(rinas.allSatisfy { $0.actorRef == ActorRef(rina) })
        XCTAssertEqual(rinas[0].actor, rina)
        let other = trail.first { $0.actor.osUser == "rina2" }
        XCTAssertNotNil(other)
        XCTAssertNotEqual(other?.actorRef, ActorRef(rina), "another actor has a number of its own")
    }

    /// The table answers an actor met just before without hashing it; the answer must still be exact.
    /// Actors that differ only in one field, or only in the bytes of a name that reads the same (a
    /// composed and a decomposed "é"), met in turn, keep their own numbers.
    func testActorsMetInTurnKeepTheirOwnNumbers() {
        let composed = Actor(name: "andr\u{E9}", role: .adminInstansi, agency: "pemkot-malang", unit: "dinas", osUser: "andre")
        let variants = [
            composed,
            Actor(name: "andre\u{301}", role: .adminInstansi, agency: "pemkot-malang", unit: "dinas", osUser: "andre"),
            Actor(name: "andr\u{E9}", role: .penghubung, agency: "pemkot-malang", unit: "dinas", osUser: "andre"),
            Actor(name: "andr\u{E9}", role: .adminInstansi, agency: "pemkot-malang", unit: nil, osUser: "andre"),
            Actor(name: "andr\u{E9}", role: .adminInstansi, agency: "pemkot-malang", unit: "dinas", osUser: nil),
            Actor(name: "andr\u{E9}", role: .adminInstansi, agency: "pemkot-malanG", unit: "dinas", osUser: "andre"),
        ]
        let first = variants.map { ActorRef($0) }
        XCTAssertEqual(Set(first).count, variants.count, "one number per distinct actor")
        for round in 0..<3 {
            for (k, actor) in variants.enumerated() {
                XCTAssertEqual(ActorRef(actor), first[k], "round \(round), actor \(k)")
                XCTAssertEqual(ActorRef(actor), first[k], "the same actor twice in a row")
                XCTAssertEqual(ActorRef(actor).actor.name.unicodeScalars.count, actor.name.unicodeScalars.count)
            }
        }
    }

    /// Events built in this process bring their actor each time (an officer's actions): the table keeps
    /// one entry per distinct actor, not one per event.
    func testActorsOfEventsBuiltOneByOneAreKeptOnce() {
        var desk = Desk()
        receive(&desk, seq: 1, report: "1", by: rina)
        let before = ActorTable.shared.actorCount
        for k in 2...5_000 {
            desk.apply(RecordedEvent(seq: UInt64(k), id: "", reportID: "1", at: at, actor: rina, event: .noteAdded(text: "n")))
        }
        // The table is the process's: allow for a few actors another test's threads may add meanwhile.
        XCTAssertLessThan(ActorTable.shared.actorCount - before, 100, "an entry per event")
        let trail = desk.all[0].trail
        XCTAssertEqual(trail.count, 5_000)
        XCTAssertTrue(trail.allSatisfy { $0.actorRef == trail[0].actorRef }, "one number for rina throughout")
    }

    /// Decoding threads add actors to the table while others read it: each thread gets the same number for
    /// the same actor, and every number reads back its own actor (actors are read without a lock).
    func testThreadsAddingActorsAtOnceAgreeOnTheirNumbers() {
        let names = (0..<3_000).map { "petugas-\(UUID().uuidString)-\($0)" }
        let slots = Slots(count: 4 * names.count)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            // Each thread walks the names from its own starting point, so they add different ones first.
            for k in 0..<names.count {
                let i = (k + t * names.count / 4) % names.count
                let ref = ActorRef(Actor(name: names[i], role: .penghubung, agency: "pemkab-\(i)"))
                slots.set(t * names.count + i, ref, readBack: ref.actor.name == names[i])
            }
        }
        XCTAssertEqual(slots.misread, 0, "numbers read back as another actor while others were added")
        for i in names.indices {
            let refs = (0..<4).map { slots.get($0 * names.count + i) }
            XCTAssertTrue(refs.allSatisfy { $0 != nil && $0 == refs[0] }, "one number for \(names[i])")
            XCTAssertEqual(refs[0]?.actor, Actor(name: names[i], role: .penghubung, agency: "pemkab-\(i)"))
        }
    }

    /// Each line's actor is shown as the journal spells it, even where Swift calls two spellings equal
    /// ("é" as one scalar, or "e" and a combining accent): the first spelling seen no longer stands in for both.
    func testEachSpellingOfAnActorIsKeptAsWritten() {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        var desk = Desk()
        desk.apply(RecordedEvent(seq: 1, id: "", reportID: "1", at: at, actor: Actor(name: "Ren\u{E9}", role: .adminNasional),
                                 event: .received(Intake(channel: .sms, receivedAt: at, body: "isi"))))
        desk.apply(RecordedEvent(seq: 2, id: "", reportID: "1", at: at, actor: Actor(name: "Rene\u{301}", role: .adminNasional),
                                 event: .noteAdded(text: "n")))
        let names = desk.all[0].trail.map { Array($0.actor.name.unicodeScalars.map(\.value)) }
        XCTAssertEqual(names, [[0x52, 0x65, 0x6E, 0xE9], [0x52, 0x65, 0x6E, 0x65, 0x301]])
        XCTAssertNotEqual(desk.all[0].trail[0].actorRef, desk.all[0].trail[1].actorRef)
    }

    /// The intake is shared (a report and its `received` entry hold one box) yet keeps value semantics.
    func testIntakeIsSharedButCopiedOnWrite() {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let original = Intake(externalID: "x", channel: .sms, receivedAt: at, body: "isi",
                              reporter: Reporter(name: "Sri", nik: "3201234567890123"))
        var copy = original
        copy.reporter.name = "[dihapus]"
        copy.tags.append("a")
        XCTAssertEqual(original.reporter.name, "Sri")
        XCTAssertEqual(original.tags, [])
        XCTAssertEqual(copy.reporter.name, "[dihapus]")
        XCTAssertNotEqual(copy, original)
        var again = copy
        again.reporter.name = "Sri"
        again.tags = []
        XCTAssertEqual(again, original, "equal by value, not by box")
        XCTAssertEqual(again.hashValue, original.hashValue)

        var desk = Desk()
        desk.apply(RecordedEvent(seq: 1, id: "a", reportID: "1", at: at, actor: Actor(.system), event: .received(original)))
        // Redaction rewrites the report's intake and its received entry, never the caller's value.
        desk.apply(RecordedEvent(seq: 2, id: "b", reportID: "1", at: at, actor: Actor(.system),
                                 event: .redacted(fields: ["reporter.name"], reason: "UU PDP")))
        XCTAssertEqual(original.reporter.name, "Sri")
        XCTAssertNotEqual(desk.all[0].intake.reporter.name, "Sri")
        guard case let .received(inTrail) = desk.all[0].trail[0].event else { return XCTFail("no received entry") }
        XCTAssertEqual(inTrail, desk.all[0].intake)
    }

    private let at = Date(timeIntervalSince1970: 1_775_440_800)
    private let rina = Actor(name: "rina", role: .adminNasional, osUser: "rina")

    /// Report `report` received from `actor` as event `seq`.
    private func receive(_ desk: inout Desk, seq: UInt64, report: ReportID, by actor: Actor) {
        desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: report, at: at, actor: actor,
                                 event: .received(Intake(channel: .sms, receivedAt: at, body: "isi \(report)"))))
    }

    func testTheFoldSharesOneActorNumberPerActorAndKeepsValueSemantics() {
        var desk = Desk()
        receive(&desk, seq: 1, report: "1", by: rina)
        receive(&desk, seq: 2, report: "2", by: rina)
        desk.apply(RecordedEvent(seq: 3, id: "c", reportID: "1", at: at, actor: rina, event: .noteAdded(text: "n")))
        let entries = desk.all.flatMap(\.trail).sorted { $0.seq < $1.seq }
        XCTAssertEqual(entries.count, 3)
        XCTAssertTrue(entries.allSatisfy { $0.actorRef == entries[0].actorRef })
        // Changing one entry's actor changes that entry only.
        var changed = entries[2]
        changed.actor.name = "budi"
        XCTAssertEqual(changed.actor.name, "budi")
        XCTAssertEqual(desk.all[0].trail[1].actor.name, "rina")
        XCTAssertNotEqual(changed, entries[2])
        XCTAssertNotEqual(changed.actorRef, entries[2].actorRef)
        // Equal values are equal (and hash equally), however each was built.
        let copy = TrailEntry(seq: 3, at: at, actor: rina, event: .noteAdded(text: "n"), visibility: entries[2].visibility)
        XCTAssertEqual(copy, entries[2])
        XCTAssertEqual(copy.hashValue, entries[2].hashValue)
    }
}

/// Results written by the test's threads.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var refs: [ActorRef?]
    private var wrong = 0
    init(count: Int) { refs = Array(repeating: nil, count: count) }
    var misread: Int { lock.withLock { wrong } }
    func set(_ i: Int, _ ref: ActorRef, readBack: Bool) {
        lock.withLock {
            refs[i] = ref
            if !readBack { wrong += 1 }
        }
    }
    func get(_ i: Int) -> ActorRef? { lock.withLock { refs[i] } }
}
