import Complaints
import Foundation
import XCTest
@testable import ComplaintJournal
#if canImport(Glibc)
import Glibc
#endif

/// Complaints carry citizens' identities: every folder of a desk is 0700 and every file 0600,
/// whatever the umask, including what recovery and repair create later.
final class FilePermissionTests: XCTestCase {
    private var resources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files")
    }

    private func folderTexts(_ name: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        let folder = resources.appendingPathComponent(name)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            texts[file] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return texts
    }

    /// Every entry under `folder` with its permission bits.
    private func modes(_ folder: URL) -> [String: (isDirectory: Bool, mode: mode_t)] {
        var result: [String: (Bool, mode_t)] = [:]
        var info = stat()
        if stat(folder.path, &info) == 0 { result["."] = (true, info.st_mode & 0o7777) }
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0 else { continue }
            result[relative] = ((info.st_mode & S_IFMT) == S_IFDIR, info.st_mode & 0o7777)
        }
        return result
    }

    func testDeskFoldersAre0700AndFiles0600WhateverTheUmask() throws {
        let previous = umask(0)
        defer { umask(previous) }
        let parent = try TestSupport.temporaryFolder(self)
        let url = parent.appendingPathComponent("meja")
        let desk = DeskFolder(url: url)
        try desk.initialize(defaults: DeskDefaults(reference: try folderTexts("reference"), calendars: try folderTexts("calendar")))

        // Journal files made by a writer, a roll, a recovered torn tail and a repair.
        let options = FileJournal.Options(segmentSizeLimit: 900)
        let (journal, _) = try FileJournal.open(at: url, mode: .writer, options: options)
        for number in 1...4 { _ = try journal.append { _ in [TestSupport.entry(number)] } }
        let last = try XCTUnwrap(try JournalFolder(dataFolder: url).segmentNumbers().last)
        let segment = TestSupport.segmentPath(url, last)
        try TestSupport.write(try TestSupport.bytes(segment) + Array("{\"seq\":5,\"torn".utf8), to: segment)
        let (recovered, report) = try FileJournal.open(at: url, mode: .writer, options: options)
        XCTAssertEqual(report.tornTails.count, 1)
        var first = try TestSupport.bytes(TestSupport.segmentPath(url, 1))
        first[30] ^= 0x01
        try TestSupport.write(first, to: TestSupport.segmentPath(url, 1))
        _ = try recovered.repair()

        let found = modes(url)
        XCTAssertTrue(found.keys.contains("journal/quarantine/acknowledged.jsonl"), "\(found.keys.sorted())")
        XCTAssertTrue(found.keys.contains { $0.hasSuffix(".torn") })
        XCTAssertTrue(found.keys.contains { $0.hasSuffix(".damaged") })
        XCTAssertTrue(found.keys.contains("journal/LOCK"))
        for (path, entry) in found.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(String(entry.mode, radix: 8), entry.isDirectory ? "700" : "600", path)
        }
    }

    func testDataFolderCreatedByTheJournalIs0700() throws {
        let previous = umask(0)
        defer { umask(previous) }
        let url = try TestSupport.temporaryFolder(self).appendingPathComponent("baru")
        _ = try FileJournal.open(at: url, mode: .writer).0.append { _ in [TestSupport.entry(1)] }
        for (path, entry) in modes(url) {
            XCTAssertEqual(String(entry.mode, radix: 8), entry.isDirectory ? "700" : "600", path)
        }
    }
}

/// With a desk group configured, what the journal creates is given to that group, group-readable.
final class DeskGroupPermissionTests: XCTestCase {
    func testDeskGroupMakesNewJournalFilesGroupReadable() throws {
        let previous = umask(0o077)
        defer { umask(previous) }
        let group = try XCTUnwrap(DeskGroup.id(named: "daemon") ?? DeskGroup.id(named: "bin"), "a system group to share with")
        let url = try TestSupport.temporaryFolder(self).appendingPathComponent("meja")
        var options = FileJournal.Options(segmentSizeLimit: 900)
        options.deskGroup = group
        let (journal, _) = try FileJournal.open(at: url, mode: .writer, options: options)
        for number in 1...4 { _ = try journal.append { _ in [TestSupport.entry(number)] } }
        let last = try XCTUnwrap(try JournalFolder(dataFolder: url).segmentNumbers().last)
        let segment = TestSupport.segmentPath(url, last)
        try TestSupport.write(try TestSupport.bytes(segment) + Array("{\"seq\":5,\"torn".utf8), to: segment)
        let (recovered, _) = try FileJournal.open(at: url, mode: .writer, options: options)
        var first = try TestSupport.bytes(TestSupport.segmentPath(url, 1))
        first[30] ^= 0x01
        try TestSupport.write(first, to: TestSupport.segmentPath(url, 1))
        _ = try recovered.repair()

        var checked = 0
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var info = stat()
        while let relative = enumerator?.nextObject() as? String {
            XCTAssertEqual(lstat(url.appendingPathComponent(relative).path, &info), 0)
            // The segment rewritten by this test itself (TestSupport.write) keeps what it had.
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            XCTAssertEqual(String(info.st_mode & 0o777, radix: 8), isDirectory ? "750" : "640", relative)
            XCTAssertEqual(UInt32(info.st_gid), group, relative)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 8)
        XCTAssertEqual(stat(url.path, &info), 0)
        XCTAssertEqual(String(info.st_mode & 0o777, radix: 8), "750", "the data folder the journal created")
    }

    func testGroupSettingIsParsedAndBadNamesAreRefusedWithTheLine() throws {
        XCTAssertEqual(try DeskSettings.parse("grup = \"lapor-desk\"\n").group, "lapor-desk")
        XCTAssertNil(try DeskSettings.parse("name = \"Meja\"\n").group)
        XCTAssertThrowsError(try DeskSettings.parse("name = \"Meja\"\ngrup = \"../etc\"\n")) { error in
            XCTAssertTrue("\(error)".contains("desk.toml:2"), "\(error)")
            XCTAssertTrue("\(error)".contains("not a group name"), "\(error)")
        }
    }
}
