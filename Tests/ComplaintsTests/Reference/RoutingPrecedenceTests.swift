import XCTest
@testable import Complaints

final class RoutingPrecedenceTests: XCTestCase {
    func testHealthInSlemanGoesToTheRegencyHealthOffice() throws {
        let routing = try ReferenceFixtures.shipped().routing
        let proposal = try XCTUnwrap(routing.propose(category: "Kesehatan", subcategory: nil,
                                                     province: "DI Yogyakarta", regency: "Kabupaten Sleman"))
        XCTAssertEqual(proposal.agencyID, "pemkab-sleman")
        XCTAssertEqual(proposal.unitID, "pemkab-sleman/dinkes")
        XCTAssertEqual(proposal.rule.key.regionLevel, .regency)
        XCTAssertEqual(proposal.rule.key.topicLevel, .category)
        XCTAssertTrue(proposal.alternatives.contains("pemprov-diy"))
        XCTAssertTrue(proposal.alternatives.contains("kemenkes"))
        XCTAssertLessThan(try XCTUnwrap(proposal.alternatives.firstIndex(of: "pemprov-diy")),
                          try XCTUnwrap(proposal.alternatives.firstIndex(of: "kemenkes")))
        XCTAssertFalse(proposal.alternatives.contains("pemkab-sleman"))
        XCTAssertTrue(proposal.reason.english.contains("Kesehatan in Kabupaten Sleman go to Pemerintah Kabupaten Sleman (Dinas Kesehatan Kabupaten Sleman)"),
                      proposal.reason.english)
        XCTAssertTrue(proposal.reason.english.hasSuffix("rule \(proposal.rule.source)."), proposal.reason.english)
        XCTAssertTrue(proposal.reason.indonesian.hasPrefix("Laporan topik Kesehatan di Kabupaten Sleman diteruskan ke"),
                      proposal.reason.indonesian)
        XCTAssertEqual(proposal.rule.file, "rute.toml")
        XCTAssertGreaterThan(proposal.rule.line, 0)
    }

    func testForgivingNamesFindTheSameRule() throws {
        let routing = try ReferenceFixtures.shipped().routing
        let exact = routing.propose(category: "Kesehatan", subcategory: nil, province: "DI Yogyakarta", regency: "Kabupaten Sleman")
        for (category, province, regency) in [("kesehatan", "DIY", "kab. sleman"), ("KESEHATAN", nil, "Kab Sleman"),
                                              ("Kesehatan", "D.I. Yogyakarta", "Sleman"), ("kesehatan", nil, "34.04")] {
            let proposal = routing.propose(category: category, subcategory: nil, province: province, regency: regency)
            XCTAssertEqual(proposal, exact, "\(category) \(province ?? "-") \(regency)")
        }
    }

    func testSmallFilesRegencyBeatsProvinceBeatsNational() throws {
        let data = try ReferenceData.load(files: ReferenceFixtures.small)
        let regency = data.routing.propose(category: "kesehatan", subcategory: nil, province: nil, regency: "Kabupaten Sleman")
        XCTAssertEqual(regency?.agencyID, "pemkab-sleman")
        XCTAssertEqual(regency?.unitID, "pemkab-sleman/dinkes")
        XCTAssertEqual(regency?.alternatives, ["pemprov-diy", "kemenkes"])
        XCTAssertEqual(regency?.matchedRules.map(\.line), [4, 4, 8, 12])
        let province = data.routing.propose(category: "kesehatan", subcategory: nil, province: "DI Yogyakarta", regency: "Kota Yogyakarta")
        XCTAssertEqual(province?.agencyID, "pemprov-diy")
        XCTAssertEqual(province?.rule.line, 8)
        XCTAssertEqual(province?.alternatives, ["kemenkes"])
        XCTAssertEqual(province?.reason.regionLevel, .province)
        XCTAssertTrue(province?.reason.english.contains("any topic in the province of DI Yogyakarta") ?? false)
        let national = data.routing.propose(category: "kesehatan", subcategory: nil, province: "Bali", regency: nil)
        XCTAssertEqual(national?.agencyID, "kemenkes")
        XCTAssertEqual(national?.alternatives, [])
        XCTAssertTrue(national?.reason.indonesian.contains("seluruh Indonesia") ?? false)
        XCTAssertNil(data.routing.propose(category: "pupr", subcategory: nil, province: "Bali", regency: nil))
        XCTAssertNil(data.routing.propose(category: nil, subcategory: nil, province: nil, regency: nil))
    }

    func testRegionIsWeighedBeforeTopic() throws {
        // A catch-all rule for the regency beats a national rule for the exact sub-category.
        let files = ReferenceFixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kabkota = "Kabupaten Sleman"
        instansi = "pemkab-sleman"

        [[rute]]
        kategori = "kesehatan"
        subkategori = "Pelayanan Rumah Sakit"
        instansi = "kemenkes"
        """)
        let data = try ReferenceData.load(files: files)
        let proposal = data.routing.propose(category: "kesehatan", subcategory: "pelayanan rumah sakit", province: nil, regency: "Sleman")
        XCTAssertEqual(proposal?.agencyID, "pemkab-sleman")
        XCTAssertEqual(proposal?.alternatives, ["kemenkes"])
    }

    func testSubcategoryBeatsCategoryBeatsAnyTopic() throws {
        let files = ReferenceFixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        provinsi = "DI Yogyakarta"
        instansi = "pemprov-diy"

        [[rute]]
        provinsi = "DI Yogyakarta"
        kategori = "kesehatan"
        instansi = "pemkab-sleman"

        [[rute]]
        provinsi = "DI Yogyakarta"
        kategori = "kesehatan"
        subkategori = "Pelayanan Puskesmas"
        instansi = "kemenkes"
        catatan = "test note"
        """)
        let routing = try ReferenceData.load(files: files).routing
        let sub = routing.propose(category: "kesehatan", subcategory: "Pelayanan Puskesmas", province: "DIY", regency: nil)
        XCTAssertEqual(sub?.agencyID, "kemenkes")
        XCTAssertEqual(sub?.rule.line, 10)
        XCTAssertEqual(sub?.reason.topicLevel, .subcategory)
        XCTAssertEqual(sub?.alternatives, ["pemkab-sleman", "pemprov-diy"])
        XCTAssertTrue(sub?.reason.english.hasSuffix("Note: test note") ?? false)
        XCTAssertTrue(sub?.reason.indonesian.contains("Kesehatan › Pelayanan Puskesmas") ?? false)
        let category = routing.propose(category: "kesehatan", subcategory: "Pelayanan Rumah Sakit", province: "DIY", regency: nil)
        XCTAssertEqual(category?.agencyID, "pemkab-sleman")
        let anyTopic = routing.propose(category: "pupr", subcategory: nil, province: "DIY", regency: nil)
        XCTAssertEqual(anyTopic?.agencyID, "pemprov-diy")
        let unknownTopic = routing.propose(category: "no such topic", subcategory: nil, province: "DIY", regency: nil)
        XCTAssertEqual(unknownTopic?.agencyID, "pemprov-diy")
    }

    func testShippedSubcategoryExceptionInsideRegency() throws {
        let routing = try ReferenceFixtures.shipped().routing
        let hospital = routing.propose(category: "Kesehatan", subcategory: "Pelayanan Rumah Sakit", province: nil, regency: "Kabupaten Sleman")
        XCTAssertEqual(hospital?.unitID, "pemkab-sleman/rsud-sleman")
        let bpjs = routing.propose(category: "Kesehatan", subcategory: "Jaminan Kesehatan (BPJS/KIS)", province: "Aceh", regency: nil)
        XCTAssertEqual(bpjs?.agencyID, "bpjs-kesehatan")
        XCTAssertEqual(bpjs?.alternatives, ["kemenkes"])
        let electricity = routing.propose(category: "energi", subcategory: "Listrik", province: nil, regency: nil)
        XCTAssertEqual(electricity?.agencyID, "pln")
        let bandung = routing.propose(category: "pendidikan", subcategory: nil, province: "Jawa Barat", regency: "Kabupaten Bandung")
        XCTAssertEqual(bandung?.unitID, "pemkab-bandung/disdik")
        XCTAssertEqual(bandung?.alternatives, ["pemprov-jabar", "kemendikdasmen"])
        let cityOfBandung = routing.propose(category: "pendidikan", subcategory: nil, province: "Jawa Barat", regency: "Kota Bandung")
        XCTAssertEqual(cityOfBandung?.agencyID, "pemprov-jabar")
    }
}
