import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `export --output PATH` writes to the path as the shell's `>` would. QA: it wrote a temporary file and
/// renamed it over the path, which turned `/dev/null` (run as root) into a regular file and would do the
/// same to a named pipe or a symbolic link.
final class ExportOutputTests: DeskTestCase {
    func testANamedPipeIsWrittenThroughAndStaysAPipe() throws {
        try makeDesk()
        _ = try intake([])
        let fifo = scratch.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = ReadAll(path: fifo)
        let r = try desk(["export", "-o", fifo])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertTrue(received.wait().hasPrefix("{\"id\":"), "the reader got the export")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a named pipe, not replaced by a file")
    }

    func testASymbolicLinkStaysALinkAndItsTargetGetsTheExport() throws {
        try makeDesk()
        _ = try intake([])
        let target = scratch.appendingPathComponent("target.csv").path
        let link = scratch.appendingPathComponent("link.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: target, contents: Data("old, longer than the export will be\n".utf8)))
        XCTAssertEqual(symlink(target, link), 0)
        let r = try desk(["export", "--format", "csv", "-o", link])
        XCTAssertEqual(r.code, 0, r.transcript)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(written.contains("2600001"), written)
        XCTAssertFalse(written.contains("old, longer"), "truncated before writing")
    }

    /// QA: `-o DESK/journal/000001.jsonl` wrote the export over the journal segment and exited 0.
    func testAPathInsideTheDesksFolderIsRefused() throws {
        try makeDesk()
        let id = try intake([])
        let before = try Data(contentsOf: journalFile)
        let link = scratch.appendingPathComponent("segment-link").path
        XCTAssertEqual(symlink(journalFile.path, link), 0)
        for path in [journalFile.path, dataURL.appendingPathComponent("desk.toml").path, link,
                     dataURL.appendingPathComponent("journal/../ekspor.csv").path] {
            let r = try desk(["export", "-o", path])
            XCTAssertEqual(r.code, 2, r.transcript)
            XCTAssertTrue(r.stderr.contains("inside the desk's data folder"), r.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: journalFile), before, "the journal is untouched")
        XCTAssertTrue(try desk(["show", id]).stdout.contains(id))
    }

    /// QA: a hard link to a segment (a `cp -al` backup) is the journal under another name.
    func testAHardLinkToADeskFileIsRefused() throws {
        try makeDesk()
        _ = try intake([])
        let before = try Data(contentsOf: journalFile)
        let backup = scratch.appendingPathComponent("cadangan-000001.jsonl").path
        XCTAssertEqual(link(journalFile.path, backup), 0)
        let r = try desk(["export", "--format", "csv", "-o", backup])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("the same file as the desk's journal/000001.jsonl (a hard link)"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: journalFile), before, "the journal is untouched")
        // A file with other hard links that are not the desk's is written as usual.
        let mine = scratch.appendingPathComponent("ekspor.csv").path, alias = scratch.appendingPathComponent("alias.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: mine, contents: Data()))
        XCTAssertEqual(link(mine, alias), 0)
        XCTAssertEqual(try desk(["export", "--format", "csv", "-o", mine]).code, 0)
        XCTAssertGreaterThan(try Data(contentsOf: URL(fileURLWithPath: alias)).count, 0)
    }

    func testAFolderOrAMissingFolderSaysWhy() throws {
        try makeDesk()
        let folder = try desk(["export", "-o", scratch.path])
        XCTAssertEqual(folder.code, 2, folder.transcript)
        XCTAssertTrue(folder.stderr.contains("\(scratch.path): cannot write: Is a directory"), folder.stderr)
        let missing = scratch.appendingPathComponent("no/such/x.csv").path
        let r = try desk(["export", "-o", missing])
        XCTAssertEqual(r.code, 2, r.transcript)
        XCTAssertTrue(r.stderr.contains("\(missing): cannot write: No such file or directory"), r.stderr)
    }
}

/// Reads a named pipe to its end on another thread (opening it blocks until a writer opens it).
private final class ReadAll: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var text = ""

    init(path: String) {
        Thread.detachNewThread { [self] in
            let fd = open(path, O_RDONLY)
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while fd >= 0 {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            if fd >= 0 { close(fd) }
            text = String(decoding: bytes, as: UTF8.self)
            done.signal()
        }
    }

    func wait() -> String {
        _ = done.wait(timeout: .now() + 20)
        return text
    }
}
