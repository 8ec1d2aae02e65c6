import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// Replay: every step shows the desk folded from the first N events, it is read only, and leaving it gives
/// back the live desk with whatever arrived meanwhile.
final class ReplayTests: XCTestCase {
    /// The fixture desk and its journal, mapped the way the runtime maps it.
    func fixture() throws -> (ConsoleState, [RecordedEvent]) {
        let journal = InMemoryJournal()
        let store = try Fixture.makeStore(journal: journal)
        let events = try journal.allEntries().map { entry -> RecordedEvent in
            switch JournalMapping.recorded(entry) {
            case let .success(e): return e
            case let .failure(p): throw p
            }
        }
        return (try Fixture.state(store: store), events)
    }

    func testDeskReplayAtEventNEqualsTheFoldOfTheFirstNJournalEvents() throws {
        var (s, journal) = try fixture()
        let m = journal.count
        XCTAssertGreaterThan(m, 20)
        _ = s.type(":replay")
        s.press(.enter)
        XCTAssertEqual(s.replay?.total, m)
        XCTAssertEqual(s.replay?.position, m, "desk replay starts at the latest event")
        for n in [1, 2, 3, 7, m / 2, m - 1, m] {
            // Backwards from the end, then forwards from the start: both paths must give the same fold.
            s.press(.end)
            for _ in 0..<(m - n) { s.press(.left) }
            XCTAssertEqual(s.replay?.position, n)
            let expected = Desk(events: journal.prefix(n))
            XCTAssertEqual(s.desk.all, expected.all, "backwards to event \(n)")
            XCTAssertEqual(s.desk.lastSeq, expected.lastSeq)
            XCTAssertEqual(s.now, journal[n - 1].at, "the clock shows when event \(n) happened")
            s.press(.home)
            for _ in 0..<(n - 1) { s.press(.char(">")) }
            XCTAssertEqual(s.desk.all, expected.all, "forwards to event \(n)")
            let counts = ConsoleState.countsOf(expected, s)
            XCTAssertEqual(s.inbox.viewCounts, counts, "the tabs count the desk as it was after event \(n)")
        }
        s.press(.end, .right, .right)
        XCTAssertEqual(s.replay?.position, m, "stepping past the end stays at the last event")
        s.press(.home, .left)
        XCTAssertEqual(s.replay?.position, 1)
    }

    func testReportReplayFollowsOneReportAndShowsTheWholeDeskAtEachStep() throws {
        var (s, journal) = try fixture()
        let id = Fixture.ID.returned
        let own = journal.filter { $0.reportID == id }
        XCTAssertEqual(own.count, 3)
        // Select the returned report and press P.
        s.inbox.view = .semua
        ConsoleReducer.reduce(&s, .key(.char("5")))
        let row = try XCTUnwrap(s.inbox.rows.firstIndex(of: id))
        s.inbox.cursor = row
        s.press(.char("P"))
        XCTAssertEqual(s.replay?.scope, .report(id))
        XCTAssertEqual(s.replay?.position, 1, "report replay starts at the report's first event")
        XCTAssertEqual(s.replay?.total, 3)
        XCTAssertEqual(s.currentReport?.status, .baru)
        XCTAssertEqual(s.detail.reportID, id)
        let firstSeq = own[0].seq
        XCTAssertEqual(s.desk.all, Desk(events: journal.filter { $0.seq <= firstSeq }).all)
        s.press(.right)
        XCTAssertEqual(s.currentReport?.status, .terdisposisi)
        XCTAssertTrue(s.inbox.rows.contains(id), "the inbox shows a queue that holds the report at this step")
        s.press(.right)
        XCTAssertNotNil(s.currentReport?.returned)
        XCTAssertEqual(s.desk.all, Desk(events: journal.filter { $0.seq <= own[2].seq }).all)
    }

    func testReplayIsReadOnlyAndEscGivesBackTheLiveDesk() throws {
        var (s, _) = try fixture()
        let live = s.desk.all
        let liveNow = s.now
        s.press(.char("P"))
        s.press(.home)
        XCTAssertNotEqual(s.desk.count, live.count)
        for key: Key in [.char("d"), .char("a"), .char("A"), .char("m"), .char(" "), .char("+"), .char("*")] {
            XCTAssertEqual(s.press(key), [], "\(key.name) does nothing in replay")
            XCTAssertNil(s.overlay, "\(key.name) opens no form in replay")
            XCTAssertEqual(s.message?.kind, .error)
        }
        // The prompt is the other way in: refused the same.
        _ = s.type(":archive")
        XCTAssertEqual(s.press(.enter), [])
        XCTAssertNil(s.overlay)
        XCTAssertTrue(s.message?.text.contains("Putar ulang hanya untuk melihat") ?? false)

        // Another console appends meanwhile: the live desk gets it, the replayed one does not.
        let other = RecordedEvent(seq: (live.map(\.lastSeq).max() ?? 0) + 1, id: "e-x", reportID: Fixture.ID.overdue,
                                  at: liveNow, actor: Actor(name: "dewi", role: .adminNasional),
                                  event: .noteAdded(text: "dicek dewi"))
        ConsoleReducer.reduce(&s, .journalEvents([other]))
        ConsoleReducer.reduce(&s, .tick(liveNow.addingTimeInterval(120)))
        XCTAssertNotEqual(s.now, liveNow.addingTimeInterval(120), "replay keeps the event's time")
        s.press(.escape)
        XCTAssertNil(s.replay)
        XCTAssertEqual(s.now, liveNow.addingTimeInterval(120))
        XCTAssertEqual(s.desk.count, live.count)
        XCTAssertEqual(s.desk[Fixture.ID.overdue]?.version, (live.first { $0.id == Fixture.ID.overdue }?.version ?? 0) + 1)
        // Live again: actions work.
        s.press(.char("c"))
        XCTAssertNotNil(s.form, "the note form opens again")
    }

    func testReplayKeysOutsideReplaySayHowToStart() throws {
        var (s, _) = try fixture()
        XCTAssertEqual(s.press(.char(">")), [])
        XCTAssertTrue(s.message?.text.contains("tekan P") ?? false, s.message?.text ?? "")
    }

    func testReplayGolden() throws {
        var (s, _) = try fixture()
        s.size = Size(width: 80, height: 24)
        s.inbox.view = .semua
        ConsoleReducer.reduce(&s, .key(.char("5")))
        s.inbox.cursor = try XCTUnwrap(s.inbox.rows.firstIndex(of: Fixture.ID.returned))
        s.press(.char("P"), .right)
        assertGolden(ConsoleRenderer.render(s), "replay-report-80x24")
        s.press(.escape)
        _ = s.type(":replay")
        s.press(.enter)
        s.size = Size(width: 120, height: 40)
        assertGolden(ConsoleRenderer.render(s), "replay-desk-120x40")
    }
}

extension ConsoleState {
    /// The tab counts a fresh console would show over `desk` at this console's time.
    static func countsOf(_ desk: Desk, _ s: ConsoleState) -> [InboxQuery.SavedView: Int] {
        var fresh = ConsoleState(env: s.env, desk: desk, now: s.now, size: s.size)
        ConsoleReducer.start(&fresh)
        return fresh.inbox.viewCounts
    }
}
