import Complaints
@testable import ComplaintJournal
import Foundation
import SeededRandom
import XCTest

/// The fold reads lines as the encoder writes them through `EnvelopeDecoder.foldFastPath`: whatever a line
/// holds, decoding it with the fast path must give exactly what the general walk gives (the same parts, or
/// the same refusal), and lines as written must take it.
final class FoldFastPathTests: XCTestCase {
    /// `line` (no newline) with its checksum trailer computed again over its (edited) prefix.
    private func resealed(_ prefix: String) -> [UInt8] {
        let bytes = Array(prefix.utf8)
        return bytes + Array(",\"c\":\"\(EnvelopeDecoder.hex8(CRC32C.checksum(bytes)))\"}".utf8)
    }

    private func prefix(of line: [UInt8]) -> String {
        var body = line
        if body.last == 0x0A { body.removeLast() }
        return String(decoding: body.dropLast(EnvelopeDecoder.trailerLength), as: UTF8.self)
    }

    /// Both ways of decoding `line` agree: the same parts or the same refusal (the check the `journal-line`
    /// fuzz target makes of every input, which first decodes the line's actor, as the fold does).
    private func assertSameFold(_ line: [UInt8], typeNames: [String] = DomainEvent.typeNames, _ what: String,
                                file: StaticString = #filePath, line number: UInt = #line) {
        XCTAssertNil(JournalLineCheck.foldDisagreement(in: line, typeNames: typeNames), what, file: file, line: number)
    }

    func testLinesAsWrittenTakeTheFastPathAndDecodeAsTheWalkDoes() throws {
        let reference = try TestSupport.shippedReference()
        var lines: [[UInt8]] = []
        var seq: UInt64 = 0
        try DeskGenerator(reports: 300, seed: 3, now: ISOTime.parse("2026-11-30T09:00:00+07:00")!, reference: reference)
            .generate(batchSize: 100) { entries in
                for e in entries {
                    seq += 1
                    var line = try EnvelopeEncoder.encode(e, seq: seq)
                    line.removeLast() // the newline
                    lines.append(line)
                }
            }
        for (n, line) in lines.enumerated() {
            XCTAssertNil(JournalLineCheck.problem(in: line), "line \(n + 1) decodes")
            assertSameFold(line, "line \(n + 1)")
            // Once its actor is known (the first line of each actor on a thread takes the general walk).
            XCTAssertTrue(JournalLineCheck.takesFoldFastPath(line), "line \(n + 1) takes the fast path")
        }
    }

    /// Each field of a written line changed in ways the encoder never writes but the journal's grammar
    /// allows (or does not): escapes, other scripts, the other timestamp layouts, numbers at their limits,
    /// unknown types, blanks around the payload. The fast path declines each (or reads it as the walk does).
    func testEveryEditedLineDecodesAsTheWalkDecodesIt() throws {
        var entry = TestSupport.entry(5, report: "2600009", payload: "{\"text\":\"Jalan rusak\"}", type: "report.note-added")
        entry.actor = TestSupport.actor
        let written = prefix(of: try EnvelopeEncoder.encode(entry, seq: 42))
        assertSameFold(resealed(written), "as written")
        XCTAssertTrue(JournalLineCheck.takesFoldFastPath(resealed(written)), "a line as written takes the fast path")
        let edits: [(String, String)] = [
            ("{\"v\":1,\"seq\":42,", "{\"v\":2,\"seq\":42,"), ("\"seq\":42,", "\"seq\":0,"), ("\"seq\":42,", "\"seq\":042,"),
            ("\"seq\":42,", "\"seq\":999999999999999999,"), ("\"seq\":42,", "\"seq\":9999999999999999999,"),
            ("\"seq\":42,", "\"seq\":18446744073709551616,"), ("\"seq\":42,", "\"seq\":,"),
            ("\"id\":\"event-5\"", "\"id\":\"ev\\\"ent\""), ("\"id\":\"event-5\"", "\"id\":\"événement\""),
            ("\"id\":\"event-5\"", "\"id\":\"\\u0041\""), ("\"id\":\"event-5\"", "\"id\":\"\""), ("\"id\":\"event-5\"", "\"id\":5"),
            ("\"report\":\"2600009\"", "\"report\":\"26\\u00300009\""), ("\"report\":\"2600009\"", "\"report\":\"Laporan-é\""),
            ("\"report\":\"2600009\"", "\"report\":\"\""), ("\"report\":\"2600009\"", "\"report\":\"ab\tc\""),
            ("+07:00\"", "Z\""), ("+07:00\"", "+07:00 \""), ("+07:00\"", "+0700\""), ("+07:00\"", "-05:30\""), ("+07:00\"", "+19:00\""),
            ("+07:00\"", ".123+07:00\""), ("+07:00\"", ".5+07:00\""), ("+07:00\"", ".0001+07:00\""), ("+07:00\"", ".12a+07:00\""),
            ("\"at\":\"2026", "\"at\":\"2025"), ("\"at\":\"2026-04", "\"at\":\"2026-02"), ("T", "t"),
            ("\"at\":\"2026-04", "\"at\":\"2026-13"), ("\"at\":\"2026-04-01", "\"at\":\"2026-02-30"),
            ("\"at\":\"2026-04-01T", "\"at\":\"2026-04-01T24:00:00.000+07:00\",\"x\":\"2026-04-01T"),
            ("+07:00\"", ".000+07:60\""), ("+07:00\"", ".000+18:60\""), ("+07:00\"", "+18:59\""),
            ("\"id\":\"event-5\"", "\"id\":\"event-5-and-then-some-é\""), ("\"id\":\"event-5\"", "\"id\":\"event-5-and-then-some-\u{1}\""),
            ("\"report\":\"2600009\"", "\"report\":\"2600009-0123456789-ü\""),
            ("\"type\":\"report.note-added\"", "\"type\":\"report.noted\""),
            ("\"type\":\"report.note-added\"", "\"type\":\"report.note\\u002dadded\""),
            ("\"type\":\"report.note-added\"", "\"type\":\"report.received\""),
            ("\"data\":{", "\"data\": {"), ("\"data\":{", "\"data\":\t{"), ("\"data\":{\"text\":\"Jalan rusak\"}", "\"data\":[]"),
            ("\"data\":{\"text\":\"Jalan rusak\"}", "\"data\":{}"), ("\"data\":{\"text\":\"Jalan rusak\"}", "\"data\":{\"text\":}"),
            ("\"data\":{\"text\":\"Jalan rusak\"}", "\"data\":{\"text\":\"Jalan rusak\"} "),
            ("\"actor\":{\"name\":\"siti\"", "\"actor\":{\"name\":\"sitti\""), ("\"actor\":{", "\"actor\": {"),
            (",\"type\":", ", \"type\":"), ("\"report\":", "\"report\" :"),
        ]
        for (old, new) in edits {
            XCTAssertTrue(written.contains(old), "\(old) is in the written line")
            let edited = written.replacingOccurrences(of: old, with: new)
            assertSameFold(resealed(edited), "\(old) → \(new)")
        }
        // Another list of type names (not the fold's own): the general walk reads the line.
        let otherNames = DomainEvent.typeNames.map { $0 + "" }
        assertSameFold(resealed(written), typeNames: otherNames, "other names")
        XCTAssertFalse(JournalLineCheck.takesFoldFastPath(resealed(written), typeNames: otherNames))
        // A damaged checksum, and a torn line: refused alike.
        var damaged = resealed(written)
        damaged[10] ^= 1
        assertSameFold(damaged, "damaged")
        assertSameFold(Array(resealed(written).dropLast(3)), "torn")
    }

    /// Random bytes written over a line as written, its checksum computed again: whatever the bytes, both
    /// ways agree (seeded: a failure repeats).
    func testRandomlyEditedLinesDecodeAsTheWalkDecodesThem() throws {
        var entry = TestSupport.entry(9, report: "2600123", payload: "{\"text\":\"Jalan rusak di depan balai desa\"}", type: "report.note-added")
        entry.actor = TestSupport.actor
        let written = Array(prefix(of: try EnvelopeEncoder.encode(entry, seq: 1234)).utf8)
        var generator = SeededGenerator(seed: 0xFA57)
        let alphabet = Array("{}[]\":,\\0123456789.+-TZ aéz\t".utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xFF]
        for round in 0..<3_000 {
            var bytes = written
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = alphabet.randomElement(using: &generator)!
                case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            let line = bytes + Array(",\"c\":\"\(EnvelopeDecoder.hex8(CRC32C.checksum(bytes)))\"}".utf8)
            assertSameFold(line, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }
}
