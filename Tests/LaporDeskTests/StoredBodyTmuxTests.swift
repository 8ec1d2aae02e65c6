import Foundation
import XCTest

/// A long report body is read back from the journal when the console shows it: the officer sees the
/// text as written, and a journal line changed on disk behind the console's back is named, never shown
/// as the body and never a crash.
final class StoredBodyTmuxTests: DeskTestCase {
    func testTheConsoleShowsABodyKeptInTheJournalAndNamesALineChangedOnDisk() throws {
        try makeDesk()
        let body = "Jembatan gantung di dusun Sukamaju putus sejak banjir minggu lalu; anak-anak sekolah harus "
            + "menyeberang sungai dengan rakit. Mohon segera diperbaiki sebelum musim hujan berikutnya."
        let id = try expect(0, ["intake", "--channel", "sms", "--title", "Jembatan gantung putus", "--body", body])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let s = try openConsole("--as rina", width: 140, height: 40)
        guard s.waitFor(text: "Kotak Masuk", timeout: 30) else { return }
        guard s.waitFor("the body and the report's number", { $0.contains("Jembatan gantung di dusun Sukamaju") && $0.contains(id) })
        else { return }

        // One letter of the body changed in place (same length): the line's checksum no longer matches.
        var bytes = try Data(contentsOf: journalFile)
        let needle = Data("Sukamaju".utf8)
        let at = try XCTUnwrap(bytes.range(of: needle)).lowerBound
        bytes[at] = UInt8(ascii: "T")
        try bytes.write(to: journalFile)
        // Moving away and back redraws the detail pane, which reads the body again.
        try s.keys("2")
        try s.keys("1")
        // Waits for the whole notice: tmux may be captured while the pane is half repainted.
        guard s.waitFor("the notice naming the segment", timeout: 10, { $0.contains("tidak terbaca") && $0.contains("000001.jsonl") })
        else { return }
        XCTAssertFalse(s.lastScreen.contains("dusun Tukamaju"), "a changed line is never shown as the body:\n\(s.lastScreen)")
        // The title bar says the journal is damaged, as it does for damage found at start-up.
        guard s.waitFor(text: "JURNAL RUSAK", timeout: 10) else { return }
        // `check` names the same line as damaged.
        let check = try desk(["check"])
        XCTAssertNotEqual(check.code, 0, check.transcript)
        XCTAssertTrue(check.transcript.contains("000001.jsonl"), check.transcript)
        try s.keys("q")
        guard s.waitFor(text: "LAPOR_EXIT=0", timeout: 20) else { return }
    }
}

/// The command line with a body changed on disk since the snapshot: a start from the snapshot checks every
/// line's checksum first (QA: it used to surface only when the body was read), so the snapshot is ignored,
/// naming the line, and export refuses as on a cold start.
final class StoredBodyCLITests: DeskTestCase {
    func testExportRefusesABodyThatNoLongerReadsAndSaysWhere() throws {
        try makeDesk()
        let body = String(repeating: "Saluran irigasi di desa kami jebol dan sawah terendam. ", count: 4)
        let id = try expect(0, ["intake", "--channel", "web", "--title", "Irigasi jebol", "--body", body])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try expect(0, ["intake", "--channel", "sms", "--title", "Lampu jalan", "--body", "Lampu jalan mati sejak kemarin."])
        try expect(0, ["snapshot"])
        XCTAssertTrue(try expect(0, ["export", "--as", "rina"]).stdout.contains("sawah terendam"))

        var bytes = try Data(contentsOf: journalFile)
        let at = try XCTUnwrap(bytes.range(of: Data("sawah terendam".utf8))).lowerBound
        bytes[at] = UInt8(ascii: "S")
        try bytes.write(to: journalFile)

        XCTAssertTrue(try expect(0, ["snapshot", "--status"]).stdout.contains(
            "ignored (000001.jsonl:1: the line no longer matches its checksum (damaged since the snapshot was taken))"))
        let refused = try expect(3, ["export", "--as", "rina"])
        XCTAssertTrue(refused.stderr.contains("000001.jsonl:1: damaged line skipped: checksum mismatch"), refused.transcript)
        XCTAssertFalse(refused.stdout.contains("Saluran"), refused.transcript)
        XCTAssertFalse(refused.stdout.contains(id), "the damaged line's report is left out: \(refused.transcript)")
        // `check` (which never uses the snapshot) names the damaged line.
        let check = try desk(["check"])
        XCTAssertEqual(check.code, 3, check.transcript)
        XCTAssertTrue(check.transcript.contains("000001.jsonl:1"), check.transcript)
    }
}
