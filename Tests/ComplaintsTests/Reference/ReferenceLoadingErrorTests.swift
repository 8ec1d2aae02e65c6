import XCTest
@testable import Complaints

final class ReferenceLoadingErrorTests: XCTestCase {
    typealias Fixtures = ReferenceFixtures

    func testSmallFilesLoad() throws {
        let data = try ReferenceData.load(files: Fixtures.small)
        XCTAssertEqual(data.categories.categories.count, 2)
        XCTAssertEqual(data.agencies["pemkab-sleman"]?.units.map(\.id), ["pemkab-sleman/dinkes", "pemkab-sleman/dpupr"])
        XCTAssertEqual(data.routing.rules.count, 4)
    }

    func testUnknownAgencyInRuleNamesFileLineAndSuggests() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kategori = "kesehatan"
        instansi = "kemenkess"
        """))
        XCTAssertEqual(errors, [ReferenceDataError(file: "rute.toml", line: 3, field: "rute[1].instansi",
                                                   reason: "unknown agency 'kemenkess' (did you mean 'kemenkes'?)")])
        XCTAssertEqual(errors.first?.description,
                       "rute.toml:3: rute[1].instansi: unknown agency 'kemenkess' (did you mean 'kemenkes'?)")
    }

    /// `pusat` makes a topic rule win in every region, so it must name a topic and no region.
    func testACentralRuleWithARegionOrWithoutATopicIsRefused() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kategori = "kesehatan"
        provinsi = "DI Yogyakarta"
        instansi = "kemenkes"
        pusat = true

        [[rute]]
        instansi = "kemenkes"
        pusat = true
        """))
        XCTAssertEqual(errors.map(\.field), ["rute[1].pusat", "rute[2].pusat"])
        XCTAssertEqual(errors.first?.reason, "a central rule names a topic (kategori) and no region")
    }

    func testTieIsRefusedNamingBothLines() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kategori = "kesehatan"
        provinsi = "DI Yogyakarta"
        instansi = "pemprov-diy"

        [[rute]]
        kategori = "Kesehatan"
        provinsi = "DIY"
        instansi = "kemenkes"
        """))
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 6)
        XCTAssertEqual(errors.first?.field, "rute[2]")
        XCTAssertEqual(errors.first?.reason, "rule at line 6 ties with the rule at line 1 (same topic and region); keep one")
    }

    func testTieBetweenRegionBlockAndRule() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [unit_kategori]
        kesehatan = "dinkes"

        [[daerah]]
        kabkota = "Kabupaten Sleman"
        instansi = "pemkab-sleman"

        [[rute]]
        kategori = "kesehatan"
        kabkota = "Kab. Sleman"
        instansi = "kemenkes"
        """))
        XCTAssertEqual(errors.map(\.line), [8])
        XCTAssertTrue(errors.first?.reason.contains("ties with the rule at line 4") ?? false, "\(errors)")
    }

    func testTypoFieldsAreReportedWithSuggestionsWithoutFollowOnErrors() {
        let instansi = (Fixtures.small["instansi.toml"] ?? "")
            .replacing("nama = \"Kementerian Kesehatan\"", with: "nmae = \"Kementerian Kesehatan\"")
        let errors = Fixtures.errors(Fixtures.small(replacing: "instansi.toml", with: instansi))
        // The rule naming the broken agency is dropped quietly: the cause is reported once.
        XCTAssertEqual(errors.map(\.description), [
            "instansi.toml:21: instansi[3].nama: missing required field",
            "instansi.toml:23: instansi[3].nmae: unknown field 'nmae' (did you mean 'nama'?)",
        ])
    }

    func testBadTypesAreReported() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "kategori.toml", with: """
        [[kategori]]
        id = 7
        nama = "Kesehatan"
        sub = ["Puskesmas", true]
        """))
        XCTAssertEqual(errors.map(\.description), [
            "kategori.toml:2: kategori[1].id: expected a string, found an integer",
            "kategori.toml:4: kategori[1].sub[2]: expected a string, found a boolean",
        ])
    }

    /// QA: a rule for Kabupaten Sleman under `provinsi = "Bali"` loaded without a word and never matched.
    func testARegencyOfAnotherProvinceIsRefusedInRulesAndBlocks() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kategori = "kesehatan"
        provinsi = "Bali"
        kabkota = "Kabupaten Sleman"
        instansi = "kemenkes"

        [[daerah]]
        provinsi = "Bali"
        kabkota = "Kota Yogyakarta"
        instansi = "pemkab-sleman"
        """))
        XCTAssertEqual(errors.map(\.description), [
            "rute.toml:4: rute[1].kabkota: 'Kabupaten Sleman' is in DI Yogyakarta, not in Bali",
            "rute.toml:9: daerah[1].kabkota: 'Kota Yogyakarta' is in DI Yogyakarta, not in Bali",
        ])
    }

    func testUnknownUnitCategorySubcategoryAndRegion() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [[rute]]
        kategori = "kesehatn"
        instansi = "kemenkes"

        [[rute]]
        kategori = "kesehatan"
        subkategori = "Puskesmas Keliling"
        instansi = "kemenkes"

        [[rute]]
        kabkota = "Kabupaten Slemen"
        instansi = "pemkab-sleman"
        unit = "dinkess"

        [[rute]]
        provinsi = "Jawa Barrat"
        instansi = "pemprov-diy"

        [[rute]]
        subkategori = "Drainase"
        instansi = "kemenkes"
        """))
        XCTAssertEqual(errors.map(\.description), [
            "rute.toml:2: rute[1].kategori: unknown category 'kesehatn' (did you mean 'Kesehatan'?)",
            "rute.toml:7: rute[2].subkategori: unknown sub-category 'Puskesmas Keliling' of 'Kesehatan'",
            "rute.toml:11: rute[3].kabkota: unknown regency/city 'Kabupaten Slemen' (did you mean 'Kabupaten Sleman'?)",
            "rute.toml:13: rute[3].unit: agency 'pemkab-sleman' has no unit 'dinkess' (did you mean 'dinkes'?)",
            "rute.toml:16: rute[4].provinsi: unknown province 'Jawa Barrat'",
            "rute.toml:20: rute[5].subkategori: a sub-category needs 'kategori' as well",
        ])
    }

    func testUnknownRegionsAndKindsInAgencies() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "instansi.toml", with: """
        [[instansi]]
        id = "pemkot-yogyakarta"
        nama = "Pemerintah Kota Yogyakarta"
        jenis = "kabupaten"
        provinsi = "DI Yogyakarta"
        kabkota = "Kota Yogyakarta"

        [[instansi]]
        id = "pemkab-x"
        nama = "X"
        jenis = "kabupatn"

        [[instansi]]
        id = "pemprov-bali"
        nama = "Pemerintah Provinsi Bali"
        jenis = "provinsi"
        unit_standar = "provinsii"

        [[instansi]]
        id = "Bad Id"
        nama = "Y"
        jenis = "lembaga"

        [[instansi]]
        id = "pemkab-sleman"
        nama = "Pemerintah Kabupaten Sleman"
        jenis = "kabupaten"
        provinsi = "DI Yogyakarta"
        kabkota = "Kabupaten Slemanx"
        """))
        let described = errors.map(\.description)
        XCTAssertTrue(described.contains("instansi.toml:4: instansi[1].jenis: kind 'kabupaten' does not match 'Kota Yogyakarta'"), "\(described)")
        XCTAssertTrue(described.contains("instansi.toml:11: instansi[2].jenis: unknown agency kind 'kabupatn' (did you mean 'kabupaten'?)"), "\(described)")
        XCTAssertTrue(described.contains("instansi.toml:13: instansi[3].provinsi: missing required field (an agency of kind 'provinsi' needs it)"), "\(described)")
        XCTAssertTrue(described.contains("instansi.toml:17: instansi[3].unit_standar: unknown standard unit set 'provinsii'"), "\(described)")
        XCTAssertTrue(described.contains { $0.hasPrefix("instansi.toml:20: instansi[4].id: 'Bad Id' is not a valid agency id") }, "\(described)")
        XCTAssertTrue(described.contains { $0.hasPrefix("instansi.toml:29: instansi[5].kabkota: unknown regency/city 'Kabupaten Slemanx'") }, "\(described)")
    }

    func testDuplicatesInEachFile() {
        let categories = Fixtures.errors(Fixtures.small(replacing: "kategori.toml", with: """
        [[kategori]]
        id = "kesehatan"
        nama = "Kesehatan"
        sub = ["A", "a"]
        [[kategori]]
        id = "kesehatan"
        nama = "Other"
        [[kategori]]
        id = "pupr"
        nama = "KESEHATAN"
        """))
        XCTAssertEqual(categories.map(\.description), [
            "kategori.toml:4: kategori[1].sub[2]: duplicate sub-category 'a' in 'Kesehatan'",
            "kategori.toml:6: kategori[2].id: duplicate category id 'kesehatan' (first at line 1)",
            "kategori.toml:10: kategori[3].nama: duplicate category name 'KESEHATAN' (first at line 1)",
        ])
        let regions = Fixtures.errors(Fixtures.small(replacing: "wilayah.toml", with: """
        [[provinsi]]
        kode = "34"
        nama = "DI Yogyakarta"
        kabkota = [
          { kode = "34.04", nama = "Kabupaten Sleman" },
          { kode = "34.04", nama = "Kota Yogyakarta" },
          { kode = "35.01", nama = "Kabupaten Pacitan" },
          { kode = "34.05", nama = "Sleman Baru" },
        ]
        [[provinsi]]
        kode = "34"
        nama = "Bali"
        """))
        let described = regions.map(\.description)
        XCTAssertTrue(described.contains("wilayah.toml:6: provinsi[1].kabkota[2].kode: duplicate region code '34.04' (first at line 5)"), "\(described)")
        XCTAssertTrue(described.contains("wilayah.toml:7: provinsi[1].kabkota[3].kode: regency/city code must look like '34.04', found '35.01'"), "\(described)")
        XCTAssertTrue(described.contains("wilayah.toml:8: provinsi[1].kabkota[4].nama: name must start with 'Kabupaten' or 'Kota', found 'Sleman Baru'"), "\(described)")
        XCTAssertTrue(described.contains("wilayah.toml:11: provinsi[2].kode: duplicate region code '34' (first at line 2)"), "\(described)")
    }

    func testSyntaxErrorsAndMissingFilesAreCollectedTogether() {
        var files = Fixtures.small(replacing: "kategori.toml", with: "[[kategori]]\nid = \"kesehatan\nnama = \"x\"")
        files["wilayah.toml"] = nil
        let errors = Fixtures.errors(files)
        XCTAssertEqual(errors.map(\.description), [
            "kategori.toml:2: syntax: unterminated string (a \"...\" string must end on the line it starts) (column 6)",
            "wilayah.toml:0: (file): reference file is missing",
        ])
    }

    func testAllErrorsAcrossFilesAreReportedInFileOrder() {
        var files = Fixtures.small
        files["kategori.toml"] = (files["kategori.toml"] ?? "") + "\nwarna = \"merah\"\n"
        files["rute.toml"] = (files["rute.toml"] ?? "") + "\n[[rute]]\ninstansi = \"nobody\"\n[[rute]]\ninstansi = \"nobody2\"\n"
        let errors = Fixtures.errors(files)
        XCTAssertEqual(errors.map(\.file), ["kategori.toml", "rute.toml", "rute.toml"])
        XCTAssertEqual(errors.map(\.line), [10, 16, 18])
        XCTAssertEqual(errors.first?.reason, "unknown field 'warna'")
    }

    func testUnitMapWithUnitNoBlockAgencyHas() {
        let errors = Fixtures.errors(Fixtures.small(replacing: "rute.toml", with: """
        [unit_kategori]
        kesehatan = "dinkes"
        pupr = "dpuprr"
        bogus = "x"

        [[daerah]]
        kabkota = "Kabupaten Sleman"
        instansi = "pemkab-sleman"
        """))
        XCTAssertEqual(errors.map(\.description), [
            "rute.toml:3: unit_kategori.pupr: no agency of a [[daerah]] block has a unit 'dpuprr'",
            "rute.toml:4: unit_kategori.bogus: unknown category 'bogus'",
        ])
    }
}
