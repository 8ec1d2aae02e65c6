import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// The first frame drawn from a snapshot's inbox rows (before the desk is decoded) must be exactly the
/// frame the whole desk gives, for every role, language, size and presenter mode; and the console that
/// takes over its index must answer keys as one that built its own.
final class FirstFrameTests: XCTestCase {
    /// The rows a snapshot of `desk` carries, read back.
    func seed(_ desk: Desk, _ deadlines: Deadlines) throws -> InboxSeed {
        let rows = DeskSnapshotCodec.encode(desk, rules: InboxRowRules(deadlines: deadlines, key: "k"), reportsPerChunk: 50).inboxRows
        let seed = try rows.withUnsafeBytes { b -> Result<InboxSeed?, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.decodeInboxRows(b, rulesKey: "k")) } catch {
                return .failure(error)
            }
        }.get()
        return try XCTUnwrap(seed)
    }

    /// What start-up hands the first frame: a desk of only the reports asked for. Records what was asked.
    final class PartialDesks {
        let desk: Desk
        var asked: [[Int]] = []
        init(_ desk: Desk) { self.desk = desk }
        func reports(_ positions: [Int]) -> Desk? {
            asked.append(positions)
            return Desk(restoring: positions.sorted().map { desk.all[$0] }, lastSeq: desk.lastSeq, anomalies: desk.anomalies)
        }
    }

    func states(_ desk: Desk, env: ConsoleEnvironment, size: Size, presenter: Bool = false, health: JournalHealthView = .ok,
                file: StaticString = #filePath, line: UInt = #line) throws -> (first: ConsoleState, full: ConsoleState, partial: PartialDesks) {
        let partial = PartialDesks(desk)
        func configure(_ s: inout ConsoleState) {
            s.health = health
            s.presenter = presenter
            s.announceReadOnlyStart()
        }
        let first = try XCTUnwrap(ConsoleState.firstFrame(
            env: env, seed: try seed(desk, env.deadlines), lastSeq: desk.lastSeq, now: Fixture.now, size: size, keymap: .standard,
            configure: configure, reports: partial.reports), file: file, line: line)
        var full = ConsoleState(env: env, desk: desk, now: Fixture.now, size: size)
        configure(&full)
        ConsoleReducer.start(&full)
        return (first, full, partial)
    }

    /// Equal screens, cell for cell; a difference is shown as the golden text form (rows and styles).
    func assertSameScreen(_ a: ConsoleState, _ b: ConsoleState, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let x = ConsoleRenderer.render(a), y = ConsoleRenderer.render(b)
        if x != y { XCTAssertEqual(x.snapshot(), y.snapshot(), label, file: file, line: line) }
        XCTAssertEqual(x, y, label, file: file, line: line)
    }

    func testFirstFrameEqualsTheWholeDesksFrame() throws {
        let desk = try Fixture.makeStore().desk
        let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 200, height: 60),
                     Size(width: 100, height: 12), Size(width: 30, height: 8)]
        for op in [Fixture.national, Fixture.agencyAdmin, Fixture.observer] {
            for language in [Language.id, .en] {
                for size in sizes {
                    for (presenter, health) in [(false, JournalHealthView.ok), (true, .ok), (false, .readOnly(Localized("dikunci konsol lain", en: "locked by another console")))] {
                        let (first, full, _) = try states(desk, env: try Fixture.environment(op, language: language), size: size,
                                                          presenter: presenter, health: health)
                        assertSameScreen(first, full, "\(op.name) \(language) \(size) presenter \(presenter) \(health)")
                    }
                }
            }
        }
    }

    func testOnAGeneratedDeskOnlyThePageIsReadAndTheConsoleTakesOverTheIndex() throws {
        let desk = try generatedDesk(reports: 1_500)
        let env = try Fixture.environment()
        let size = Size(width: 120, height: 40)
        let (first, full, partial) = try states(desk, env: env, size: size)
        assertSameScreen(first, full, "first frame")
        XCTAssertEqual(partial.asked.count, 1)
        XCTAssertLessThanOrEqual(partial.asked[0].count, 40)
        XCTAssertLessThan(first.desk.count, 41, "the first frame holds only the reports on screen")
        // The console on the decoded desk takes the first frame's index: same screens, key after key.
        first.inboxIndex.unpin()
        var taken = ConsoleState(env: env, desk: desk, now: Fixture.now, size: size, inboxIndex: first.inboxIndex)
        ConsoleReducer.start(&taken)
        var own = full
        assertSameScreen(taken, own, "taken over")
        // Both prepare their search text on another core after the first frame; a search before that is
        // answered as pending (the tick lists it once ready). Compared once both are ready.
        let deadline = Date().addingTimeInterval(30)
        while !(taken.inboxIndex.searchIsReady && own.inboxIndex.searchIsReady), Date() < deadline { usleep(2_000) }
        let keys: [Key] = [.char("j"), .char("j"), .pageDown, .char("3"), .char("G"), .char("4"), .char("/"), .char("j"), .char("a"),
                           .char("l"), .enter, .char("5"), .enter, .escape, .char("1")]
        for key in keys {
            ConsoleReducer.reduce(&taken, .key(key))
            ConsoleReducer.reduce(&own, .key(key))
            assertSameScreen(taken, own, "after \(key)")
        }
    }

    func testNoFirstFrameWhenItsReportsCannotBeRead() throws {
        let desk = try Fixture.makeStore().desk
        let env = try Fixture.environment()
        XCTAssertNil(ConsoleState.firstFrame(env: env, seed: try seed(desk, env.deadlines), lastSeq: desk.lastSeq, now: Fixture.now,
                                             size: Size(width: 120, height: 40), keymap: .standard, configure: { _ in },
                                             reports: { _ in nil }))
    }

    func generatedDesk(reports: Int) throws -> Desk {
        var files: [String: String] = [:]
        for name in ReferenceData.fileNames {
            files[name] = try String(contentsOf: Fixture.resourcesFolder.appendingPathComponent("reference/" + name), encoding: .utf8)
        }
        let reference = try ReferenceData.load(files: files)
        let journal = InMemoryJournal()
        try DeskGenerator(reports: reports, seed: 9, now: Fixture.now, reference: reference).generate(batchSize: 500) { entries in
            _ = try journal.appendBatch(entries)
        }
        return try DeskStore(journal: journal, directory: reference, deadlines: try Fixture.deadlines()).desk
    }
}

