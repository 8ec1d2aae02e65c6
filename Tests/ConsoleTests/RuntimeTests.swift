import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// The real loop over a scripted terminal and a `StoreService` on an in-memory journal.
final class RuntimeTests: XCTestCase {
    func makeRuntime(keys: [ScriptedTerminal.Step], size: Size = Size(width: 120, height: 40))
        throws -> (ConsoleRuntime, ScriptedTerminal, InMemoryJournal, DeskStore)
    {
        let journal = InMemoryJournal()
        let store = try Fixture.makeStore(journal: journal)
        let terminal = ScriptedTerminal(size: size, steps: keys)
        let state = try Fixture.state(size: Size(width: 10, height: 10), store: store)
        let runtime = ConsoleRuntime(state: state, terminal: terminal, service: StoreService(store: store), clock: { Fixture.now })
        return (runtime, terminal, journal, store)
    }

    func testScriptedTriageDisposesAndTheEventIsInTheJournal() throws {
        let (runtime, terminal, journal, _) = try makeRuntime(keys: [.event(.key(.char("d"))), .event(.key(.enter))])
        let before = try journal.allEntries().count
        runtime.run()
        let entries = try journal.allEntries()
        XCTAssertEqual(entries.count, before + 1)
        let last = try XCTUnwrap(entries.last)
        XCTAssertEqual(last.type, "report.disposed")
        XCTAssertEqual(last.reportID, Fixture.ID.overdue.rawValue)
        XCTAssertEqual(last.actor.name, "rina")
        let frame = try XCTUnwrap(terminal.lastFrame)
        XCTAssertEqual(frame.width, 120, "the runtime takes the terminal's size, not the state's")
        let rows = frame.textRows()
        XCTAssertTrue(rows[38].contains("✓ Tersimpan: #2600001 didisposisikan ke Pemerintah Kabupaten Sleman."), rows[38])
        XCTAssertFalse(rows.contains { $0.contains("2600001 TERLAMBAT") }, "the disposed report left the new queue")
        XCTAssertEqual(terminal.frames.count, 3, "one frame before each key and one after the last")
        XCTAssertEqual(runtime.state.desk.lastSeq, journal.lastSequence)
    }

    /// A store service whose journal another process is writing to (an import holding the lock).
    final class BusyJournalService: DeskService {
        let base: StoreService
        var busyAsked = 0
        init(_ base: StoreService) { self.base = base }
        func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome] { base.perform(requests, as: op, now: now) }
        func poll() -> [RecordedEvent] { base.poll() }
        func sweep(now: Date) -> [RecordedEvent] { base.sweep(now: now) }
        var changeDescriptor: Int32? { nil }
        func drainChangeNotifications() {}
        var health: JournalHealthView { base.health }
        var journalWasReplaced: Bool { false }
        var journalBusyWith: String? {
            busyAsked += 1
            return "process 4242 (lapor-desk)"
        }
    }

    /// QA: an action waiting for a lock held by an import froze the console without a word.
    func testAnActionThatMustWaitForTheJournalSaysSoBeforeWaiting() throws {
        let store = try Fixture.makeStore(journal: InMemoryJournal())
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), steps: [.event(.key(.char("d"))), .event(.key(.enter))])
        let service = BusyJournalService(StoreService(store: store))
        let runtime = ConsoleRuntime(state: try Fixture.state(size: Size(width: 10, height: 10), store: store), terminal: terminal,
                                     service: service, clock: { Fixture.now })
        runtime.run()
        XCTAssertEqual(service.busyAsked, 1, "asked once, before the one action")
        XCTAssertEqual(terminal.frames.count, 4, "the usual three frames and one drawn before the wait")
        let waiting = terminal.frames[2].textRows()[38]
        XCTAssertTrue(waiting.contains("Menunggu jurnal: sedang ditulis oleh proses 4242 (lapor-desk)…"), waiting)
        XCTAssertTrue(try XCTUnwrap(terminal.lastFrame).textRows()[38].contains("✓ Tersimpan"))
    }

    func testAReportAppendedByAnotherConsoleShowsUpInTheInbox() throws {
        let (runtime, terminal, journal, _) = try makeRuntime(keys: [.event(.timeout), .event(.key(.char("j")))])
        let peer = try DeskStore(journal: journal.makePeer(), directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(),
                                 osUser: nil)
        var appended = false
        runtime.onFrame = { _ in
            guard !appended else { return }
            appended = true
            _ = try? peer.receive(Intake(channel: .whatsapp, receivedAt: Fixture.at(2026, 11, 30, 9, 55),
                                         title: "Laporan dari konsol sebelah", body: "Masuk lewat WhatsApp."),
                                  as: .system, now: Fixture.now)
        }
        runtime.run()
        XCTAssertTrue(appended)
        XCTAssertTrue(runtime.state.inbox.rows.contains("2600013"))
        XCTAssertEqual(runtime.state.inbox.viewCounts[.baru], 6, "five waiting (one sent back) plus the new one")
        let first = terminal.frames[0].textRows().joined(separator: "\n")
        XCTAssertFalse(first.contains("Laporan dari konsol sebelah"))
        let last = try XCTUnwrap(terminal.lastFrame).textRows()
        // The status column (shown from 46 columns) leaves the title column short: its start is enough.
        XCTAssertTrue(last.contains { $0.contains("2600013 Baru") && $0.contains("Laporan dar") }, last.joined(separator: "\n"))
        XCTAssertTrue(last[1].contains("[ 1 Baru (6) ]"), last[1])
    }

    func testResizeAndQuit() throws {
        let (runtime, terminal, _, _) = try makeRuntime(keys: [.resize(Size(width: 60, height: 20)), .event(.key(.char("q"))),
                                                                .event(.key(.char("j")))])
        runtime.run()
        XCTAssertEqual(runtime.state.size, Size(width: 60, height: 20))
        XCTAssertTrue(runtime.state.quitRequested)
        XCTAssertEqual(terminal.remainingSteps, 1, "nothing is read after quit")
        XCTAssertEqual(terminal.lastFrame?.width, 60)
    }

    func testShutdownSignalEndsTheLoop() throws {
        let (runtime, terminal, _, _) = try makeRuntime(keys: [.event(.shutdownRequested(signal: 15)), .event(.key(.char("j")))])
        runtime.run()
        XCTAssertEqual(terminal.remainingSteps, 1)
        XCTAssertEqual(runtime.state.inbox.cursor, 0)
    }
}
