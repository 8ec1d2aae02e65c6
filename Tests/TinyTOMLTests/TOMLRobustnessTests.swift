import SeededRandom
import XCTest
import TinyTOML

/// Hostile input must throw or parse, never crash or hang.
final class TOMLRobustnessTests: XCTestCase {
    let sample = #"""
    # sample
    title = "LAPOR \"desk\"" # c
    when = 2026-01-01
    n = [1, 2.5, "x", [true], {a = 1}]
    [owner]
    name = 'x'
    bio = """
    multi \
      line"""
    raw = '''
    raw'''
    [[agency]]
    id = "a"
    unit.kind = 0x1F
    [[agency]]
    id = "b"
    t = 1979-05-27T07:32:00Z
    """#

    func testSampleParses() throws {
        let table = try parsed(sample)
        XCTAssertEqual(try table.tables("agency").count, 2)
    }

    func testEveryTruncationThrowsOrParses() {
        let bytes = Array(sample.utf8)
        for length in 0...bytes.count {
            _ = try? parseTOML(utf8: Array(bytes[0..<length]))
        }
    }

    func testRandomBytesAndMutations() {
        var random = SeededGenerator(seed: 42)
        let alphabet = Array("[]{}\"'=.,#\n\r\t \\uU0123456789abcxyzeE+-_:TZ".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2]
        let base = Array(sample.utf8)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...80, using: &random)
            let noise = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            _ = try? parseTOML(utf8: noise)
            var mutated = base
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<mutated.count, using: &random)
                mutated[index] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            _ = try? parseTOML(utf8: mutated)
        }
        for _ in 0..<300 {
            let raw = (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? parseTOML(utf8: raw)
        }
    }

    func testDeepArrayNestingIsCapped() {
        let deep = "a = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        guard let error = parseError(deep) else { return }
        XCTAssertTrue(error.message.contains("nested deeper than 64"), "\(error)")
        XCTAssertNoThrow(try parseTOML("a = " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60)))
    }

    func testDeepInlineTablesAndDottedKeysAreCapped() {
        let inline = "a = " + String(repeating: "{b = ", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        XCTAssertNotNil(parseError(inline))
        let dotted = Array(repeating: "k", count: 5_000).joined(separator: ".") + " = 1"
        XCTAssertTrue(parseError(dotted)?.message.contains("at most 64 dotted parts") ?? false)
        let header = Array(repeating: "t", count: 40).joined(separator: ".")
        let deepDotted = "[\(header)]\n" + header + " = 1"
        let error = parseError(deepDotted)
        XCTAssertTrue(error?.message.contains("nested deeper than 64") ?? false, "\(String(describing: error))")
        XCTAssertEqual(error?.line, 2)
        let mixed = Array(repeating: "k", count: 60).joined(separator: ".") + " = "
            + String(repeating: "{a.b.c = ", count: 30) + "1" + String(repeating: "}", count: 30)
        XCTAssertNotNil(parseError(mixed))
    }

    func testLongInputIsLinear() throws {
        let text = (0..<20_000).map { "key\($0) = \"value \($0)\" # note" }.joined(separator: "\n")
        let table = try parsed(text)
        XCTAssertEqual(table.count, 20_000)
        XCTAssertEqual(table.line(of: "key19999"), 20_000)
    }
}

final class TOMLScaleTests: XCTestCase {
    func testHugeSingleLineArrayIsFast() throws {
        let count = 200_000
        let text = "a = [" + (0..<count).map { "\"é\($0)\"" }.joined(separator: ",") + "]"
        let table = try parsed(text)
        let array = try XCTUnwrap(table["a"]?.arrayValue)
        XCTAssertEqual(array.count, count)
        XCTAssertEqual(array.position(at: 1).column, 6 + 4 + 1)
    }
}
