import XCTest
@testable import Complaints

/// Script arguments (`act` flags, practice steps) become commands in one place, with named problems.
final class CommandArgumentsTests: XCTestCase {
    func testEveryVerbBuildsFromItsArguments() throws {
        var a = CommandArguments()
        a.agency = "pemkab-sleman"; a.text = "t"; a.reason = "spam"; a.unit = "u"; a.title = "judul"
        a.priority = "tinggi"; a.original = "2600001"; a.fields = ["reporter.nik"]
        XCTAssertEqual(try a.command(.dispose), .dispose(agency: "pemkab-sleman", unit: "u", rule: nil, note: nil))
        XCTAssertEqual(try a.command(.postpone), .postpone(question: "t"), "the text stands in for the question")
        XCTAssertEqual(try a.command(.delete), .delete(reason: .spam, note: nil))
        XCTAssertEqual(try a.command(.priority), .setPriority(.tinggi))
        XCTAssertEqual(try a.command(.linkDuplicate), .linkDuplicate(original: "2600001"))
        var archive = a
        archive.reason = "terlalu-umum"
        for kind in CommandKind.allCases where kind != .receive {
            XCTAssertEqual(try (kind == .archive ? archive : a).command(kind).kind, kind)
        }
    }

    func testMissingAndUnknownValuesNameTheArgument() {
        let empty = CommandArguments()
        XCTAssertThrowsError(try empty.command(.followUp)) {
            XCTAssertEqual($0 as? CommandArguments.Problem, .init(argument: "text", message: "required for 'follow-up'"))
        }
        var bad = CommandArguments()
        bad.reason = "bosan"
        XCTAssertThrowsError(try bad.command(.archive)) {
            XCTAssertEqual(($0 as? CommandArguments.Problem)?.argument, "reason")
            XCTAssertTrue(($0 as? CommandArguments.Problem)?.message.contains("terlalu-umum") ?? false)
        }
        bad.classification = "keluhan"
        XCTAssertThrowsError(try bad.command(.classify)) {
            XCTAssertEqual(($0 as? CommandArguments.Problem)?.argument, "classification")
        }
        XCTAssertThrowsError(try empty.command(.receive))
    }
}
