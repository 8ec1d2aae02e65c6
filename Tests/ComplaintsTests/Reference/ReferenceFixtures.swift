import XCTest
@testable import Complaints

/// Reads the shipped reference files from the repository (tests may do I/O; the module may not).
enum ReferenceFixtures {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("Sources/DeskResources/Files/reference")
    }

    /// Recorded outputs the golden tests compare against (`ReferenceGoldenTests`).
    static var goldenFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func shippedFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in ReferenceData.fileNames {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func shipped() throws -> ReferenceData {
        do {
            return try ReferenceData.load(files: shippedFiles())
        } catch let errors as ReferenceDataErrors {
            XCTFail("shipped reference data has errors:\n\(errors)")
            throw errors
        }
    }

    /// Minimal valid files a test can break one at a time.
    static let small: [String: String] = [
        "kategori.toml": """
        [[kategori]]
        id = "kesehatan"
        nama = "Kesehatan"
        sub = ["Pelayanan Puskesmas", "Pelayanan Rumah Sakit"]

        [[kategori]]
        id = "pupr"
        nama = "Pekerjaan Umum dan Penataan Ruang"
        sub = ["Infrastruktur Jalan", "Drainase"]
        """,
        "wilayah.toml": """
        [[provinsi]]
        kode = "34"
        nama = "DI Yogyakarta"
        alias = ["DIY"]
        kabkota = [
          { kode = "34.04", nama = "Kabupaten Sleman" },
          { kode = "34.71", nama = "Kota Yogyakarta" },
        ]

        [[provinsi]]
        kode = "51"
        nama = "Bali"
        """,
        "instansi.toml": """
        [unit_standar]
        kabkota = [
          { id = "dinkes", nama = "Dinas Kesehatan {wilayah}" },
          { id = "dpupr", nama = "Dinas PUPR {wilayah}" },
        ]

        [[instansi]]
        id = "pemprov-diy"
        nama = "Pemerintah Daerah DI Yogyakarta"
        jenis = "provinsi"
        provinsi = "DI Yogyakarta"

        [[instansi]]
        id = "pemkab-sleman"
        nama = "Pemerintah Kabupaten Sleman"
        jenis = "kabupaten"
        provinsi = "DI Yogyakarta"
        kabkota = "Kabupaten Sleman"
        unit_standar = "kabkota"

        [[instansi]]
        id = "kemenkes"
        nama = "Kementerian Kesehatan"
        jenis = "kementerian"
        """,
        "rute.toml": """
        [unit_kategori]
        kesehatan = "dinkes"

        [[daerah]]
        kabkota = "Kabupaten Sleman"
        instansi = "pemkab-sleman"

        [[rute]]
        provinsi = "DIY"
        instansi = "pemprov-diy"

        [[rute]]
        kategori = "kesehatan"
        instansi = "kemenkes"
        """,
    ]

    /// `small` with one file replaced.
    static func small(replacing name: String, with text: String) -> [String: String] {
        var files = small
        files[name] = text
        return files
    }

    /// The errors loading `files` produces (a test failure if it loads).
    static func errors(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) -> [ReferenceDataError] {
        do {
            _ = try ReferenceData.load(files: files)
            XCTFail("expected reference data errors", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }
}
