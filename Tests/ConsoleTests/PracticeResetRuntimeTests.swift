import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// A practice desk reset from another shell (`lapor-desk demo --reset`) while a console is open on it: the
/// console notices the journal's segment was replaced, writes nothing more, says so in its language and
/// ends for the launcher to reopen the fresh desk.
final class PracticeResetRuntimeTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("practice-reset")
    }

    var segment: URL { folder.appendingPathComponent("journal/000001.jsonl") }

    /// What `PracticeSnapshot.reset` does to a segment: a new file renamed over the old one.
    func replaceSegment() throws {
        let temporary = folder.appendingPathComponent("journal/.tmp-reset")
        try Data(contentsOf: segment).write(to: temporary)
        XCTAssertEqual(rename(temporary.path, segment.path), 0)
    }

    /// The fixture desk in a journal file (the journal notices the reset, as it does under the real console).
    func makeRuntime(keys: [Key], language: Language = .id) throws -> (ConsoleRuntime, ScriptedTerminal, FileJournal) {
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        let store = try Fixture.makeStore(journal: journal)
        var state = try Fixture.state(language: language, store: store)
        state.env.isPractice = true
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40), keys: keys)
        let service = PracticeDeskService(wrapping: StoreService(store: store))
        return (ConsoleRuntime(state: state, terminal: terminal, service: service, clock: { Fixture.now }), terminal, journal)
    }

    /// The QA case: the delete form is open when the trainer resets; Ctrl-S writes nothing, and instead of the
    /// journal's English "restore the segment from a backup" the console says the trainer reset the desk.
    func testASaveAfterTheResetWritesNothingAndTheConsoleEndsToReopen() throws {
        for language in [Language.id, .en] {
            let (runtime, terminal, journal) = try makeRuntime(keys: [.char("x"), .right, .ctrl("s"), .char("j")], language: language)
            let before = try Data(contentsOf: segment)
            var reset = false
            runtime.onFrame = { [self] _ in
                if !reset, runtime.state.form != nil { reset = true; try? replaceSegment() }
            }
            runtime.run()
            XCTAssertTrue(reset)
            XCTAssertEqual(try Data(contentsOf: segment), before, "nothing written into the reset desk")
            XCTAssertNotNil(journal.replacedSegment)
            XCTAssertTrue(runtime.state.reopenRequested)
            XCTAssertTrue(runtime.state.quitRequested)
            XCTAssertEqual(terminal.remainingSteps, 1, "the console ends for the launcher to reopen it")
            let notice = language == .id
                ? "Pelatih mengulang meja latihan dari awal; konsol dibuka ulang pada meja yang baru. Isian formulir yang terbuka tidak tersimpan."
                : "The trainer reset the practice desk; the console reopened it from the start. The form that was open was not saved."
            XCTAssertEqual(runtime.state.reopenNotice?.text(language), notice)
            XCTAssertFalse(runtime.state.message?.text.contains("backup") ?? true)
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    func testTheNextTickAfterTheResetEndsTheConsoleWithoutAFormNotice() throws {
        let (runtime, terminal, _) = try makeRuntime(keys: [.char("j")])
        terminal.append([.event(.timeout), .event(.key(.char("j")))])
        var reset = false
        runtime.onFrame = { [self] _ in
            if !reset, runtime.state.inbox.cursor == 1 { reset = true; try? replaceSegment() }
        }
        runtime.run()
        XCTAssertTrue(runtime.state.reopenRequested)
        XCTAssertEqual(runtime.state.inbox.cursor, 1, "the key after the reset was not read")
        XCTAssertEqual(runtime.state.reopenNotice,
                       Localized("Pelatih mengulang meja latihan dari awal; konsol dibuka ulang pada meja yang baru.",
                                 en: "The trainer reset the practice desk; the console reopened it from the start."))
    }

    /// On a real desk a replaced segment stays the journal's damage to report, with the console's own words
    /// ("tidak tersimpan") and the journal's reason in its language.
    func testARealDeskKeepsTheJournalsMessageUnderALocalizedLead() throws {
        for (language, lead) in [(Language.id, "tidak tersimpan — /meja/journal/000001.jsonl dihapus, diganti atau dipotong"),
                                 (.en, "not saved — /meja/journal/000001.jsonl was deleted, replaced or cut short")] {
            var b = try Bench()
            b.state.env.language = language
            b.state.press(.enter, .char("c"))
            b.state.type("Sudah ditelepon.")
            b.journal.failNextWrite(with: .segmentReplaced(path: "/meja/journal/000001.jsonl"))
            b.run(b.state.press(.ctrl("s")))
            XCTAssertEqual(b.state.message?.kind, .error)
            XCTAssertTrue(b.state.message?.text.hasPrefix("#2600001: \(lead)") ?? false,
                          b.state.message?.text ?? "")
            XCTAssertFalse(b.state.reopenRequested)
        }
    }
}
