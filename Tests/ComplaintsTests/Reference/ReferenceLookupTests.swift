import XCTest
@testable import Complaints

final class ReferenceLookupTests: XCTestCase {
    func testRegionNameNormalisation() {
        XCTAssertEqual(RegionDirectory.normalizedName("Kab. Sleman"), "kabupaten sleman")
        XCTAssertEqual(RegionDirectory.normalizedName("KAB SLEMAN"), "kabupaten sleman")
        XCTAssertEqual(RegionDirectory.normalizedName("  Kabupaten   Sleman "), "kabupaten sleman")
        XCTAssertEqual(RegionDirectory.normalizedName("Kab.Sleman"), "kabupaten sleman")
        XCTAssertEqual(RegionDirectory.normalizedName("Kotamadya Padang"), "kota padang")
        XCTAssertEqual(RegionDirectory.normalizedName("Kota Adm. Jakarta Selatan"), "kota jakarta selatan")
        XCTAssertEqual(RegionDirectory.normalizedName("D.I. Yogyakarta"), "di yogyakarta")
        XCTAssertEqual(RegionDirectory.normalizedName("Daerah Istimewa Yogyakarta"), "di yogyakarta")
        XCTAssertEqual(RegionDirectory.normalizedName("Provinsi Bali"), "bali")
        XCTAssertEqual(RegionDirectory.normalizedName(""), "")
    }

    func testProvinceAndRegencyLookup() throws {
        let regions = try ReferenceFixtures.shipped().regions
        XCTAssertEqual(regions.province(named: "diy")?.code, "34")
        XCTAssertEqual(regions.province(named: "Daerah Istimewa Yogyakarta")?.name, "DI Yogyakarta")
        XCTAssertEqual(regions.province(named: "prov. sumatera barat")?.code, "13")
        XCTAssertEqual(regions.province(named: "51")?.name, "Bali")
        XCTAssertNil(regions.province(named: "Atlantis"))
        XCTAssertNil(regions.province(named: "   "))
        XCTAssertEqual(regions.regency(named: "kab. sleman")?.code, "34.04")
        XCTAssertEqual(regions.regency(named: "Sleman")?.name, "Kabupaten Sleman")
        XCTAssertEqual(regions.regency(named: "kodya padang")?.kind, .kota)
        XCTAssertNil(regions.regency(named: "Bandung"), "Kabupaten and Kota Bandung: ambiguous")
        XCTAssertEqual(regions.regencies(matching: "Bandung").map(\.name), ["Kabupaten Bandung", "Kota Bandung"])
        XCTAssertEqual(regions.regency(named: "Solok", inProvince: "Sumatera Barat"), nil)
        XCTAssertEqual(regions.regency(named: "Kota Solok", inProvince: "Sumbar")?.code, "13.72")
        XCTAssertNil(regions.regency(named: "Kabupaten Sleman", inProvince: "Bali"))
        XCTAssertEqual(regions.regency(code: "36.03")?.name, "Kabupaten Tangerang")
        XCTAssertEqual(regions.regency(named: "Kota Tangerang Selatan")?.provinceCode, "36")
    }

    func testCategoryLookup() throws {
        let categories = try ReferenceFixtures.shipped().categories
        let pupr = try XCTUnwrap(categories.category(named: "pekerjaan umum dan penataan ruang"))
        XCTAssertEqual(pupr.id, "pupr")
        XCTAssertEqual(categories.category(named: "PUPR")?.name, "Pekerjaan Umum dan Penataan Ruang")
        XCTAssertEqual(pupr.subcategory(named: "infrastruktur jalan")?.id, "infrastruktur-jalan")
        XCTAssertEqual(pupr.subcategory(named: "drainase")?.name, "Drainase")
        XCTAssertNil(pupr.subcategory(named: "Puskesmas"))
        for name in ["Kependudukan", "Kesehatan", "Pendidikan dan Kebudayaan", "Perhubungan", "Bantuan Sosial",
                     "Ketenagakerjaan", "Lingkungan Hidup dan Kehutanan", "Kesetaraan Gender dan Sosial Inklusif",
                     "Teknologi Informasi dan Komunikasi", "Topik Lainnya"] {
            XCTAssertNotNil(categories.category(named: name), name)
        }
    }

    func testAgencyDirectoryLookup() throws {
        let agencies = try ReferenceFixtures.shipped().agencies
        let sleman = try XCTUnwrap(agencies["pemkab-sleman"])
        XCTAssertEqual(sleman.region?.regencyName, "Kabupaten Sleman")
        XCTAssertEqual(sleman.region?.provinceName, "DI Yogyakarta")
        XCTAssertEqual(sleman.unit("dinkes")?.id, "pemkab-sleman/dinkes")
        XCTAssertEqual(sleman.unit("pemkab-sleman/rsud-sleman")?.name, "RSUD Sleman")
        XCTAssertNil(agencies.unit(id: "pemkab-sleman"))
        XCTAssertNil(agencies.unit(id: "nobody/dinkes"))
        XCTAssertEqual(agencies["pemprov-diy"]?.unit("dinkes")?.name, "Dinas Kesehatan Daerah Istimewa Yogyakarta")
        XCTAssertEqual(agencies["pemprov-bali"]?.unit("dinsos")?.name, "Dinas Sosial Provinsi Bali")
        XCTAssertEqual(agencies.agencies(inProvince: "34", regency: "34.04").map(\.id), ["pemkab-sleman", "ugm"])
        XCTAssertNil(agencies["kemenkes"]?.region)
        XCTAssertEqual(Set(agencies.agencies.map(\.id)).count, agencies.agencies.count)
    }

    /// A standard unit's name takes its agency's region in place of every `{wilayah}`, and only there.
    func testStandardUnitNamesTakeTheRegion() {
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("Dinas Kesehatan {wilayah}").filled(with: "Kabupaten Sleman"), "Dinas Kesehatan Kabupaten Sleman")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("{wilayah}: UPT {wilayah}").filled(with: "Bali"), "Bali: UPT Bali")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("Dinas Sosial").filled(with: "Bali"), "Dinas Sosial")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("Dinas {wilayah {Wilayah} wilayah}").filled(with: "Bali"), "Dinas {wilayah {Wilayah} wilayah}")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("Puskesmas Sléman {wilayah}").filled(with: "Daerah Istimewa 日本"), "Puskesmas Sléman Daerah Istimewa 日本")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("").filled(with: "Bali"), "")
        XCTAssertEqual(AgencyDirectory.UnitNameTemplate("{wilayah}").filled(with: ""), "")
    }

    func testSlugs() {
        XCTAssertEqual(ReferenceName.slug("Jaminan Kesehatan (BPJS/KIS)"), "jaminan-kesehatan-bpjs-kis")
        XCTAssertEqual(ReferenceName.slug("  Lain-lain "), "lain-lain")
        XCTAssertEqual(ReferenceName.slug("Ékonomi"), "konomi")
        XCTAssertEqual(ReferenceName.normalized(" Topik   LAINNYA "), "topik lainnya")
    }
}
