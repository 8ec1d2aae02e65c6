import XCTest
@testable import Complaints

/// A big desk keeps a million trail entries in memory: each must stay small (the intake and dispositions
/// boxed, the actor shared), or resident memory grows by hundreds of megabytes at 200,000 reports.
final class CompactTrailTests: XCTestCase {
    func testTrailEntriesStaySmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<DomainEvent>.size, 48, "an inline Intake or Disposition in DomainEvent")
        XCTAssertLessThanOrEqual(MemoryLayout<TrailEntry>.stride, 80, "the actor inline in TrailEntry")
        XCTAssertLessThanOrEqual(MemoryLayout<Report>.size, 400, "the intake inline in Report (the clocks keep their first interval inline: 5 × 32 bytes)")
        // Start-up hands a million of these from the decoding cores to the fold, copying each a few times.
        XCTAssertLessThanOrEqual(MemoryLayout<RecordedEvent>.stride, 112, "the actor inline in RecordedEvent")
    }

    /// Events decoded at start-up come with their decoding thread's box of their actor, one per thread:
    /// the desk keeps one box of its own per actor for all of them (found by identity, no hashing of five
    /// strings per event), never a box a decoding thread goes on handing out (the two cores would write
    /// its reference count in turn), and an equal actor in a box of its own still ends up sharing it.
    func testTheFoldKeepsOneBoxOfItsOwnPerActor() {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let shared = ActorBox(Actor(name: "rina", role: .adminNasional, osUser: "rina"))
        let fromAnotherThread = ActorBox(shared.actor)
        var desk = Desk()
        for k in 1...20 {
            desk.apply(RecordedEvent(seq: UInt64(k), id: "", reportID: ReportID("\(k)"), at: at,
                                     actorBox: k.isMultiple(of: 2) ? shared : fromAnotherThread,
                                     event: .received(Intake(channel: .sms, receivedAt: at, body: "isi \(k)"))))
        }
        // Another actor in between pushes `rina` out of the recently used boxes on purpose.
        for k in 1...10 {
            desk.apply(RecordedEvent(seq: UInt64(20 + k), id: "", reportID: "1", at: at,
                                     actor: Actor(name: "petugas-\(k)", role: .adminNasional), event: .noteAdded(text: "n")))
        }
        desk.apply(RecordedEvent(seq: 31, id: "", reportID: "2", at: at, actorBox: shared, event: .noteAdded(text: "n")))
        desk.apply(RecordedEvent(seq: 32, id: "", reportID: "3", at: at, actor: shared.actor, event: .noteAdded(text: "n")))
        let rinas = desk.all.flatMap(\.trail).filter { $0.actor.name == "rina" }
        XCTAssertEqual(rinas.count, 22)
        let own = rinas[0].actorBox
        XCTAssertTrue(rinas.allSatisfy { $0.actorBox === own })
        XCTAssertFalse(own === shared || own === fromAnotherThread, "the desk keeps a box of its own")
        XCTAssertEqual(own.actor, shared.actor)
    }

    /// Events built in this process bring a box of their own each time (an officer's actions): the desk
    /// still shares one box per actor among them, and remembers only a bounded number of the boxes it met
    /// (each one held would never be freed).
    func testBoxesOfEventsBuiltOneByOneAreNotKeptForever() {
        var desk = Desk()
        receive(&desk, seq: 1, report: "1", by: rina)
        for k in 2...5_000 {
            desk.apply(RecordedEvent(seq: UInt64(k), id: "", reportID: "1", at: at, actor: rina, event: .noteAdded(text: "n")))
        }
        XCTAssertLessThanOrEqual(desk.rememberedBoxCount, 1_024)
        let trail = desk.all[0].trail
        XCTAssertEqual(trail.count, 5_000)
        XCTAssertTrue(trail.allSatisfy { $0.actorBox === trail[0].actorBox }, "one box for rina throughout")
    }

    /// A batch built in memory asks the desk for its actor's box (`actorBox(for:)`): the one the desk already
    /// keeps for an equal actor, so a second batch by the same actor does not bring a box of its own that
    /// every event would then be matched by value to.
    func testABatchTakesTheDesksBoxForItsActor() {
        let at = Date(timeIntervalSince1970: 1_775_440_800)
        let rina = Actor(name: "rina", role: .adminNasional, osUser: "rina")
        var desk = Desk()
        let first = desk.actorBox(for: rina)
        desk.apply(RecordedEvent(seq: 1, id: "", reportID: "1", at: at, actorBox: first,
                                 event: .received(Intake(channel: .sms, receivedAt: at, body: "isi"))))
        let second = desk.actorBox(for: Actor(name: "rina", role: .adminNasional, osUser: "rina"))
        XCTAssertTrue(second === first, "an equal actor gets the box the desk keeps")
        desk.apply(RecordedEvent(seq: 2, id: "", reportID: "1", at: at, actorBox: second, event: .noteAdded(text: "n")))
        XCTAssertTrue(desk.all[0].trail.allSatisfy { $0.actorBox === first })
        let other = desk.actorBox(for: Actor(name: "rina", role: .adminNasional, osUser: "rina2"))
        XCTAssertFalse(other === first, "another actor has a box of its own")
        XCTAssertEqual(other.actor.osUser, "rina2")
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

    func testTheFoldSharesOneActorBoxPerActorAndKeepsValueSemantics() {
        var desk = Desk()
        receive(&desk, seq: 1, report: "1", by: rina)
        receive(&desk, seq: 2, report: "2", by: rina)
        desk.apply(RecordedEvent(seq: 3, id: "c", reportID: "1", at: at, actor: rina, event: .noteAdded(text: "n")))
        let entries = desk.all.flatMap(\.trail).sorted { $0.seq < $1.seq }
        XCTAssertEqual(entries.count, 3)
        XCTAssertTrue(entries.allSatisfy { $0.actorBox === entries[0].actorBox })
        // Changing one entry's actor changes that entry only.
        var changed = entries[2]
        changed.actor.name = "budi"
        XCTAssertEqual(changed.actor.name, "budi")
        XCTAssertEqual(desk.all[0].trail[1].actor.name, "rina")
        XCTAssertNotEqual(changed, entries[2])
        // Equal values are equal (and hash equally) whether or not they share a box.
        let copy = TrailEntry(seq: 3, at: at, actor: rina, event: .noteAdded(text: "n"), visibility: entries[2].visibility)
        XCTAssertFalse(copy.actorBox === entries[2].actorBox)
        XCTAssertEqual(copy, entries[2])
        XCTAssertEqual(copy.hashValue, entries[2].hashValue)
    }
}
