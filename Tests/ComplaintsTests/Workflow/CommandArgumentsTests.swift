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

    /// QA: `act ID note --text hi --reason x` dropped the reason silently. An argument the verb does not read
    /// is named; every argument each verb reads passes (the table matches what `command` reads).
    func testAnArgumentTheVerbDoesNotReadIsNamed() {
        var note = CommandArguments()
        note.text = "hi"
        note.reason = "x"
        XCTAssertThrowsError(try note.checkAllUsed(by: .note)) {
            XCTAssertEqual($0 as? CommandArguments.Problem, .init(argument: "reason", message: "not used by 'note' (it takes: text)"))
        }
        note.reason = nil
        XCTAssertNoThrow(try note.checkAllUsed(by: .note))
        var archive = CommandArguments()
        archive.reason = "duplikat"; archive.note = "n"; archive.duplicateOf = "2600001"
        XCTAssertNoThrow(try archive.checkAllUsed(by: .archive))
        var flags = CommandArguments()
        flags.anonymous = true; flags.confidential = false
        XCTAssertNoThrow(try flags.checkAllUsed(by: .setFlags))
        XCTAssertThrowsError(try flags.checkAllUsed(by: .dispose))
        // Each verb's table holds what `command` needs: built from exactly those arguments, it succeeds.
        for kind in CommandKind.allCases where kind != .receive && kind != .autoClose {
            var a = CommandArguments()
            let takes = CommandArguments.accepted(kind)
            if takes.contains("agency") { a.agency = "pemkab-sleman" }
            if takes.contains("unit") { a.unit = "u" }
            if takes.contains("text") { a.text = "t" }
            if takes.contains("reason") { a.reason = kind == .archive ? "terlalu-umum" : "spam" }
            if takes.contains("title") { a.title = "judul" }
            if takes.contains("priority") { a.priority = "tinggi" }
            if takes.contains("original") { a.original = "2600001" }
            XCTAssertNoThrow(try a.checkAllUsed(by: kind), "\(kind)")
            XCTAssertEqual(try a.command(kind).kind, kind)
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
