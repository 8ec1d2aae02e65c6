import Complaints
@testable import Console
import XCTest

/// The classify form (K) starts from the report as it is.
final class ClassifyFormStepTests: XCTestCase {
    /// QA: on a report without a topic the form showed the first topic of the tree, and changing only the
    /// classification saved that topic (and dropped the sub-topic of a report with an unknown topic).
    func testAReportWithoutATopicKeepsNoneWhenOnlyItsClassificationChanges() throws {
        var b = try Bench()
        let peer = try b.peerStore()
        let receipt = try peer.receive(Intake(channel: .sms, receivedAt: Fixture.now, body: "Tanpa kategori"), as: .system, now: Fixture.now)
        b.run(ConsoleReducer.reduce(&b.state, .journalEvents(try b.store.poll())))
        XCTAssertNil(b.state.desk[receipt.id]?.category)
        b.state.press(.char(":"))
        b.state.type(receipt.id.rawValue)
        b.state.press(.enter, .char("K"))
        let form = try XCTUnwrap(b.state.form)
        XCTAssertEqual(form.choice("category"), "", "as it is: no topic")
        b.state.press(.right) // the classification field: the next one
        b.run(b.state.press(.ctrl("s")))
        XCTAssertNotEqual(b.state.desk[receipt.id]?.classification, .pengaduan)
        XCTAssertNil(b.state.desk[receipt.id]?.category, "still no topic")
    }
}
