@testable import Console
import TextCanvas
import XCTest

/// A choice field keeps its arrows and position in view however long the chosen label is (QA: long topic
/// and unit names ran off the form, with the ▶ and the count).
final class ChoiceFieldTextTests: XCTestCase {
    func testALongLabelIsCutWithAnEllipsisAndTheArrowsAndPositionStay() {
        let long = "Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika"
        let text = OverlayView.choiceText(long, selected: 14, count: 31, width: 50)
        XCTAssertEqual(text, "◀ Pencegahan dan Pemberantasan Penyala… ▶  (15/31)")
        XCTAssertEqual(DisplayWidth.of(text), 50)
        XCTAssertEqual(OverlayView.choiceText("Kesehatan", selected: 0, count: 3, width: 50), "◀ Kesehatan ▶  (1/3)", "what fits is whole")
        XCTAssertEqual(OverlayView.choiceText("Kesehatan", selected: 0, count: 1, width: 50), "◀ Kesehatan ▶")
        XCTAssertEqual(OverlayView.choiceText(long, selected: 14, count: 31, width: 16), "◀ Pencegahan… ▶", "too narrow: the position goes first")
        XCTAssertEqual(OverlayView.choiceText(long, selected: 14, count: 31, width: 6), "◀ Pen…")
    }
}
