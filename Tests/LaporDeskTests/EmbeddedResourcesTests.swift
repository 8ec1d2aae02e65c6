import DeskResources
import Foundation
import XCTest

/// The binary must carry every shipped data file, byte for byte, so it works from any folder.
final class EmbeddedResourcesTests: XCTestCase {
    var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func filesOnDisk(under folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return out }
        for case let url as URL in e where !url.hasDirectoryPath {
            let rel = url.path.replacingOccurrences(of: folder.path + "/", with: "")
            out[rel] = FileManager.default.contents(atPath: url.path)
        }
        return out
    }

    func testEveryShippedFileIsEmbeddedUnchanged() {
        let disk = filesOnDisk(under: repoRoot.appendingPathComponent("Sources/DeskResources/Files"))
        XCTAssertFalse(disk.isEmpty)
        XCTAssertEqual(Set(disk.keys), Set(DeskResources.files.keys), "register new files in DeskResources")
        for (path, data) in disk {
            XCTAssertEqual(DeskResources.files[path].map { Data($0) }, data, path)
        }
    }

    func testThemesFolderMatchesEmbeddedCopies() throws {
        let themes = filesOnDisk(under: repoRoot.appendingPathComponent("themes")).filter { $0.key.hasSuffix(".toml") }
        XCTAssertEqual(Set(themes.keys), ["default.toml", "terang.toml", "kontras-tinggi.toml", "buta-warna.toml", "mono.toml"],
                       "the shipped themes are read from disk (an empty folder must not pass)")
        for (name, data) in themes {
            XCTAssertEqual(DeskResources.files["themes/" + name].map { Data($0) }, data, "themes/\(name) differs from its embedded copy")
        }
    }

    func testFolderLookupReturnsTheReferenceFiles() {
        XCTAssertEqual(Set(DeskResources.folder("reference").keys), ["kategori.toml", "wilayah.toml", "instansi.toml", "rute.toml"])
        XCTAssertEqual(Set(DeskResources.folder("calendar").keys), ["libur-2025.txt", "libur-2026.txt", "libur-2027.txt"])
    }
}
