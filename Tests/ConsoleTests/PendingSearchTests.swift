@testable import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// QA: a letter typed into a search in the first seconds after a start held the console for four seconds
/// on 200,000 reports, folding every report's text on its own thread while another core was doing the
/// same. Meanwhile the search is answered as pending: the rows stay, the officer is told, and the first
/// tick after the index is ready lists the results.
final class PendingSearchTests: XCTestCase {
    func testASearchWhileTheIndexIsPreparedIsAnsweredByTheTick() throws {
        var s = try Fixture.state()
        let before = s.inbox.rows
        let index = s.inboxIndex
        // The preparation has begun on another core (set as `prepareSearch` sets it before folding).
        index.preparingSearch = true
        s.press(.char("/"))
        s.type("puskesmas")
        s.press(.enter)
        XCTAssertTrue(s.inbox.searchPending)
        XCTAssertEqual(s.inbox.rows, before, "the rows stay until the search can be answered")
        XCTAssertEqual(s.message?.text, "Menyiapkan pencarian di semua laporan… hasilnya muncul sendiri sebentar lagi.")
        ConsoleReducer.reduce(&s, .tick(s.now))
        XCTAssertTrue(s.inbox.searchPending, "not ready yet: still pending")
        index.prepareSearch(s.desk)  // folds, then marks the index ready
        XCTAssertTrue(index.searchIsReady)
        ConsoleReducer.reduce(&s, .tick(s.now))
        XCTAssertFalse(s.inbox.searchPending)
        XCTAssertEqual(s.inbox.rows, [Fixture.ID.overdue])
        XCTAssertEqual(s.message?.text, "1 hasil untuk “puskesmas” (n/N berikut/sebelum, Esc hapus)")
    }
}
