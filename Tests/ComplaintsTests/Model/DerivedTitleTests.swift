@testable import Complaints
import XCTest

/// The title a report gets when its channel sent none.
final class DerivedTitleTests: XCTestCase {
    func testTheFirstLineWithTextIsTheTitle() {
        XCTAssertEqual(Intake.derivedTitle(from: "Jalan rusak di depan pasar.\nSudah tiga bulan."), "Jalan rusak di depan pasar.")
        // QA: a body opening with blank lines (one of spaces and a tab) was "(tanpa judul)".
        XCTAssertEqual(Intake.derivedTitle(from: "\n\n\n   \t\n real text after blank lines"), "real text after blank lines")
        XCTAssertEqual(Intake.derivedTitle(from: "\r\n\u{2028}Baris kedua"), "Baris kedua")
    }

    func testABodyWithoutTextHasThePlaceholder() {
        XCTAssertEqual(Intake.derivedTitle(from: ""), "(tanpa judul)")
        XCTAssertEqual(Intake.derivedTitle(from: " \n\t\n  "), "(tanpa judul)")
    }

    func testALongLineIsCutAtAWord() {
        let line = String(repeating: "kata ", count: 30)
        let title = Intake.derivedTitle(from: line + "\nlagi")
        XCTAssertTrue(title.hasSuffix("kata…"), title)
        XCTAssertLessThanOrEqual(title.count, 81)
    }
}
