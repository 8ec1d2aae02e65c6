import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Reference data edited under a running console (`referensi/`): the routing pane, the forms and the
/// proposal use the new agencies, topics and rules at once; files with mistakes are refused with the place,
/// and the data in use stays.
final class ReferenceDataStepTests: XCTestCase {
    private func shippedReference(adding extra: String) throws -> ReferenceData {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files/reference")
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            texts[file] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        texts["instansi.toml", default: ""] += extra
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
        XCTAssertEqual(s.message, msg(.info, "Data referensi (instansi, kategori, aturan rute) diubah: usulan rute dan formulir memakai yang baru."))
        // The proposal is the new data's: what the shipped rules propose for a report, the console proposes.
        let report = try XCTUnwrap(s.desk.all.first { reference.proposal(for: $0) != nil })
        XCTAssertEqual(s.env.propose(report)?.agencyID, reference.proposal(for: report)?.agencyID)
    }

    func testReferenceDataWithMistakesIsRefusedWithThePlaceAndTheOldStays() throws {
        var s = try Fixture.state(size: Size(width: 200, height: 30))
        let agencies = s.env.agencies
        ConsoleReducer.reduce(&s, .referenceData(.refused([
            "/meja/referensi/instansi.toml:412: instansi: nama: missing\n    (every agency needs a name)",
            "/meja/operator.toml:7: agency: no agency 'pemkab-baru'",
        ])))
        XCTAssertEqual(s.env.agencies, agencies)
        XCTAssertEqual(s.message, msg(.error, "referensi/ tidak terbaca, data referensi lama tetap dipakai: "
            + "/meja/referensi/instansi.toml:412: instansi: nama: missing (every agency needs a name) (+1)"))
    }
}
