import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Reference data edited under a running console (`referensi/`): the routing pane, the forms and the
/// proposal use the new agencies, topics and rules at once; files with mistakes are refused with the place,
/// and the data in use stays.
final class ReferenceDataStepTests: XCTestCase {
    private func shippedReference(adding extra: String, first: Bool = false) throws -> ReferenceData {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files/reference")
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            texts[file] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        var agencies = texts["instansi.toml", default: ""]
        if first, let at = agencies.range(of: "\n[[instansi]]\n") {
            agencies.insert(contentsOf: "\n" + extra, at: at.lowerBound)
        } else {
            agencies += extra
        }
        texts["instansi.toml"] = agencies
        return try ReferenceData.load(files: texts)
    }

    func testNewReferenceDataIsOfferedAtOnceAndSaidSo() throws {
        var s = try Fixture.state()
        XCTAssertNil(s.env.agencies.first { $0.id == "pemkab-baru" })
        let reference = try shippedReference(adding: """

            [[instansi]]
            id = "pemkab-baru"
            nama = "Pemerintah Kabupaten Baru"
            jenis = "kementerian"
            unit = [{ id = "umum", nama = "Bagian Umum" }]

            """)
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(reference)))
        XCTAssertEqual(s.env.agencyName("pemkab-baru"), "Pemerintah Kabupaten Baru")
        XCTAssertEqual(s.env.unitName("pemkab-baru/umum", in: "pemkab-baru"), "Bagian Umum")
        XCTAssertEqual(s.env.agencies.count, reference.agencies.agencies.count)
        XCTAssertEqual(s.env.categories.map(\.name), reference.categories.categories.map(\.name))
        XCTAssertEqual(s.message, msg(.info, "Data referensi (instansi, kategori, aturan rute) diubah: usulan rute dan formulir berikutnya memakai yang baru."))
        // The proposal is the new data's: what the shipped rules propose for a report, the console proposes.
        let report = try XCTUnwrap(s.desk.all.first { reference.proposal(for: $0) != nil })
        XCTAssertEqual(s.env.propose(report)?.agencyID, reference.proposal(for: report)?.agencyID)
    }

    /// QA: the routing pane kept its highlight by row, so an agency added above the one the officer had
    /// chosen moved the highlight, and Enter disposed to the new agency. It follows its agency now; an
    /// agency that is gone is not chosen for the officer.
    func testTheRoutingPanesChoiceFollowsItsAgency() throws {
        var s = try Fixture.state()
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: ""))))
        s.press(.char("d"))
        XCTAssertTrue(s.routing.isOpen)
        s.press(.down, .down, .down)
        let before = ConsoleReducer.routingCandidates(s)
        let chosen = before[s.routing.cursor].agencyID
        let inserted = """
            [[instansi]]
            id = "aaa-baru"
            nama = "AAA Lembaga Baru"
            jenis = "lembaga"

            """
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: inserted, first: true))))
        let after = ConsoleReducer.routingCandidates(s)
        XCTAssertTrue(after.contains { $0.agencyID == "aaa-baru" })
        XCTAssertNotEqual(after.firstIndex { $0.agencyID == chosen }, before.firstIndex { $0.agencyID == chosen }, "the row moved")
        XCTAssertEqual(after[s.routing.cursor].agencyID, chosen)
        XCTAssertTrue(s.routing.picked)

        // The chosen agency removed: nothing is chosen for the officer, and the message says so.
        let added = try XCTUnwrap(after.firstIndex { $0.agencyID == "aaa-baru" })
        while s.routing.cursor > added { s.press(.up) }
        while s.routing.cursor < added { s.press(.down) }
        XCTAssertEqual(ConsoleReducer.routingCandidates(s)[s.routing.cursor].agencyID, "aaa-baru")
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: ""))))
        XCTAssertFalse(ConsoleReducer.routingCandidates(s).contains { $0.agencyID == "aaa-baru" })
        XCTAssertFalse(s.routing.picked)
        XCTAssertFalse(s.routing.isOpen, "closed: a next Enter must not dispose to the row that took the highlight")
        XCTAssertNotEqual(s.focus, .routing)
        XCTAssertTrue(s.message?.text.hasSuffix("Instansi yang dipilih di panel rute tidak ada lagi: panel rute ditutup, buka lagi (d) dan pilih lagi.") ?? false,
                      "\(String(describing: s.message))")
        XCTAssertTrue(s.press(.enter).allSatisfy { if case .perform = $0 { return false } else { return true } }, "Enter disposes nothing")
    }

    /// QA: an agency removed while open reports wait at it was accepted without a word. The message says how
    /// many reports are stranded there.
    func testOpenReportsAtAnAgencyNoLongerListedAreCounted() throws {
        var s = try Fixture.state()
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: ""))))
        XCTAssertFalse(s.message?.text.contains("laporan terbuka") ?? true, "none stranded yet")
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: """

            [[instansi]]
            id = "aaa-baru"
            nama = "AAA Lembaga Baru"
            jenis = "lembaga"
            """))))
        let waiting = try XCTUnwrap(s.desk.all.first { $0.status == .baru }?.id)
        ConsoleReducer.reduce(&s, .journalEvents([RecordedEvent(
            seq: s.desk.lastSeq + 1, id: "e", reportID: waiting, at: Fixture.now, actor: Actor(Fixture.national),
            event: .disposed(Disposition(agency: "aaa-baru", kind: .disposisi)))]))
        XCTAssertEqual(s.desk[waiting]?.agency, "aaa-baru")
        ConsoleReducer.reduce(&s, .referenceData(.reloaded(try shippedReference(adding: ""))))
        XCTAssertTrue(s.message?.text.contains(" 1 laporan terbuka ada pada instansi yang tidak lagi terdaftar: disposisikan ulang.") ?? false,
                      "\(String(describing: s.message))")
    }

    func testReferenceDataWithMistakesIsRefusedWithThePlaceAndTheOldStays() throws {
        var s = try Fixture.state(size: Size(width: 200, height: 30))
        let agencies = s.env.agencies
        ConsoleReducer.reduce(&s, .referenceData(.refused([
            "/meja/referensi/instansi.toml:412: instansi: nama: missing\n    (every agency needs a name)",
            "/meja/operator.toml:7: agency: no agency 'pemkab-baru'",
        ])))
        XCTAssertEqual(s.env.agencies, agencies)
        XCTAssertEqual(s.message, msg(.error, "Perubahan referensi/ ditolak, data referensi lama tetap dipakai: "
            + "/meja/referensi/instansi.toml:412: instansi: nama: missing (every agency needs a name) (+1)"))
    }
}
