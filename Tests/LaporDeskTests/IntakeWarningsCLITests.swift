import Complaints
import Foundation
import XCTest

/// What an import records other than as written is said, naming the line and field; a search that could
/// only match everything is refused (QA, robustness round).
final class IntakeWarningsCLITests: DeskTestCase {
    /// QA: a received time six hours ahead passed silently (its deadline then runs from a time to come); a
    /// leap second became :59 without a word; ["a", "a", ""] was kept as three tags.
    func testTimesAheadLeapSecondsAndOddTagsAreSaid() throws {
        try makeDesk()
        let ahead = ISOTime.format(Date().addingTimeInterval(6 * 3600 + 120), offsetSeconds: 7 * 3600)
        let lines = [
            #"{"external_id":"k1","channel":"web","body":"x","received_at":"\#(ahead)"}"#,
            #"{"external_id":"k2","channel":"web","body":"y","received_at":"2026-11-30T10:00:60+07:00"}"#,
            #"{"external_id":"k3","channel":"web","body":"z","tags":["a","a","","b"]}"#,
        ]
        let file = try writeFile("odd.jsonl", Data(lines.joined(separator: "\n").utf8))
        let run = try expect(0, ["import", file])
        XCTAssertTrue(run.stderr.contains("odd.jsonl:1: received_at: 6 hours ahead of the desk's clock"), run.stderr)
        XCTAssertTrue(run.stderr.contains("odd.jsonl:2: received_at: a leap second (:60) is recorded as :59"), run.stderr)
        XCTAssertTrue(run.stderr.contains("odd.jsonl:3: tags[1]: 'a' repeats an earlier tag; kept once"), run.stderr)
        XCTAssertTrue(run.stderr.contains("odd.jsonl:3: tags[2]: blank tag left out"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Diimpor 3 laporan"), run.stderr)
        let tagged = try XCTUnwrap(try listJSON().first { ($0["external_id"] as? String) == "k3" })
        XCTAssertEqual(tagged["tags"] as? [String], ["a", "b"])
        // A time within five minutes of the clock is a channel's ordinary skew: nothing said.
        let near = ISOTime.format(Date().addingTimeInterval(60), offsetSeconds: 7 * 3600)
        let quiet = try expect(0, ["intake", "--channel", "web", "--body", "x", "--received-at", near])
        XCTAssertFalse(quiet.stderr.contains("ahead"), quiet.stderr)
    }

    /// QA: `list --search` with only U+202E (or U+200B) listed every report: search leaves such characters
    /// out, so the query was empty.
    func testASearchOfOnlyInvisibleCharactersIsRefused() throws {
        try makeDesk()
        _ = try intake([])
        for text in ["\u{202E}", "\u{200B}", " \u{00AD} "] {
            let run = try desk(["list", "--search", text])
            XCTAssertEqual(run.code, 2, run.transcript)
            XCTAssertTrue(run.stderr.contains("--search: only invisible characters"), run.stderr)
        }
        try expect(0, ["list", "--search", "puskesmas\u{200B}"])
    }
}
