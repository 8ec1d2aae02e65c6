import Complaints
@testable import Console
import XCTest

/// A saved action's confirmation says what happened to the report, in both languages (QA: "Tersimpan:
/// Kembalikan: bukan wewenang — #2600005" named the form, not where the report went).
final class DoneMessageTests: XCTestCase {
    func message(_ command: Command, count: Int = 1) throws -> Localized {
        let env = try Fixture.state().env
        return UIText.doneMessage(DeskRequest(reportID: "2600005", command: command, expectedVersion: nil), count: count, env: env)
    }

    func testEachActionSaysItsOutcome() throws {
        let cases: [(Command, String, String)] = [
            (.sendBack(reason: "r"), "dikembalikan ke Admin Nasional", "sent back to the national desk"),
            (.postpone(question: "q"), "ditunda", "postponed"),
            (.recordReporterReply(text: "t", attachments: []), "jawaban pelapor dicatat", "the reporter's answer is on"),
            (.recordDispute(text: "t"), "kembali ke instansi (diproses) dengan tenggat baru", "goes back to the agency (diproses) with a new deadline"),
            (.recordAcceptance(text: nil), "selesai", "is done (selesai)"),
            (.postFollowUp(text: "t", attachments: []), "dikirim ke pelapor", "went to the reporter"),
            (.tag(add: ["banjir"], remove: ["lama"]), "+banjir, −lama", "+banjir, −lama"),
            (.addNote("n"), "catatan internal pada #2600005", "internal note on #2600005"),
            (.postReply("r"), "balasan publik pada #2600005", "public reply on #2600005"),
            (.editTitle("t"), "judul #2600005 diubah", "the title of #2600005 changed"),
            (.redact(fields: ["reporter.name"], reason: "r"), "dihapus: reporter.name", "redacted: reporter.name"),
        ]
        for (command, id, en) in cases {
            let m = try message(command)
            XCTAssertTrue(m.id.hasPrefix("Tersimpan: ") && m.id.contains(id), m.id)
            XCTAssertTrue(m.en.hasPrefix("Saved: ") && m.en.contains(en), m.en)
            XCTAssertFalse(m.id.contains(command.kind.label.id + " —"), "names the form: \(m.id)")
        }
        XCTAssertEqual(try message(.tag(add: ["a"], remove: []), count: 40).id, "Tersimpan: tag 40 laporan: +a.")
    }
}
