import Foundation
import XCTest

/// The real binary against oversized and hostile files: clear FILE:LINE errors, the good lines still
/// recorded, the journal still opening, within a bounded time.
final class InputLimitsCLITests: DeskTestCase {
    /// QA: invalid UTF-8 in an `intake` argument was stored as U+FFFD without a word. It is refused, naming
    /// the option, and nothing is recorded. (A shell builds the bytes: `Process` only passes valid strings.)
    func testAnIntakeArgumentThatIsNotUTF8IsRefusedByItsOption() throws {
        try makeDesk()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", #""$0" intake --data "$1" --channel sms --body "$(printf 'Jalan \377 rusak')" 2>"$2"; echo "exit $?" >>"$2""#,
                       try CLI.requireBinary().path, dataURL.path, scratch.appendingPathComponent("err").path]
        p.environment = CLI.environment([:])
        try p.run()
        p.waitUntilExit()
        let err = try String(contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8)
        XCTAssertTrue(err.contains("--body: not valid UTF-8 text"), err)
        // The `--title=VALUE` form names its own option.
        let q = Process()
        q.executableURL = URL(fileURLWithPath: "/bin/sh")
        q.arguments = ["-c", #""$0" intake --data "$1" --channel sms --body ok --title="$(printf 'a\377')" 2>&1"#,
                       try CLI.requireBinary().path, dataURL.path]
        q.environment = CLI.environment([:])
        let pipe = Pipe()
        q.standardOutput = pipe
        try q.run()
        q.waitUntilExit()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(said.hasPrefix("--title: not valid UTF-8 text"), said)
        XCTAssertTrue(err.hasSuffix("exit 2\n"), err)
        XCTAssertEqual(try listJSON([]).count, 0, "nothing recorded")
    }

    func testTenMegabyteReportDeepNestingAndGoodLinesInOneImport() throws {
        try makeDesk()
        let body = String(repeating: "Jalan rusak parah di desa kami. ", count: 10_000_000 / 32)
        var file = Data("{\"channel\":\"sms\",\"external_id\":\"BESAR\",\"body\":\"\(body)\"}\n".utf8)
        file += Data((String(repeating: "[", count: 100_000) + "\n").utf8)
        file += Data((String(repeating: "{\"a\":", count: 100_000) + "\n").utf8)
        file += Data("{\"channel\":\"sms\",\"external_id\":\"KECIL\",\"body\":\"baik\"}\n".utf8)
        let path = try writeFile("besar.jsonl", file)
        let started = Date()
        let r = try expect(1, ["import", path])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "import of an 11 MB hostile file")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix(path + ":") }
        XCTAssertEqual(errors.map { $0.dropFirst(path.count + 1).prefix(2) }, ["2:", "3:"], r.stderr)
        let rows = try listJSON(["--as", "rina"])
        XCTAssertEqual(Set(rows.compactMap { $0["external_id"] as? String }), ["BESAR", "KECIL"])
        let big = try XCTUnwrap(rows.first { ($0["external_id"] as? String) == "BESAR" }?["id"] as? String)
        let shown = try expect(0, ["show", big, "--json", "--as", "rina"])
        XCTAssertGreaterThan(shown.stdoutData.count, 10_000_000, "the whole body is kept")
        try expect(0, ["check"])
    }

    func testFileOverSixteenMebibytesOnOneLineIsRejectedNotLoaded() throws {
        try makeDesk()
        var file = Data("{\"channel\":\"sms\",\"body\":\"".utf8)
        file += Data(repeating: UInt8(ascii: "x"), count: 17 << 20)
        file += Data("\"}\n{\"channel\":\"sms\",\"body\":\"ok\"}\n".utf8)
        let path = try writeFile("raksasa.jsonl", file)
        let r = try expect(1, ["import", path])
        XCTAssertTrue(r.stderr.contains("\(path):1: line is longer than 16 MiB; rejected"), r.stderr)
        XCTAssertEqual(try listJSON(["--as", "rina"]).count, 1)
    }
}
