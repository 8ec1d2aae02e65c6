import Foundation
import XCTest

/// The journal as files on disk: what a desk leaves behind, and how damage is found and contained.
final class JournalOnDiskTests: DeskTestCase {
    /// A desk with three reports and a few actions on the first.
    func makeBusyDesk() throws -> [String] {
        try makeDesk()
        let ids = try (1...3).map { try intake([], body: "Laporan nomor \($0) tentang pelayanan puskesmas.") }
        try expect(0, ["act", ids[0], "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        try expect(0, ["act", ids[0], "assign-unit", "--unit", "pemkab-sleman/dinkes", "--as", "budi"])
        try expect(0, ["act", ids[0], "note", "--text", "Sudah ditelepon.", "--as", "sari"])
        return ids
    }

    func testJournalLinesAreJSONWithGapFreeSeqAndChecksum() throws {
        let ids = try makeBusyDesk()
        let raw = try Data(contentsOf: journalFile)
        XCTAssertEqual(raw.last, 0x0A, "every line ends with a newline")
        let objects = try journalObjects()
        XCTAssertEqual(objects.count, 6)
        XCTAssertEqual(objects.compactMap { ($0["seq"] as? NSNumber)?.intValue }, Array(1...6))
        for o in objects {
            let c = try XCTUnwrap(o["c"] as? String, "\(o)")
            XCTAssertEqual(c.count, 8)
            XCTAssertTrue(c.allSatisfy(\.isHexDigit), c)
            XCTAssertNotNil(o["actor"] as? [String: Any])
        }
        XCTAssertEqual(Set(objects.compactMap { $0["report"] as? String }), Set(ids))
        let actors = objects.compactMap { ($0["actor"] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(Array(actors.suffix(3)), ["rina", "budi", "sari"])
        let check = try expect(0, ["check"])
        XCTAssertTrue(check.stdout.contains("6 peristiwa"), check.stdout)
        let attributes = try FileManager.default.attributesOfItem(atPath: journalFile.path)
        XCTAssertEqual(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777) & 0o077, 0, "journal must not be world-readable")
    }

    func testTornTailIsQuarantinedByTheNextWriter() throws {
        _ = try makeBusyDesk()
        let handle = try FileHandle(forWritingTo: journalFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":7,"id":"torn","rep"#.utf8))
        try handle.close()

        let check = try desk(["check"])
        XCTAssertEqual(check.code, 3, "a torn tail needs attention\n\(check.transcript)")

        let id = try intake([], body: "Setelah listrik padam.")
        XCTAssertFalse(id.isEmpty)
        let quarantine = dataURL.appendingPathComponent("journal/quarantine")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: quarantine.path)) ?? []
        XCTAssertFalse(files.isEmpty, "torn tail should be moved under journal/quarantine")
        let saved = try files.map { try Data(contentsOf: quarantine.appendingPathComponent($0)) }.reduce(Data(), +)
        XCTAssertTrue(String(decoding: saved, as: UTF8.self).contains("\"torn\""), "quarantine keeps the torn bytes")

        let objects = try journalObjects()
        XCTAssertEqual(objects.compactMap { ($0["seq"] as? NSNumber)?.intValue }, Array(1...7))
        try expect(0, ["check"])
        XCTAssertEqual(try listJSON().count, 4)
    }

    func testFlippedByteIsFoundAndRepairReopensTheDesk() throws {
        _ = try makeBusyDesk()
        var bytes = [UInt8](try Data(contentsOf: journalFile))
        let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
        // Line 3 runs from after the 2nd newline to the 3rd: flip a letter of its body text.
        let lineStart = newlines[1] + 1
        let line = bytes[lineStart..<newlines[2]]
        let marker = Array("nomor".utf8)
        let at = try XCTUnwrap((lineStart..<newlines[2]).first { Array(bytes[$0..<min($0 + marker.count, bytes.count)]) == marker },
                               String(decoding: line, as: UTF8.self))
        bytes[at] = UInt8(ascii: "N")
        let damagedLine = String(decoding: bytes[lineStart..<newlines[2]], as: UTF8.self)
        try Data(bytes).write(to: journalFile)

        let check = try desk(["check"])
        XCTAssertEqual(check.code, 3, check.transcript)
        XCTAssertTrue((check.stdout + check.stderr).contains("000001.jsonl:3"), "must name file:line\n\(check.transcript)")

        let refused = try desk(["intake", "--channel", "sms", "--body", "x"])
        XCTAssertEqual(refused.code, 3, "writers refuse a damaged journal\n\(refused.transcript)")
        XCTAssertTrue(refused.stderr.contains("--repair"), refused.stderr)

        try expect(0, ["check", "--repair"])
        try expect(0, ["check"])
        let id = try intake([], body: "Setelah perbaikan.")
        XCTAssertFalse(id.isEmpty)
        try expect(0, ["check"])
        // History is never rewritten: the damaged line is kept, in place or in quarantine.
        let after = try String(contentsOf: journalFile, encoding: .utf8)
        let quarantine = dataURL.appendingPathComponent("journal/quarantine")
        let quarantined = ((try? FileManager.default.contentsOfDirectory(atPath: quarantine.path)) ?? [])
            .compactMap { try? String(contentsOf: quarantine.appendingPathComponent($0), encoding: .utf8) }.joined()
        XCTAssertTrue(after.contains(damagedLine) || quarantined.contains(damagedLine), "the damaged line was thrown away")
        XCTAssertEqual(try listJSON().count, 3, "two intact reports plus the new one")
    }

    func testReadersChangeNothing() throws {
        _ = try makeBusyDesk()
        let before = try Data(contentsOf: journalFile)
        let folderBefore = try FileManager.default.contentsOfDirectory(atPath: dataURL.appendingPathComponent("journal").path).sorted()
        for args in [["list"], ["list", "--json"], ["stats"], ["export"], ["check"]] { try expect(0, args) }
        XCTAssertEqual(try Data(contentsOf: journalFile), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dataURL.appendingPathComponent("journal").path).sorted(),
                       folderBefore)
    }
}
