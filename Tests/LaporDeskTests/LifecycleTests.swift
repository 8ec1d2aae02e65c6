import Foundation
import XCTest

/// The lifecycle from the domain brief, driven from the command line with the roles of the roster.
final class LifecycleTests: DeskTestCase {
    func status(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let json = try expect(0, ["show", id, "--json", "--as", "rina"], file: file, line: line).stdout
        return (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["status"] as? String
    }

    func testSendBackReturnsToNationalDeskForPelimpahan() throws {
        try makeDesk()
        let id = try intake(["--regency", "Kabupaten Sleman", "--province", "DI Yogyakarta"], body: "Jalan nasional rusak berat.")
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        XCTAssertEqual(try status(id), "terdisposisi")
        try expect(2, ["act", id, "send-back", "--as", "budi"])
        try expect(0, ["act", id, "send-back", "--reason", "Jalan nasional, wewenang kementerian", "--as", "budi"])
        XCTAssertEqual(try listJSON(["--as", "budi"]).count, 0, "a sent-back report leaves the agency's queue")
        try expect(0, ["act", id, "dispose", "--agency", "pemprov-bali", "--as", "rina"])
        XCTAssertEqual(try listJSON(["--as", "made"]).compactMap { $0["id"] as? String }, [id])
        let shown = try expect(0, ["show", id, "--as", "rina"]).stdout
        XCTAssertTrue(shown.contains("report.sent-back") && shown.contains("wewenang kementerian"), shown)
    }

    func testPostponeReplyArchiveAndDelete() throws {
        try makeDesk()
        let original = try intake([], body: "Lampu jalan mati di Jl. Kaliurang.")
        let vague = try intake([], body: "Tolong")
        try expect(0, ["act", vague, "postpone", "--question", "Di mana lokasinya?", "--as", "rina"])
        XCTAssertEqual(try status(vague), "tunda")
        try expect(1, ["act", vague, "postpone", "--question", "Lagi?", "--as", "budi"])
        try expect(0, ["act", vague, "reporter-reply", "--text", "Di Jl. Kaliurang km 7", "--as", "rina"])
        XCTAssertEqual(try status(vague), "baru")
        try expect(0, ["act", vague, "archive", "--reason", "duplikat", "--duplicate-of", original, "--as", "rina"])
        XCTAssertEqual(try status(vague), "diarsipkan")
        try expect(2, ["act", original, "archive", "--reason", "bosan", "--as", "rina"])

        let spam = try intake([], body: "Menangkan hadiah!!! klik tautan")
        try expect(0, ["act", spam, "delete", "--reason", "spam", "--as", "rina"])
        XCTAssertFalse(try listJSON(["--as", "rina"]).contains { ($0["id"] as? String) == spam }, "deleted reports leave every queue")
        XCTAssertEqual(try listJSON(["--as", "rina", "--status", "dihapus"]).compactMap { $0["id"] as? String }, [spam])
        XCTAssertTrue(try String(contentsOf: journalFile, encoding: .utf8).contains("Menangkan hadiah"), "never erased from the journal")
        try expect(1, ["act", spam, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        // Without --agency the refusal is the same, not a request for an agency (QA).
        let bare = try expect(1, ["act", spam, "dispose", "--as", "rina"])
        XCTAssertTrue(bare.stderr.contains("is not possible for a report that is Deleted"), bare.transcript)
        XCTAssertFalse(bare.stderr.contains("--agency"), bare.transcript)
    }

    func testDisputeAndAcceptAfterFollowUp() throws {
        try makeDesk()
        let id = try intake([])
        try expect(0, ["act", id, "dispose", "--agency", "pemkab-sleman", "--as", "rina"])
        try expect(1, ["act", id, "follow-up", "--text", "belum ke unit", "--as", "sari"])
        try expect(0, ["act", id, "assign-unit", "--unit", "pemkab-sleman/dinkes", "--as", "budi"])
        try expect(0, ["act", id, "follow-up", "--text", "Sudah ditangani.", "--as", "sari"])
        try expect(0, ["act", id, "dispute", "--text", "Belum, masih antre.", "--as", "rina"])
        XCTAssertEqual(try status(id), "diproses")
        try expect(0, ["act", id, "follow-up", "--text", "Loket ditambah dua.", "--as", "sari"])
        try expect(0, ["act", id, "accept", "--as", "rina"])
        XCTAssertEqual(try status(id), "selesai")
        let row = try XCTUnwrap(try listJSON(["--as", "rina", "--status", "selesai"]).first)
        XCTAssertEqual(row["overdue"] as? Bool, false)
        XCTAssertTrue(row["due"] is NSNull, "a closed report has no running deadline: \(row)")
        // Text that starts with a dash is the text, not a flag (QA: "Missing value for '--text'").
        try expect(0, ["act", id, "note", "--text", "-5 derajat di ruang tunggu", "--as", "rina"])
        XCTAssertTrue(try expect(0, ["show", id, "--as", "rina"]).stdout.contains("-5 derajat di ruang tunggu"))
        let dashed = try expect(0, ["intake", "--channel", "sms", "--body", "-rusak parah"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(try expect(0, ["show", dashed, "--as", "rina"]).stdout.contains("-rusak parah"))
        // Nothing due: said on standard error, standard output stays one line per event written (QA: silence).
        let sweep = try expect(0, ["sweep"])
        XCTAssertEqual(sweep.stdout, "")
        XCTAssertTrue(sweep.stderr.contains("sweep: nothing was due"), sweep.stderr)
    }
}
