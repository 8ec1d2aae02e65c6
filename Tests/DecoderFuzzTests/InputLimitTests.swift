import Complaints
import ComplaintJournal
import DecoderFuzzing
import Foundation
import TinyTOML
import XCTest

/// Inputs far past anything real: a 10 MB line, very deep nesting, a million-line import. Each must give
/// a clear answer in bounded time and memory, never a stack overflow. Budgets are for a debug build on
/// the 2-core CI machine; the measured figures are in the README.
final class InputLimitTests: XCTestCase {
    static let importTime = Date(timeIntervalSince1970: 1_780_000_000)

    func timed<T>(_ what: String, budget: TimeInterval, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let result = try body()
        let took = Date().timeIntervalSince(started)
        XCTAssertLessThan(took, budget, "\(what) took \(String(format: "%.2f", took)) s")
        return result
    }

    static func deep(_ count: Int, open: String = "[", close: String = "]", inner: String = "1") -> String {
        String(repeating: open, count: count) + inner + String(repeating: close, count: count)
    }

    // MARK: Deep nesting (100,000 levels)

    func testDeeplyNestedJSONIsRejectedWithoutStackOverflow() throws {
        let deep = Self.deep(100_000)
        XCTAssertThrowsError(try timed("JSONParser", budget: 2) { try JSONValue.parse(Array(deep.utf8)) }) { error in
            XCTAssertTrue("\(error)".contains("deep") || "\(error)".contains("nest"), "\(error)")
        }
        let objects = Self.deep(100_000, open: "{\"a\":", close: "}")
        XCTAssertThrowsError(try JSONValue.parse(Array(objects.utf8)))
        // Each decoder that reads JSON: a clear FILE:LINE rejection, the rest of the file still read.
        let good = #"{"channel":"sms","body":"baik"}"#
        let intake = timed("intake", budget: 2) {
            IntakeFile.decodeLines(bytes: Array((deep + "\n" + good + "\n").utf8), fileName: "a.jsonl", importTime: Self.importTime)
        }
        XCTAssertEqual(intake.records.map(\.line), [2])
        XCTAssertEqual(intake.problems.map(\.line), [1])
        XCTAssertTrue(intake.problems.first?.description.hasPrefix("a.jsonl:1: ") ?? false)
        let open311 = timed("open311", budget: 2) { Open311.decode(bytes: Array(deep.utf8), fileName: "o.json", importTime: Self.importTime) }
        XCTAssertEqual(open311.records.count, 0)
        XCTAssertTrue(open311.problems.first?.description.hasPrefix("o.json:") ?? false, "\(open311.problems)")
        for target in ["practice", "journal-line"] {
            let fuzz = try XCTUnwrap(FuzzTargets.named(target))
            let outcome = timed(target, budget: 2) { fuzz.run(Array(deep.utf8)) }
            XCTAssertEqual(outcome.accepted, 0)
            XCTAssertEqual(fuzz.badMessages(in: outcome), [])
        }
    }

    func testDeeplyNestedJournalPayloadIsRejected() throws {
        let seed = try String(contentsOf: SeededMutationTests.corpusRoot.appendingPathComponent("journal-line/line3"), encoding: .utf8)
        let nested = seed.replacingOccurrences(of: #""data":{"text":"catatan"}"#, with: #""data":{"text":"catatan","x":"# + Self.deep(100_000) + "}")
        XCTAssertNotEqual(nested, seed, "the seed line has the expected note payload")
        let line = JournalLineCheck.withChecksumRepaired(Array(nested.utf8))
        let problem = timed("journal line", budget: 2) { JournalLineCheck.problem(in: line) }
        XCTAssertTrue(problem?.contains("nested too deeply") ?? false, problem ?? "accepted")
        XCTAssertNil(JournalLineCheck.problem(in: JournalLineCheck.withChecksumRepaired(Array(seed.utf8))), "control: the seed decodes")
    }

    func testDeeplyNestedTOMLIsRejectedWithALine() throws {
        for deep in ["x = " + Self.deep(100_000), "x = " + Self.deep(100_000, open: "{a=", close: "}"),
                     "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\n"] {
            let text = "name = \"Meja\"\n" + deep + "\n"
            XCTAssertThrowsError(try timed("TOML", budget: 3) { try DeskSettings.parse(text) }) { error in
                XCTAssertTrue("\(error)".hasPrefix("desk.toml:2: "), "\(error)".prefix(200).description)
            }
        }
    }

    // MARK: Long lines

    func testTenMegabyteLineIsHandledAndSixteenMebibytesRejected() throws {
        let body = String(repeating: "Jalan rusak parah di desa kami. ", count: 10_000_000 / 32)
        let line = "{\"channel\":\"sms\",\"body\":\"\(body)\"}\n"
        let batch = timed("10 MB intake line", budget: 20) {
            IntakeFile.decodeLines(bytes: Array(line.utf8) + Array(#"{"channel":"sms","body":"kedua"}"#.utf8),
                                   fileName: "besar.jsonl", importTime: Self.importTime)
        }
        XCTAssertEqual(batch.records.count + batch.problems.count, 2, "one answer per line")
        XCTAssertEqual(batch.records.last?.line, 2)
        for p in batch.problems { XCTAssertTrue(p.description.hasPrefix("besar.jsonl:1: "), p.description) }

        var huge = [UInt8](repeating: UInt8(ascii: "a"), count: 17 << 20)
        huge.insert(contentsOf: Array(#"{"channel":"sms","body":""#.utf8), at: 0)
        huge += Array("\"}\n{\"channel\":\"sms\",\"body\":\"ok\"}\n".utf8)
        let rejected = timed("17 MiB line", budget: 20) { IntakeFile.decodeLines(bytes: huge, fileName: "h.jsonl", importTime: Self.importTime) }
        XCTAssertEqual(rejected.problems.map(\.description), ["h.jsonl:1: line is longer than 16 MiB; rejected"])
        XCTAssertEqual(rejected.records.map(\.line), [2])
    }

    func testTenMegabyteCSVCellAndOpen311Description() throws {
        let big = String(repeating: "x", count: 10_000_000)
        let csv = timed("10 MB CSV cell", budget: 20) {
            CSVIntake.decode(bytes: Array("channel,body\nsms,\"\(big)\"\nsms,kedua\n".utf8), fileName: "c.csv", importTime: Self.importTime)
        }
        XCTAssertEqual(csv.records.count + csv.problems.count, 2)
        XCTAssertEqual(csv.records.last?.line, 3)
        let open311 = timed("10 MB Open311 description", budget: 20) {
            Open311.decode(bytes: Array("[{\"service_request_id\":\"1\",\"description\":\"\(big)\"}]".utf8), fileName: "o.json", importTime: Self.importTime)
        }
        XCTAssertEqual(open311.records.count + open311.problems.count, 1)
    }

    func testTenMegabyteJournalLineDecodes() throws {
        let seed = try String(contentsOf: SeededMutationTests.corpusRoot.appendingPathComponent("journal-line/line3"), encoding: .utf8)
        let big = seed.replacingOccurrences(of: #""text":"catatan""#, with: "\"text\":\"\(String(repeating: "catatan ", count: 1_250_000))\"")
        XCTAssertGreaterThan(big.utf8.count, 10_000_000)
        let problem = timed("10 MB journal line", budget: 10) { JournalLineCheck.problem(in: JournalLineCheck.withChecksumRepaired(Array(big.utf8))) }
        XCTAssertNil(problem, "a 10 MB note is a valid event")
    }

    // MARK: Many lines

    /// A million lines in the full run (`LAPORDESK_FULL_LIMITS=1`), 100,000 in CI: linear time, one record per line.
    func testManyLineImportDecodesInLinearTime() throws {
        let full = ProcessInfo.processInfo.environment["LAPORDESK_FULL_LIMITS"] == "1"
        let count = full ? 1_000_000 : 100_000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 64)
        for i in 0..<count {
            bytes += Array("{\"channel\":\"sms\",\"external_id\":\"S-\(i)\",\"body\":\"Jalan rusak nomor \(i)\"}\n".utf8)
        }
        bytes += Array("{\"channel\":\"sms\"}\n".utf8)
        let started = Date()
        let batch = IntakeFile.decodeLines(bytes: bytes, fileName: "juta.jsonl", importTime: Self.importTime)
        let took = Date().timeIntervalSince(started)
        print("decoded \(count) intake lines (\(bytes.count / 1_000_000) MB) in \(String(format: "%.2f", took)) s")
        XCTAssertEqual(batch.records.count, count)
        XCTAssertEqual(batch.problems.map(\.line), [count + 1])
        XCTAssertLessThan(took, full ? 300 : 60)
    }
}
