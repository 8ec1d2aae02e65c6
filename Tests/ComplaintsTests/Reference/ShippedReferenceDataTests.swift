import XCTest
@testable import Complaints

final class ShippedReferenceDataTests: XCTestCase {
    func testShippedDataLoadsWithoutErrors() throws {
        let data = try ReferenceFixtures.shipped()
        XCTAssertEqual(data.regions.provinces.count, 38)
        XCTAssertGreaterThanOrEqual(data.categories.categories.count, 30)
        XCTAssertGreaterThanOrEqual(data.agencies.agencies.count, 40)
        for category in data.categories.categories {
            XCTAssertTrue((2...6).contains(category.subcategories.count), "\(category.name)")
        }
    }

    func testPilotRegionsAreComplete() throws {
        let regions = try ReferenceFixtures.shipped().regions
        XCTAssertEqual(regions.province(named: "Bali")?.regencies.count, 9)
        XCTAssertEqual(regions.province(named: "DI Yogyakarta")?.regencies.count, 5)
        XCTAssertEqual(regions.province(named: "Sumatera Barat")?.regencies.count, 19)
        XCTAssertEqual(regions.province(named: "Jawa Barat")?.regencies.count, 27)
        XCTAssertEqual(regions.province(named: "Banten")?.regencies.count, 8)
        for name in ["Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya", "Kalimantan Utara"] {
            XCTAssertNotNil(regions.province(named: name), name)
        }
    }

    func testEveryPilotRegencyHasItsGovernmentWithMainOffices() throws {
        let data = try ReferenceFixtures.shipped()
        let pilots = ["Bali", "DI Yogyakarta", "Sumatera Barat"].flatMap { data.regions.province(named: $0)?.regencies ?? [] }
            + [data.regions.regency(named: "Kabupaten Bandung"), data.regions.regency(named: "Kabupaten Tangerang")].compactMap { $0 }
        XCTAssertEqual(pilots.count, 35)
        for regency in pilots {
            let government = data.agencies.agencies(inProvince: regency.provinceCode, regency: regency.code)
                .filter { $0.kind == .regency || $0.kind == .city }
            XCTAssertEqual(government.count, 1, regency.name)
            for unit in ["dinkes", "disdik", "dpupr", "dinsos", "disdukcapil", "dishub", "dlh", "disnaker"] {
                XCTAssertNotNil(government.first?.unit(unit), "\(regency.name) lacks \(unit)")
            }
        }
        XCTAssertEqual(data.agencies.unit(id: "pemkab-sleman/dinkes")?.name, "Dinas Kesehatan Kabupaten Sleman")
        XCTAssertEqual(data.agencies["pemkot-padang"]?.kind, .city)
        for id in ["pemprov-bali", "pemprov-diy", "pemprov-sumbar", "kemenkes", "kemensos", "kemnaker", "bpjs-kesehatan", "pln", "polri"] {
            XCTAssertNotNil(data.agencies[id], id)
        }
    }

    func testEveryTopicRoutesSomewhereInEveryPilotRegency() throws {
        let data = try ReferenceFixtures.shipped()
        for category in data.categories.categories {
            let national = data.routing.propose(category: category.id, subcategory: nil, province: nil, regency: nil)
            XCTAssertEqual(national?.rule.key.regionLevel, .national, category.name)
            let local = data.routing.propose(category: category.name, subcategory: nil, province: nil, regency: "Kota Denpasar")
            // The city government is the first door, except for the central government's business (`pusat`).
            XCTAssertEqual(local?.agencyID, national?.rule.central == true ? national?.agencyID : "pemkot-denpasar", category.name)
        }
    }

    /// QA: immigration, corruption, elections, taxes… were proposed to the regency wherever a region had a
    /// catch-all rule. Those rules are marked `pusat` and win in every region; the regency is an alternative.
    func testCentralTopicsGoToTheNationalBodyFromEveryRegion() throws {
        let data = try ReferenceFixtures.shipped()
        let cases: [(String, String?, String, String)] = [
            ("imigrasi", "Paspor", "Kabupaten Sleman", "kemenimipas"), ("hukum", "Korupsi", "Kota Denpasar", "kpk"),
            ("hukum", "Pemilihan Umum", "Kabupaten Tangerang", "kpu"), ("energi", "Listrik", "Kabupaten Bandung", "pln"),
            ("p4gn", nil, "Kota Padang", "bnn"), ("ekonomi", "Perpajakan", "Kabupaten Sleman", "kemenkeu"),
        ]
        for (category, sub, regency, agency) in cases {
            let p = try XCTUnwrap(data.routing.propose(category: category, subcategory: sub, province: nil, regency: regency))
            XCTAssertEqual(p.agencyID, agency, "\(category) \(sub ?? "") in \(regency)")
            XCTAssertTrue(p.rule.central)
            XCTAssertTrue(p.reason.indonesian.contains("urusan pemerintah pusat"), p.reason.indonesian)
            XCTAssertFalse(p.alternatives.isEmpty, "the regional government stays an alternative")
        }
        // Not central: a health complaint in Sleman still goes to the regency first.
        XCTAssertEqual(data.routing.propose(category: "kesehatan", subcategory: nil, province: nil, regency: "Kabupaten Sleman")?.agencyID,
                       "pemkab-sleman")
    }
}
