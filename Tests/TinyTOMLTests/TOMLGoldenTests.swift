import GoldenText
import Foundation
import SeededRandom
import XCTest
import TinyTOML

/// What the parser makes of the repository's TOML files, of hand-made documents and of thousands of damaged
/// copies (each document's full dump, or its hash, or the exact error), compared with outputs recorded before
/// the parser was made faster. Re-record (only for an intended change) with
/// `RECORD_TOML_GOLDEN=1 swift test --filter TOMLGolden`.
final class TOMLGoldenTests: XCTestCase {
    func testDocumentsParseAsRecorded() throws {
        var report: [String] = []
        let documents = try TOMLGoldenCorpus.documents()
        for (name, text) in documents {
            report.append("== \(name)")
            report += outcome(Array(text.utf8), fullDump: text.utf8.count < 3000)
        }
        var random = SeededGenerator(seed: 1_111)
        let alphabet = Array("[]{}\"'=.,#\n\r\t \\uU019azAZ+-_:TZ".utf8) + [0x00, 0xC3, 0xA9, 0xCC, 0x81, 0xFF]
        for round in 0..<2_000 {
            let (name, text) = documents[round % documents.count]
            var bytes = Array(text.utf8)
            let at = random.below(bytes.count + 1)
            let byte = alphabet[random.below(alphabet.count)]
            let op: String
            switch random.below(3) {
            case 0 where at < bytes.count:
                bytes[at] = byte
                op = "set \(at) to \(byte)"
            case 1 where at < bytes.count:
                bytes.remove(at: at)
                op = "remove \(at)"
            default:
                bytes.insert(byte, at: at)
                op = "insert \(byte) at \(at)"
            }
            report.append("#\(round) \(name) \(op)")
            report += outcome(bytes, fullDump: false)
        }
        try assertGolden(report.joined(separator: "\n") + "\n", "toml-outcomes.txt")
    }

    private func outcome(_ bytes: [UInt8], fullDump: Bool) -> [String] {
        do {
            let table = try parseTOML(utf8: bytes)
            return fullDump ? [TOMLDump.text(table)] : ["parses \(TOMLDump.hash(table))"]
        } catch {
            return ["error \(error.description.debugDescription)"]
        }
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        let record = ProcessInfo.processInfo.environment["RECORD_TOML_GOLDEN"] == "1"
        if let mismatch = try GoldenText.mismatch(actual, goldenAt: url, record: record) { XCTFail(mismatch, file: file, line: line) }
    }
}
