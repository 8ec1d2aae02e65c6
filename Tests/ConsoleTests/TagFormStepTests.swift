import Complaints
@testable import Console
import XCTest

/// The tag form: tags are typed comma separated, and a tag that itself holds a comma (recorded from the
/// command line) can still be removed from the console.
final class TagFormStepTests: XCTestCase {
    func testPiecesThatSpellAnExistingTagWithACommaAreThatTag() {
        XCTAssertEqual(TagList.parse(" banjir , jalan,, banjir "), ["banjir", "jalan"])
        XCTAssertEqual(TagList.parse("Jl. A, B", existing: ["Jl. A, B", "banjir"]), ["Jl. A, B"])
        XCTAssertEqual(TagList.parse("banjir, Jl. A, B, jalan", existing: ["Jl. A, B"]), ["banjir", "Jl. A, B", "jalan"])
        XCTAssertEqual(TagList.parse("a,b,c", existing: ["a,b", "a,b,c"]), ["a,b,c"], "the longest run first")
        XCTAssertEqual(TagList.parse("Jl. A, B", existing: ["banjir"]), ["Jl. A", "B"], "no such tag: pieces as typed")
        XCTAssertEqual(TagList.shown(["banjir", "Jl. A, B"]), "banjir, \"Jl. A, B\"")
        // Typed as listed, quotes and all (QA: "Nothing would change"); a quoted tag to add is one tag.
        XCTAssertEqual(TagList.parse("\"Jl. A, B\", banjir", existing: ["Jl. A, B", "banjir"]), ["Jl. A, B", "banjir"])
        XCTAssertEqual(TagList.parse("\"Jl. C, D\""), ["Jl. C, D"])
        XCTAssertEqual(TagList.parse("a \"b"), ["a \"b"], "an unpaired quote is text")
    }

    func testATagHoldingACommaIsRemovedFromTheForm() throws {
        var b = try Bench()
        let id = Fixture.ID.overdue
        try b.store.perform(.tag(add: ["Jl. A, B", "banjir"], remove: []), on: id, as: Fixture.national, now: Fixture.now)
        b.state = try Fixture.state(store: b.store)
        b.state.press(.char("T"))
        let form = try XCTUnwrap(b.state.form)
        XCTAssertEqual(form.explanation, ["Tag sekarang: \"Jl. A, B\", banjir"], "the list reads one tag apiece")
        b.state.press(.down)
        b.state.type("Jl. A, B")
        b.run(b.state.press(.ctrl("s")))
        XCTAssertNil(b.state.overlay)
        XCTAssertEqual(b.store.desk[id]?.tags, ["banjir"])
        XCTAssertEqual(b.state.desk[id]?.tags, ["banjir"])
    }
}
