import Foundation
import XCTest

/// A region filter naming a province takes in the reports that give only one of its regencies, on the
/// command line and in the figures; a place only reports carry is a scope `stats` accepts as `list` does.
final class RegionFilterCLITests: DeskTestCase {
    /// QA: `list --region "DI Yogyakarta"` missed reports recorded with only "Kabupaten Sleman"; `stats
    /// --region "Kota Antah"` refused a place `list` found reports in.
    func testAProvinceTakesInItsRegenciesAndAReportsOwnPlaceIsAScope() throws {
        try makeDesk()
        let sleman = try intake(["--regency", "Kabupaten Sleman"])
        // Figures for fewer than five reports are hidden: four more of Sleman alone.
        let more = try (1...4).map { try intake(["--regency", "Kabupaten Sleman"], body: "laporan \($0)") }
        let both = try intake(["--province", "DI Yogyakarta", "--regency", "Kota Yogyakarta"])
        let bali = try intake(["--regency", "Kota Denpasar"])
        let elsewhere = try intake(["--regency", "Kota Antah"])
        let listed = Set(try listJSON(["--region", "DI Yogyakarta"]).compactMap { $0["id"] as? String })
        XCTAssertEqual(listed, Set([sleman, both] + more))
        XCTAssertFalse(listed.contains(bali))
        let figures = try expect(0, ["stats", "--json", "--region", "di yogyakarta"]).stdout
        let total = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(figures.utf8)) as? [String: Any])?["total"] as? Int)
        XCTAssertEqual(total, 6, figures)
        XCTAssertEqual(Set(try listJSON(["--region", "Kota Antah"]).compactMap { $0["id"] as? String }), [elsewhere])
        try expect(0, ["stats", "--region", "Kota Antah"])
        let typo = try desk(["stats", "--region", "Kota Antahh"])
        XCTAssertEqual(typo.code, 2, typo.transcript)
    }

    /// QA: places and topics in another accepted spelling ("Sleman", "Kab. Sleman", "DIY", the topic id
    /// "pupr") were stored as typed: filters found one spelling, figures showed four rows for one place.
    /// They are recorded by their reference names, as routing already read them; unknown ones as given.
    func testKnownPlacesAndTopicsAreRecordedByTheirNames() throws {
        try makeDesk()
        var ids: [String] = []
        for regency in ["Kabupaten Sleman", "Kab. Sleman", "sleman", "Sleman"] {
            ids.append(try intake(["--regency", regency, "--category", "pupr"], body: "jalan rusak di \(regency)"))
        }
        let province = try intake(["--province", "DIY"], body: "laporan tingkat provinsi")
        let unknown = try intake(["--regency", "Kota Antah", "--category", "Sihir"], body: "tempat tak dikenal")
        for row in try listJSON([]) where ids.contains(row["id"] as? String ?? "") {
            XCTAssertEqual(row["region"] as? String, "Kabupaten Sleman", "\(row)")
            XCTAssertEqual(row["category"] as? String, "Pekerjaan Umum dan Penataan Ruang", "\(row)")
        }
        XCTAssertEqual(Set(try listJSON(["--region", "DI Yogyakarta"]).compactMap { $0["id"] as? String }), Set(ids + [province]))
        XCTAssertEqual(Set(try listJSON(["--category", "pupr"]).compactMap { $0["id"] as? String }), Set(ids))
        let odd = try XCTUnwrap(try listJSON([]).first { ($0["id"] as? String) == unknown })
        XCTAssertEqual(odd["region"] as? String, "Kota Antah")
        XCTAssertEqual(odd["category"] as? String, "Sihir")
        let shown = try expect(0, ["show", ids[2], "--json"]).stdout
        XCTAssertTrue(shown.contains("\"province\":\"DI Yogyakarta\""), shown)
    }

    /// QA: `--region "Kab. Sleman"` was refused ("no province or regency/city matches") though `intake`
    /// accepts and records that spelling; the filters now read a place every way intake does.
    func testAFilterReadsAPlaceEveryWayIntakeDoes() throws {
        try makeDesk()
        let sleman = try intake(["--regency", "Kab. Sleman"], body: "jalan rusak")
        let province = try intake(["--province", "DIY"], body: "laporan tingkat provinsi")
        let bali = try intake(["--regency", "Kota Denpasar"], body: "laporan bali")
        XCTAssertEqual(Set(try listJSON(["--region", "Kab. Sleman"]).compactMap { $0["id"] as? String }), [sleman])
        XCTAssertEqual(Set(try listJSON(["--region", "kab sleman"]).compactMap { $0["id"] as? String }), [sleman])
        XCTAssertEqual(Set(try listJSON(["--region", "DIY"]).compactMap { $0["id"] as? String }), [sleman, province])
        XCTAssertFalse(try listJSON(["--region", "Kab. Sleman"]).contains { ($0["id"] as? String) == bali })
        try expect(0, ["stats", "--region", "Kab. Sleman"])
        let typo = try desk(["list", "--region", "Kab. Slemann"])
        XCTAssertEqual(typo.code, 2, typo.transcript)
    }
}
