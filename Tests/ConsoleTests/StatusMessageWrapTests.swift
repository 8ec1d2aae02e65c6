import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// A message longer than the status line wraps onto more rows (taken from the panes) instead of being cut
/// off, at 80×24 and 100×30 as at wider sizes.
final class StatusMessageWrapTests: XCTestCase {
    /// The status rows of a frame, joined back into the message (the wrap's indentation removed).
    func shownMessage(_ s: ConsoleState) -> String {
        let rows = ConsoleRenderer.render(s).textRows()
        let r = s.layout.statusLine
        return rows[r.y..<(r.y + r.height)].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func testTheRealDeskClockRefusalIsReadableWhole() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
            var s = try Fixture.state(size: size, language: .en)
            s.press(.char("+"))
            let text = "The practice clock is only for practice desks (lapor-desk demo). This desk is real: its time is never changed."
            XCTAssertEqual(s.message, msg(.error, text))
            XCTAssertEqual(shownMessage(s), "✗ " + text, "at \(size)")
            XCTAssertEqual(s.layout.statusLine.height, 2, "one more row at \(size)")
            XCTAssertEqual(s.layout.hints.y, size.height - 1, "the hints stay on the bottom row")
        }
        var s = try Fixture.state(size: Size(width: 80, height: 24), language: .en)
        s.press(.char("+"))
        assertGolden(ConsoleRenderer.render(s), "long-message-80x24")
        // The next message fits one row again: the panes get their row back.
        s.press(.char("L"))
        XCTAssertEqual(s.message, msg(.info, "Bahasa: Indonesia"))
        XCTAssertEqual(s.layout.statusLine.height, 1)
    }

    /// The longest messages the console itself writes (a journal failure quoting a path, a report changed
    /// underneath, the reset notice) are shown whole at 80×24 in both languages.
    func testTheLongestMessagesFitAt80x24() throws {
        let path = "/home/pelatih/kelas-bimtek-sleman/meja-peserta-07/journal/000001.jsonl"
        let failure = JournalError.segmentReplaced(path: path).explanation
        for language in [Language.id, .en] {
            var b = try Bench(size: Size(width: 80, height: 24))
            b.state.env.language = language
            b.state.press(.enter, .char("c"))
            b.state.type("Sudah ditelepon.")
            b.journal.failNextWrite(with: .segmentReplaced(path: path))
            b.run(b.state.press(.ctrl("s")))
            b.state.overlay = nil
            XCTAssertTrue(shownMessage(b.state).hasSuffix(failure.text(language)), shownMessage(b.state))
            XCTAssertLessThanOrEqual(b.state.layout.statusLine.height, 4)
            // Longer than four rows: the last row ends in "…", the others are whole.
            b.state.message = msg(.error, String(repeating: "kata ", count: 80))
            let lines = b.state.statusMessageLines
            XCTAssertEqual(lines.count, 4)
            XCTAssertTrue(lines[3].hasSuffix("…"), lines[3])
            let rows = ConsoleRenderer.render(b.state).textRows()
            XCTAssertTrue(rows[23].hasPrefix(" Esc"), "the hints keep the bottom row: \(rows[23])")
            XCTAssertTrue(rows[19].contains("kata") && !rows[18].contains("kata"), rows[18...19].joined(separator: "\n"))
            // A short terminal gives fewer rows: the panes keep six.
            b.state.size = Size(width: 80, height: 12)
            XCTAssertEqual(b.state.statusMessageLines.count, 3)
            XCTAssertEqual(b.state.layout.inbox?.height, 6)
            b.state.lesson = LessonSession(title: Localized("x", en: "x"), cursor: LessonCursor(progress: LessonProgress(
                lesson: Lesson(steps: []), baselineSeq: 0)))
            b.state.size = Size(width: 80, height: 12 + LessonStrip.height)
            XCTAssertEqual(b.state.statusMessageLines.count, 3)
        }
    }
}
