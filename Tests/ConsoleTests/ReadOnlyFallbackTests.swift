import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A console whose data folder cannot be written opens read-only, says why, and refuses changes
/// instead of dying: the real journal fallback, the real store service, the real reducer.
final class ReadOnlyFallbackTests: XCTestCase {
    func testOthersWritableFolderOpensReadOnlyAndSaysWhy() throws {
        let folder = try temporaryFolder("console-ro")
        _ = try FileJournal.open(at: folder, mode: .writer)
        XCTAssertEqual(chmod(folder.path, 0o777), 0)

        let (journal, _) = try FileJournal.openWritingIfPossible(at: folder)
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: Deadlines(calendar: WorkingCalendar()))
        let service = StoreService(store: store)
        guard case let .readOnly(reason) = service.health else { return XCTFail("health \(service.health)") }
        XCTAssertTrue(reason.en.hasPrefix("other users can write to \(folder.path) (mode 777)"), reason.en)

        var s = try Fixture.state(size: Size(width: 120, height: 30))
        s.health = service.health
        s.announceReadOnlyStart()
        let rows = ConsoleRenderer.render(s).textRows()
        XCTAssertTrue(rows[0].contains("BACA SAJA"), rows[0])
        // In the officer's language (QA: an Indonesian console gave the reason in English).
        XCTAssertTrue(rows.contains { $0.contains("Jurnal baca saja: pengguna lain dapat menulis ke") }, rows.joined(separator: "\n"))
        s.press(.char("d"))
        XCTAssertEqual(s.message?.text.hasPrefix("Jurnal dalam mode baca saja; perubahan tidak dapat disimpan: pengguna lain dapat menulis ke"), true,
                       s.message?.text ?? "")
        // After L the refusal says the reason in English (QA: it was said nowhere after the switch).
        s.press(.char("L"), .char("d"))
        XCTAssertEqual(s.message?.text.hasPrefix("The journal is read-only; changes cannot be saved: other users can write to"), true,
                       s.message?.text ?? "")
        XCTAssertNil(s.overlay, "no disposition form opens on a read-only journal")

        var english = try Fixture.state(size: Size(width: 120, height: 30), language: .en)
        english.health = service.health
        english.announceReadOnlyStart()
        XCTAssertEqual(english.message?.text.hasPrefix("Read-only journal: other users can write to \(folder.path) (mode 777)"), true,
                       english.message?.text ?? "no message")

        var healthy = try Fixture.state()
        healthy.announceReadOnlyStart()
        XCTAssertNil(healthy.message, "a writable console starts without a message")
    }
}
